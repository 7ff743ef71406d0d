// Time: date expressions resolved against the publication date. The pipeline calls these.
export {
  addDays,
  hijriOf,
  hijriToGregorian,
  isoOf,
  parseIso,
  weekdayOf,
  type Ymd,
} from './calendar.ts';
export { type FoundDate, findDates } from './find-dates.ts';
export {
  type ExprEntry,
  loadTimeLexicon,
  type MonthEntry,
  type TimeLexicon,
} from './lexicon.ts';
