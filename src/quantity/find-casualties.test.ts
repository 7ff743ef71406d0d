// Casualty counts from sentences written in the style of Arabic conflict reporting (not copied from any article).
// Expected readings: role:best plus flags C civilian, M mixed killed+wounded, Z explicit zero, U cumulative,
// S subset of the previous count, P plural without a number (several).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalize } from '../text/normalize.ts';
import { sentences } from '../text/segment.ts';
import { tokenize } from '../text/tokenize.ts';
import { findCasualties, loadQuantityLexicon } from './index.ts';

const lex = loadQuantityLexicon();

function read(text: string): string[] {
  const norm = normalize(text);
  const tokens = tokenize(norm.text);
  return findCasualties({ norm, tokens, sentences: sentences(norm.text) }, lex).map(
    (c) =>
      `${c.role}:${c.best}${c.civilian ? 'C' : ''}${c.mixed ? 'M' : ''}${c.explicitZero ? 'Z' : ''}${c.cumulative ? 'U' : ''}${c.subset ? 'S' : ''}${c.plural ? 'P' : ''}`,
  );
}

const CASES: Array<[string, string[]]> = [
  // digits after a cue noun or verb
  ['أعلنت الشرطة مقتل 27 شخصا في الهجوم.', ['killed:27']],
  ['أسفر الانفجار عن مقتل ١٢ شخصاً.', ['killed:12']],
  ['قتل 3 جنود في كمين قرب الحدود.', ['killed:3']],
  ['استشهاد 3 جنود وإصابة 5 آخرين.', ['killed:3', 'injured:5']],
  ['لقي 4 أشخاص مصرعهم في القصف.', ['killed:4']],
  ['أدى القصف إلى مصرع 9 مسلحين.', ['killed:9']],
  ['قتلت الغارة 14 عنصرا من التنظيم.', ['killed:14']],
  ['قتل الجيش 5 مسلحين في اشتباك ليلي.', ['killed:5']],
  ['وأعلن الجيش مقتل 22 حوثيا في المعارك.', ['killed:22']],
  ['اغتيال 2 من قادة الفصيل في الهجوم.', ['killed:2']],
  // an active verb, its subject, then one person as its accusative object
  ['اغتال مسلحون مجهولون شرطيا في المدينة.', ['killed:1']],
  ['قتل الجيش مسلحا في اشتباك ليلي.', ['killed:1']],
  ['قتل المسلحون الضابط في منزله.', []],
  // a toll over a long span after the count is cumulative; over a short one or during an act it is not
  ['وقال إن 750 شخصا قتلوا في معارك المدينة خلال 3 أشهر.', ['killed:750U']],
  ['قتل 5 أشخاص خلال الهجوم على القرية.', ['killed:5']],
  ['قتل 5 أشخاص خلال ساعات.', ['killed:5']],
  // a plural verb closes its own clause: the count after وجرح is the wounded
  ['وقال إن 39 مقاتلا قتلوا وجرح 40 آخرون في الغارات.', ['killed:39', 'injured:40']],
  ['ذكرت الوكالة أن نحو 390 مقاتلا من الحزب الكردستاني قتلوا في شمال العراق خلال أسبوعين من الغارات.', ['killed:390U']],
  // one person and another joined to them (a kin, a second person)
  ['استشهد مواطن وابنه في غارة جوية.', ['killed:2C']],
  ['استشهد طفل وامرأة في القصف.', ['killed:2C']],
  // count + victim noun
  ['قتل ثمانية أشخاص في الهجوم، وكانت واحدة من الضحايا تعمل في المدرسة.', ['killed:8', 'killed:1S']],
  ['وكانت اثنتان من الضحايا تعملان في المدرسة.', []],
  ['خلف الانفجار 64 قتيلا.', ['killed:64']],
  ['سقوط 70 قتيلا في التفجير المزدوج.', ['killed:70']],
  ['التفجير أوقع 33 قتيلاً و15 جريحا.', ['killed:33', 'injured:15']],
  ['الهجوم أوقع 30 قتيلا على الأقل و100 جريح.', ['killed:30', 'injured:100']],
  ['وصل عدد الشهداء إلى 40 شهيدا.', ['killed:40']],
  ['سقط خمسة قتلى وعشرة جرحى.', ['killed:5', 'injured:10']],
  ['حصيلة الهجوم ثلاثة قتلى.', ['killed:3']],
  ['وأسفرت المواجهات عن عشرة قتلى.', ['killed:10']],
  ['سقوط نحو ستين قتيلا من المدنيين.', ['killed:60C']],
  ['سقوط 11 قتيلا مدنيا.', ['killed:11C']],
  ['أسفر القصف عن 8 جرحى.', ['injured:8']],
  ['ونقل 25 مصابا إلى المستشفى.', ['injured:25']],
  // number words after cues
  ['مقتل ثلاثة جنود أمريكيين في هجوم بطائرة مسيرة.', ['killed:3']],
  ['مقتل خمسة وعشرين شخصا في الانفجار.', ['killed:25']],
  ['مقتل أربعة عشر مدنيا بينهم نساء.', ['killed:14C']],
  ['قتل اثنا عشر جنديا.', ['killed:12']],
  ['مقتل مئة وخمسين مقاتلا خلال المعارك.', ['killed:150']],
  ['استشهاد عشرة من منسوبي القوات.', ['killed:10']],
  ['مقتل اثنين من مسؤولي الحزب.', ['killed:2']],
  ['مقتل مسؤولين اثنين في الحزب.', ['killed:2']],
  ['إصابة ثلاثة أطفال بجروح.', ['injured:3C']],
  ['اعتقال أربعين مشتبها.', ['arrested:40']],
  ['وأكد أنه تم أسر أربعين حوثيا.', ['arrested:40']],
  // approximations
  ['جرح نحو 8 مدنيين في القصف.', ['injured:8C']],
  ['وأصيب فيه أكثر من 82 آخرين.', ['injured:82']],
  ['مقتل ما لا يقل عن 15 شخصا.', ['killed:15']],
  ['مقتل 7 على الأقل وجرح 20 آخرين.', ['killed:7', 'injured:20']],
  ['سقوط قرابة 30 قتيلا.', ['killed:30']],
  ['مقتل حوالي 20 مسلحا.', ['killed:20']],
  ['مقتل ما يزيد عن 100 شخص.', ['killed:100']],
  // vague quantifiers
  ['وعشرات الجرحى في صفوف المدنيين.', ['injured:12C']],
  ['سقوط عشرات القتلى في المعارك.', ['killed:12']],
  ['مقتل العشرات من المسلحين.', ['killed:12']],
  ['مقتل عدة أشخاص في الاشتباك.', ['killed:3']],
  ['إصابة بضعة جنود بجروح طفيفة.', ['injured:3']],
  ['سقوط مئات القتلى منذ بداية الحرب.', ['killed:100U']],
  ['نزوح آلاف المدنيين من القرى.', ['displaced:1000C']],
  ['نزوح عشرات الآلاف من السكان.', ['displaced:12000']],
  // dual and singular nouns
  ['مقتل جنديين في هجوم على حاجز.', ['killed:2']],
  ['سقوط قتيلين في إطلاق نار.', ['killed:2']],
  ['سقوط قتيل وجريحين.', ['killed:1', 'injured:2']],
  ['مقتل جندي وإصابة اثنين آخرين.', ['killed:1', 'injured:2']],
  ['مقتل طفل في قصف على الحي.', ['killed:1C']],
  ['مقتل طفلين وامرأة.', ['killed:2C']],
  ['إصابة شرطي بجروح.', ['injured:1']],
  ['استشهاد العريف في الهجوم.', ['killed:1']],
  ['تسجيل أول حالة وفاة لطفلة في البلدة.', ['killed:1C']],
  ['اعتقال شخصين للاشتباه بهما.', ['arrested:2']],
  ['اختطاف صحفي أجنبي في المدينة.', ['kidnapped:1C']],
  // verb after the count
  ['وقالت المصادر إن 18 مجندا أصيبوا في الانفجار.', ['injured:18']],
  ['نحو 17 شخصا "استشهدوا" في التفجير.', ['killed:17']],
  ['ثلاثة مدنيين قتلوا في القصف.', ['killed:3C']],
  // mixed killed and wounded
  ['قتل وجرح العشرات من المسلحين في المواجهات.', ['killed:12M']],
  ['ارتفعت الحصيلة إلى 66 قتيلا وجريحا.', ['killed:66M']],
  ['سقوط 10 بين قتيل وجريح.', ['killed:10M']],
  ['مقتل وإصابة 15 شخصا.', ['killed:15M']],
  // continuation
  ['قتل 9 من مسلحي الجماعة و6 من مقاتلي المقاومة.', ['killed:9', 'killed:6']],
  ['قتل 3 جنود و5 مدنيين.', ['killed:3', 'killed:5C']],
  ['استشهاد عشرة من الجنود "في التفجير"، إضافة إلى ثلاثة من العاملين في الموقع.', ['killed:10', 'killed:3C']],
  // one of them
  ['مقتل أحد الجنود في هجوم.', ['killed:1']],
  ['قتل أحد عناصر الشرطة في هجوم.', ['killed:1']],
  ['أصيب أحد المدنيين بجروح.', ['injured:1C']],
  ['قتل أحد عشر جنديا.', ['killed:11']],
  // a list of named persons after one casualty
  ['استشهاد العريف أحمد المجيشي، والجندي أول محمد العمري، والجندي أول حسن بشيري.', ['killed:3']],
  ['مقتل جندي وإصابة آخر في هجوم.', ['killed:1', 'injured:1']],
  // subsets
  ['مقتل 12 شخصا بينهم 5 أطفال.', ['killed:12', 'killed:5CS']],
  ['إصابة 20 شخصا منهم 4 نساء.', ['injured:20', 'injured:4CS']],
  ['أسفر عن مقتل 15 منهم 12 من الجنود، وثلاثة عمال وإصابة آخرين.', ['killed:15', 'killed:12S', 'killed:3CS']],
  ['مقتل 7 بينهم 4 جنود، و3 مدنيين.', ['killed:7', 'killed:4S', 'killed:3CS']],
  // explicit zeros
  ['ولم تسجل أي إصابات.', ['killed:0Z', 'injured:0Z']],
  ['دون وقوع ضحايا مدنيين.', ['killed:0CZ']],
  ['وأكد عدم وقوع ضحايا في صفوف المدنيين.', ['killed:0CZ']],
  ['الانفجار لم يسفر عن وقوع إصابات.', ['killed:0Z', 'injured:0Z']],
  ['دون أن يسفر عن سقوط قتلى.', ['killed:0Z']],
  ['لم يتم تحديد عدد الضحايا حتى الآن.', []],
  // cumulative tolls
  ['ارتفع عدد القتلى منذ بداية الحملة إلى 300 شخص.', ['killed:300U']],
  ['قتل 500 شخص منذ مطلع العام.', ['killed:500U']],
  ['قتل 5 أشخاص منذ ساعات الصباح.', ['killed:5']],
  ['قتل 4 جنود منذ يومين.', ['killed:4']],
  // plural without a number
  ['تمكنت القوات من قتل عناصر الجماعة في الموقع.', ['killed:3P']],
  // other roles
  ['اختطاف 6 عمال أجانب.', ['kidnapped:6C']],
  ['اعتقال 15 شخصا في المداهمات.', ['arrested:15']],
  ['تهجير 200 عائلة من البلدة.', ['displaced:200C']],
  ['فقدان 7 صيادين في البحر.', ['missing:7C']],
  ['سقوط 3 مفقودين.', ['missing:3']],
  ['وأعلنت الشرطة القبض على 4 مطلوبين.', ['arrested:4']],
  // hashtags in social posts
  ['قتلت طائرات #التحالف 21 عنصراً من تنظيم #داعش.', ['killed:21']],
  // not counts
  ['قال إن الهجوم وقع الساعة 3 فجرا.', []],
  ['مقتل طفل يبلغ من العمر 12 عاما.', ['killed:1C']],
  ['القرار 2401 يدعو إلى وقف إطلاق النار.', []],
  ['شنت الطائرات 50 غارة على المواقع.', []],
  ['مقتل 3 في 18 نوفمبر.', ['killed:3']],
  ['قتل الاثنين الماضي ثلاثة جنود.', ['killed:3']],
  ['وقع الهجوم على بعد 40 كيلومترا.', []],
  ['تقدم الجيش 10 كيلومترات.', []],
  ['قتل منذ عام 2011.', []],
  ['وفي عام 2014 سيطر التنظيم على المدينة.', []],
  ['ارتفعت نسبة المشاركة إلى 60 %.', []],
  ['اجتمع 20 وزيرا في الرياض.', []],
  ['تدمير 3 دبابات و5 آليات.', []],
];

