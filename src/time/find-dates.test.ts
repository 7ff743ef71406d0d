// Date expressions resolved against a fixed publication date (never the clock). Sentences are written in the
// style of Arabic news reports. Expected: kind:date/precision, Y for yearOnly, W for a weak
// date (a lone time of day after a clock time), !code for a doubt.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalize } from '../text/normalize.ts';
import { tokenize } from '../text/tokenize.ts';
import { findDates, loadTimeLexicon } from './index.ts';

const lex = loadTimeLexicon();

function read(text: string, published: string | null): string[] {
  const norm = normalize(text);
  return findDates({ norm, tokens: tokenize(norm.text) }, published, lex).map(
    (d) => `${d.kind}:${d.date}/${d.precision}${d.yearOnly ? 'Y' : ''}${d.weak ? 'W' : ''}${d.doubt ? `!${d.doubt.code}` : ''}`,
  );
}

// Tuesday 21 July 2015 (5 Shawwal 1436)
const PUB = '2015-07-21';

const CASES: Array<[string, string[]]> = [
  // today / yesterday
  ['قتل ثلاثة جنود اليوم في هجوم.', ['today:2015-07-21/1']],
  ['وقع الانفجار اليوم الثلاثاء في السوق.', ['today:2015-07-21/1']],
  ['قال الجيش اليوم (الثلاثاء) إن قواته تقدمت.', ['today:2015-07-21/1']],
  ['فجر اليوم شنت الطائرات غارات.', ['today:2015-07-21/1']],
  ['صباح اليوم انفجرت عبوة ناسفة.', ['today:2015-07-21/1']],
  ['ظهر اليوم وقعت اشتباكات.', ['today:2015-07-21/1']],
  ['مساء اليوم أعلنت الشرطة حظر التجول.', ['today:2015-07-21/1']],
  ['أعلنت الوزارة أمس مقتل جنديين.', ['yesterday:2015-07-20/1']],
  ['أعلنت الوزارة أمس الاثنين مقتل جنديين.', ['yesterday:2015-07-20/1']],
  ['وقعت الاشتباكات مساء أمس.', ['yesterday:2015-07-20/1']],
  ['وقعت الاشتباكات صباح أمس.', ['yesterday:2015-07-20/1']],
  ['شنت الطائرات غارات الليلة الماضية.', ['yesterday:2015-07-20/1']],
  ['وقع الهجوم ليلة أمس.', ['yesterday:2015-07-20/1']],
  ['وقع الهجوم البارحة.', ['yesterday:2015-07-20/1']],
  ['وقع الهجوم أول أمس.', ['relative:2015-07-19/1']],
  ['وقع الهجوم أول من أمس.', ['relative:2015-07-19/1']],
  ['وقع الهجوم أمس الأول في البلدة.', ['relative:2015-07-19/1']],
  ['وقالت المصادر أمس، إن الهجوم فشل.', ['yesterday:2015-07-20/1']],
  // weekdays
  ['قتل خمسة أشخاص يوم الثلاثاء.', ['weekday:2015-07-21/1']],
  ['قتل خمسة أشخاص يوم الاثنين.', ['weekday:2015-07-20/1']],
  ['قتل خمسة أشخاص الأحد.', ['weekday:2015-07-19/1']],
  ['شنت الطائرات غارات السبت.', ['weekday:2015-07-18/1']],
  ['وقع الهجوم الجمعة في المسجد.', ['weekday:2015-07-17/1']],
  ['وقع الهجوم الخميس.', ['weekday:2015-07-16/1']],
  ['وقع الهجوم الأربعاء.', ['weekday:2015-07-15/1']],
  ['وقع الهجوم يوم الثلاثاء الماضي.', ['weekday:2015-07-14/1']],
  ['وقع الهجوم الأحد الماضي.', ['weekday:2015-07-19/1']],
  ['تعقد الجلسة الخميس المقبل.', ['weekday:2015-07-23/1']],
  ['تعقد الجلسة يوم الثلاثاء المقبل.', ['weekday:2015-07-28/1']],
  ['فجر الأحد هاجم المسلحون الحاجز.', ['weekday:2015-07-19/1']],
  ['مساء الجمعة قصفت المدفعية الحي.', ['weekday:2015-07-17/1']],
  ['ليلة السبت استهدفت طائرة مسيرة القاعدة.', ['weekday:2015-07-18/1']],
  ['ليل السبت الأحد اندلعت اشتباكات.', ['weekday:2015-07-18/1']],
  ['وصباح الاثنين دخلت القوات البلدة.', ['weekday:2015-07-20/1']],
  ['هاجم المسلحون الأحد فجرا نقطة أمنية.', ['weekday:2015-07-19/1']],
  ['مساء يوم الخميس انفجرت سيارة مفخخة.', ['weekday:2015-07-16/1']],
  ['والسبت قتل جنديان.', ['weekday:2015-07-18/1']],
  // weekday that does not fit the anchor: the weekday wins, with a doubt
  ['أعلنت الوزارة اليوم الاثنين مقتل جنديين.', ['today:2015-07-20/1!date_weekday_mismatch']],
  // the latest such weekday, however far back, rather than one after publication; the next day for a time zone
  ['أعلنت الوزارة اليوم الجمعة مقتل جنديين.', ['today:2015-07-17/1!date_weekday_mismatch']],
  ['أعلنت الوزارة اليوم الأربعاء مقتل جنديين.', ['today:2015-07-22/1!date_weekday_mismatch']],
  // relative periods
  ['شهدت المدينة الأسبوع الماضي اشتباكات.', ['relative:2015-07-14/2']],
  ['شهدت المدينة الأسبوع المنصرم اشتباكات.', ['relative:2015-07-14/2']],
  ['شهدت المدينة الشهر الماضي اشتباكات.', ['relative:2015-06-15/3']],
  ['شهدت المدينة خلال الشهر الجاري اشتباكات.', ['relative:2015-07-15/3']],
  ['شهدت المدينة العام الماضي اشتباكات.', ['relative:2014-06-15/3Y']],
  ['شهدت المدينة السنة الماضية اشتباكات.', ['relative:2014-06-15/3Y']],
  ['شهدت المدينة هذا الأسبوع اشتباكات.', ['relative:2015-07-21/2']],
  ['تصاعد القتال خلال الأيام الماضية.', ['relative:2015-07-21/2']],
  ['قتل 5 أشخاص خلال الساعات الماضية.', ['relative:2015-07-21/1']],
  // ago
  ['قتل الصحفي منذ ثلاثة أيام.', ['relative:2015-07-18/1']],
  ['قتل الصحفي قبل يومين.', ['relative:2015-07-19/1']],
  ['قتل الصحفي قبل 4 أيام.', ['relative:2015-07-17/1']],
  ['قتل الصحفي قبل أسبوع.', ['relative:2015-07-14/2']],
  ['قتل الصحفي قبل أسبوعين.', ['relative:2015-07-07/2']],
  ['قتل الصحفي قبل شهرين.', ['relative:2015-05-15/3']],
  ['قتل الصحفي قبل ثلاثة أشهر.', ['relative:2015-04-15/3']],
  ['سيطر التنظيم على المدينة منذ عامين.', ['relative:2013-06-15/3Y']],
  ['وقع الهجوم قبل ساعات.', []],
  ['وقع الهجوم قبل عدة أيام.', []],
  ['قبل يومين من الانتخابات هاجم مسلحون مركزا.', []],
  // day + month
  ['وقع الهجوم في 18 نوفمبر الماضي.', ['absolute:2014-11-18/1']],
  ['وقع الهجوم في 18 يوليو الماضي.', ['absolute:2014-07-18/1']],
  ['وقع الهجوم في 25 أبريل الماضي.', ['absolute:2015-04-25/1']],
  ['تنتهي المهلة يوم 25 يوليو الجاري.', ['absolute:2015-07-25/1']],
  ['تبدأ المفاوضات في 3 أغسطس المقبل.', ['absolute:2015-08-03/1']],
  ['وقع الهجوم في 10 يوليو.', ['absolute:2015-07-10/1']],
  ['وقع الهجوم في 30 ديسمبر.', ['absolute:2014-12-30/1']],
  ['وقع الهجوم في 14 تموز.', ['absolute:2015-07-14/1']],
  ['وقع الهجوم في 2 آذار الماضي.', ['absolute:2015-03-02/1']],
  ['وقع الهجوم في 5 جوان.', ['absolute:2015-06-05/1']],
  ['وقع الهجوم في 5 جويلية.', ['absolute:2015-07-05/1']],
  ['وقع الهجوم في 9 كانون الثاني.', ['absolute:2015-01-09/1']],
  ['وقع الهجوم في 9 تشرين الأول الماضي.', ['absolute:2014-10-09/1']],
  ['وقع الهجوم في 9 أيلول.', ['absolute:2014-09-09/1']],
  ['وقع الهجوم في 1 إبريل.', ['absolute:2015-04-01/1']],
  ['وقع الهجوم في 1 ابريل.', ['absolute:2015-04-01/1']],
  ['وقع الهجوم في ١٢ يونيو ٢٠١٤.', ['absolute:2014-06-12/1']],
  ['وقع الهجوم يوم 21 أكتوبر عام 1973.', ['absolute:1973-10-21/1']],
  ['وقع الهجوم في 11 سبتمبر 2001.', ['absolute:2001-09-11/1']],
  ['في 6 فبراير/شباط 2016 وقع الهجوم.', ['absolute:2016-02-06/1']],
  ['في 6 فبراير/شباط 2017 وقع الهجوم.', ['absolute:null/1!date_invalid']],
  ['وقع الهجوم في 3 مارس الماضي.', ['absolute:2015-03-03/1']],
  ['وقع الهجوم في 3 نيسان.', ['absolute:2015-04-03/1']],
  ['وقع الهجوم في 3 آب.', ['absolute:2014-08-03/1']],
  ['بدأت الحرب في السابع من أكتوبر الماضي.', ['absolute:2014-10-07/1']],
  ['وقع الهجوم في الأول من مايو.', ['absolute:2015-05-01/1']],
  ['وقع الهجوم في الحادي عشر من يونيو.', ['absolute:2015-06-11/1']],
  ['وقع الهجوم في الحادي والعشرين من يونيو.', ['absolute:2015-06-21/1']],
  ['وقع الهجوم في العاشر من يوليو.', ['absolute:2015-07-10/1']],
  ['وقع الهجوم في الـ18 من الشهر الجاري.', ['relative:2015-07-18/1']],
  ['وقع الهجوم في 18 من الشهر الماضي.', ['relative:2015-06-18/1']],
  ['الاثنين الموافق 20 يوليو 2015 وقع الهجوم.', ['weekday:2015-07-20/1', 'absolute:2015-07-20/1']],
  // month + year, month alone
  ['أصدر قرارا في أكتوبر 2014 بفرض الطوارئ.', ['month:2014-10-15/3']],
  ['سيطر التنظيم على المدينة في حزيران 2014.', ['month:2014-06-15/3']],
  ['تبنى التنظيم تفجيرين في فبراير/شباط الماضي.', ['month:2015-02-15/3']],
  ['تبنى التنظيم تفجيرين في شباط/فبراير الماضي.', ['month:2015-02-15/3']],
  ['وقع التفجير في يوليو الماضي.', ['month:2014-07-15/3']],
  ['وقع التفجير في مايو.', ['month:2015-05-15/3']],
  ['وقع التفجير في شهر مارس.', ['month:2015-03-15/3']],
  ['وقع التفجير مطلع يناير.', ['month:2015-01-15/3']],
  ['تجري الانتخابات في ديسمبر المقبل.', ['month:2015-12-15/3']],
  ['تصاعدت الهجمات منذ مارس 2015.', ['month:2015-03-15/3']],
  ['وقع التفجير في كانون الأول الماضي.', ['month:2014-12-15/3']],
  // years
  ['سيطر التنظيم على المدينة عام 2014.', ['year:2014-06-15/3Y']],
  ['سيطر التنظيم على المدينة في العام 2014.', ['year:2014-06-15/3Y']],
  ['سيطر التنظيم على المدينة سنة 2013.', ['year:2013-06-15/3Y']],
  ['سيطر التنظيم على المدينة في 2014.', ['year:2014-06-15/3Y']],
  ['سيطر التنظيم على المدينة في 2014، ثم تراجع.', ['year:2014-06-15/3Y']],
  // a year before the publication's after في, with the sentence going on (a count after في is rare)
  ['وكانت نيروبي شهدت في 1998 هجوما داميا.', ['year:1998-06-15/3Y']],
  ['دمرت الغارات في 2015 منزلا.', []],
  ['تحتل القوات الشطر الشمالي منذ 1974.', ['year:1974-06-15/3Y']],
  ['وقع الهجوم عام 2015م.', ['year:2015-06-15/3Y']],
  ['صدر القرار لعام 2015.', ['year:2015-06-15/3Y']],
  // Hijri
  ['وقع الحادث في 1 شوال 1436هـ.', ['hijri:2015-07-17/1']],
  ['وقع الحادث في 20 رمضان 1436 هـ.', ['hijri:2015-07-07/1']],
  ['وقع الحادث في 20 رمضان.', ['hijri:2015-07-07/1']],
  ['وقع الحادث في 10 محرم 1437هـ.', ['hijri:2015-10-23/1']],
  ['وقع الحادث في 15 ربيع الأول 1436هـ.', ['hijri:2015-01-06/1']],
  ['وقع الحادث في 3 ذي القعدة 1436هـ.', ['hijri:2015-08-18/1']],
  ['وقع الحادث في 1 جمادى الآخرة 1436 هـ.', ['hijri:2015-03-21/1']],
  ['وقع الحادث في شهر رمضان.', ['hijri:2015-07-02/3']],
  ['وقع الحادث في شعبان الماضي.', ['hijri:2015-06-02/3']],
  ['وقع الحادث عام 1436هـ.', ['hijri:2015-06-15/3Y']],
  ['صدر التعميم في 1436/10/1هـ.', ['hijri:2015-07-17/1']],
  // digits
  ['وقع الهجوم بتاريخ 18/11/2014.', ['absolute:2014-11-18/1']],
  ['وقع الهجوم بتاريخ ١٨/١١/٢٠١٤.', ['absolute:2014-11-18/1']],
  ['وقع الهجوم بتاريخ 2014-11-18.', ['absolute:2014-11-18/1']],
  ['وقع الهجوم بتاريخ 18-11-2014.', ['absolute:2014-11-18/1']],
  ['وقع الهجوم بتاريخ 18.11.2014.', ['absolute:2014-11-18/1']],
  ['وقع الهجوم بتاريخ 1/7/2015.', ['absolute:2015-07-01/1']],
  // ranges
  ['وقعت المعارك بين 10 و15 مايو.', ['range:2015-05-12/2']],
  ['وقعت المعارك من 10 إلى 12 يوليو.', ['range:2015-07-11/2']],
  ['وقعت المعارك بين 1 و20 يونيو.', ['range:2015-06-01/3']],
  // lone parts of the day
  ['شن المسلحون هجوما فجرا على الحاجز.', ['today:2015-07-21/1']],
  ['فجر الانتحاري نفسه عند الساعة 12:40 ظهرا.', ['today:2015-07-21/1W']],
  // a chronology's entries (هذا اليوم في التاريخ)
  ['1974 - مواجهات عنيفة بين قوات الحزبين في بيروت.', ['year:1974-06-15/3Y']],
  ['قتل 1974 - شخصا.', []],
  // ranges across months
  ['قتل العشرات بين 28 يونيو و2 يوليو.', ['range:2015-06-30/2']],
  ['في الفترة من 28 يونيو إلى 2 يوليو.', ['range:2015-06-30/2']],
  ['بين 20 مايو و10 يوليو.', ['range:2015-06-15/3']],
  ['قتل في 5 يوليو و7 يوليو.', ['absolute:2015-07-05/1', 'absolute:2015-07-07/1']],
  // غداة X: X was the day before the sentence's date
  ['وصل الوزير اليوم إلى المدينة غداة هجوم انتحاري.', ['today:2015-07-21/1', 'relative:2015-07-20/1']],
  ['وصل الوزير إلى المدينة غداة هجوم انتحاري.', []],
  ['زار الوزير المدينة اليوم. وجاءت الزيارة غداة الهجوم.', ['today:2015-07-21/1']],
  ['وقع الانفجار في الساعة العاشرة صباحا.', ['today:2015-07-21/1W']],
];

