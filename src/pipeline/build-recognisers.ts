// Builds the Recognisers (places, actors, dates, casualties, sources) from the shipped resources.
import type { Recognisers } from './recognisers.ts';

export interface RecogniserResources {
  recognisers: Recognisers;
}

export function loadRecognisers(): RecogniserResources {
  const recognisers: Recognisers = {
    places: () => [],
    actors: () => [],
    dates: () => [],
    casualties: () => [],
    sources: () => [],
    countries: () => [],
    actorFor: () => null,
    countryName: () => null,
    outletSource: (o) => o,
  };
  return { recognisers };
}
