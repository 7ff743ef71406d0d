// The assault evaluation's scoring: labels to gold classes, the event-type mapping, the confusion counts.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { EventRecord } from '../src/types.ts';
import { assaultEvents, dateFromId, genericGold, gsrGold, missReason, readItems, score } from './eval-assault.ts';

const ev = (event_type: string, background = false) => ({ event_type, background }) as EventRecord;

describe('eval-assault scoring', () => {
  it('maps the gold-standard labels: yes → pos, easy/difficult no → neg, ambiguous left out', () => {
    assert.equal(gsrGold('yes'), 'pos');
    assert.equal(gsrGold('easy no'), 'neg');
    assert.equal(gsrGold('difficult no'), 'neg');
    assert.equal(gsrGold('ambiguous'), 'skip');
    assert.equal(genericGold(1), 'pos');
    assert.equal(genericGold('false'), 'neg');
    assert.equal(genericGold(''), 'skip');
  });

  it('counts only news events of the three violent ACLED types', () => {
    const events = [ev('Protests'), ev('Strategic developments'), ev('Battles', true)];
    assert.equal(assaultEvents(events).length, 0);
    assert.equal(assaultEvents(events, { background: true }).length, 1);
    assert.equal(assaultEvents([ev('Violence against civilians'), ev('Explosions/Remote violence')]).length, 2);
  });

  it('scores precision, recall, F1 and accuracy, leaving skipped items out', () => {
    const s = score([
      { gold: 'pos', pred: true },
      { gold: 'pos', pred: false },
      { gold: 'neg', pred: true },
      { gold: 'neg', pred: false },
      { gold: 'neg', pred: false },
      { gold: 'skip', pred: true },
    ]);
    assert.deepEqual([s.tp, s.fp, s.fn, s.tn], [1, 1, 1, 2]);
    assert.equal(s.precision, 0.5);
    assert.equal(s.recall, 0.5);
    assert.equal(s.f1, 0.5);
    assert.equal(s.accuracy, 0.6);
    assert.equal(score([]).f1, 0);
  });

  it('reads the publication date from a Gigaword id and names why a positive was missed', () => {
    assert.equal(dateFromId('AAW_ARB_20071026.0026-2'), '2007-10-26');
    assert.equal(dateFromId('42'), null);
    assert.equal(missReason([ev('Battles', true)], 1), 'background only');
    assert.equal(missReason([ev('Protests')], 0), 'other event type');
    assert.equal(missReason([], 2), 'trigger, no event kept');
    assert.equal(missReason([], 0), 'no trigger word');
  });

  it('reads the gold-standard CSV with quoted commas and newlines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assault-'));
    const f = join(dir, 'gsr.csv');
    writeFileSync(
      f,
      ',accept,event_type,id,label,reject,text,total\n0,3,ASSAULT,A_1,yes,0,"قتل، وجرح\nاثنان",3\n1,0,ASSAULT,A_2,ambiguous,1,نص,1\n',
    );
    const items = readItems(f, 'gsr');
    assert.deepEqual(
      items.map((i) => [i.id, i.gold, i.text]),
      [
        ['A_1', 'pos', 'قتل، وجرح\nاثنان'],
        ['A_2', 'skip', 'نص'],
      ],
    );
  });
});