for (const [text, expected] of CASES) {
  test(`date: ${text}`, () => {
    assert.deepEqual(read(text, PUB), expected);
  });
}

// Saturday 28 January 2024
const CASES_2024: Array<[string, string[]]> = [
  ['أعلنت الفصائل يوم الأحد مهاجمة قواعد.', ['weekday:2024-01-21/1']],
  ['استهدفت طائرة مسيرة القوات ليلة السبت.', ['weekday:2024-01-27/1']],
  ['منذ السابع من أكتوبر الماضي تشن الفصائل هجمات.', ['absolute:2023-10-07/1']],
  ['وقع الهجوم في 29 فبراير 2024.', ['absolute:2024-02-29/1']],
  ['قصفت الطائرات المدينة في ديسمبر/كانون الأول الماضي.', ['month:2023-12-15/3']],
  ['وقع الهجوم في 18 يناير الماضي.', ['absolute:2023-01-18/1']],
  ['وقع الهجوم في 18 يناير الجاري.', ['absolute:2024-01-18/1']],
  ['قتل الجنود في العام الماضي.', ['relative:2023-06-15/3Y']],
  ['في العام الجاري.', ['relative:2024-01-15/3Y']],
];
for (const [text, expected] of CASES_2024) {
  test(`date (published 2024-01-27): ${text}`, () => {
    assert.deepEqual(read(text, '2024-01-27'), expected);
  });
}

