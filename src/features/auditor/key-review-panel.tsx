import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DisplayName } from '../../components/display-name';
import { Fingerprint } from '../../components/signing-key-card';
import { currentLanguage } from '../../i18n/i18n';
import type { PendingKeyRow, TrustedKeyRow } from '../../storage/care-database';
import { listTrustedKeys } from '../../storage/submission-repository';
import { useDatabase, useLiveQuery } from '../../storage/use-database';
import { describeError } from '../../texts/describe-error';
import { formatDate } from '../../texts/format';

type Decide = (finess: string, fingerprint: string, decision: 'accept' | 'reject') => Promise<void>;

/**
 * The review of changed signing keys (trust on first use, src/domain/trust/key-trust.ts; issue 14): for each FINESS
 * whose files came signed by another key than the accepted one, the two fingerprints side by side, to be read out
 * and compared with the establishment, and the two choices: accept the new key, or keep the old one. The decision is
 * stored (it survives a reload) and the dashboard is folded again with it. Refused keys are listed below with their
 * status, and can still be accepted.
 *
 * Keyboard: every choice is a button; after a decision the focus goes to the message that says what it did (the
 * establishment's block is gone by then).
 */
export function KeyReviewPanel({ decide, disabled }: { decide: Decide; disabled: boolean }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const keys = useLiveQuery(() => listTrustedKeys(db), [db]);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const [busy, setBusy] = useState(false);
  // The focus goes to the message once it is on the page: after the commit that draws it, not on a timer that a
  // slow machine can run before it (the button pressed may be gone by then).
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const pending = (keys ?? []).flatMap((row) =>
    (row.pending ?? []).filter((p) => p.rejectedAt === undefined).map((p) => ({ row, key: p })),
  );
  const refused = (keys ?? []).flatMap((row) =>
    (row.pending ?? []).filter((p) => p.rejectedAt !== undefined).map((p) => ({ row, key: p })),
  );
  if (pending.length === 0 && refused.length === 0 && !message) return null;

  const onDecide = async (finess: string, fingerprint: string, decision: 'accept' | 'reject') => {
    setBusy(true);
    try {
      await decide(finess, fingerprint, decision);
      setMessage({
        kind: 'success',
        text: t(decision === 'accept' ? 'auditor.keys.accepted' : 'auditor.keys.kept', { finess }),
      });
    } catch (error) {
      setMessage({ kind: 'error', text: t('auditor.keys.failed', { reason: describeError(t, error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section key-review" aria-labelledby="auditor-keys">
      <h2 id="auditor-keys">{t('auditor.keys.title')}</h2>
      {message ? (
        <p
          ref={messageRef}
          tabIndex={-1}
          className={`notice ${message.kind === 'error' ? 'notice--error' : 'notice--success'}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
      {pending.length > 0 ? (
        <>
          <p>{t('auditor.keys.intro')}</p>
          <ul className="key-review__list">
            {pending.map(({ row, key }) => (
              <PendingKey
                key={`${row.finess}-${key.fingerprint}`}
                row={row}
                pendingKey={key}
                disabled={disabled || busy}
                onDecide={onDecide}
              />
            ))}
          </ul>
        </>
      ) : null}
      {refused.length > 0 ? (
        <>
          <h3>{t('auditor.keys.rejectedTitle')}</h3>
          <ul className="key-review__list">
            {refused.map(({ row, key }) => (
              <RefusedKey
                key={`${row.finess}-${key.fingerprint}`}
                row={row}
                refusedKey={key}
                disabled={disabled || busy}
                onDecide={onDecide}
              />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function EstablishmentTitle({ row, pendingKey }: { row: TrustedKeyRow; pendingKey: PendingKeyRow }) {
  const { t } = useTranslation();
  return (
    <h3 className="key-review__establishment">
      {pendingKey.name ? (
        <>
          <DisplayName name={pendingKey.name} />
          {' — '}
        </>
      ) : null}
      {t('auditor.keys.establishment', { finess: row.finess })}
    </h3>
  );
}

function PendingKey({
  row,
  pendingKey,
  disabled,
  onDecide,
}: {
  row: TrustedKeyRow;
  pendingKey: PendingKeyRow;
  disabled: boolean;
  onDecide: Decide;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <li className="key-review__item" data-finess={row.finess}>
      <EstablishmentTitle row={row} pendingKey={pendingKey} />
      <dl className="key-review__compare" aria-label={t('auditor.keys.compareCaption')}>
        <div className="key-review__key key-review__key--old">
          <dt>{t('auditor.keys.old')}</dt>
          <dd>
            <Fingerprint fingerprint={row.fingerprint} />
            <span className="card__meta">
              {t('auditor.keys.oldSince', { date: formatDate(row.acceptedAt ?? row.firstSeenAt, language) })}
            </span>
          </dd>
        </div>
        <div className="key-review__key key-review__key--new">
          <dt>{t('auditor.keys.new')}</dt>
          <dd>
            <Fingerprint fingerprint={pendingKey.fingerprint} />
            <span className="card__meta">
              {t('auditor.keys.newSince', { date: formatDate(pendingKey.firstSeenAt, language) })}
            </span>
          </dd>
        </div>
      </dl>
      <p className="key-review__files">
        {t('auditor.keys.files', { count: pendingKey.fileNames.length })}{' '}
        {pendingKey.fileNames.map((name, i) => (
          <span key={name} className="file-name">
            {i > 0 ? ', ' : ''}
            <DisplayName name={name} />
          </span>
        ))}
      </p>
      <div className="button-row">
        <DecisionButton
          className="button button--primary"
          label={t('auditor.keys.accept')}
          fullLabel={t('auditor.keys.acceptLabel', { finess: row.finess })}
          decide={() => onDecide(row.finess, pendingKey.fingerprint, 'accept')}
          disabled={disabled}
        />
        <DecisionButton
          className="button"
          label={t('auditor.keys.keep')}
          fullLabel={t('auditor.keys.keepLabel', { finess: row.finess })}
          decide={() => onDecide(row.finess, pendingKey.fingerprint, 'reject')}
          disabled={disabled}
        />
      </div>
    </li>
  );
}

function RefusedKey({
  row,
  refusedKey,
  disabled,
  onDecide,
}: {
  row: TrustedKeyRow;
  refusedKey: PendingKeyRow;
  disabled: boolean;
  onDecide: Decide;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <li className="key-review__item key-review__item--refused" data-finess={row.finess}>
      <EstablishmentTitle row={row} pendingKey={refusedKey} />
      <Fingerprint fingerprint={refusedKey.fingerprint} />
      <p>{t('auditor.keys.rejectedStatus', { date: formatDate(refusedKey.rejectedAt ?? 0, language) })}</p>
      <DecisionButton
        className="button button--small"
        label={t('auditor.keys.acceptAnyway')}
        fullLabel={t('auditor.keys.acceptAnywayLabel', { finess: row.finess })}
        decide={() => onDecide(row.finess, refusedKey.fingerprint, 'accept')}
        disabled={disabled}
      />
    </li>
  );
}

/** One decision on a key: a button whose accessible name says which establishment it is for. */
function DecisionButton({
  className,
  label,
  fullLabel,
  decide,
  disabled,
}: {
  className: string;
  label: string;
  fullLabel: string;
  decide: () => Promise<void>;
  disabled: boolean;
}) {
  return (
    <button
      type="button"
      className={className}
      disabled={disabled}
      aria-label={fullLabel}
      onClick={() => void decide()}
    >
      {label}
    </button>
  );
}
