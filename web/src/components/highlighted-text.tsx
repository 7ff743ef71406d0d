// Article text with evidence spans highlighted per field; everything is rendered as text nodes (inert).
import { useMemo } from 'preact/hooks';
import { labelOr, useI18n } from '../i18n/index.ts';
import { fieldColor } from '../lib/colors.ts';
import { highlightSegments, type SpanLike } from '../lib/segments.ts';

export function HighlightedText(props: {
  text: string;
  evidence: Record<string, ReadonlyArray<SpanLike>>;
  only?: string | null;
  onPick?(field: string): void;
}) {
  const { t } = useI18n();
  const order = useMemo(() => Object.keys(props.evidence ?? {}).sort(), [props.evidence]);
  const segs = useMemo(() => highlightSegments(props.text, props.evidence, props.only), [props.text, props.evidence, props.only]);
  return (
    <div class="article-text" dir="rtl" lang="ar" data-testid="article-text">
      {segs.map((s) =>
        s.fields.length === 0 ? (
          s.text
        ) : (
          <mark
            key={s.start}
            class="ev-span"
            data-fields={s.fields.join(' ')}
            title={s.fields.map((f) => labelOr(t, `field.${f}`, f)).join(' · ')}
            style={{ background: fieldColor(s.fields[0], order), boxShadow: s.fields.length > 1 ? 'inset 0 -3px 0 #555' : undefined }}
            onClick={() => props.onPick?.(s.fields[0])}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') props.onPick?.(s.fields[0]);
            }}
          >
            {s.text}
          </mark>
        ),
      )}
    </div>
  );
}

export function EvidenceLegend(props: {
  evidence: Record<string, ReadonlyArray<SpanLike>>;
  only?: string | null;
  onPick(field: string | null): void;
}) {
  const { t } = useI18n();
  const order = Object.keys(props.evidence ?? {}).sort();
  return (
    <div class="legend">
      <span>{t('event.legend')}</span>
      {order.map((f) => (
        <button
          type="button"
          key={f}
          class={`chip${props.only === f ? ' on' : ''}`}
          style={{ background: fieldColor(f, order) }}
          onClick={() => props.onPick(props.only === f ? null : f)}
          data-field={f}
        >
          {labelOr(t, `field.${f}`, f)} ({props.evidence[f].length})
        </button>
      ))}
      {props.only ? (
        <button type="button" class="link" onClick={() => props.onPick(null)}>
          {t('event.showall')}
        </button>
      ) : null}
    </div>
  );
}
