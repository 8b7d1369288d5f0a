import { useTranslation } from 'react-i18next';
import type { ApplicationRecord } from '../../domain/applications/application-record';
import {
  computeMfaCompliance,
  isSensitive,
  rule2026Gaps,
  twoFactorUsersOf,
} from '../../domain/applications/mfa-compliance';
import type { Language } from '../../domain/localized-text';
import { formatNumber, formatPercent, displayName } from '../../texts/format';
import { DisplayName } from '../../components/display-name';

/**
 * Where the inventory stands against the 1 January 2026 rule and the 2027 and 2028 HospiConnect targets, with the
 * non-compliant sensitive applications listed first (the most used first), each with what is missing.
 */
export function MfaResults({
  applications,
  language,
}: {
  applications: readonly ApplicationRecord[];
  language: Language;
}) {
  const { t } = useTranslation();
  const c = computeMfaCompliance([...applications]);
  const share = (value: number | undefined) => (value === undefined ? '' : formatPercent(value, language, 1));
  const hasPatientRecord = applications.some((a) => a.kind === 'patient-record');
  const target = (met: boolean | undefined) => {
    if (!hasPatientRecord)
      return {
        text: t('applications.results.unknown'),
        tone: 'unknown',
        hint: t('applications.results.noPatientRecord'),
      };
    if (met === true) return { text: t('applications.results.met'), tone: 'met', hint: null };
    if (met === false) return { text: t('applications.results.notMet'), tone: 'not-met', hint: null };
    return { text: t('applications.results.unknown'), tone: 'unknown', hint: t('applications.results.unknownHint') };
  };
  // Sensitive applications left out of the user share because their numbers are missing: said, not hidden.
  const uncounted = applications.filter(
    (a) => isSensitive(a) && (a.users === undefined || twoFactorUsersOf(a) === undefined),
  );
  const recordUsers = applications
    .filter((a) => a.kind === 'patient-record')
    .reduce((sum, a) => sum + (a.users ?? 0), 0);
  const t2027 = target(c.target2027Met);
  const t2028 = target(c.target2028Met);

  return (
    <section aria-labelledby="mfa-results-title" className="section mfa-results">
      <h2 id="mfa-results-title">{t('applications.results.title')}</h2>
      {applications.length === 0 ? <p>{t('applications.results.empty')}</p> : null}
      <dl className="mfa-results__figures" hidden={applications.length === 0}>
        <div>
          <dt>{t('applications.results.compliantApps')}</dt>
          <dd data-testid="compliant-apps" className={c.sensitiveCount > 0 ? undefined : 'is-unknown'}>
            {c.sensitiveCount > 0
              ? t('applications.results.countOf', {
                  done: formatNumber(c.compliantCount, language),
                  total: formatNumber(c.sensitiveCount, language),
                  share: share(c.compliantShare),
                })
              : t('applications.results.noSensitive')}
          </dd>
        </div>
        <div>
          <dt>{t('applications.results.usersShare')}</dt>
          <dd data-testid="users-share" className={c.users > 0 ? undefined : 'is-unknown'}>
            {c.users > 0
              ? t('applications.results.countOf', {
                  done: formatNumber(c.usersWithTwoFactors, language),
                  total: formatNumber(c.users, language),
                  share: share(c.usersShare),
                })
              : t('applications.results.usersUnknown')}
            {uncounted.length > 0 ? (
              <span className="mfa-results__note">
                {t('applications.results.uncounted', { names: uncounted.map((a) => displayName(a.name)).join(', ') })}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('applications.results.patientRecordShare')}</dt>
          <dd
            data-testid="patient-record-share"
            className={hasPatientRecord && c.patientRecordTwoFactorShare !== undefined ? undefined : 'is-unknown'}
          >
            {!hasPatientRecord
              ? t('applications.results.noPatientRecord')
              : c.patientRecordTwoFactorShare === undefined || recordUsers === 0
                ? t('applications.results.usersUnknown')
                : share(c.patientRecordTwoFactorShare)}
          </dd>
        </div>
        <div>
          <dt>{t('applications.results.target2027')}</dt>
          <dd>
            <span className={`badge badge--target badge--${t2027.tone}`} data-testid="target-2027">
              {t2027.text}
            </span>
            {t2027.hint ? <span className="mfa-results__note">{t2027.hint}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('applications.results.target2028')}</dt>
          <dd>
            <span className={`badge badge--target badge--${t2028.tone}`} data-testid="target-2028">
              {t2028.text}
            </span>
            {t2028.hint ? <span className="mfa-results__note">{t2028.hint}</span> : null}
          </dd>
        </div>
      </dl>
      {applications.length > 0 ? <p className="field__hint">{t('applications.results.usersNote')}</p> : null}
      {c.sensitiveCount > 0 ? (
        <>
          <h3>{t('applications.results.nonCompliantTitle')}</h3>
          {c.nonCompliant.length > 0 ? (
            <ol className="mfa-results__priorities" data-testid="non-compliant">
              {c.nonCompliant.map((app) => (
                <li key={app.id}>
                  <a href={`#application-${app.id}`}>
                    <DisplayName name={app.name} />
                  </a>
                  {' — '}
                  {rule2026Gaps(app)
                    .map((gap) => t(`applications.gaps.${gap}`))
                    .join(' ')}
                </li>
              ))}
            </ol>
          ) : (
            <p>{t('applications.results.allCompliant')}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
