// Histogram of event dates; drag across it (brush) to filter the date range.
import { useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/index.ts';
import { type Bin, binDates } from '../lib/histogram.ts';

const W = 800;
const H = 90;

export function Timeline(props: {
  dates: ReadonlyArray<string | null>;
  range: { from?: string; to?: string };
  onRange(from?: string, to?: string): void;
}) {
  const { t, lang } = useI18n();
  const bins = useMemo(() => binDates(props.dates), [props.dates]);
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const max = Math.max(1, ...bins.map((b) => b.count));
  const bw = bins.length ? W / bins.length : W;
  const rtl = lang === 'ar';
  // time runs right-to-left in Arabic
  const xOf = (i: number) => (rtl ? W - (i + 1) * bw : i * bw);
  const indexAt = (clientX: number): number => {
    const r = svg.current?.getBoundingClientRect();
    if (!r || bins.length === 0) return 0;
    const x = ((clientX - r.left) / r.width) * W;
    const i = Math.floor(x / bw);
    return Math.max(0, Math.min(bins.length - 1, rtl ? bins.length - 1 - i : i));
  };
  const selected = (b: Bin) => (!props.range.from || b.to >= props.range.from) && (!props.range.to || b.from <= props.range.to);
  const finish = () => {
    if (!drag) return;
    const lo = Math.min(drag.a, drag.b);
    const hi = Math.max(drag.a, drag.b);
    setDrag(null);
    props.onRange(bins[lo].from, bins[hi].to);
  };
  const active = props.range.from || props.range.to;
  return (
    <section class="timeline" aria-label={t('timeline.title')}>
      <header>
        <h2>{t('timeline.title')}</h2>
        <span class="hint">
          {active ? t('timeline.range', { from: props.range.from ?? '…', to: props.range.to ?? '…' }) : t('timeline.hint')}
        </span>
        {active ? (
          <button type="button" class="link" onClick={() => props.onRange(undefined, undefined)} data-testid="timeline-clear">
            {t('timeline.clear')}
          </button>
        ) : null}
      </header>
      <svg
        ref={svg}
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        class="timeline-svg"
        data-testid="timeline"
        role="img"
        aria-label={t('timeline.title')}
        onPointerDown={(e) => {
          (e.currentTarget as SVGSVGElement).setPointerCapture?.(e.pointerId);
          const i = indexAt(e.clientX);
          setDrag({ a: i, b: i });
        }}
        onPointerMove={(e) => drag && setDrag({ a: drag.a, b: indexAt(e.clientX) })}
        onPointerUp={finish}
      >
        {bins.map((b, i) => {
          const h = (b.count / max) * (H - 6);
          const inDrag = drag && i >= Math.min(drag.a, drag.b) && i <= Math.max(drag.a, drag.b);
          return (
            <rect
              key={b.key}
              class={`tl-bar${selected(b) ? ' on' : ''}${inDrag ? ' brushing' : ''}`}
              x={xOf(i) + bw * 0.1}
              y={H - h}
              width={Math.max(1, bw * 0.8)}
              height={h}
              data-from={b.from}
              data-count={b.count}
            >
              <title>{`${b.key}: ${b.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <div class="timeline-axis" dir="ltr">
        <span>{rtl ? bins[bins.length - 1]?.key : bins[0]?.key}</span>
        <span>{rtl ? bins[0]?.key : bins[bins.length - 1]?.key}</span>
      </div>
    </section>
  );
}
