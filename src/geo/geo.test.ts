// Unit tier: a tiny synthetic gazetteer of one governorate (plus a look-alike elsewhere), no shipped data needed
// beyond the place-word lexicon.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalize } from '../text/normalize.ts';
import { sentences } from '../text/segment.ts';
import { tokenize } from '../text/tokenize.ts';
import { editDistance, variantScore } from './fuzzy.ts';
import { countryByName, countryName, createGazetteer, findPlaceMentions, geocodeName } from './index.ts';
import { foldLatin, isArabicName, nameKey } from './keys.ts';

const gaz = createGazetteer([
  { name: 'Syria', name_ar: 'سوريا', country: 'SY', lat: 33.51, lon: 36.29, feature: 'country', aliases: ['سورية'] },
  { name: 'Iraq', name_ar: 'العراق', country: 'IQ', lat: 33.34, lon: 44.4, feature: 'country' },
  { name: 'Deir ez-Zor', name_ar: 'دير الزور', country: 'SY', admin1: 'SY.07', lat: 35.336, lon: 40.141, feature: 'admin1' },
  {
    name: 'Deir ez-Zor',
    name_ar: 'دير الزور',
    country: 'SY',
    admin1: 'SY.07',
    lat: 35.336,
    lon: 40.141,
    feature: 'locality',
    population: 242565,
    rank: 7,
  },
  { name: 'Aleppo', name_ar: 'حلب', country: 'SY', admin1: 'SY.09', lat: 36.2, lon: 37.16, feature: 'admin1' },
  {
    name: 'Aleppo',
    name_ar: 'حلب',
    country: 'SY',
    admin1: 'SY.09',
    lat: 36.2,
    lon: 37.16,
    feature: 'locality',
    population: 1600000,
    rank: 7,
  },
  {
    name: 'Ar-Raqqah',
    name_ar: 'الرقة',
    country: 'SY',
    admin1: 'SY.04',
    lat: 35.95,
    lon: 39.01,
    feature: 'locality',
    population: 177000,
    rank: 7,
  },
  { name: 'Al Busayrah', name_ar: 'البصيرة', country: 'SY', admin1: 'SY.07', lat: 35.156, lon: 40.427, feature: 'locality' },
  {
    name: 'Kur Muman',
    name_ar: 'كور مومان',
    country: 'SY',
    admin1: 'SY.09',
    lat: 36.4,
    lon: 37.5,
    feature: 'locality',
    variants: ['البصيرة'],
  },
  { name: 'Saffat az Zirr', name_ar: 'صفات الزر', country: 'SY', admin1: 'SY.07', lat: 35.124, lon: 40.43, feature: 'locality' },
  { name: 'Al Busayrah', name_ar: 'البصيرة', country: 'IQ', admin1: 'IQ.01', lat: 33.0, lon: 42.0, feature: 'locality' },
]);

function run(text: string) {
  const norm = normalize(text);
  return findPlaceMentions({ norm, tokens: tokenize(norm.text), sentences: sentences(norm.text) }, gaz);
}

describe('keys', () => {
  it('keeps Arabic names only when written with Arabic letters', () => {
    assert.equal(isArabicName('دير الزور'), true);
    assert.equal(isArabicName('سوریه'), false); // Persian yeh
    assert.equal(isArabicName('Ash Shām'), false);
  });
  it('folds Latin names and normalises Arabic ones', () => {
    assert.equal(foldLatin('Ta‘izz'), 'taizz');
    assert.equal(nameKey('Deir ez-Zor'), 'deir ezzor');
    assert.equal(nameKey('إدلب'), 'ادلب');
  });
});

describe('fuzzy', () => {
  it('counts a swap of two letters as one edit', () => {
    assert.equal(editDistance('الزر', 'الرز'), 1);
    assert.equal(editDistance('حلب', 'حماه', 1), 2);
  });
  it('matches a name that is one word of a longer local name', () => {
    assert.equal(variantScore('الزر', 'صفات الزر'), 2);
    assert.equal(variantScore('الرز', 'الزر'), 1);
    assert.equal(variantScore('حلب', 'صفات الزر'), 0);
  });
});

