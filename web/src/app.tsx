// The app shell: language switch, routes (#/ events, #/paste, #/event/ID), shared filters.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, type Filters, getApiKey, type StoredEvent, setApiKey } from './api.ts';
import { ErrorAlert } from './components/error-alert.tsx';
import { EventPage } from './components/event-page.tsx';
import { EventTable } from './components/event-table.tsx';
import { FilterBar } from './components/filters.tsx';
import { MapView } from './components/map-view.tsx';
import { PasteBox } from './components/paste-box.tsx';
import { Timeline } from './components/timeline.tsx';
import { I18n, LANGS, type Lang, makeT } from './i18n/index.ts';

const PAGE = 25;
const MAP_LIMIT = 5000;

function initialLang(): Lang {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'ar' || q === 'en') return q;
  const s = localStorage.getItem('marsad.lang');
  return s === 'en' ? 'en' : 'ar';
}

function useHashRoute(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash.replace(/^#/, '') || '/';
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => makeT(lang), [lang]);
  const route = useHashRoute();
  const [filters, setFilters] = useState<Filters>({});
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; events: StoredEvent[] }>({ total: 0, events: [] });
  const [all, setAll] = useState<StoredEvent[]>([]);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(getApiKey);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = LANGS[lang].dir;
    document.title = t('app.title');
    localStorage.setItem('marsad.lang', lang);
  }, [lang]);

  const dateless = { ...filters, from: undefined, to: undefined };
  useEffect(() => {
    api.events(dateless, MAP_LIMIT).then(
      (r) => setAll(r.events),
      (e: Error) => setError(e.message),
    );
  }, [JSON.stringify(dateless), version]);
  useEffect(() => {
    api.events(filters, PAGE, offset).then(
      (r) => setPage(r),
      (e: Error) => setError(e.message),
    );
  }, [JSON.stringify(filters), offset, version]);

  const inRange = all.filter(
    (e) => (!filters.from || (e.event_date ?? '') >= filters.from) && (!filters.to || (e.event_date ?? '') <= filters.to),
  );
  const open = (id: string) => {
    location.hash = `#/event/${encodeURIComponent(id)}`;
  };
  const changeFilters = (f: Filters) => {
    setOffset(0);
    setFilters(f);
  };
  const eventId = route.startsWith('/event/') ? decodeURIComponent(route.slice(7)) : null;

  return (
    <I18n.Provider value={{ lang, t }}>
      <header class="top">
        <div class="brand">
          <h1>{t('app.title')}</h1>
          <span class="muted">{t('app.subtitle')}</span>
        </div>
        <nav>
          <a href="#/" class={route === '/' ? 'on' : ''} data-testid="nav-events">
            {t('nav.events')}
          </a>
          <a href="#/paste" class={route === '/paste' ? 'on' : ''} data-testid="nav-paste">
            {t('nav.paste')}
          </a>
          <a href="/docs" target="_blank" rel="noopener">
            {t('nav.docs')}
          </a>
        </nav>
        <label class="apikey">
          {t('apikey.label')}
          <input
            type="password"
            value={key}
            placeholder={t('apikey.placeholder')}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLInputElement).value;
              setKey(v);
              setApiKey(v);
            }}
          />
        </label>
        <button
          type="button"
          class="lang"
          onClick={() => setLang(lang === 'ar' ? 'en' : 'ar')}
          data-testid="lang-switch"
          lang={lang === 'ar' ? 'en' : 'ar'}
        >
          {t('lang.switch')}
        </button>
      </header>
      <ErrorAlert error={error} />
      <main>
        {eventId ? (
          <EventPage id={eventId} onBack={() => (location.hash = '#/')} onChanged={() => setVersion(version + 1)} />
        ) : route === '/paste' ? (
          <PasteBox onSaved={() => setVersion(version + 1)} />
        ) : (
          <div class="dashboard">
            <aside>
              <FilterBar value={filters} onChange={changeFilters} />
              <section class="exports">
                <h2>{t('export.title')}</h2>
                {['acled-csv', 'json', 'geojson'].map((f) => (
                  <a key={f} class="button" href={api.exportUrl(f, filters)} download data-testid={`export-${f}`}>
                    {t(`export.${f}`)}
                  </a>
                ))}
              </section>
            </aside>
            <div class="views">
              <MapView events={inRange} onOpen={open} />
              <Timeline
                dates={all.map((e) => e.event_date)}
                range={{ from: filters.from, to: filters.to }}
                onRange={(from, to) => changeFilters({ ...filters, from, to })}
              />
              <EventTable events={page.events} total={page.total} offset={offset} pageSize={PAGE} onPage={setOffset} onOpen={open} />
            </div>
          </div>
        )}
      </main>
    </I18n.Provider>
  );
}
