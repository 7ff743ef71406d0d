import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadEventResources } from '../pipeline/event-resources.ts';
import { createPipeline, type Pipeline } from '../pipeline/index.ts';
import type { EventRecord } from '../types.ts';
import { tinyRecognisers } from './fixtures.ts';
import { pastForms } from './lexicon.ts';

let pipeline: Pipeline;
before(() => {
  const recognisers = tinyRecognisers();
  // the tiny recognisers replace the gazetteer-backed ones; the event lexicons are the shipped ones
  pipeline = createPipeline({ resources: { recognisers, ...loadEventResources() } as never });
});

const run = (text: string, published: string | null = '2024-03-10') => pipeline.run(text, { id: 't', published });
const news = (text: string) => run(text).events.filter((e) => !e.background);

function assertEvidence(text: string, events: EventRecord[]): void {
  for (const e of events)
    for (const spans of Object.values(e.evidence)) for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
}

describe('event assembly', () => {
  it('finds an attack with its place, toll and type', () => {
    const text = 'انفجرت سيارة مفخخة في ألفا ما أسفر عن مقتل خمسة أشخاص.';
    const ev = news(text);
    assert.equal(ev.length, 1);
    assert.equal(ev[0]?.event_type, 'Explosions/Remote violence');
    assert.equal(ev[0]?.sub_event_type, 'Remote explosive/landmine/IED');
    assert.equal(ev[0]?.location, 'Alfa');
    assert.equal(ev[0]?.fatalities, 5);
    assertEvidence(text, ev);
  });

  it('splits a coordinated list of places into one event each, the toll on the first', () => {
    const text = 'شن الجيش غارات جوية على مواقع التنظيم في ألفا وبيتا وغاما ما أدى إلى مقتل 12 مسلحا.';
    const ev = news(text);
    assert.deepEqual(
      ev.map((e) => e.location),
      ['Alfa', 'Beta', 'Gamma'],
    );
    assert.deepEqual(
      ev.map((e) => e.fatalities),
      [12, 0, 0],
    );
    assert.ok(ev.every((e) => e.sub_event_type === 'Air/drone strike'));
  });

  it('reads a later report of the incident at its province as the same incident, placed at the town', () => {
    const ev = news(
      'انفجرت سيارة مفخخة في ألفا ما أسفر عن مقتل خمسة أشخاص. وقال مسؤولون إن التحقيقات جارية. ' +
        'وأكدت الوزارة أن التفجير بسيارة مفخخة الذي وقع في محافظة دلتا أوقع خمسة قتلى.',
    );
    assert.deepEqual(
      ev.map((e) => [e.location, e.fatalities]),
      [['Alfa', 5]],
    );
  });

  it('returns to the lead incident when a later paragraph names no place', () => {
    const ev = news(
      'انفجرت سيارة مفخخة في ألفا ما أسفر عن مقتل خمسة أشخاص. وقال شهود إن انفجار عبوة ناسفة ثانية وقع في غاما دون إصابات. ' +
        'يشار إلى أن البلدة شهدت هدوءا نسبيا منذ سنوات. ووجه الجيش الاتهام إلى التنظيم بالوقوف وراء التفجير.',
    );
    assert.deepEqual(
      ev.map((e) => [e.location, e.actor1]),
      [
        ['Alfa', 'Test Group'],
        ['Gamma', 'Unidentified Armed Group (Testland)'],
      ],
    );
  });

  it('keeps incidents apart across a clause cue inside a run-on sentence', () => {
    const ev = news(
      'انفجرت سيارة مفخخة في ألفا أمس ما أسفر عن مقتل خمسة أشخاص من جهة أخرى أفاد مصدر أن الجيش بدأ عملية عسكرية لاستعادة غاما من التنظيم.',
    );
    assert.deepEqual(
      ev.map((e) => e.location),
      ['Alfa', 'Gamma'],
    );
  });

  it('gives the clauses after a clause cue in a run-on sentence to the incident that follows them', () => {
    const ev = news(
      'انفجرت سيارة مفخخة في ألفا أمس ما أسفر عن مقتل خمسة أشخاص من جهة أخرى أفاد مصدر، الأربعاء، بأن قوة من الجيش، بدأت عملية عسكرية لاستعادة غاما من التنظيم.',
    );
    assert.deepEqual(
      ev.map((e) => [e.location, e.actor1]),
      [
        ['Alfa', 'Unidentified Armed Group (Testland)'],
        ['Gamma', 'Military Forces of Testland'],
      ],
    );
  });

  it('reads a suicide bombing told again as "the bombing" as one incident', () => {
    const ev = news(
      'فجر انتحاري نفسه في ألفا أمس ما أسفر عن مقتل خمسة أشخاص. وقال مسؤولون إن التحقيقات جارية. وأدى التفجير الذي وقع في ألفا إلى مقتل خمسة.',
    );
    assert.deepEqual(
      ev.map((e) => e.sub_event_type),
      ['Suicide bomb'],
    );
  });

  it('keeps two incidents opened by فيما apart', () => {
    const ev = news('انفجرت سيارة مفخخة في ألفا مخلفة 4 قتلى، فيما انفجرت عبوة ناسفة في غاما أدت إلى مقتل شخصين.');
    assert.equal(ev.length, 2);
    assert.deepEqual(
      ev.map((e) => [e.location, e.fatalities]),
      [
        ['Alfa', 4],
        ['Gamma', 2],
      ],
    );
  });

  it('merges two sentences about one place into one incident, battles ranking over remote violence', () => {
    const ev = news('قصفت طائرات الجيش مواقع التنظيم في ألفا. واندلعت اشتباكات عنيفة بين الجيش والتنظيم في ألفا.');
    assert.equal(ev.length, 1);
    assert.equal(ev[0]?.event_type, 'Battles');
    assert.equal(ev[0]?.actor1, 'Military Forces of Testland');
    assert.equal(ev[0]?.actor2, 'Test Group');
  });

  it('marks incidents recalled as history as background', () => {
    const ev = run('يذكر أن التنظيم نفذ تفجيرا انتحاريا في بيتا.').events;
    assert.equal(ev.length, 1);
    assert.equal(ev[0]?.background, true);
  });

  it('rejects threats, denials, negated and sport attacks', () => {
    for (const text of [
      'تهدد الميليشيا بشن هجوم على ألفا.',
      'نفت الوزارة وقوع أي هجوم على ألفا.',
      'شن الفريق هجوما قويا على مرمى المنافس في المباراة في ألفا.',
      'أوقفت القوات عمليات القصف المدفعي على ألفا.',
    ])
      assert.deepEqual(news(text), [], text);
  });

  it('an attack without a named perpetrator is coded to an unidentified armed group; civilians as victims', () => {
    const ev = news('قتل ثلاثة مدنيين في انفجار عبوة ناسفة في سوق ألفا.');
    assert.equal(ev.length, 1);
    assert.equal(ev[0]?.actor1, 'Unidentified Armed Group (Testland)');
    assert.equal(ev[0]?.actor2, 'Civilians (Testland)');
    assert.equal(ev[0]?.civilian_fatalities, 3);
  });

  it('text without Arabic gives no events and says why', () => {
    const r = run('Three people were killed in an explosion in the market.');
    assert.deepEqual(r.events, []);
    assert.equal(r.doubts[0]?.code, 'no_arabic_text');
  });

  it('an article with no conflict trigger gives no events', () => {
    assert.deepEqual(run('أصدر الرئيس مرسوما بزيادة رواتب العاملين في الدولة بنسبة عشرين في المئة.').events, []);
  });

  it('a suicide bomber who blew himself up is counted in the toll (ACLED)', () => {
    const ev = news('فجر انتحاري نفسه في سوق ألفا ما أسفر عن مقتل ستة أشخاص.');
    assert.equal(ev.length, 1);
    assert.equal(ev[0]?.sub_event_type, 'Suicide bomb');
    assert.equal(ev[0]?.fatalities, 7);
  });

  it('explosives destroyed before use are Disrupted weapons use', () => {
    const ev = news('تمكن الجيش من تفكيك عبوة ناسفة زرعها التنظيم على طريق في بيتا.');
    assert.equal(ev.length, 1);
    assert.equal(ev[0]?.event_type, 'Strategic developments');
    assert.equal(ev[0]?.sub_event_type, 'Disrupted weapons use');
  });

  it('suspended operations and intended attacks are not incidents', () => {
    assert.deepEqual(news('علق الجيش جزئيا العمليات العسكرية من قصف جوي ومدفعي على أحياء ألفا.'), []);
    assert.deepEqual(news('كان التنظيم ينوي تفجير سيارة مفخخة في بيتا.'), []);
  });

  it('a definite reference in a later sentence adds to the incident instead of opening one', () => {
    const ev = news('انفجرت سيارة مفخخة في سوق ألفا ما أدى إلى مقتل 4 أشخاص. وتبنى التنظيم الهجوم.');
    assert.equal(ev.length, 1);
    assert.equal(ev[0]?.actor1, 'Test Group');
  });

  it('a sports report yields no incident', () => {
    const text = 'شن الفريق هجوما قويا في ألفا وسجل هدفا في الشوط الأول من المباراة، وفاز في الدوري على منافسه في الملعب.';
    assert.deepEqual(news(text), []);
  });

  it('one weak trigger with a place and nothing else is not an incident', () => {
    assert.deepEqual(news('دخلت الحملة الانتخابية مرحلة المعركة الحاسمة في غاما.'), []);
  });

  it('court cases and condemnations are not incidents', () => {
    assert.deepEqual(news('قضت المحكمة بإعدام ثلاثة متهمين في قضية اغتيال في ألفا.'), []);
    assert.deepEqual(news('استنكرت الوزارة الهجوم على ألفا.'), []);
  });

  it('a trigger used as a figure of speech is not an incident', () => {
    assert.deepEqual(news('حذر الكاتب من اختطاف فكري لأبنائنا ومن هجوم إعلامي على ألفا.'), []);
  });
});

