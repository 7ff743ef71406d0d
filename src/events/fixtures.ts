// Tiny synthetic recognisers for event-assembly tests: a three-town country and a handful of actors.
import type { ActorEntry, ActorMention, PlaceChoice, PlaceMention } from '../pipeline/doc.ts';
import type { Recognisers } from '../pipeline/recognisers.ts';
import { findCasualties, loadQuantityLexicon } from '../quantity/index.ts';
import { PhraseIndex } from '../text/phrase-index.ts';

const town = (name: string, lat: number, lon: number, admin1: string): PlaceChoice => ({
  name,
  name_ar: null,
  country: 'Testland',
  country_code: 'TL',
  admin1,
  admin2: null,
  admin3: null,
  latitude: lat,
  longitude: lon,
  geo_precision: 1,
  geonames_id: null,
  feature: 'locality',
});

export const TOWNS: Record<string, PlaceChoice> = {
  ألفا: town('Alfa', 30, 40, 'North'),
  بيتا: town('Beta', 31, 41, 'North'),
  غاما: town('Gamma', 32, 42, 'South'),
};

/** A province holding Alfa and Beta. */
export const PROVINCES: Record<string, PlaceChoice> = {
  دلتا: { ...town('Delta', 30.5, 40.5, 'North'), name: 'North', feature: 'admin1', geo_precision: 3 },
};

const actor = (id: string, name: string, inter: number, kind: string): ActorEntry => ({ id, name, inter, country: 'TL', kind });

export const ACTORS: Record<string, ActorEntry> = {
  الجيش: actor('army', 'Military Forces of Testland', 1, 'state'),
  التنظيم: actor('grp', 'Test Group', 2, 'rebel'),
  الميليشيا: actor('mil', 'Test Militia', 3, 'militia'),
};

export function tinyRecognisers(): Recognisers {
  const places = new PhraseIndex<PlaceChoice>();
  for (const [k, v] of Object.entries({ ...TOWNS, ...PROVINCES })) places.add(k, v);
  const actors = new PhraseIndex<ActorEntry>();
  for (const [k, v] of Object.entries(ACTORS)) actors.add(k, v);
  const quantity = loadQuantityLexicon();
  const generic: Record<string, ActorEntry> = {
    civilians: actor('civ', 'Civilians (Testland)', 7, 'civilians'),
    unidentified: actor('uag', 'Unidentified Armed Group (Testland)', 3, 'unidentified'),
    protesters: actor('pro', 'Protesters (Testland)', 6, 'protesters'),
    rioters: actor('rio', 'Rioters (Testland)', 5, 'rioters'),
    military: ACTORS.الجيش as ActorEntry,
  };
  return {
    places: (doc) =>
      places
        .findAll(doc.tokens)
        .map((m): PlaceMention => ({ start: m.start, end: m.end, text: m.key, candidates: m.values, choice: m.values[0] ?? null })),
    actors: (doc) =>
      actors.findAll(doc.tokens).map((m): ActorMention => ({ start: m.start, end: m.end, key: m.key, actor: m.values[0] as ActorEntry })),
    dates: () => [],
    casualties: (doc) => findCasualties(doc, quantity),
    sources: () => [],
    countries: () => ['TL'],
    actorFor: (role) => generic[role] ?? null,
    countryName: () => 'Testland',
    outletSource: (o) => o,
  };
}