describe('findPlaceMentions', () => {
  it('strips clitics and keeps offsets on the name', () => {
    const ms = run('قصف بدير الزور ووصل لحلب، وفي الرقة اشتباكات.');
    const texts = ms.map((m) => m.text);
    assert.deepEqual(texts, ['دير الزور', 'حلب', 'الرقه']);
    assert.equal(ms[0]?.choice?.country_code, 'SY');
    assert.equal(ms[0]?.choice?.feature, 'locality');
  });
  it('prefers the place in the admin unit named in the text (Al Busayrah, Deir ez-Zor)', () => {
    const ms = run('قتل ثلاثة في بلدة البصيرة بريف دير الزور في سوريا.');
    const b = ms.find((m) => m.text === 'البصيره');
    assert.equal(b?.choice?.admin1, 'Deir ez-Zor');
    assert.equal(b?.choice?.country_code, 'SY');
    assert.ok(b && b.candidates.length >= 2);
  });
  it('finds an unknown village by its spelling variant inside the named governorate', () => {
    const ms = run('قتل خمسة في قرية الزر بريف دير الزور الشرقي.');
    const z = ms.find((m) => m.text === 'الزر');
    assert.equal(z?.choice?.name, 'Saffat az Zirr');
    assert.equal(z?.choice?.geo_precision, 2);
    const rural = ms.find((m) => m.text === 'دير الزور');
    assert.equal(rural?.choice?.feature, 'region');
    assert.equal(rural?.choice?.geo_precision, 2);
  });
  it('gives a regional phrase the named place with a coarser precision', () => {
    const ms = run('وقعت اشتباكات جنوب حلب.');
    assert.equal(ms[0]?.choice?.name, 'Aleppo');
    assert.equal(ms[0]?.choice?.feature, 'region');
    assert.ok((ms[0]?.choice?.geo_precision ?? 1) >= 2);
  });
  it('uses the admin unit for a governorate cue', () => {
    const ms = run('في محافظة دير الزور');
    assert.equal(ms[0]?.choice?.feature, 'admin1');
    assert.equal(ms[0]?.choice?.geo_precision, 3);
  });
  it('keeps an unknown name after a cue as a doubt, placed at its named admin unit when there is one', () => {
    const ms = run('سقط صاروخ على قرية المجهولة في محافظة دير الزور.');
    const u = ms.find((m) => m.text === 'المجهوله');
    assert.equal(u?.doubt?.code, 'place_unresolved');
    assert.equal(u?.candidates.length, 0);
    assert.equal(u?.choice?.admin1, 'Deir ez-Zor');
    const alone = run('سقط صاروخ على قرية المجهولة.');
    assert.equal(alone[0]?.choice, null);
    assert.equal(alone[0]?.doubt?.code, 'place_unresolved');
  });
  it('survives Latin, mixed script, empty and huge input', () => {
    assert.deepEqual(run(''), []);
    const latin = run('Clashes in Aleppo and Deir ez-Zor, قرب حلب.');
    assert.ok(latin.some((m) => m.choice?.name === 'Aleppo'));
    const big = run('في حلب، '.repeat(10000));
    assert.equal(big.length, 10000);
  });
});

describe('geocodeName and country helpers', () => {
  it('geocodes one name with country context', () => {
    assert.equal(geocodeName('البصيرة', { countries: ['IQ'] }, gaz)?.country_code, 'IQ');
    assert.equal(geocodeName('البصيرة', { countries: ['SY'] }, gaz)?.country_code, 'SY');
    assert.equal(geocodeName('مكان لا يوجد', {}, gaz), null);
    assert.equal(geocodeName('', {}, gaz), null);
  });
  it('names countries both ways', () => {
    assert.equal(countryName('sy', gaz), 'Syria');
    assert.equal(countryByName('سورية', gaz), 'SY');
    assert.equal(countryByName('Iraq', gaz), 'IQ');
    assert.equal(countryByName('Atlantis', gaz), null);
  });
});