describe('actors', () => {
  it('takes the two sides of a battle told only by its losses', () => {
    const ev = news('قتل 9 من عناصر الميليشيا و6 من عناصر التنظيم خلال اشتباكات في ألفا.');
    assert.deepEqual(
      ev.map((e) => [e.actor1, e.actor2]),
      [['Test Militia', 'Test Group']],
    );
  });
});

describe('support', () => {
  it('keeps a clash between two named sides placed only at a province, not a bare one', () => {
    assert.deepEqual(
      news('تجددت المواجهات بين الجيش والتنظيم في محافظة دلتا أمس.').map((e) => [e.location, e.actor1, e.actor2]),
      [['North', 'Military Forces of Testland', 'Test Group']],
    );
    assert.deepEqual(news('تجددت المواجهات في محافظة دلتا أمس.'), []);
  });
});

describe('protests', () => {
  it('reads protesters who clash with the forces as a violent demonstration', () => {
    assert.equal(news('تظاهر آلاف في ألفا أمس وتصادموا مع الجيش.')[0]?.sub_event_type, 'Violent demonstration');
  });
});

describe('territory', () => {
  it('reads a withdrawal forced by an advance as ground taken by the advancing side', () => {
    for (const text of [
      'تقدم الجيش في ألفا أمس ما أجبر عناصر التنظيم على الانسحاب من البلدة.',
      'انسحب عناصر التنظيم أمس من ألفا بعد أن أجبرهم الجيش على ذلك.',
    ]) {
      const ev = news(text);
      assert.deepEqual(
        ev.map((e) => [e.sub_event_type, e.actor1, e.actor2]),
        [['Government regains territory', 'Military Forces of Testland', 'Test Group']],
        text,
      );
    }
  });

  it('keeps a withdrawal with no place in its clause for the place named after it', () => {
    const ev = news('انسحب عناصر التنظيم أمس من أجزاء من البلدة الواقعة في ألفا.');
    assert.equal(ev[0]?.location, 'Alfa');
  });

  it('reads a precedent recalled (كما حدث حين) as background', () => {
    assert.deepEqual(news('كما حدث حين استهدف التنظيم مجمعات سكنية في غاما عام 2003.'), []);
  });

  it('reads an incident "some days ago" as background', () => {
    assert.deepEqual(
      run('وقبل أيام نجح الجيش في تحرير ألفا من التنظيم.').events.map((e) => e.background),
      [true],
    );
  });
});

