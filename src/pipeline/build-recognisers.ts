// Builds the Recognisers (places, actors, dates, casualties, sources) from the shipped resources.
import { countryName, findPlaceMentions, type Gazetteer, loadGazetteer } from '../geo/index.ts';
import { findCasualties, loadQuantityLexicon, type QuantityLexicon } from '../quantity/index.ts';
import type { Recognisers } from './recognisers.ts';

export interface RecogniserResources {
  recognisers: Recognisers;
  gazetteer: Gazetteer;
  quantity: QuantityLexicon;
}

export function buildRecognisers(r: { gazetteer: Gazetteer; quantity: QuantityLexicon }): Recognisers {
  return {
    places: (doc) => findPlaceMentions(doc, r.gazetteer),
    actors: () => [],
    dates: () => [],
    casualties: (doc) => findCasualties(doc, r.quantity),
    sources: () => [],
    countries: () => [],
    actorFor: () => null,
    countryName: (iso2) => countryName(iso2, r.gazetteer),
    outletSource: (o) => o,
  };
}

export function loadRecognisers(): RecogniserResources {
  const gazetteer = loadGazetteer();
  const quantity = loadQuantityLexicon();
  return { gazetteer, quantity, recognisers: buildRecognisers({ gazetteer, quantity }) };
}
