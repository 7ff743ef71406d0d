// Hand-built records for export, store and merge tests (synthetic; no article text from any corpus).
import { createHash } from 'node:crypto';
import type { ArticleRecord, EventRecord, ExtractionResult } from '../types.ts';

export function makeEvent(over: Partial<EventRecord> = {}): EventRecord {
  return {
    event_id: 'evt-1',
    background: false,
    event_date: '2024-03-05',
    time_precision: 1,
    disorder_type: 'Political violence',
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    actor1: 'Military Forces of Syria (2000-)',
    assoc_actor_1: [],
    actor2: 'Civilians (Syria)',
    assoc_actor_2: [],
    country: 'Syria',
    admin1: 'Idlib',
    admin2: 'Idlib',
    admin3: null,
    location: 'Sarmin',
    location_ar: 'سرمين',
    latitude: 35.9,
    longitude: 36.72,
    geo_precision: 1,
    fatalities: 3,
    sources: ['Syrian Observatory for Human Rights'],
    notes: 'On 5 March 2024, an air strike hit Sarmin.',
    confidence: 0.8,
    claims: [],
    doubts: [],
    evidence: {},
    ...over,
  };
}

/** Two more places for filter tests, besides makeEvent's Sarmin (Idlib): a town in Aleppo and one in Nineveh. */
export const MANBIJ: Partial<EventRecord> = {
  country: 'Syria',
  admin1: 'Aleppo',
  location: 'Manbij',
  location_ar: 'منبج',
  latitude: 36.53,
  longitude: 37.95,
};
export const TAL_AFAR: Partial<EventRecord> = {
  country: 'Iraq',
  admin1: 'Nineveh',
  location: 'Tal Afar',
  location_ar: 'تلعفر',
  latitude: 36.37,
  longitude: 42.45,
};

export function makeArticle(text: string, over: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id: 'art-1',
    published: '2024-03-05',
    language: 'ar',
    sha256: createHash('sha256').update(text).digest('hex'),
    source: 'Enab Baladi',
    url: null,
    chars: text.length,
    ...over,
  };
}

export function makeExtraction(text: string, events: EventRecord[], article: Partial<ArticleRecord> = {}): ExtractionResult {
  return { article: makeArticle(text, article), events, doubts: [] };
}
