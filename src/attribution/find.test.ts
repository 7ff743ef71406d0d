import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findActors, loadActorLexicon } from '../actors/index.ts';
import type { PlaceMention } from '../pipeline/doc.ts';
import { normalize } from '../text/normalize.ts';
import { quotes, sentences } from '../text/segment.ts';
import { tokenize } from '../text/tokenize.ts';
import { findSources, loadAttributionLexicon, outletSource } from './index.ts';

const actorsLex = loadActorLexicon();
const lex = loadAttributionLexicon(actorsLex);

function sources(text: string, countries: string[]) {
  const norm = normalize(text);
  const tokens = tokenize(norm.text);
  const doc = { norm, tokens, sentences: sentences(norm.text), quotes: quotes(norm.text) };
  const actors = findActors(doc, actorsLex, { countries });
  return findSources(doc, lex, actors, { countries }).map((s) => ({
    source: s.source,
    cue: s.cue,
    scope: norm.text.slice(s.scope.start, s.scope.end),
  }));
}
const names = (text: string, countries: string[]) => sources(text, countries).map((s) => s.source);

describe('findSources: canonical names', () => {
  it('monitors, and their short form later in the article', () => {
    const got = sources('قال المرصد السوري لحقوق الإنسان إن عشرة مقاتلين قتلوا. وبحسب المرصد فإن الاشتباكات مستمرة.', ['SY']);
    assert.deepEqual(
      got.map((s) => s.source),
      ['Syrian Observatory for Human Rights', 'Syrian Observatory for Human Rights'],
    );
  });
  it('US Central Command under its several names, then القيادة', () => {
    assert.deepEqual(names('أعلنت القيادة المركزية الأمريكية (سنتكوم) تنفيذ ضربة. وقالت القيادة إن الضربة نجحت.', ['SY']), [
      'US Central Command',
      'US Central Command',
    ]);
    assert.deepEqual(names('قالت سنتكوم إن قواتها نفذت غارة.', ['SY']), ['US Central Command']);
  });
  it('police and anonymous sources', () => {
    assert.deepEqual(names('وقالت مصادر من الشرطة العراقية ومصادر طبية إن سيارة مفخخة انفجرت.', ['IQ']), [
      'Iraqi Police',
      'Medical sources',
    ]);
    assert.deepEqual(names('أفادت مصادر محلية بأن مسلحين هاجموا القرية.', ['YE']), ['Local sources']);
    assert.deepEqual(names('قال مصدر عسكري إن الجيش تقدم.', ['YE']), ['Military sources']);
    assert.deepEqual(names('أكد شهود عيان سماع دوي انفجار.', ['SA']), ['Eyewitnesses']);
  });
  it('agencies, armed groups media, ministries by nationality or by the article country', () => {
    assert.deepEqual(names('أعلنت وكالة أعماق أن التنظيم نفذ الهجوم.', ['IQ']), ['Amaq News Agency']);
    assert.deepEqual(names('ذكرت وكالة الأنباء السعودية (واس) أن الحادث وقع فجرا.', ['SA']), ['Saudi Press Agency']);
    assert.deepEqual(names('قالت وزارة الداخلية التركية إن الانفجار وقع ظهرا.', ['SY', 'TR']), ['Turkish Ministry of Interior']);
    assert.deepEqual(names('أعلنت وزارة الداخلية القبض على ثلاثة مطلوبين.', ['SA']), ['Saudi Ministry of Interior']);
    assert.deepEqual(names('قالت وزارة الداخلية البحرينية إن شرطيا أصيب.', ['BH']), ['Bahrain Ministry of Interior']);
    assert.deepEqual(names('وبحسب قيادة التحالف فإن الغارات دمرت مخازن أسلحة.', ['YE']), ['Saudi-led Coalition']);
  });
  it('a spokesman named by title after his name', () => {
    assert.deepEqual(names('وقال العقيد فلان الفلاني، المتحدث باسم الجيش العراقي، إن القوات تقدمت.', ['IQ']), ['Military Forces of Iraq']);
  });
  it('relay: نقلت وكالة X عن مصادر Y gives both', () => {
    assert.deepEqual(names('نقلت وكالة رويترز عن مصادر أمنية أن سبعة قتلوا.', ['IQ']), ['Reuters', 'Security sources']);
  });
});

