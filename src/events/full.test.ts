// Event rules that depend on the shipped gazetteer and lexicons (the full tier; events.test.ts uses tiny fixtures).
// Sentences are synthetic, written in the style of Arabic news reports.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createPipeline, loadResources, type Pipeline } from '../pipeline/index.ts';

let pipeline: Pipeline;
before(() => {
  pipeline = createPipeline({ resources: loadResources() });
});

const news = (text: string) => pipeline.run(text, { id: 't', published: '2024-03-10' }).events.filter((e) => !e.background);

describe('event places and actors (full resources)', () => {
  it('reads the place of a speaking official as where it sits, not where the incident was', () => {
    const ev = news(
      'تتواصل المعارك في اليمن. وقال المسؤول الصحي في عدن إن خمسة مدنيين قتلوا جراء انفجار لغم أرضي. ووقع الانفجار في مدينة تعز.',
    );
    assert.deepEqual(
      ev.map((e) => [e.location, e.fatalities]),
      [['Taiz', 5]],
    );
  });

  it("falls back to the official's seat when the report names no other place", () => {
    const ev = news('تتواصل المعارك في اليمن. وقال المسؤول الصحي في عدن إن خمسة مدنيين قتلوا أمس جراء انفجار لغم أرضي.');
    assert.deepEqual(
      ev.map((e) => e.location),
      ['Aden'],
    );
  });

  it('places a shell where it fell, not where it was fired from', () => {
    const ev = news('سقطت قذيفة أطلقت من صعدة على مدينة جازان ما أدى إلى مقتل مدنيين اثنين.');
    assert.deepEqual(
      ev.map((e) => [e.location, e.admin1]),
      [['Jizan', 'Jazan Region']],
    );
  });

  it("reads unnamed border guards hit across a border as the force of the incident's country", () => {
    const ev = news(
      'تتواصل المعارك في اليمن بين الحوثيين والقوات اليمنية. وتعرض مركز حدودي في منطقة جازان لقذائف من داخل الأراضي اليمنية، ما أدى إلى مقتل اثنين من حرس الحدود.',
    );
    const shelling = ev.find((e) => e.admin1 === 'Jazan Region');
    assert.equal(shelling?.actor2, 'Military Forces of Saudi Arabia');
  });

  it('keeps a coalition named first as the actor before one of its member states', () => {
    const ev = news('شنت طائرات التحالف العربي غارات على صنعاء، واستهدفت الطائرات الإماراتية منصات الصواريخ.');
    assert.equal(ev[0]?.actor1, 'Saudi-led Coalition');
  });

  it('dates an incident by the clause that tells it, not by the report around it', () => {
    const ev = news(
      'يتزامن ذلك مع توجه رئيس الوزراء اليوم (الأحد) إلى تعز، بعد هجوم انتحاري أسفر عن مقتل 12 شخصا. وقد وقع الهجوم ظهر أمس قرب مسجد في المدينة.',
    );
    assert.deepEqual(
      ev.map((e) => [e.event_date, e.fatalities]),
      [['2024-03-09', 12]],
    );
  });

  it('reads a capital abroad named bare as its government, not as the place', () => {
    const ev = news('اتهمت طهران حلفاء واشنطن بقصف مواقع في حلب أمس ما أدى إلى مقتل خمسة مدنيين.');
    assert.deepEqual(
      ev.map((e) => [e.location, e.fatalities]),
      [['Aleppo', 5]],
    );
    assert.equal(news('قتل شخصان أمس في إطلاق نار في واشنطن.')[0]?.location, 'Washington');
  });

  it('reads plural and indefinite triggers and nominative duals', () => {
    assert.equal(news('هزت انفجارات بغداد أمس ما أدى إلى مقتل خمسة أشخاص.')[0]?.location, 'Baghdad');
    assert.equal(news('قتل شخصان أمس في إطلاق نار في واشنطن.')[0]?.fatalities, 2);
  });

  it('reads an Egyptian security checkpoint (كمين أمني) as no ambush', () => {
    assert.deepEqual(news('أقامت قوات الجيش ثلاثة كمائن أمنية ثابتة جديدة في مدينة العريش أمس.'), []);
  });

  it('names unnamed groups by where the incident happened, not by the country the report dwells on', () => {
    const ev = news(
      'أعربت مصر عن تضامنها. وقالت الخارجية المصرية في القاهرة إن الحكومة المصرية تدين الإرهاب. وفجر مسلحون مجهولون عبوة ناسفة في مدينة أبها أمس ما أدى إلى مقتل 15 شخصا.',
    );
    assert.deepEqual(
      ev.map((e) => [e.location, e.actor1, e.actor2]),
      [['Abha', 'Unidentified Armed Group (Saudi Arabia)', 'Civilians (Saudi Arabia)']],
    );
  });

  it('reads a threat as no incident', () => {
    assert.deepEqual(news('وتوعد تنظيم داعش الجيش الليبي بالذبح والقتل في مدينة سرت.'), []);
  });

  it('reads killings with no trigger word and no armed side hit as violence against civilians', () => {
    const ev = news('مسلح يقتل شخصين داخل سينما في مدينة لافاييت الأمريكية أمس.');
    assert.deepEqual(
      ev.map((e) => [e.sub_event_type, e.fatalities]),
      [['Attack', 2]],
    );
  });

  it('reads a bare name before a weekday as a time of day (ليل الأحد is not Lille)', () => {
    const ev = news('وقتل 13 مسلحا من الحوثيين في مواجهات اندلعت في ساعات متأخرة من ليل الأحد في مأرب.');
    assert.deepEqual(
      ev.map((e) => e.location),
      ['Ma’rib'],
    );
  });

  it('places an air strike where it struck, not at the base the aircraft flew from', () => {
    const ev = news('قصفت طائرات سلاح الجو الليبي من قاعدة طبرق الجوية مركبا في عرض البحر قبالة ميناء درنة أمس.');
    assert.deepEqual(
      ev.map((e) => e.location),
      ['Darnah'],
    );
  });

  it('reads an attack by drone as an air/drone strike, not a battle', () => {
    const ev = news('قتل ثلاثة جنود أمريكيين أمس في هجوم بطائرة مسيرة على قاعدة في الأردن.');
    assert.deepEqual(
      ev.map((e) => [e.sub_event_type, e.actor2, e.fatalities]),
      [['Air/drone strike', 'Military Forces of the United States', 3]],
    );
  });

  it('reads an arrest after an accident the article opens with as no conflict event', () => {
    const accident = 'لقي 12 شخصا مصرعهم مساء أمس إثر اصطدام مركب بعبارة في النهر شمال القاهرة.';
    assert.deepEqual(news(`${accident} وأكدت السلطات أنه تم توقيف قائد العبارة إثر الحادث.`), []);
    // a strong trigger later in the article is still an incident
    assert.equal(news(`${accident} وفي سيناء قتل ثلاثة جنود في هجوم مسلح على حاجز أمني.`).length, 1);
  });

  it('reads freeing traffic or trade as no liberation, and possible attacks as none', () => {
    assert.deepEqual(news('افتتح المحافظ جسرا جديدا في مدينة الطائف لتحرير الحركة المرورية على الطريق الدائري.'), []);
    assert.deepEqual(news('حذرت ألمانيا من هجمات محتملة على شبكة النقل في إسطنبول.'), []);
  });

  it('reads an arrest for an ordinary crime as no event, an arrest of suspected militants as one', () => {
    assert.deepEqual(news('ألقت الشرطة القبض على شخصين بتهمة الاحتيال على المواطنين في جدة.'), []);
    assert.deepEqual(
      news('اعتقلت الشرطة التركية 20 شخصا يشتبه بانتمائهم إلى تنظيم داعش في إسطنبول.').map((e) => e.sub_event_type),
      ['Arrests'],
    );
  });

  it('reads "today" in quoted speech as the day the speaker spoke: it does not split a dated incident', () => {
    const ev = news(
      'قتل 14 جنديا أفغانيا صباح أمس في غارة أمريكية على حاجز للجيش في ولاية هلمند. وقال حاكم المنطقة حيث حصلت الغارة إن «مروحيتين أمريكيتين هاجمتا صباح اليوم حاجزا للجيش الأفغاني» مضيفا أن الحاجز دمر بالكامل، وقتل 14 جنديا.',
    );
    assert.deepEqual(
      ev.map((e) => [e.event_date, e.fatalities]),
      [['2024-03-09', 14]],
    );
  });

  it('reads "caught the eyes" and a charge in a drama plot as no abduction', () => {
    assert.deepEqual(news('وجابت الدراجات شوارع أبها أمس وخطف أنظار المتنزهين والسياح.'), []);
    assert.deepEqual(news('وتؤدي دور محامية تدافع عن المتهم بخطف وقتل أربع نساء في المسلسل.'), []);
  });

  it('reads a peaceful protest as protesters alone, not against what they protest', () => {
    const ev = news('تظاهر آلاف العراقيين أمس في ساحة التحرير في بغداد احتجاجا على جرائم تنظيم داعش.');
    assert.deepEqual(
      ev.map((e) => [e.sub_event_type, e.actor1, e.actor2]),
      [['Peaceful protest', 'Protesters (Iraq)', null]],
    );
    // the forces that arrest protesters make it a protest with intervention
    assert.deepEqual(
      news('تظاهر آلاف الإيرانيين في طهران أمس واعتقلت الشرطة الإيرانية عشرات المتظاهرين.').map((e) => [e.sub_event_type, e.actor2]),
      [['Protest with intervention', 'Police Forces of Iran']],
    );
  });

  it('reads ground taken by a coalition fighting for a government as the government side regaining it', () => {
    const ev = news('استعادت قوات التحالف العربي السيطرة على مطار عدن الدولي أمس بعد معارك عنيفة مع الحوثيين.');
    assert.deepEqual(
      ev.map((e) => [e.sub_event_type, e.actor1, e.actor2]),
      [['Government regains territory', 'Saudi-led Coalition', 'Houthis']],
    );
  });

  it('keeps قصف with guns named as shelling, even with aircraft elsewhere in the report', () => {
    const ev = news('استمر أمس قصف المدفعية السعودية لتجمعات الحوثيين في محافظة صعدة، كما واصلت طائرات الأباتشي قصف مواقعهم قرب الحدود.');
    assert.deepEqual(
      ev.map((e) => e.sub_event_type),
      ['Shelling/artillery/missile attack'],
    );
  });

  it('reads tear gas on a crowd as a protest with intervention, and what it protests against as no incident', () => {
    const ev = news(
      'وفي وقت لاحق أمس، أطلقت الشرطة التركية الغاز المسيل للدموع على آلاف الأشخاص تجمعوا في إسطنبول للتظاهر احتجاجا على التفجير.',
    );
    assert.deepEqual(
      ev.map((e) => [e.sub_event_type, e.actor1, e.actor2]),
      [['Protest with intervention', 'Protesters (Turkey)', 'Police Forces of Turkey']],
    );
  });

  it('keeps a time of day alone in quoted speech as the day of the act (a statement about a raid at dawn)', () => {
    const ev = news(
      'أعلنت القيادة مقتل اثنين من مسؤولي تنظيم داعش في غارة أمريكية في شرق سوريا. وقالت القيادة: «إن قواتها نفذت غارة ناجحة في شرق سوريا فجرا». وكان مقاتلو التنظيم قد هاجموا في 18 نوفمبر الماضي مواقع للقوات الكردية.',
    );
    assert.equal(ev.find((e) => e.sub_event_type === 'Air/drone strike')?.event_date, '2024-03-10');
  });

  it('reads an animal attack as no conflict event', () => {
    assert.deepEqual(news('هاجم قرد مدينة ترفيهية في عرعر أمس وأصاب شخصين بجروح.'), []);
  });

  it('reads a killing after a family dispute, or by a mentally ill culprit, as an ordinary crime', () => {
    assert.deepEqual(news('أطلق شاب النار على ابن عمه إثر خلاف حصل بينهما في قرية قرب أبها فأرداه قتيلا.'), []);
    assert.deepEqual(news('أحيل الجاني الذي أطلق النار على ثلاثة أشخاص في خميس مشيط إلى مستشفى الصحة النفسية.'), []);
  });

  it('reads a killing within the family as an ordinary crime, civilians killed with their kin in a raid as an incident', () => {
    assert.deepEqual(news('قتل مواطن ابنه وأصاب زوجته بثلاث طلقات في حائل أمس.'), []);
    assert.equal(news('استشهد مواطن وابنه في غارة جوية على مدينة تعز أمس.').length, 1);
  });

  it('reads the actor after استهدف as the target when the verb follows an event noun (a relative clause)', () => {
    const ev = news('أعلنت واشنطن مقتل ثلاثة جنود أمريكيين في هجوم بطائرة مسيرة استهدف القوات الأمريكية في الأردن أمس.');
    assert.equal(ev[0]?.actor2, 'Military Forces of the United States');
    assert.notEqual(ev[0]?.actor1, 'Military Forces of the United States');
    // a resumptive pronoun leaves the subject after the verb: the claimant acts
    const claimed = news('قتل 20 شخصا في تفجير انتحاري في بغداد أمس، ووقع الهجوم الذي تبناه تنظيم داعش في سوق شعبي.');
    assert.equal(claimed[0]?.actor1, 'Islamic State');
  });

  it('reads an article that opens with an ordinary crime, or a natural disaster, as no conflict event', () => {
    assert.deepEqual(
      news(
        'أطاحت شرطة أبوظبي بشخصين احتالا على امرأة عبر إعلان بيع إلكتروني وسرقة طقم مجوهرات. وقالت الشرطة إن المتهمين هاجما الضحية في منزلها قبل أن يتم استرجاع المسروقات.',
      ),
      [],
    );
    assert.deepEqual(news('ارتفعت حصيلة الانهيارات الأرضية في نيبال إلى 28 قتيلا أمس.'), []);
  });

  it('dates an undated lede by publication, not by a date months back in a background sentence', () => {
    const ev = news(
      'شنت قوات البيشمركة هجوما موسعا على أطراف مدينة تلعفر لتحريرها من تنظيم داعش. يذكر أن داعش سيطر على المدينة في 20 يونيو الماضي بعد معارك مع الجيش.',
    );
    assert.equal(ev[0]?.event_date, '2024-03-10');
  });

  it('reads a Houthi adjective on the weapon (مقذوفات حوثية) as the actor', () => {
    const ev = news('سقطت مقذوفات حوثية على مبنى في محافظة الطوال صباح اليوم ما أدى إلى استشهاد أحد العناصر.');
    assert.equal(ev[0]?.actor1, 'Houthis');
  });

  it('reads the incident a condemnation names as one already reported, and a report that tells it as an incident', () => {
    assert.deepEqual(news('أدان مجلس الوزراء التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في أبها وأودى بحياة 15 شخصا.'), []);
    assert.equal(news('استهدف تفجير انتحاري مسجد قوات الطوارئ في أبها أمس ما أدى إلى مقتل 15 شخصا، وأدانت الحكومة الهجوم.').length, 1);
  });

  it('reads an arrest a government announces as made by its forces, the group of the arrested as the other side', () => {
    const ev = news('أعلنت السلطات المغربية اعتقال ثمانية أشخاص في طنجة أمس كانوا يخططون لاعتداءات باسم تنظيم داعش.');
    assert.deepEqual(
      ev.map((e) => [e.sub_event_type, e.actor1, e.actor2]),
      [['Arrests', 'Police Forces of Morocco', 'Islamic State']],
    );
    // an armed group that makes arrests keeps them
    assert.equal(news('اعتقل الحوثيون عشرة صحفيين في صنعاء أمس.')[0]?.actor1, 'Houthis');
  });

  it('reads a visit to the wounded of a bombing as a follow-up, not the bombing', () => {
    assert.deepEqual(news('زار أمير المنطقة مصابي تفجير مسجد قوات الطوارئ في أبها واطمأن على صحتهم.'), []);
    assert.equal(news('قتل 15 شخصا في تفجير انتحاري استهدف مسجدا في أبها أمس، ونقل مصابو التفجير إلى المستشفى.').length, 1);
  });

  it('reads the seizure of a military site placed only at its province as an incident of its own', () => {
    const ev = news('قتل ثلاثة جنود في هجوم على نقطة تفتيش وسط مدينة تعز أمس. وفي تطور آخر استولى المسلحون على معسكر للجيش في محافظة حجة.');
    assert.deepEqual(
      ev.map((e) => [e.sub_event_type, e.admin1]),
      [
        ['Armed clash', 'Ta‘izz'],
        ['Non-state actor overtakes territory', 'Ḩajjah'],
      ],
    );
  });

  it("reads a country right after a feminine violent verb as its military, the subject, not the incident's place", () => {
    assert.deepEqual(
      news('اغتالت إسرائيل قياديا في حماس في بيروت أمس.').map((e) => [e.actor1, e.actor2, e.location]),
      [['Military Forces of Israel', 'Hamas', 'Beirut']],
    );
    assert.deepEqual(
      news('شنت روسيا غارات على مدينة إدلب أمس.').map((e) => [e.actor1, e.location]),
      [['Military Forces of Russia', 'Idlib']],
    );
  });

  it('reads what an act prepares or aims at (تمهيدا لاقتحام، بهدف السيطرة) as not done, the act itself as done', () => {
    assert.deepEqual(
      news('قصفت المدفعية مواقع المسلحين في إدلب أمس تمهيدا لاقتحام البلدة.').map((e) => e.sub_event_type),
      ['Shelling/artillery/missile attack'],
    );
    assert.deepEqual(news('وقال إن الضربات الجوية بمثابة تمهيد لعملية اقتحام القاعدة واستعادة السيطرة على المحافظة.'), []);
  });

  it('reads a base another party may use as no place of the incident (باستخدام قاعدة انجرليك)', () => {
    const ev = news(
      'قتل 30 شخصا في تفجير انتحاري في بلدة سروج التركية أمس، ووافقت أنقرة بعده على السماح للولايات المتحدة باستخدام قاعدة انجرليك الجوية لشن غارات.',
    );
    assert.ok(ev.length >= 1);
    assert.ok(ev.every((e) => e.location !== 'Incirlik Air Base'));
  });

  it('reads the accusative of a suicide attack (تفجيرا انتحاريا) and a capital speaking (وأعلنت أنقرة) as its government', () => {
    assert.deepEqual(
      news('شهدت بغداد أمس تفجيرا انتحاريا أسفر عن مقتل 20 شخصا.').map((e) => [e.sub_event_type, e.location, e.fatalities]),
      [['Suicide bomb', 'Baghdad', 20]],
    );
    assert.deepEqual(
      news('قتل 30 شخصا في تفجير انتحاري في تركيا أمس، وأعلنت أنقرة بعده أنها ستشن غارات.').map((e) => e.location),
      ['Turkey'],
    );
  });
});