for (const [text, expected] of CASES) {
  test(`casualties: ${text}`, () => {
    assert.deepEqual(read(text), expected);
  });
}

test('numStart/numEnd cover the number phrase, start/end the whole count', () => {
  const text = 'أسفر الهجوم عن مقتل نحو 27 شخصا.';
  const norm = normalize(text);
  const tokens = tokenize(norm.text);
  const [c] = findCasualties({ norm, tokens, sentences: sentences(norm.text) }, lex);
  assert.ok(c);
  assert.equal(norm.text.slice(c.numStart, c.numEnd), 'نحو 27');
  assert.equal(norm.text.slice(c.start, c.end), 'مقتل نحو 27 شخصا');
  assert.equal(c.qualifier, 'approx');
});

test('a clitic on the number word stays out of the number span', () => {
  const text = 'مقتل جندي إضافة لثلاثة عمال قتلوا.';
  const norm = normalize(text);
  const tokens = tokenize(norm.text);
  const cs = findCasualties({ norm, tokens, sentences: sentences(norm.text) }, lex);
  const three = cs.find((c) => c.best === 3);
  assert.ok(three);
  assert.equal(norm.text.slice(three.numStart, three.numEnd), 'ثلاثه');
});

test('bad input: huge numbers, digits glued to letters (a missing space after them is read), empty text, no sentences', () => {
  assert.deepEqual(read('مقتل 99999999999999 شخصا.'), []);
  assert.deepEqual(read('مقتل 5000000 شخص.'), []);
  assert.deepEqual(read('مقتل 3قتلى.'), ['killed:3']);
  assert.deepEqual(read('مقتل F16 شخص.'), []);
  assert.deepEqual(read('مقتل A320 شخص.'), []);
  assert.deepEqual(read(''), []);
  const norm = normalize('مقتل 4 جنود');
  assert.equal(findCasualties({ norm, tokens: tokenize(norm.text), sentences: [] }, lex).length, 1);
});
