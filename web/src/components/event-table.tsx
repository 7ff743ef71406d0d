// Paged table of events; a row opens the event page.
import type { StoredEvent } from '../api.ts';
import { labelOr, useI18n } from '../i18n/index.ts';
import { typeColor } from '../lib/colors.ts';

export function EventTable(props: {
  events: ReadonlyArray<StoredEvent>;
  total: number;
  offset: number;
  pageSize: number;
  onPage(offset: number): void;
  onOpen(id: string): void;
}) {
  const { t } = useI18n();
  const { events, total, offset, pageSize } = props;
  return (
    <section class="table-wrap">
      <header>
        <h2>{t('table.title')}</h2>
        <span data-testid="table-total" data-total={total}>
          {t('table.total', { n: total })}
        </span>
      </header>
      {events.length === 0 ? (
        <p class="empty">{t('table.empty')}</p>
      ) : (
        <table class="events" data-testid="events-table">
          <thead>
            <tr>
              {['date', 'type', 'location', 'admin1', 'country', 'actor1', 'actor2', 'fatalities', 'sources', 'status'].map((c) => (
                <th key={c}>{t(`col.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr
                key={e.id}
                class="ev-row"
                data-id={e.id}
                tabIndex={0}
                onClick={() => props.onOpen(e.id)}
                onKeyDown={(k) => k.key === 'Enter' && props.onOpen(e.id)}
              >
                <td dir="ltr" class="nowrap">
                  {e.event_date ?? '—'}
                </td>
                <td>
                  <span class="dot" style={{ background: typeColor(e.event_type) }} />
                  {labelOr(t, `type.${e.event_type}`, e.event_type)}
                </td>
                <td>{e.location ?? '—'}</td>
                <td>{e.admin1 ?? '—'}</td>
                <td>{e.country ?? '—'}</td>
                <td>{e.actor1 ?? '—'}</td>
                <td>{e.actor2 ?? '—'}</td>
                <td class="num">{e.fatalities}</td>
                <td>{e.sources.join('، ')}</td>
                <td>
                  <span class={`status ${e.review_status}`}>{t(`status.${e.review_status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager">
        <button type="button" disabled={offset === 0} onClick={() => props.onPage(Math.max(0, offset - pageSize))}>
          {t('table.prev')}
        </button>
        <span>{t('table.page', { from: total ? offset + 1 : 0, to: Math.min(total, offset + pageSize), n: total })}</span>
        <button type="button" disabled={offset + pageSize >= total} onClick={() => props.onPage(offset + pageSize)}>
          {t('table.next')}
        </button>
      </nav>
    </section>
  );
}