describe('cue words', () => {
  it('reads الانقلاب as a coup, not a vehicle accident', () => {
    assert.equal(news('وشنت ميليشيات الانقلاب هجوما على الجيش في ألفا أمس ما أدى إلى مقتل ثلاثة.').length, 1);
  });

  it('keeps an attack that breaks a ceasefire, and no shooting in the ceasefire itself', () => {
    assert.deepEqual(
      news('وخرقت الميليشيا وقف إطلاق النار بقصف ألفا أمس ما أدى إلى مقتل ثلاثة.').map((e) => e.sub_event_type),
      ['Shelling/artillery/missile attack'],
    );
  });

  it('reads a diplomatic protest note as no demonstration', () => {
    assert.deepEqual(news('قدم الجيش مذكرة احتجاج إلى السفارة في ألفا أمس.'), []);
  });
});

describe('other senses and foiled attacks', () => {
  it('reads a cultural تظاهرة, foiled food smuggling, and a prison sentence as no incident', () => {
    assert.deepEqual(news('تعيش ألفا هذه الأيام تظاهرة ثقافية واحتفالية كبيرة.'), []);
    assert.deepEqual(news('أحبطت البلدية توزيع خمسة أطنان من الحلويات الفاسدة في بيتا.'), []);
    assert.deepEqual(news('قضت المحكمة بالسجن 30 عاما على المتهم بإطلاق النار على مركز شرطة في بيتا.'), []);
  });

  it('reads an incident named only as a charge as no incident of its own', () => {
    assert.deepEqual(
      news('واعتقلت قوات الجيش في بيتا اثنين من عناصر التنظيم على علاقة بخطف ثلاثة جنود.').map((e) => e.sub_event_type),
      ['Arrests'],
    );
  });

  it('reads an attack foiled by the army as the army disrupting it', () => {
    const ev = news('وأحبطت قوات الجيش هجوما للتنظيم على بيتا أمس.');
    assert.deepEqual(
      ev.map((e) => [e.sub_event_type, e.actor1, e.actor2]),
      [['Disrupted weapons use', 'Military Forces of Testland', 'Test Group']],
    );
  });
});

