// One event: doubts first, fields with review buttons, the article(s) with evidence highlighted, claims per source, audit.
import { useEffect, useState } from 'preact/hooks';
import { REVIEWABLE_FIELDS } from '../../../src/server/review-fields.ts';
import { api, type EventDetail, type Review } from '../api.ts';
import { labelOr, type T, useI18n } from '../i18n/index.ts';
import { typeColor } from '../lib/colors.ts';
import { Claims } from './claims.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { EvidenceLegend, HighlightedText } from './highlighted-text.tsx';

export const show = (v: unknown): string =>
  v === null || v === undefined || v === ''
    ? '—'
    : Array.isArray(v)
      ? v.join('، ') || '—'
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

export function DoubtList(props: {
  doubts: ReadonlyArray<{ code: string; field?: string; message: string; span?: { text: string } }>;
  title: string;
}) {
  const { t } = useI18n();
  if (props.doubts.length === 0) return null;
  return (
    <section class="doubts" data-testid="doubts">
      <h3>
        {props.title} ({props.doubts.length})
      </h3>
      <ul>
        {props.doubts.map((d, i) => (
          <li key={i}>
            <code>{d.code}</code>
            {d.field ? <b> {labelOr(t, `field.${d.field}`, d.field)}</b> : null} — {d.message}
            {d.span ? <q lang="ar">{d.span.text}</q> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function auditText(t: T, r: Review): string {
  return t('review.entry', {
    who: r.reviewer,
    action: t(`review.action.${r.action}`),
    field: labelOr(t, `field.${r.field}`, r.field),
    old: show(r.old_value),
    new: show(r.new_value),
  });
}

function FieldRow(props: {
  id: string;
  field: string;
  value: unknown;
  spans: number;
  onPick(): void;
  onDone(): void;
  onError(msg: string): void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [val, setVal] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async (action: 'accept' | 'correct') => {
    setBusy(true);
    try {
      await api.review(
        props.id,
        action === 'accept' ? { field: props.field, action } : { field: props.field, action, value: val, ...(note ? { note } : {}) },
      );
      setEditing(false);
      props.onDone();
    } catch (e) {
      props.onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const label = labelOr(t, `field.${props.field}`, props.field);
  return (
    <tr data-field={props.field}>
      <th scope="row">
        <button type="button" class="link" onClick={props.onPick} disabled={props.spans === 0}>
          {label}
        </button>
      </th>
      <td class="value" data-testid={`value-${props.field}`}>
        {show(props.value)}
      </td>
      <td class="spans">{props.spans ? t('event.spans', { n: props.spans }) : ''}</td>
      <td class="actions">
        {editing ? (
          <form
            class="correct-form"
            onSubmit={(e) => {
              e.preventDefault();
              void send('correct');
            }}
          >
            <input
              aria-label={t('review.newvalue', { field: label })}
              value={val}
              onInput={(e) => setVal((e.currentTarget as HTMLInputElement).value)}
              data-testid="correct-value"
            />
            <input
              aria-label={t('review.note')}
              placeholder={t('review.note')}
              value={note}
              onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit" disabled={busy} data-testid="correct-save">
              {t('review.save')}
            </button>
            <button type="button" class="link" onClick={() => setEditing(false)}>
              {t('review.cancel')}
            </button>
          </form>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={() => void send('accept')} data-testid={`accept-${props.field}`}>
              {t('review.accept')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setVal(props.value === null || props.value === undefined ? '' : show(props.value));
                setEditing(true);
              }}
              data-testid={`correct-${props.field}`}
            >
              {t('review.correct')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

export function EventPage(props: { id: string; onBack(): void; onChanged(): void }) {
  const { t } = useI18n();
  const [detail, setDetail] = useState<EventDetail | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [only, setOnly] = useState<string | null>(null);
  const load = () =>
    api.event(props.id).then(
      (d) => setDetail(d),
      (e: Error & { status?: number }) => (e.status === 404 ? setDetail(null) : setError(e.message)),
    );
  useEffect(() => {
    setDetail(undefined);
    void load();
  }, [props.id]);

  if (detail === undefined) return <p>{error ? t('error.generic', { detail: error }) : t('event.loading')}</p>;
  if (detail === null) return <p>{t('event.notfound')}</p>;
  const e = detail.event;
  const rec = e as unknown as Record<string, unknown>;
  const fields = Object.keys(REVIEWABLE_FIELDS).filter((f) => f in rec);
  const seen = new Set<string>();
  const allDoubts = [...e.doubts, ...detail.records.flatMap((r) => r.record.doubts)].filter((d) => {
    const k = `${d.code}|${d.field ?? ''}|${d.message}|${d.span?.start ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return (
    <article class="event-page" data-testid="event-page" data-id={e.id}>
      <button type="button" class="link back" onClick={props.onBack}>
        {t('event.back')}
      </button>
      <h2>
        <span class="dot" style={{ background: typeColor(e.event_type) }} />
        {labelOr(t, `type.${e.event_type}`, e.event_type)} — {e.location ?? e.admin1 ?? e.country ?? '—'}{' '}
        <span dir="ltr">{e.event_date ?? ''}</span>
      </h2>
      <p class="meta">
        <span class={`status ${e.review_status}`}>{t(`status.${e.review_status}`)}</span> · {t('event.reports', { n: e.reports })} ·{' '}
        {t('event.confidence', { p: Math.round((e.confidence ?? 0) * 100) })}
      </p>
      <ErrorAlert error={error} />
      {allDoubts.length ? <DoubtList doubts={allDoubts} title={t('event.doubts')} /> : <p class="muted">{t('event.nodoubts')}</p>}
      <div class="event-grid">
        <section>
          <h3>{t('event.fields')}</h3>
          <table class="fields">
            <thead>
              <tr>
                <th>{t('event.field')}</th>
                <th>{t('event.value')}</th>
                <th>{t('event.evidence')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <FieldRow
                  key={f}
                  id={e.id}
                  field={f}
                  value={rec[f]}
                  spans={e.evidence?.[f]?.length ?? 0}
                  onPick={() => setOnly(only === f ? null : f)}
                  onError={setError}
                  onDone={() => {
                    setError(null);
                    void load();
                    props.onChanged();
                  }}
                />
              ))}
            </tbody>
          </table>
          <h3>{t('event.audit')}</h3>
          {detail.reviews.length === 0 ? (
            <p class="muted">{t('event.noaudit')}</p>
          ) : (
            <ol class="audit" data-testid="audit">
              {detail.reviews.map((r) => (
                <li
                  key={r.id}
                  class="audit-entry"
                  data-field={r.field}
                  data-action={r.action}
                  data-new={JSON.stringify(r.new_value ?? null)}
                >
                  <span>{auditText(t, r)}</span> <time dir="ltr">{r.at.replace('T', ' ').slice(0, 19)}</time>
                  {r.note ? <q>{r.note}</q> : null}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section>
          <h3>{t('event.claims')}</h3>
          <Claims claims={e.claims} />
        </section>
      </div>
      {detail.records.map((r) => {
        const art = detail.articles.find((a) => a.id === r.article_id);
        if (!art) return null;
        return (
          <section class="article" key={r.article_id}>
            <h3>
              {t('event.article')} <code>{art.id}</code> {art.published ? t('event.published', { date: art.published }) : ''}
            </h3>
            <EvidenceLegend evidence={r.record.evidence} only={only} onPick={setOnly} />
            <HighlightedText text={art.text} evidence={r.record.evidence} only={only} onPick={(f) => setOnly(f)} />
          </section>
        );
      })}
    </article>
  );
}
