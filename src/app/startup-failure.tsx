import { useTranslation } from 'react-i18next';

/** Shown when the database cannot be opened at all (private browsing with storage off, a broken profile). */
export function StartupFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <main className="page" id="main">
      <h1>{t('common.errorBoundary.title')}</h1>
      <p>{t('common.errorBoundary.body')}</p>
      <details>
        <summary>{t('common.errorBoundary.detail')}</summary>
        <pre>{error instanceof Error ? `${error.name}: ${error.message}` : String(error)}</pre>
      </details>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('common.errorBoundary.reload')}
      </button>
    </main>
  );
}
