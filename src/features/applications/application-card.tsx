import { useTranslation } from 'react-i18next';
import type { ApplicationRecord } from '../../domain/applications/application-record';
import {
  applicationStatus,
  isSensitive,
  reliesOnRpps,
  rule2026Gaps,
  twoFactorUsersOf,
  usesLocalMeans,
} from '../../domain/applications/mfa-compliance';
import type { Language } from '../../domain/localized-text';
import { formatDate, formatNumber } from '../../texts/format';
import { DisplayName } from '../../components/display-name';

/** One application of the inventory: where it stands, what is missing, and its details; edit and remove buttons. */
export function ApplicationCard({
  application: app,
  language,
  readOnly,
  onEdit,
  onRemove,
}: {
  application: ApplicationRecord;
  language: Language;
  readOnly: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const status = applicationStatus(app);
  const gaps = app.handlesHealthData ? rule2026Gaps(app) : [];
  const number = (value: number | undefined) =>
    value === undefined ? t('applications.card.notGiven') : formatNumber(value, language);
  const twoFactor = twoFactorUsersOf(app);
  const titleId = `application-${app.id}`;
  return (
    <li className={`app-card app-card--${status}`} data-application={app.name}>
      <h3 id={titleId} tabIndex={-1} className="app-card__title">
        <DisplayName name={app.name} />
      </h3>
      <p className="app-card__badges">
        <span className={`badge badge--status badge--${status}`}>{t(`applications.status.${status}`)}</span>
        {isSensitive(app) ? <span className="badge badge--sensitive">{t('applications.sensitive')}</span> : null}
      </p>
      {gaps.length > 0 ? (
        <ul className="app-card__gaps">
          {gaps.map((gap) => (
            <li key={gap}>{t(`applications.gaps.${gap}`)}</li>
          ))}
        </ul>
      ) : null}
      <dl className="details app-card__details">
        <div>
          <dt>{t('applications.card.kind')}</dt>
          <dd>{t(`applications.kinds.${app.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('applications.card.means')}</dt>
          <dd>
            {app.authentication.length > 0
              ? app.authentication.map((m) => t(`applications.means.${m}`)).join(', ')
              : t('applications.card.notGiven')}
          </dd>
        </div>
        <div>
          <dt>{t('applications.card.remote')}</dt>
          <dd>{app.remoteAccess ? t('common.yes') : t('common.no')}</dd>
        </div>
        <div>
          <dt>{t('applications.card.users')}</dt>
          <dd>{number(app.users)}</dd>
        </div>
        <div>
          <dt>{t('applications.card.twoFactor')}</dt>
          <dd>{number(twoFactor)}</dd>
        </div>
        {app.doctorsAndNurses !== undefined ? (
          <>
            <div>
              <dt>{t('applications.card.clinicians')}</dt>
              <dd>{number(app.doctorsAndNurses)}</dd>
            </div>
            <div>
              <dt>{t('applications.card.cliniciansTwoFactor')}</dt>
              <dd>{number(app.doctorsAndNursesWithTwoFactors)}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{t('applications.card.homologation')}</dt>
          <dd>
            {/* National means (CPS card, e-CPS, directly or through Pro Santé Connect) need no homologation (RIE). */}
            {t(`applications.homologation.${usesLocalMeans(app) ? app.homologation : 'not-required'}`)}
          </dd>
        </div>
        {app.targetDate ? (
          <div>
            <dt>{t('applications.card.targetDate')}</dt>
            <dd>{formatDate(app.targetDate, language)}</dd>
          </div>
        ) : null}
        {app.sensitiveReason ? (
          <div className="app-card__reason">
            <dt>{t('applications.card.reason')}</dt>
            <dd>{app.sensitiveReason}</dd>
          </div>
        ) : null}
      </dl>
      {reliesOnRpps(app) ? <p className="field__hint">{t('applications.card.rppsNote')}</p> : null}
      {readOnly ? null : (
        <div className="app-card__actions">
          <button
            type="button"
            className="button button--small"
            aria-label={t('applications.card.editLabel', { name: app.name })}
            onClick={onEdit}
          >
            {t('applications.card.edit')}
          </button>
          <button
            type="button"
            className="button button--small button--danger"
            aria-label={t('applications.card.removeLabel', { name: app.name })}
            onClick={onRemove}
          >
            {t('applications.card.remove')}
          </button>
        </div>
      )}
    </li>
  );
}