describe('findSources: scopes', () => {
  it('a verb cue governs the rest of its sentence', () => {
    const [s] = sources('قتل خمسة مدنيين في غارة. وقال المرصد السوري إن الغارة استهدفت سوقا. وفي سياق آخر وصل وفد.', ['SY']);
    assert.equal(s?.scope, 'ان الغاره استهدفت سوقا.');
  });
  it('a turn to another story inside a run-on sentence ends the scope', () => {
    assert.deepEqual(sources('أعلنت وزارة الداخلية ارتفاع الحصيلة إلى 66 قتيلا من جهة أخرى بدأ الجيش عملية عسكرية.', ['IQ']), [
      { source: 'Iraqi Ministry of Interior', cue: 'اعلنت', scope: 'ارتفاع الحصيله الي 66 قتيلا' },
    ]);
  });
  it('بحسب governs the whole sentence, wherever it stands', () => {
    const [s] = sources('قتل سبعة أشخاص في انفجار بحسب الشرطة العراقية.', ['IQ']);
    assert.equal(s?.source, 'Iraqi Police');
    assert.equal(s?.scope, 'قتل سبعه اشخاص في انفجار بحسب الشرطه العراقيه.');
  });
  it('quoted speech after the cue is in the scope', () => {
    const [s] = sources('وقالت القيادة المركزية: «نفذت قواتنا غارة ناجحة. ولم يصب أي مدني».', ['SY']);
    assert.equal(s?.source, 'US Central Command');
    assert.ok(s?.scope.includes('ولم يصب اي مدني'));
  });
  it('وأضاف / وأشارت continue the last source in the next sentence', () => {
    const got = sources('قالت وزارة الداخلية السعودية إن رجل أمن أصيب. وأضافت أن التحقيقات جارية.', ['SA']);
    assert.deepEqual(
      got.map((s) => [s.source, s.scope]),
      [
        ['Saudi Ministry of Interior', 'ان رجل امن اصيب.'],
        ['Saudi Ministry of Interior', 'ان التحقيقات جاريه.'],
      ],
    );
  });
  it('an unknown explicit subject does not inherit the previous source', () => {
    assert.deepEqual(names('قال المرصد السوري إن الطيران قصف البلدة. وأكد مصدر في البلدة أن القصف توقف.', ['SY']), [
      'Syrian Observatory for Human Rights',
    ]);
  });
  it('words that only look like cues: بين (between), an object after the verb', () => {
    assert.deepEqual(names('وأشارت المقاومة إلى مقتل 22 حوثيا في اشتباكات جرت بينها وبين الحوثيين.', ['YE']), ['Popular Resistance']);
    assert.deepEqual(
      names('وكانت مصادر في المقاومة أعلنت سيطرتها على خمسة مواقع للحوثيين وقوات الرئيس المخلوع.', ['YE']).includes(
        'Forces Loyal to Ali Abdullah Saleh',
      ),
      false,
    );
  });
  it('the outlet a speaker spoke to, past his anonymity', () => {
    assert.deepEqual(
      names('ووفق تصريحات مصدر عسكري، لم يتم ذكر اسمه، بقاعدة طبرق لـ «بوابة الوسط» الجمعة، فإن المركب كان قادما.', ['LY']),
      ['Military sources', 'Al-Wasat (Libya)'],
    );
  });
  it('the security spokesman (المتحدث الأمني) speaks for the interior ministry of the article country', () => {
    assert.deepEqual(names('وأكد المتحدث الأمني أن التحقيقات جارية.', ['SA']), ['Saudi Ministry of Interior']);
    assert.deepEqual(names('وقال متحدث أمني إن التحقيقات جارية.', ['SA']), ['Security sources']);
  });
  it('a subject between كان and قد before the verb', () => {
    assert.deepEqual(names('وكان المتحدث الأمني بوزارة الداخلية قد صرح بأنه حدث تفجير.', ['SA']), ['Saudi Ministry of Interior']);
  });
  it('no cue, no source; a bare cue without antecedent gives nothing', () => {
    assert.deepEqual(names('قتل ثلاثة أشخاص في انفجار عبوة ناسفة.', ['IQ']), []);
    assert.deepEqual(names('وأضاف أن الوضع هادئ.', ['IQ']), []);
  });
});

describe('outletSource', () => {
  it('maps outlet keys to canonical source names', () => {
    assert.equal(outletSource('aawsat', lex), 'Asharq Al-Awsat');
    assert.equal(outletSource('Al Arabiya', lex), 'Al Arabiya');
    assert.equal(outletSource('alriyadh', lex), 'Al-Riyadh');
    assert.equal(outletSource('Unknown Daily', lex), 'Unknown Daily');
  });
  it('reads the name before or inside brackets; unknown outlets stay as given', () => {
    assert.equal(outletSource('Arabic Wikinews (Wikinews contributors)', lex), 'Wikinews');
    assert.equal(outletSource('Some Collection (Al Arabiya)', lex), 'Al Arabiya');
    assert.equal(outletSource('FIGNEWS-2024 (post; outlet not recorded)', lex), 'FIGNEWS-2024 (post; outlet not recorded)');
  });
});

