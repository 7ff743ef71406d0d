// Unit tier for rules found with the NER evaluation (scripts/eval-ner.ts): the name span of a mention whose
// gazetteer key carries words outside the name (a state descriptor before it, دولة قطر, or an honorific epithet
// after it, مكة المكرمة), and a name read as a person's once staying the person. A tiny synthetic gazetteer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalize, rawSpan } from '../text/normalize.ts';
import { sentences } from '../text/segment.ts';
import { tokenize } from '../text/tokenize.ts';
import { createGazetteer, findPlaceMentions } from './index.ts';

const gaz = createGazetteer([
  { name: 'Qatar', name_ar: 'قطر', aliases: ['دولة قطر'], country: 'QA', lat: 25.3, lon: 51.2, feature: 'country' },
  { name: 'Saudi Arabia', name_ar: 'السعودية', country: 'SA', lat: 24.7, lon: 46.7, feature: 'country' },
  { name: 'Makkah', name_ar: 'مكة', aliases: ['مكة المكرمة'], country: 'SA', lat: 21.42, lon: 39.83, feature: 'locality', rank: 7 },
  { name: 'Gaza Strip', name_ar: 'قطاع غزة', country: 'PS', lat: 31.4, lon: 34.4, feature: 'admin1' },
  { name: 'Gaza', name_ar: 'غزة', country: 'PS', lat: 31.5, lon: 34.47, feature: 'locality', rank: 7 },
  { name: 'Sadr City', name_ar: 'مدينة الصدر', country: 'IQ', lat: 33.38, lon: 44.45, feature: 'neighbourhood' },
  { name: 'South Sudan', name_ar: 'جنوب السودان', country: 'SS', lat: 4.85, lon: 31.6, feature: 'country' },
  { name: 'Sudan', name_ar: 'السودان', country: 'SD', lat: 15.5, lon: 32.5, feature: 'country' },
  // a village named like a surname, and a town of the same country
  { name: 'Anan', name_ar: 'أنان', country: 'SD', lat: 15.1, lon: 32.1, feature: 'locality', population: 20000 },
  { name: 'Omdurman', name_ar: 'أم درمان', country: 'SD', lat: 15.64, lon: 32.48, feature: 'locality', rank: 7 },
]);

function run(text: string) {
  const norm = normalize(text);
  return findPlaceMentions({ norm, tokens: tokenize(norm.text), sentences: sentences(norm.text) }, gaz).map((m) => ({
    text: rawSpan(norm, m.start, m.end).text,
    place: m.choice?.name ?? null,
  }));
}

describe('name span inside a longer gazetteer key', () => {
  it('a state descriptor naming the same place is left out of the span; the place is the same', () => {
    assert.deepEqual(run('وصل الوفد إلى دولة قطر أمس.'), [{ text: 'قطر', place: 'Qatar' }]);
  });
  it('an honorific epithet after the name is left out of the span', () => {
    assert.deepEqual(run('وصل الحجاج إلى مكة المكرمة.'), [{ text: 'مكة', place: 'Makkah' }]);
  });
  it('type and compass words that belong to the name stay in it', () => {
    const t = run('قصف في قطاع غزة وفي مدينة الصدر وفي جنوب السودان.').map((m) => m.text);
    assert.deepEqual(t, ['قطاع غزة', 'مدينة الصدر', 'جنوب السودان']);
  });
});

describe('a name read as a person once stays the person in the article', () => {
  it('the surname after a foreign given name, and alone later', () => {
    const t = run('قال كوفي أنان إن الوضع في أم درمان هادئ. وتلقى المجلس رسالة من أنان.').map((m) => m.text);
    assert.deepEqual(t, ['أم درمان']);
  });
  it('a place cue before it still names the place', () => {
    const t = run('قال كوفي أنان إن الوضع هادئ. ووصلت المساعدات إلى بلدة أنان.').map((m) => m.text);
    assert.deepEqual(t, ['أنان']);
  });
});
