// STUB (lead is replacing this): createPipeline({ resources }).run(text, meta) → ExtractionResult.
import { createHash } from 'node:crypto';
import type { ArticleMeta, ExtractionResult } from '../types.ts';

export interface Resources {
  [k: string]: unknown;
}

export function loadResources(): Resources {
  return {};
}

export interface Pipeline {
  run(text: string, meta: ArticleMeta): ExtractionResult;
}

export function createPipeline(_opts: { resources: Resources }): Pipeline {
  return {
    run(text, meta) {
      return {
        article: {
          id: meta.id,
          published: meta.published ?? null,
          language: 'ar',
          sha256: createHash('sha256').update(text).digest('hex'),
          source: meta.source ?? null,
          url: meta.url ?? null,
          chars: text.length,
        },
        events: [],
        doubts: [],
      };
    },
  };
}