describe('future and other senses', () => {
  it('reads a verb in the future (ستفجر، سيهاجم) as no incident, and سيطرت as a past act', () => {
    assert.deepEqual(news('زعمت امرأة أنها ستفجر نفسها أمام مركز شرطة في بيتا.'), []);
    assert.deepEqual(news('سيهاجم التنظيم بيتا غدا.'), []);
    assert.equal(news('سيطرت قوات الجيش على بيتا أمس.').length, 1);
  });

  it('reads an objection and bringing a fire under control as no incident', () => {
    assert.deepEqual(news('بسبب اعتراض عدد من الشركات في بيتا على الأسعار.'), []);
    assert.deepEqual(news('تابع الدفاع المدني جهود السيطرة على الحريق في بيتا أمس.'), []);
  });

  it('reads a police report, an editor and a phenomenon as no incident', () => {
    assert.deepEqual(news('وتم تحرير محضر للراكب في مطار بيتا أمس.'), []);
    assert.deepEqual(news('قال رئيس التحرير في بيتا إن الصحيفة مستمرة.'), []);
    assert.deepEqual(news('حذر الخبراء من ظاهرة خطف الأطفال في بيتا.'), []);
  });
});

describe('raids', () => {
  it('reads a raid as arrests, and as fighting when people are killed in it', () => {
    assert.deepEqual(
      news('داهمت قوات الجيش مخبأ للتنظيم في بيتا أمس واعتقلت ثلاثة.').map((e) => e.sub_event_type),
      ['Arrests'],
    );
    assert.deepEqual(
      news('داهمت قوات الجيش مخبأ للتنظيم في بيتا أمس ما أسفر عن مقتل ثلاثة من عناصر التنظيم.').map((e) => [
        e.sub_event_type,
        e.fatalities,
      ]),
      [['Armed clash', 3]],
    );
  });
});

describe('trigger lexicon', () => {
  it('expands a past verb to its other persons, leaving weak and imperfect verbs and agreeing phrases alone', () => {
    assert.deepEqual(pastForms('قصفت'), ['قصف', 'قصفوا', 'قصفا', 'قصفتا']);
    assert.deepEqual(pastForms('أطلق النار'), ['أطلقت النار', 'أطلقوا النار', 'أطلقا النار', 'أطلقتا النار']);
    assert.deepEqual(pastForms('اعتدى'), []);
    assert.deepEqual(pastForms('يهاجم'), []);
    assert.deepEqual(pastForms('فجر نفسه'), []);
  });

  it('finds the expanded forms in text', () => {
    const ev = news('اغتالوا عنصرين من الميليشيا في ألفا ما أدى إلى مقتلهما.');
    assert.equal(ev[0]?.event_type, 'Violence against civilians');
  });

  it('reads a court as a landmark, a drone as no negation and "did not stop" as going on', () => {
    assert.equal(news('انفجرت سيارة مفخخة قرب محكمة في ألفا ما أسفر عن مقتل خمسة أشخاص.').length, 1);
    assert.equal(news('قتل خمسة أشخاص في غارة لطائرة بدون طيار على ألفا.')[0]?.sub_event_type, 'Air/drone strike');
    assert.equal(news('لم تتوقف الميليشيا عن قصف ألفا حيث قتل ثلاثة مدنيين.').length, 1);
  });
});
