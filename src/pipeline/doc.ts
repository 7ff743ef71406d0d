// The document that flows through the pipeline. Each stage returns a new Doc with its part filled in.
// Mention offsets (`start`/`end`) are NORMALISED-text offsets; convert with `rawSpan(doc.norm, s, e)`.
import type { NormText } from '../text/normalize.ts';
import type { Range } from '../text/segment.ts';
import type { Token } from '../text/tokenize.ts';
import type { ArticleMeta, Doubt, EventRecord } from '../types.ts';

export interface Mention {
  start: number;
  end: number;
}

/** An event trigger word or phrase (غارة، اشتباكات، تفجير …) with its ACLED/PLOVER typing. */
export interface TriggerMention extends Mention {
  key: string;
  event_type: string;
  sub_event_type: string;
  disorder_type: string;
  plover: string;
  /** lexicon weight: how strongly the word signals an event of this type (0..1) */
  weight: number;
  /** 'noun' | 'verb' | 'passive' … as the lexicon says */
  pos: string;
}

export interface ActorEntry {
  id: string;
  /** canonical English name (ACLED style) */
  name: string;
  /** ACLED actor category 1..8 */
  inter: number;
  /** ISO2 country the actor belongs to, when it is a national actor */
  country: string | null;
  /** 'state' | 'rebel' | 'militia' | 'civilians' | 'protesters' | 'external' | 'coalition' | 'unidentified' */
  kind: string;
  /** name of the actor as a source (sources.tsv style), when it issues statements */
  source_name?: string;
}

export interface ActorMention extends Mention {
  actor: ActorEntry;
  key: string;
  /** true when the mention is generic and was resolved by context (قوات النظام → Military Forces of Syria) */
  generic?: boolean;
  /** an unnamed force (الجندي، حرس الحدود) resolved only by the article's country focus, with its role: an incident
   * placed in another country may read it as that country's force */
  focusRole?: 'military' | 'police';
}

export interface PlaceChoice {
  name: string;
  name_ar: string | null;
  country: string;
  country_code: string;
  admin1: string | null;
  admin1_ar?: string | null;
  admin2: string | null;
  admin3: string | null;
  latitude: number;
  longitude: number;
  geo_precision: 1 | 2 | 3;
  geonames_id: number | null;
  /** 'country' | 'admin1' | 'admin2' | 'admin3' | 'locality' | 'neighbourhood' | 'region' */
  feature: string;
  population?: number | null;
}

export interface PlaceMention extends Mention {
  text: string;
  candidates: PlaceChoice[];
  choice: PlaceChoice | null;
  /** cue word before it (قرية، مدينة، محافظة، ريف …) */
  cue?: string | null;
  doubt?: Doubt;
}

export interface DateMention extends Mention {
  /** ISO date (for precision 3 the 15th of the month; for 2 the midpoint of the week) or null if unresolved */
  date: string | null;
  precision: 1 | 2 | 3;
  /** 'today' | 'yesterday' | 'weekday' | 'absolute' | 'month' | 'year' | 'relative' | 'range' | 'hijri' */
  kind: string;
  /** the year only (e.g. "عام 2014", "في 2019") */
  yearOnly?: boolean;
  /** a time of day standing alone (ظهرا، فجرا): read as the publication day, yielding to any other date */
  weak?: boolean;
  /** the expression is a time of day alone (فجرا), with no day word (اليوم، أمس) */
  daypartOnly?: boolean;
  doubt?: Doubt;
}

export type CasualtyRole = 'killed' | 'injured' | 'arrested' | 'kidnapped' | 'displaced' | 'missing';

export interface CasualtyMention extends Mention {
  role: CasualtyRole;
  low: number;
  best: number;
  high: number;
  /** the victims are said to be civilians (مدنيين، أطفال، نساء) */
  civilian: boolean;
  /** an explicit zero: عدم وقوع ضحايا مدنيين */
  explicitZero?: boolean;
  /** a cumulative toll since a past date (not one day's fatalities) */
  cumulative?: boolean;
  /** offsets of the number phrase itself */
  numStart: number;
  numEnd: number;
  /** killed and wounded counted together (قتل وجرح العشرات، 66 قتيلا وجريحا): the deaths are unspecified */
  mixed?: boolean;
  /** a part of the previous count in the sentence (… بينهم 5 أطفال) */
  subset?: boolean;
  /** how the count was qualified (نحو 8، أكثر من 80، أقل من 10) */
  qualifier?: 'approx' | 'atleast' | 'atmost';
  /** no number written: a plural noun after a cue (مقتل عناصر) read as several (3) */
  plural?: boolean;
}

/** An attribution: a source and the text it governs (a clause or a whole sentence). */
export interface SourceMention extends Mention {
  /** canonical source name (sources.tsv style) */
  source: string;
  /** the cue (قال، أفاد، بحسب …) */
  cue: string;
  /** normalised range of the text this source is said to claim */
  scope: { start: number; end: number };
}

export interface Doc {
  meta: ArticleMeta;
  raw: string;
  norm: NormText;
  tokens: Token[];
  sentences: Range[];
  quotes: Range[];
  triggers: TriggerMention[];
  actors: ActorMention[];
  places: PlaceMention[];
  dates: DateMention[];
  casualties: CasualtyMention[];
  sources: SourceMention[];
  /** ISO2 codes of the article's country focus, most salient first (places named, actors' nationalities) */
  countries: string[];
  events: EventRecord[];
  doubts: Doubt[];
}
