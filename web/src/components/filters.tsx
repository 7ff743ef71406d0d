// Filter form for the events table, map and exports.
import type { Filters } from '../api.ts';
import { labelOr, useI18n } from '../i18n/index.ts';
import { TYPE_COLORS } from '../lib/colors.ts';

export function FilterBar(props: { value: Filters; onChange(f: Filters): void }) {
  const { t } = useI18n();
  const f = props.value;
  const set = (k: keyof Filters) => (e: Event) => {
    const el = e.currentTarget as HTMLInputElement;
    props.onChange({ ...f, [k]: el.type === 'checkbox' ? el.checked : el.value || undefined });
  };
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('filters.title')}>
      <label>
        {t('filters.q')}
        <input type="search" value={f.q ?? ''} onChange={set('q')} data-testid="filter-q" />
      </label>
      <label>
        {t('filters.type')}
        <select value={f.type ?? ''} onChange={set('type')} data-testid="filter-type">
          <option value="">{t('filters.type.any')}</option>
          {Object.keys(TYPE_COLORS).map((k) => (
            <option key={k} value={k}>
              {labelOr(t, `type.${k}`, k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filters.country')}
        <input value={f.country ?? ''} onChange={set('country')} data-testid="filter-country" />
      </label>
      <label>
        {t('filters.admin1')}
        <input value={f.admin1 ?? ''} onChange={set('admin1')} />
      </label>
      <label>
        {t('filters.actor')}
        <input value={f.actor ?? ''} onChange={set('actor')} />
      </label>
      <label>
        {t('filters.from')}
        <input type="date" value={f.from ?? ''} onChange={set('from')} dir="ltr" />
      </label>
      <label>
        {t('filters.to')}
        <input type="date" value={f.to ?? ''} onChange={set('to')} dir="ltr" />
      </label>
      <label class="check">
        <input type="checkbox" checked={!!f.background} onChange={set('background')} />
        {t('filters.background')}
      </label>
      <button type="button" class="link" onClick={() => props.onChange({})}>
        {t('filters.clear')}
      </button>
    </form>
  );
}