// Without a publication date, relative dates are doubts; absolute ones still resolve.
const NO_PUB: Array<[string, string[]]> = [
  ['قتل ثلاثة جنود اليوم.', ['today:null/1!date_relative_without_publication']],
  ['قتل ثلاثة جنود أمس.', ['yesterday:null/1!date_relative_without_publication']],
  ['قتل ثلاثة جنود يوم الثلاثاء.', ['weekday:null/1!date_relative_without_publication']],
  ['قتل ثلاثة جنود الأسبوع الماضي.', ['relative:null/2!date_relative_without_publication']],
  ['قتل ثلاثة جنود منذ ثلاثة أيام.', ['relative:null/1!date_relative_without_publication']],
  ['قتل ثلاثة جنود في فبراير الماضي.', ['month:null/3!date_relative_without_publication']],
  ['قتل ثلاثة جنود في 8 ديسمبر.', ['absolute:null/1!date_relative_without_publication']],
  ['قتل ثلاثة جنود في 8 ديسمبر 2023.', ['absolute:2023-12-08/1']],
  ['قتل ثلاثة جنود عام 2014.', ['year:2014-06-15/3Y']],
  ['قتل ثلاثة جنود في 20 رمضان.', ['hijri:null/1!date_relative_without_publication']],
  ['قتل ثلاثة جنود في 20 رمضان 1436هـ.', ['hijri:2015-07-07/1']],
];
for (const [text, expected] of NO_PUB) {
  test(`date (no publication date): ${text}`, () => {
    assert.deepEqual(read(text, null), expected);
  });
}

