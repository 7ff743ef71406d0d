// createPipeline({ resources }).run(text, meta) → ExtractionResult.
// The stages run in the order listed in ./stages.ts; each is a pure function from Doc to Doc.
import { createHash } from 'node:crypto';
import { arabicShare } from '../text/tokenize.ts';
import type { ArticleMeta, Doubt, ExtractionResult } from '../types.ts';
import { loadRecognisers, type RecogniserResources } from './build-recognisers.ts';
import { type EventResources, loadEventResources } from './event-resources.ts';
import { emptyDoc, STAGES } from './stages.ts';

export interface Resources extends RecogniserResources, EventResources {}

/** Load every shipped resource (lexicons, gazetteer). Throws, naming the file, when one is missing or invalid. */
export function loadResources(): Resources {
  return { ...loadRecognisers(), ...loadEventResources() };
}

export interface Pipeline {
  run(text: string, meta: ArticleMeta): ExtractionResult;
}

/** Largest article the extractor reads whole; longer text is cut there with a doubt. */
export const MAX_CHARS = 2_000_000;

export function createPipeline(opts: { resources: Resources }): Pipeline {
  const res = opts.resources;
  for (const k of ['recognisers', 'events', 'roles'] as const)
    if (!res[k]) throw new Error(`createPipeline: resource "${k}" is missing (use loadResources())`);
  return {
    run(text, meta) {
      const doubts: Doubt[] = [];
      let body = text;
      if (body.length > MAX_CHARS) {
        doubts.push({ code: 'input_truncated', message: `article longer than ${MAX_CHARS} characters: the rest was not read` });
        body = body.slice(0, MAX_CHARS);
      }
      const share = arabicShare(body.slice(0, 20000));
      const article = {
        id: meta.id,
        published: meta.published ?? null,
        language: share >= 0.3 ? 'ar' : 'und',
        sha256: createHash('sha256').update(text).digest('hex'),
        source: meta.source ?? null,
        url: meta.url ?? null,
        chars: text.length,
      };
      if (share < 0.3) {
        doubts.push({ code: 'no_arabic_text', message: 'the text is not Arabic: no events extracted' });
        return { article, events: [], doubts };
      }
      let doc = emptyDoc(body, meta);
      for (const stage of STAGES) doc = stage.run(doc, res);
      return { article, events: doc.events, doubts: [...doubts, ...doc.doubts] };
    },
  };
}
