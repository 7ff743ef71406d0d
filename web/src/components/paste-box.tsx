// Paste an article: extract at once (nothing stored), show its events with their evidence; optionally save.
import { useState } from 'preact/hooks';
import { ApiError, api, type ExtractionResult } from '../api.ts';
import { labelOr, useI18n } from '../i18n/index.ts';
import { typeColor } from '../lib/colors.ts';
import { ErrorAlert } from './error-alert.tsx';
import { DoubtList } from './event-page.tsx';
import { HighlightedText } from './highlighted-text.tsx';
import { MapView } from './map-view.tsx';

export function PasteBox(props: { onSaved(): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [published, setPublished] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; res: ExtractionResult } | null>(null);
  const [picked, setPicked] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const extract = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const res = await api.extract(text, published || undefined);
      setResult({ text, res });
      setPicked(0);
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    if (!result) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.ingest(result.text, published || undefined);
      setMessage(r.inserted ? t('paste.saved', { n: r.events }) : t('paste.already'));
      props.onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const events = result?.res.events ?? [];
  const current = events[picked];
  return (
    <section class="paste" data-testid="paste">
      <h2>{t('paste.title')}</h2>
      <p class="muted">{t('paste.hint')}</p>
      <label class="block">
        {t('paste.text')}
        <textarea
          rows={8}
          dir="rtl"
          lang="ar"
          value={text}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          data-testid="paste-text"
        />
      </label>
      <div class="row">
        <label>
          {t('paste.published')}
          <input
            type="date"
            dir="ltr"
            value={published}
            onInput={(e) => setPublished((e.currentTarget as HTMLInputElement).value)}
            data-testid="paste-published"
          />
        </label>
        <button type="button" class="primary" disabled={busy || !text.trim()} onClick={() => void extract()} data-testid="paste-extract">
          {busy ? t('paste.extracting') : t('paste.extract')}
        </button>
        {result && events.length > 0 ? (
          <button type="button" disabled={busy} onClick={() => void save()} data-testid="paste-save">
            {t('paste.save')}
          </button>
        ) : null}
      </div>
      <ErrorAlert error={error} />
      {message ? (
        <p class="ok" role="status" data-testid="paste-message">
          {message}
        </p>
      ) : null}
      {result ? (
        <div class="paste-result" data-testid="paste-result" data-events={events.length}>
          <h3>{events.length ? t('paste.found', { n: events.length }) : t('paste.none')}</h3>
          <DoubtList doubts={result.res.doubts} title={t('paste.doubts')} />
          {events.length ? (
            <>
              <ul class="cards">
                {events.map((e, i) => (
                  <li key={e.event_id}>
                    <button type="button" class={`card${i === picked ? ' on' : ''}`} onClick={() => setPicked(i)} data-testid="paste-event">
                      <span class="dot" style={{ background: typeColor(e.event_type) }} />
                      <b>{labelOr(t, `type.${e.event_type}`, e.event_type)}</b> · {e.location ?? e.admin1 ?? e.country ?? '—'} ·{' '}
                      <span dir="ltr">{e.event_date ?? '—'}</span>
                      {' · '}
                      {t('col.fatalities')}: {e.fatalities}
                      {e.background ? ` · ${t('field.background')}` : ''}
                    </button>
                  </li>
                ))}
              </ul>
              <MapView
                events={events.map((e) => ({ ...e, id: e.event_id }))}
                onOpen={(id) =>
                  setPicked(
                    Math.max(
                      0,
                      events.findIndex((e) => e.event_id === id),
                    ),
                  )
                }
              />
              {current ? <DoubtList doubts={current.doubts} title={t('event.doubts')} /> : null}
              {current ? <HighlightedText text={result.text} evidence={current.evidence} /> : null}
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
