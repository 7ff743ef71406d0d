// ACLED `notes`: one factual sentence per event, generated from its fields, in English and Arabic.
import type { EventRecord } from '../types.ts';

// Month names come from the platform's locale data (Intl), not from a word list here.
const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

function dateEn(e: EventRecord): string {
  if (!e.event_date) return 'On an unknown date';
  const [y, m, d] = e.event_date.split('-').map(Number) as [number, number, number];
  const month = monthName.format(new Date(Date.UTC(y, m - 1, 15)));
  if (e.time_precision === 3) return `In ${month} ${y}`;
  if (e.time_precision === 2) return `In the week of ${d} ${month} ${y}`;
  return `On ${d} ${month} ${y}`;
}

function placeEn(e: EventRecord): string {
  const parts = [e.location, e.admin1 && e.admin1 !== e.location ? e.admin1 : null, e.country].filter(Boolean);
  return parts.length ? ` in ${parts.join(', ')}` : '';
}

export function notesEn(e: EventRecord): string {
  const who = e.actor1 ?? 'an unidentified actor';
  const with1 = e.assoc_actor_1.length ? ` with ${e.assoc_actor_1.join(', ')}` : '';
  const against = e.actor2 ? ` against ${e.actor2}` : '';
  const toll = e.fatalities > 0 ? `; ${e.fatalities} killed` : '';
  const civ =
    e.civilian_fatalities === 0 ? ', no civilian deaths reported' : e.civilian_fatalities ? ` (${e.civilian_fatalities} civilians)` : '';
  const src = e.sources.length ? ` (${e.sources.join(', ')})` : '';
  return `${dateEn(e)}, ${who}${with1}: ${e.sub_event_type.toLowerCase()}${against}${placeEn(e)}${toll}${civ}${src}.`;
}

export function notesAr(e: EventRecord): string {
  const date = e.event_date ? `بتاريخ ${e.event_date}` : 'بتاريخ غير محدد';
  const where = e.location_ar ? ` في ${e.location_ar}` : '';
  const toll = e.fatalities > 0 ? `، ${e.fatalities} قتلى` : '';
  const civ = e.civilian_fatalities === 0 ? '، دون ضحايا مدنيين' : '';
  const src = e.sources.length ? ` (المصدر: ${e.sources.join('، ')})` : '';
  return `${date}: ${e.event_type} / ${e.sub_event_type}${where}؛ ${e.actor1 ?? 'طرف غير معروف'}${e.actor2 ? ` ضد ${e.actor2}` : ''}${toll}${civ}${src}.`;
}
