// Which record fields an analyst may correct, and what a corrected value must look like.
import { ISO_DATE } from '../store/filters.ts';

export type FieldKind = 'text' | 'nullable-text' | 'date' | 'count' | 'latitude' | 'longitude' | 'precision' | 'boolean' | 'list';

export const REVIEWABLE_FIELDS: Readonly<Record<string, FieldKind>> = {
  background: 'boolean',
  event_date: 'date',
  time_precision: 'precision',
  disorder_type: 'text',
  event_type: 'text',
  sub_event_type: 'text',
  actor1: 'nullable-text',
  assoc_actor_1: 'list',
  actor2: 'nullable-text',
  assoc_actor_2: 'list',
  country: 'nullable-text',
  admin1: 'nullable-text',
  admin2: 'nullable-text',
  admin3: 'nullable-text',
  location: 'nullable-text',
  latitude: 'latitude',
  longitude: 'longitude',
  geo_precision: 'precision',
  fatalities: 'count',
  civilian_fatalities: 'count',
  injuries: 'count',
  sources: 'list',
  notes: 'text',
};

/** Checks (and lightly coerces: "3" → 3 for counts) a corrected value; returns an error message or the value. */
export function checkFieldValue(field: string, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const kind = REVIEWABLE_FIELDS[field];
  if (!kind)
    return {
      ok: false,
      message: `field "${field}" cannot be reviewed; reviewable: ${Object.keys(REVIEWABLE_FIELDS).join(', ')}`,
    };
  const num = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  switch (kind) {
    case 'text':
      return typeof value === 'string' && value.trim()
        ? { ok: true, value: value.trim() }
        : { ok: false, message: `${field} needs a non-empty string` };
    case 'nullable-text':
      if (value === null || (typeof value === 'string' && value.trim() === '')) return { ok: true, value: null };
      return typeof value === 'string' ? { ok: true, value: value.trim() } : { ok: false, message: `${field} needs a string or null` };
    case 'date':
      if (value === null) return { ok: true, value: null };
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? { ok: true, value }
        : { ok: false, message: `${field} needs an ISO date YYYY-MM-DD` };
    case 'count':
      return typeof num === 'number' && Number.isInteger(num) && num >= 0 && num < 1e7
        ? { ok: true, value: num }
        : { ok: false, message: `${field} needs a whole number ≥ 0` };
    case 'latitude':
      return typeof num === 'number' && num >= -90 && num <= 90
        ? { ok: true, value: num }
        : { ok: false, message: 'latitude needs a number in [-90, 90]' };
    case 'longitude':
      return typeof num === 'number' && num >= -180 && num <= 180
        ? { ok: true, value: num }
        : { ok: false, message: 'longitude needs a number in [-180, 180]' };
    case 'precision':
      return num === 1 || num === 2 || num === 3 ? { ok: true, value: num } : { ok: false, message: `${field} needs 1, 2 or 3` };
    case 'boolean':
      if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' };
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: `${field} needs true or false` };
    case 'list': {
      const list =
        typeof value === 'string'
          ? value
              .split(/[;،,]/)
              .map((s) => s.trim())
              .filter(Boolean)
          : value;
      return Array.isArray(list) && list.every((s) => typeof s === 'string')
        ? { ok: true, value: list }
        : { ok: false, message: `${field} needs a list of names` };
    }
  }
}
