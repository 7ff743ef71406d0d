// What the event assembler needs from the other stages' resources, as one small interface.
// `createPipeline` builds it from the shipped lexicons and gazetteer; tests can build tiny ones.
import type { ActorEntry, ActorMention, CasualtyMention, DateMention, Doc, PlaceMention, SourceMention } from './doc.ts';

export type ActorRole = 'military' | 'police' | 'unidentified' | 'civilians' | 'protesters' | 'rioters';

export interface Recognisers {
  places(doc: Doc): PlaceMention[];
  actors(doc: Doc, countries: string[]): ActorMention[];
  dates(doc: Doc, published: string | null): DateMention[];
  casualties(doc: Doc): CasualtyMention[];
  sources(doc: Doc, actors: ActorMention[]): SourceMention[];
  /** ISO2 country codes named or implied in the text (country names, nationality adjectives), most frequent first */
  countries(doc: Doc): string[];
  /** the generic actor of a role for a country (Military Forces of Iraq, Civilians (Yemen) …) */
  actorFor(role: ActorRole, iso2: string): ActorEntry | null;
  /** English country name for an ISO2 code */
  countryName(iso2: string): string | null;
  /** canonical name of an outlet (meta.source) as a source */
  outletSource(outlet: string): string;
}
