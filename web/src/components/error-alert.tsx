// The page's error line ("Something went wrong: …"), shown only while there is an error.
import { useI18n } from '../i18n/index.ts';

export function ErrorAlert(props: { error: string | null | undefined }) {
  const { t } = useI18n();
  return props.error ? (
    <p class="error" role="alert">
      {t('error.generic', { detail: props.error })}
    </p>
  ) : null;
}