// Bad input: impossible dates and far-future years are doubts with no date; nothing throws.
const BAD: Array<[string, string[]]> = [
  ['وقع الهجوم في ٣١ فبراير.', ['absolute:null/1!date_invalid']],
  ['وقع الهجوم في 30 فبراير 2015.', ['absolute:null/1!date_invalid']],
  ['وقع الهجوم في 29 فبراير 2015.', ['absolute:null/1!date_invalid']],
  ['وقع الهجوم في 31 أبريل.', ['absolute:null/1!date_invalid']],
  ['وقع الهجوم عام 3025.', ['year:null/3Y!date_invalid']],
  ['وقع الهجوم في 5 مايو 3025.', ['absolute:null/1!date_invalid']],
  ['وقع الهجوم بتاريخ 45/13/2015.', ['absolute:null/1!date_invalid']],
  ['وقع الهجوم بتاريخ 2015-02-30.', ['absolute:null/1!date_invalid']],
  ['وقع الهجوم في 31 شوال 1436هـ.', ['hijri:null/1!date_invalid']],
  ['وقع الهجوم في 12 مايو 2099.', ['absolute:null/1!date_invalid']],
];
for (const [text, expected] of BAD) {
  test(`bad date: ${text}`, () => {
    assert.deepEqual(read(text, PUB), expected);
  });
}

