import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupFingerprint } from '../../exchange/signing';
import { currentLanguage } from '../../i18n/i18n';
import { describeError } from '../../i18n/describe-error';
import { formatDateTime } from '../../i18n/format';
import type { InstallationKeyRow } from '../../storage/care-database';
import { getOrCreateSigningKey, getSigningKey } from '../../storage/signing-key-repository';
import { useDatabase } from '../../storage/use-database';

/** Sixteen groups of four, shown on two lines of eight. */
const groups = (fingerprint: string) => groupFingerprint(fingerprint).split(' ');

type State =
  | { status: 'loading' }
  | { status: 'ready'; key: InstallationKeyRow | undefined }
  | { status: 'error'; error: unknown };

/**
 * The fingerprint of this installation's signing key, in the settings: the value an auditor checks by phone or
 * letter against the files they receive (design §4 Exchange). The key is created here if it does not exist yet,
 * unless the data is read-only.
 */
export function SigningKeySection() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const db = useDatabase();
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    (async () =>
      (await getSigningKey(db)) ?? (db.access === 'read-write' ? getOrCreateSigningKey(db) : undefined))().then(
      (key) => live && setState({ status: 'ready', key }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [db]);

  return (
    <section className="section signing-key" aria-labelledby="settings-signing-key">
      <h2 id="settings-signing-key">{t('exchange.key.title')}</h2>
      <p>{t('exchange.key.body')}</p>
      {state.status === 'loading' ? <p role="status">{t('common.loading')}</p> : null}
      {state.status === 'error' ? (
        <p className="notice notice--error" role="alert">
          {t('exchange.key.failed', { reason: describeError(t, state.error) })}
        </p>
      ) : null}
      {state.status === 'ready' && !state.key ? <p>{t('exchange.key.none')}</p> : null}
      {state.status === 'ready' && state.key ? (
        <>
          <dl className="signing-key__details">
            <div>
              <dt>{t('exchange.key.fingerprint')}</dt>
              <dd>
                <code className="fingerprint" data-testid="settings-key-fingerprint">
                  <span>{groups(state.key.fingerprint).slice(0, 8).join(' ')}</span>{' '}
                  <span>{groups(state.key.fingerprint).slice(8).join(' ')}</span>
                </code>
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