describe('findSources: claims, relays, article country', () => {
  it('a claim of responsibility makes the claimant a source of the incident sentence', () => {
    const got = sources('انفجرت عبوة ناسفة بدورية للشرطة، وتبنت جماعة "أنصار بيت المقدس" مسؤوليتها عن الهجوم.', ['EG']);
    assert.deepEqual(
      got.map((s) => s.source),
      ['Ansar Bayt al-Maqdis'],
    );
    assert.ok(got[0]?.scope.startsWith('انفجرت'));
  });
  it('أعلن X مسؤوليته in its own sentence covers the sentence before', () => {
    const got = sources('انفجرت سيارة مفخخة قرب سوق شعبي. وأعلن تنظيم داعش مسؤوليته عن التفجير.', ['IQ']);
    assert.deepEqual(
      got.map((s) => s.source),
      ['Islamic State'],
    );
    assert.ok(got[0]?.scope.startsWith('انفجرت سياره'));
  });
  it('وفق تصريحات مصدر عسكري لـ«outlet»: the speaker and the outlet that carried it', () => {
    assert.deepEqual(names('ووفق تصريحات مصدر عسكري لـ «بوابة الوسط» فإن الطائرة قصفت مركبا.', ['LY']), [
      'Military sources',
      'Al-Wasat (Libya)',
    ]);
  });
  it('bare وزارة الداخلية: resolved places outside actor phrases and the outlet country decide', () => {
    const text = 'صرح المتحدث الأمني لوزارة الداخلية بأن مركزا حدوديا تعرض لقذائف من الأراضي اليمنية، وأصيب الجندي فلان.';
    const norm = normalize(text);
    const tokens = tokenize(norm.text);
    const at = norm.text.indexOf('الجندي');
    // a gazetteer homonym inside an actor phrase (الجندي as a village in another country) does not count
    const place = (cc: string, start: number, end: number) =>
      ({ start, end, text: norm.text.slice(start, end), candidates: [], choice: { country_code: cc } }) as unknown as PlaceMention;
    const places = [place('IQ', at, at + 6), place('IQ', at, at + 6)];
    const doc = { norm, tokens, sentences: sentences(norm.text), quotes: quotes(norm.text), places };
    const actors = findActors(doc, actorsLex, { countries: ['SA'] });
    assert.deepEqual(
      findSources({ ...doc, meta: { source: 'Al-Riyadh' } }, lex, actors).map((s) => s.source),
      ['Saudi Ministry of Interior'],
    );
    assert.deepEqual(
      findSources(doc, lex, actors).map((s) => s.source),
      ['Yemeni Ministry of Interior'],
    );
  });
  it('a person named after a titled source speaks for it later; an unknown person does not inherit', () => {
    assert.deepEqual(
      names(
        'قال رئيس الوزراء التركي أحمد داود أوغلو إن الهجوم انتحاري. وقال مسؤول محلي إن القتلى كثيرون. وقال داود أوغلو إن التحقيق مستمر.',
        ['TR'],
      ),
      ['Turkish officials', 'Local sources', 'Turkish officials'],
    );
    assert.deepEqual(names('قالت الشرطة العراقية إن انفجارا وقع. وقال عثمان علي إنه شاهد الجثث.', ['IQ']), ['Iraqi Police']);
    assert.deepEqual(names('قالت الشرطة العراقية إن انفجارا وقع. وأكد على ضرورة الحذر.', ['IQ']), ['Iraqi Police', 'Iraqi Police']);
  });
  it('name, title, and a coordinated second source; then the name alone', () => {
    assert.deepEqual(
      names('قال سعيد الفلاني، رئيس بلدية طوز خورماتو، ومصدران بالشرطة، إن مهاجما فجر نفسه. وقال الفلاني إن الضحايا مدنيون.', ['IQ']),
      ['Tuz Khurmatu Municipality', 'Iraqi Police', 'Tuz Khurmatu Municipality'],
    );
  });
  it('بيان X is X speaking; skip words before the source (وفق معلومات من شهود عيان)', () => {
    assert.deepEqual(names('وأوضح بيان وزارة الداخلية أن المهاجم قتل.', ['SA']), ['Saudi Ministry of Interior']);
    assert.deepEqual(names('وفق معلومات متباينة من شهود عيان فإن الانتحاري دخل المسجد.', ['SA']), ['Eyewitnesses']);
    assert.deepEqual(names('وفقا لإحصاء رويترز فقد أصيب 11 شخصا.', ['NG']), ['Reuters']);
  });
  it('parliament committees resolve by the article country', () => {
    assert.deepEqual(names('وأعلن رئيس لجنة حقوق الإنسان البرلمانية تسجيل حالة وفاة.', ['IQ']), ['Iraqi Parliament']);
  });
});
