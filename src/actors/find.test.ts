import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalize } from '../text/normalize.ts';
import { tokenize } from '../text/tokenize.ts';
import { countriesOf, countryOfAdjective, findActors, loadActorLexicon } from './index.ts';

const lex = loadActorLexicon();

function actors(text: string, countries: string[]) {
  const norm = normalize(text);
  const tokens = tokenize(norm.text);
  return findActors({ norm, tokens }, lex, { countries }).map((m) => ({
    text: norm.text.slice(m.start, m.end),
    name: m.actor.name,
    generic: m.generic === true,
  }));
}
const names = (text: string, countries: string[]) => actors(text, countries).map((a) => a.name);

describe('findActors: named aliases', () => {
  it('matches aliases through clitics (وداعش، لقسد، بتنظيم الدولة)', () => {
    const got = actors('اشتبك مقاتلون تابعون لقسد مع عناصر مرتبطة بتنظيم الدولة، فيما تراجع نفوذ داعش وداعش.', ['SY']);
    assert.deepEqual(
      got.filter((a) => !a.generic).map((a) => [a.text, a.name]),
      [
        ['قسد', 'Syrian Democratic Forces'],
        ['تنظيم الدوله', 'Islamic State'],
        ['داعش', 'Islamic State'],
        ['داعش', 'Islamic State'],
      ],
    );
  });
  it('prefers the longest alias (كتائب حزب الله is not Hezbollah)', () => {
    assert.deepEqual(names('قصفت كتائب حزب الله قاعدة قرب الحدود، ونفى حزب الله أي علاقة.', ['IQ']), ['Kataib Hezbollah', 'Hezbollah']);
  });
  it('knows abbreviations and state forces by nationality', () => {
    assert.deepEqual(names('أعلنت سنتكوم أن الجيش العراقي والحشد الشعبي تقدموا.', ['IQ']), [
      'Military Forces of the United States',
      'Military Forces of Iraq',
      'Popular Mobilization Forces',
    ]);
  });
});

describe('findActors: generic actors resolved by country', () => {
  it('قوات النظام is the Syrian army only in Syria', () => {
    assert.deepEqual(names('قصفت قوات النظام بلدة في الريف الجنوبي.', ['SY']), ['Military Forces of Syria']);
    assert.deepEqual(names('قصفت قوات النظام بلدة في الريف الجنوبي.', ['EG']), []);
  });
  it('الجيش / قوات الأمن / مسلحون مجهولون / مدنيين follow the article country', () => {
    const got = actors('هاجم مسلحون مجهولون نقطة للجيش وقتلوا ثلاثة مدنيين قبل وصول قوات الأمن.', ['EG']);
    assert.deepEqual(
      got.map((a) => [a.name, a.generic]),
      [
        ['Unidentified Armed Group (Egypt)', true],
        ['Military Forces of Egypt', true],
        ['Civilians (Egypt)', true],
        ['Police Forces of Egypt', true],
      ],
    );
  });
  it('Yemen: الجيش الوطني، المقاومة الشعبية، الميليشيات، طيران التحالف', () => {
    assert.deepEqual(names('تقدم الجيش الوطني والمقاومة الشعبية بعد غارات شنها طيران التحالف على مواقع الميليشيات.', ['YE']), [
      'Military Forces of Yemen',
      'Popular Resistance',
      'Saudi-led Coalition',
      'Houthis',
    ]);
  });
  it('the coalition is the Global Coalition in Syria and Iraq', () => {
    assert.deepEqual(names('استهدفت طائرات التحالف مواقع التنظيم.', ['IQ']), ['Global Coalition Against Daesh']);
    assert.deepEqual(names('استهدفت طائرات التحالف مواقع الانقلابيين.', ['YE']), ['Saudi-led Coalition', 'Houthis']);
  });
  it('protesters, and nothing without a country', () => {
    assert.deepEqual(names('أطلقت الشرطة الغاز على المتظاهرين.', ['BD']), ['Police Forces of Bangladesh', 'Protesters (Bangladesh)']);
    assert.deepEqual(names('أطلقت الشرطة الغاز على المتظاهرين.', []), []);
  });
});

describe('findActors: nationality adjectives and anaphora', () => {
  it('القوات الأمريكية / غارة تركية / جنود روس name the state of the adjective', () => {
    const got = actors('نفذت القوات الأمريكية إنزالا، بينما أصابت غارة تركية قرية وقتل جنود روس.', ['SY']);
    assert.deepEqual(
      got.map((a) => [a.text, a.name]),
      [
        ['القوات الامريكيه', 'Military Forces of the United States'],
        ['تركيه', 'Military Forces of Turkey'],
        ['جنود روس', 'Military Forces of Russia'],
      ],
    );
  });
  it('التنظيم refers back to the group named before it, and only then', () => {
    assert.deepEqual(names('تبنى تنظيم داعش الهجوم، وقال التنظيم إن عناصره نفذوه.', ['IQ']), ['Islamic State', 'Islamic State']);
    assert.deepEqual(names('قال التنظيم إن عناصره نفذوا الهجوم.', ['IQ']), []);
  });
  it('does not read مجلس الأمن or وزارة الدفاع as forces', () => {
    assert.deepEqual(names('دعا مجلس الأمن إلى التهدئة وأصدرت وزارة الدفاع بيانا.', ['SY']), []);
  });
});

describe('countries', () => {
  it('reads country names and adjectives', () => {
    assert.equal(countryOfAdjective('الأمريكية', lex), 'US');
    assert.equal(countryOfAdjective('تركي', lex), 'TR');
    assert.equal(countryOfAdjective('اليمن', lex), 'YE');
    assert.equal(countryOfAdjective('قلم', lex), null);
    const tokens = tokenize(normalize('قصفت طائرات سعودية مواقع في اليمن، وقالت مصادر يمنية إن الغارات استهدفت صعدة اليمنية.').text);
    assert.deepEqual(countriesOf({ tokens }, lex), ['YE', 'SA']);
  });
  it('a definite masculine adjective after a proper name is a family name, not a country', () => {
    const tokens = tokenize(normalize('قال الشيخ عبدالله التركي إن الجيش العراقي تقدم، وأكد محمد المصري ذلك.').text);
    assert.deepEqual(countriesOf({ tokens }, lex), ['IQ']);
  });
});

describe('findActors: unnamed fighters of a named group', () => {
  it('مسلحا من داعش / مسلحين تابعين للحوثيين name the group; مسلحون مجهولون stays unidentified', () => {
    const got = actors('قتل 12 مسلحا من تنظيم داعش، وهاجم مسلحون مجهولون حاجزا، ثم اشتبك مسلحين تابعين للحوثيين مع السكان.', ['YE']);
    assert.deepEqual(
      got.filter((a) => a.text.startsWith('مسلح')).map((a) => [a.text, a.name]),
      [
        ['مسلحا', 'Islamic State'],
        ['مسلحون مجهولون', 'Unidentified Armed Group (Yemen)'],
        ['مسلحين', 'Houthis'],
      ],
    );
  });
  it('police conscripts and the Libyan air force', () => {
    assert.deepEqual(names('انفجرت عبوة بحافلة جنود شرطة في المدينة.', ['EG']), ['Police Forces of Egypt']);
    assert.deepEqual(names('قصفت طائرات سلاح الجو الليبي مركبا.', ['LY']), ['Libyan National Army']);
  });
  it('office holders act for their government', () => {
    assert.deepEqual(names('أمر الرئيس الأمريكي بشن غارات، وهدد وزير الخارجية التركي بالرد.', ['SY']), [
      'Government of the United States',
      'Government of Turkey',
    ]);
  });
});
