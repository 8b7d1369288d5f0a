import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Language } from '../../domain/localized-text';
import { formatDate } from '../../texts/format';
import type { ProofRenewal } from './use-proofs-to-renew';

const itemLink = (assessmentId: string, found: ProofRenewal) =>
  `/assessments/${assessmentId}/${found.item.domain}?item=${encodeURIComponent(found.item.id)}`;

/** Why a proof is to renew: expired since a date, or undated; and on what basis its item's rule stands. */
export function RenewalReason({ found, language }: { found: ProofRenewal; language: Language }) {
  const { t } = useTranslation();
  const { validity, proof } = found;
  const { basis } = validity.rule;
  return (
    <>
      {validity.status === 'expired'
        ? t('declaration.validity.expired', {
            date: formatDate(proof.documentDate ?? '', language),
            expiredOn: formatDate(validity.expiresOn ?? '', language),
          })
        : t('declaration.validity.undated')}{' '}
      <span className="proof-renewal__basis">
        {t('declaration.validity.period', { count: validity.rule.validForDays })}{' '}
        {basis.kind === 'official'
          ? t('declaration.validity.official', { source: basis.source })
          : t('declaration.validity.inferred', { rationale: basis.rationale[language] })}
      </span>
    </>
  );
}

/**
 * The list of proofs to renew (issue 18): each proof's item, name, document date and why, the longest expired first;
 * each row leads to its item, where the proof is replaced or dated.
 */
export function ProofsToRenewList({
  found,
  assessmentId,
  language,
}: {
  found: readonly ProofRenewal[];
  assessmentId: string;
  language: Language;
}) {
  const { t } = useTranslation();
  if (found.length === 0) return <p className="notice notice--success">{t('declaration.renewal.none')}</p>;
  return (
    <ul className="gap-list proof-renewal-list">
      {found.map((entry) => (
        <li key={entry.proof.id}>
          <article className="gap proof-renewal" aria-labelledby={`renew-${entry.proof.id}`}>
            <p className="gap__meta">
              <span className="badge">{entry.item.id}</span>
              {entry.countedAsMet ? (
                <span className="badge badge--urgency-near">{t('declaration.renewal.countedAsMet')}</span>
              ) : null}
            </p>
            <h3 className="gap__question" id={`renew-${entry.proof.id}`}>
              {entry.proof.name}
            </h3>
            <dl className="gap__details">
              <div>
                <dt>{t('declaration.renewal.item')}</dt>
                <dd>{entry.item.question[language]}</dd>
              </div>
              <div>
                <dt>{t('declaration.renewal.documentDate')}</dt>
                <dd>
                  {entry.proof.documentDate
                    ? formatDate(entry.proof.documentDate, language)
                    : t('declaration.renewal.noDate')}
                </dd>
              </div>
              <div>
                <dt>{t('declaration.renewal.why')}</dt>
                <dd>
                  <RenewalReason found={entry} language={language} />
                </dd>
              </div>
            </dl>
            <p className="gap__actions no-print">
              <Link to={itemLink(assessmentId, entry)}>
                {t('declaration.renewal.open')}
                <span className="visually-hidden">
                  {' — '}
                  {entry.item.id} {entry.proof.name}
                </span>
              </Link>
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}

/**
 * On the gaps screen: the items answered as met whose proof is expired or undated. They are not gaps by their answer,
 * but the proof that shows them is to renew before they can be declared (issue 18).
 */
export function MetItemsWithProofsToRenew({
  found,
  assessmentId,
  language,
}: {
  found: readonly ProofRenewal[] | undefined;
  assessmentId: string;
  language: Language;
}) {
  const { t } = useTranslation();
  const met = (found ?? []).filter((f) => f.countedAsMet);
  if (met.length === 0) return null;
  return (
    <section className="notice notice--warning proof-renewal-gaps" aria-labelledby="met-renew-title">
      <h3 id="met-renew-title">{t('declaration.renewal.gapsTitle', { count: met.length })}</h3>
      <p>{t('declaration.renewal.gapsIntro')}</p>
      <ul>
        {met.map((entry) => (
          <li key={entry.proof.id}>
            <Link to={itemLink(assessmentId, entry)}>
              {entry.item.id} — {entry.proof.name}
            </Link>{' '}
            <RenewalReason found={entry} language={language} />
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/assessments/${assessmentId}/results/renewal`}>{t('declaration.renewal.seeAll')}</Link>
      </p>
    </section>
  );
}
