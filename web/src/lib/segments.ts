// Splits a text into runs, each knowing which fields' evidence spans cover it (spans may overlap).
export interface SpanLike {
  start: number;
  end: number;
}
export interface Segment {
  start: number;
  end: number;
  text: string;
  fields: string[];
}

export function highlightSegments(text: string, evidence: Record<string, ReadonlyArray<SpanLike>>, only?: string | null): Segment[] {
  const spans: Array<{ start: number; end: number; field: string }> = [];
  for (const [field, list] of Object.entries(evidence ?? {})) {
    if (only && field !== only) continue;
    for (const s of list ?? []) {
      const start = Math.max(0, Math.min(text.length, Math.floor(Number(s.start))));
      const end = Math.max(0, Math.min(text.length, Math.floor(Number(s.end))));
      if (Number.isFinite(start) && Number.isFinite(end) && end > start) spans.push({ start, end, field });
    }
  }
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const fields = [...new Set(spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.field))].sort();
    const prev = out[out.length - 1];
    if (prev && prev.end === start && prev.fields.join() === fields.join()) {
      prev.end = end;
      prev.text = text.slice(prev.start, end);
    } else out.push({ start, end, text: text.slice(start, end), fields });
  }
  return out;
}