test('a bad publication date is treated as none', () => {
  assert.deepEqual(read('قتل جندي أمس.', 'yesterday'), ['yesterday:null/1!date_relative_without_publication']);
  assert.deepEqual(read('قتل جندي أمس.', '2015-02-30'), ['yesterday:null/1!date_relative_without_publication']);
});

test('empty and odd input does not throw', () => {
  assert.deepEqual(read('', PUB), []);
  assert.deepEqual(read('٫٫٫ ///// ---- 2015 2015 2015', PUB), []);
  assert.deepEqual(read('a'.repeat(5000), PUB), []);
  assert.doesNotThrow(() => read('١'.repeat(3000), PUB));
});

test('spans point at the date words and doubts carry a raw span', () => {
  const text = 'وقالت الشرطة إن الهجوم وقع فجر أمس الأحد في السوق.';
  const norm = normalize(text);
  const [d] = findDates({ norm, tokens: tokenize(norm.text) }, null, lex);
  assert.ok(d);
  assert.equal(norm.text.slice(d.start, d.end), 'فجر امس الاحد');
  assert.equal(d.doubt?.span?.text, 'فجر أمس الأحد');
  const [w] = findDates(
    {
      norm: normalize('والأربعاء'),
      tokens: tokenize(normalize('والأربعاء').text),
    },
    PUB,
    lex,
  );
  assert.equal(w?.start, 1);
});

test('a time of day alone is flagged as such; a day word with it is not', () => {
  const flags = (text: string) => {
    const norm = normalize(text);
    return findDates({ norm, tokens: tokenize(norm.text) }, PUB, lex).map((d) => d.daypartOnly === true);
  };
  assert.deepEqual(flags('نفذت القوات غارة في شرق سوريا فجرا.'), [true]);
  assert.deepEqual(flags('نفذت القوات غارة فجر اليوم.'), [false]);
});
