// The claims of each source side by side: one column per source, one row per field.
import type { Claim } from '../../../src/types.ts';
import { labelOr, useI18n } from '../i18n/index.ts';

export function Claims(props: { claims: ReadonlyArray<Claim> }) {
  const { t } = useI18n();
  if (!props.claims?.length) return <p class="muted">{t('event.noclaims')}</p>;
  const sources = [...new Set(props.claims.map((c) => c.source))];
  const fields = [...new Set(props.claims.map((c) => c.field))];
  return (
    <table class="claims" data-testid="claims">
      <thead>
        <tr>
          <th />
          {sources.map((s) => (
            <th key={s} scope="col">
              {s}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => {
          const values = sources.map((s) => props.claims.filter((c) => c.source === s && c.field === f));
          const distinct = new Set(values.flat().map((c) => String(c.value)));
          return (
            <tr key={f} class={distinct.size > 1 ? 'disagree' : ''}>
              <th scope="row">{labelOr(t, `field.${f}`, f)}</th>
              {values.map((cs, i) => (
                <td key={sources[i]}>
                  {cs.map((c, j) => (
                    <div key={j}>
                      <b>{c.value === null ? '—' : String(c.value)}</b>
                      {c.span ? <q lang="ar">{c.span.text}</q> : null}
                    </div>
                  ))}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
