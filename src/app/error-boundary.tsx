import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** The translated page shown when a screen throws: it says the saved data is safe and offers to reload. */
export function ErrorPanel({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <main className="page" id="main">
      <div className="notice notice--error" role="alert">
        <h1>{t('common.errorBoundary.title')}</h1>
        <p>{t('common.errorBoundary.body')}</p>
      </div>
      <details>
        <summary>{t('common.errorBoundary.detail')}</summary>
        <pre className="error-detail">{error instanceof Error ? `${error.name}: ${error.message}` : String(error)}</pre>
      </details>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('common.errorBoundary.reload')}
      </button>
    </main>
  );
}

export function RouteErrorPage() {
  return <ErrorPanel error={useRouteError()} />;
}
