// Pure helpers of the pipeline's events stage: which incidents are kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daysBefore, startsAfter } from './stages.ts';

describe('an incident dated after publication is expected, not reported', () => {
  it('compares the start of the day, week or month with the publication date', () => {
    assert.equal(startsAfter({ event_date: '2015-07-29', time_precision: 1 }, '2015-07-22'), true);
    assert.equal(startsAfter({ event_date: '2015-07-22', time_precision: 1 }, '2015-07-22'), false);
    // the week around the 29th starts on the 26th; the month of the 15th on the 1st
    assert.equal(startsAfter({ event_date: '2015-07-29', time_precision: 2 }, '2015-07-25'), true);
    assert.equal(startsAfter({ event_date: '2015-07-24', time_precision: 2 }, '2015-07-22'), false);
    assert.equal(startsAfter({ event_date: '2015-08-15', time_precision: 3 }, '2015-08-09'), false);
    assert.equal(startsAfter({ event_date: '2015-09-15', time_precision: 3 }, '2015-08-09'), true);
  });
  it('keeps an undated incident or one of an undated article', () => {
    assert.equal(startsAfter({ event_date: null, time_precision: 1 }, '2015-07-22'), false);
    assert.equal(startsAfter({ event_date: '2015-07-29', time_precision: 1 }, null), false);
  });
});

describe('days before a date', () => {
  it('counts back across months and refuses a date that is not real', () => {
    assert.equal(daysBefore('2015-03-02', 7), '2015-02-23');
    assert.equal(daysBefore('2015-02-30', 7), null);
    assert.equal(daysBefore('not a date', 7), null);
  });
});
