// Builds the Recognisers (places, actors, dates, casualties, sources) from the shipped resources.
import { type ActorLexicon, actorFor, countriesOf, findActors, loadActorLexicon } from '../actors/index.ts';
import { type AttributionLexicon, findSources, loadAttributionLexicon, outletSource } from '../attribution/index.ts';
import { countryName, findPlaceMentions, type Gazetteer, loadGazetteer } from '../geo/index.ts';
import { findCasualties, loadQuantityLexicon, type QuantityLexicon } from '../quantity/index.ts';
import { findDates, loadTimeLexicon, type TimeLexicon } from '../time/index.ts';
import type { Recognisers } from './recognisers.ts';

export interface RecogniserResources {
  recognisers: Recognisers;
  gazetteer: Gazetteer;
  quantity: QuantityLexicon;
  time: TimeLexicon;
  actors: ActorLexicon;
  attribution: AttributionLexicon;
}

export function buildRecognisers(r: Omit<RecogniserResources, 'recognisers'>): Recognisers {
  return {
    places: (doc) => findPlaceMentions(doc, r.gazetteer),
    actors: (doc, countries) => findActors(doc, r.actors, { countries }),
    dates: (doc, published) => findDates(doc, published, r.time),
    casualties: (doc) => findCasualties(doc, r.quantity),
    sources: (doc, actors) => findSources(doc, r.attribution, actors),
    countries: (doc) => countriesOf(doc, r.actors),
    actorFor: (role, iso2) => actorFor(role, iso2, r.actors),
    countryName: (iso2) => countryName(iso2, r.gazetteer),
    outletSource: (o) => outletSource(o, r.attribution),
  };
}

export function loadRecognisers(): RecogniserResources {
  const gazetteer = loadGazetteer();
  const quantity = loadQuantityLexicon();
  const time = loadTimeLexicon(undefined, quantity);
  const actors = loadActorLexicon();
  const attribution = loadAttributionLexicon(actors);
  const base = { gazetteer, quantity, time, actors, attribution };
  return { ...base, recognisers: buildRecognisers(base) };
}
