import { type EventLexicon, loadEventLexicon } from '../events/lexicon.ts';
import { type AllianceLexicon, loadAlliances, loadRoleLexicon, type RoleLexicon } from '../events/roles.ts';
import { lexiconPath, loadTsv } from '../lexicon/tsv.ts';
import { normalize } from '../text/normalize.ts';

export interface EventResources {
  events: EventLexicon;
  roles: RoleLexicon;
  alliances: AllianceLexicon;
  /** normalised words that put a place name in a locative phrase (في، قرب، شمال …) */
  locatives: Set<string>;
  /** normalised weekday names with the article (الأحد، الاثنين …): a "place" right before one is a time of day */
  weekdays: Set<string>;
}

export function loadEventResources(dir?: string): EventResources {
  return {
    events: loadEventLexicon(dir),
    roles: loadRoleLexicon(dir),
    alliances: loadAlliances(dir),
    locatives: loadLocatives(dir),
    weekdays: loadWeekdays(dir),
  };
}

function loadLocatives(dir?: string): Set<string> {
  const t = loadTsv(dir ? `${dir}/locatives.tsv` : lexiconPath('locatives.tsv'), ['word']);
  return new Set(t.rows.map((r) => normalize(r.cells.word as string).text));
}

function loadWeekdays(dir?: string): Set<string> {
  const t = loadTsv(dir ? `${dir}/weekdays.tsv` : lexiconPath('weekdays.tsv'), ['weekday', 'forms']);
  return new Set(t.rows.flatMap((r) => (r.cells.forms as string).split('|').map((f) => normalize(f).text)));
}
