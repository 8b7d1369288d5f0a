import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupFingerprint } from '../../exchange/signing';
import { currentLanguage } from '../../i18n/i18n';
import { describeError } from '../../i18n/describe-error';
import { formatDateTime } from '../../i18n/format';
import type { CareDatabase, InstallationKeyRow } from '../../storage/care-database';
import { getOrCreateSigningKey, getSigningKey } from '../../storage/signing-key-repository';
import { useDatabase } from '../../storage/use-database';

export type SigningKeyState =
  | { status: 'loading' }
  | { status: 'ready'; key: InstallationKeyRow }
  | { status: 'none' }
  | { status: 'error'; error: unknown };

/**
 * This installation's signing key, created the first time it is needed (it signs every export; design §4). In data
 * opened read-only nothing is created: exports are then unsigned, and the screen says so.
 */
export function useSigningKey(): SigningKeyState {
  const db = useDatabase();
  const [state, setState] = useState<SigningKeyState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    const load = async (database: CareDatabase) => {
      const existing = await getSigningKey(database);
      if (existing) return existing;
      return database.access === 'read-write' ? getOrCreateSigningKey(database) : undefined;
    };
    load(db).then(
      (key) => live && setState(key ? { status: 'ready', key } : { status: 'none' }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [db]);
  return state;
}

/** The key's fingerprint, grouped by four, with what it is for. */
export function SigningKeyCard({ state }: { state: SigningKeyState }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <section className="section signing-key" aria-labelledby="signing-key-title">
      <h2 id="signing-key-title">{t('exchange.key.title')}</h2>
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
                <code className="fingerprint" data-testid="key-fingerprint" data-fingerprint={state.key.fingerprint}>
                  <FingerprintLines fingerprint={state.key.fingerprint} />
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

/** Sixteen groups of four on two lines of eight, the way it is read out and compared. */
function FingerprintLines({ fingerprint }: { fingerprint: string }) {
  const groups = groupFingerprint(fingerprint).split(' ');
  return (
    <>
      <span>{groups.slice(0, 8).join(' ')}</span> <span>{groups.slice(8).join(' ')}</span>
    </>
  );
}
