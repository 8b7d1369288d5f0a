import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

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

interface BoundaryProps {
  children: ReactNode;
  /** The address: going to another screen clears the error, as a link followed from the error page expects. */
  address: string;
}

class ScreenErrorBoundary extends Component<BoundaryProps, { error: unknown; address: string | undefined }> {
  override state = { error: undefined as unknown, address: undefined as string | undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: { error: unknown; address: string | undefined }) {
    if (state.address === props.address) return null;
    return { error: state.address === undefined ? state.error : undefined, address: props.address };
  }

  override render() {
    return this.state.error === undefined ? this.props.children : <ErrorPanel error={this.state.error} />;
  }
}

/** Replaces the whole page by {@link ErrorPanel} when a screen throws while rendering. */
export function ErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <ScreenErrorBoundary address={pathname}>{children}</ScreenErrorBoundary>;
}
