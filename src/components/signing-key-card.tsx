import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { groupFingerprint } from '../domain/fingerprint';
import { describeError } from '../texts/describe-error';
import { formatDateTime } from '../texts/format';
import { currentLanguage } from '../i18n/i18n';
import './signing-key-card.css';

/** What the card shows of the key: storage's useSigningKey gives it (the card itself reads nothing). */
export type SigningKeyView =
  | { status: 'loading' }
  | { status: 'ready'; key: { fingerprint: string; createdAt: number } }
  | { status: 'none' }
  | { status: 'error'; error: unknown };

/**
 * This installation's key fingerprint with what it is for: the value an auditor checks by phone or letter against
 * the files they receive (design §4 Exchange). Shown on the export page and in the settings.
 */
export function SigningKeyCard({ state }: { state: SigningKeyView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const titleId = useId();
  return (
    <section className="section signing-key" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('exchange.key.title')}</h2>
      <p>{t('exchange.key.body')}</p>
      {state.status === 'loading' ? <p role="status">{t('common.loading')}</p> : null}
      {state.status === 'none' ? <p>{t('exchange.key.none')}</p> : null}
      {state.status === 'error' ? (
        <p className="notice notice--error" role="alert">
          {t('exchange.key.failed', { reason: describeError(t, state.error) })}
        </p>
      ) : null}
      {state.status === 'ready' ? (
        <>
          <dl className="signing-key__details">
            <div>
              <dt>{t('exchange.key.fingerprint')}</dt>
              <dd>
                <Fingerprint fingerprint={state.key.fingerprint} />
              </dd>
            </div>
          </dl>
          <p className="card__meta">
            {t('exchange.key.createdAt', { date: formatDateTime(state.key.createdAt, language) })}
          </p>
        </>
      ) : null}
    </section>
  );
}

/** A key fingerprint as sixteen groups of four on two lines of eight, the way it is read out and compared. */
export function Fingerprint({ fingerprint }: { fingerprint: string }) {
  const groups = groupFingerprint(fingerprint).split(' ');
  return (
    <code className="fingerprint" data-testid="key-fingerprint" data-fingerprint={fingerprint}>
      <span>{groups.slice(0, 8).join(' ')}</span> <span>{groups.slice(8).join(' ')}</span>
    </code>
  );
}
