import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ratio } from '../../domain/budget/budget-ratios';
import { currentLanguage } from '../../i18n/i18n';
import { formatEuros, formatNumber, formatPercent } from '../../texts/format';
import type { ResultsModel } from './use-results';

/**
 * The three figures a director reads first (peers.md §4 item 7): the share of operating charges spent on IT and the
 * share of IT spent on cybersecurity, each against its target (budget screen), and the share of the users of
 * sensitive applications who sign in with two factors (applications screen). A missing figure says so, with a link
 * to the screen where it is entered.
 */
export function Indicators({ model, compact = false }: { model: ResultsModel; compact?: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { budget, mfa, establishment } = model;
  const budgetLink = `/establishments/${establishment.id}/budget`;
  const applicationsLink = `/establishments/${establishment.id}/applications`;

  const ratioCard = (
    kind: 'it' | 'cyber',
    ratio: Ratio | undefined,
    target: number | undefined,
    gap: number | undefined,
  ) => (
    <li className={`indicator indicator--${ratio?.band ?? 'missing'}`}>
      <h3 className="indicator__title">{t(`results.indicators.${kind}.title`)}</h3>
      {ratio?.value !== undefined && target !== undefined && budget ? (
        <>
          <p className="indicator__value">
            {formatPercent(ratio.value, language, 2)}
            <span className="indicator__target">
              {t('results.indicators.target', { value: formatPercent(target, language, 1) })}
            </span>
          </p>
          {ratio.band ? (
            <p className={`indicator__band band band--${ratio.band}`}>{t(`results.indicators.bands.${ratio.band}`)}</p>
          ) : null}
          {gap !== undefined ? (
            <p className="indicator__detail">
              {gap > 0
                ? t('results.indicators.gap', {
                    amount: formatEuros(gap, language),
                    target: formatPercent(target, language, 1),
                  })
                : t('results.indicators.noGap', { target: formatPercent(target, language, 1) })}
            </p>
          ) : null}
          {compact ? null : <p className="indicator__source">{t('results.indicators.year', { year: budget.year })}</p>}
        </>
      ) : (
        <p className="indicator__missing">
          {t('results.indicators.missing')} <Link to={budgetLink}>{t('results.indicators.enterBudget')}</Link>
        </p>
      )}
    </li>
  );

  return (
    <ul className={`indicators${compact ? ' indicators--compact' : ''}`}>
      {ratioCard('it', budget?.ratios.itShareOfOperating, budget?.targets.itShare, budget?.ratios.gapToItTargetEur)}
      {ratioCard(
        'cyber',
        budget?.ratios.cyberShareOfIt,
        budget?.targets.cyberShare,
        budget?.ratios.gapToCyberTargetEur,
      )}
      <li className={`indicator indicator--${mfa?.usersShare === undefined ? 'missing' : 'mfa'}`}>
        <h3 className="indicator__title">{t('results.indicators.mfa.title')}</h3>
        {mfa?.usersShare !== undefined ? (
          <>
            <p className="indicator__value">
              {formatPercent(mfa.usersShare, language, 0)}
              <span className="indicator__target">
                {t('results.indicators.target', { value: formatPercent(1, language, 0) })}
              </span>
            </p>
            <p className="indicator__detail">
              {t('results.indicators.mfa.users', {
                withTwo: formatNumber(mfa.usersWithTwoFactors, language),
                users: formatNumber(mfa.users, language),
              })}
            </p>
            <p className="indicator__detail">
              {t('results.indicators.mfa.applications', {
                compliant: mfa.compliantCount,
                count: mfa.sensitiveCount,
              })}
            </p>
            {compact ? null : (
              <p className="indicator__detail">
                {t('results.indicators.mfa.target2027', {
                  state: t(`results.indicators.mfa.states.${targetState(mfa.target2027Met)}`),
                })}
                {' · '}
                {t('results.indicators.mfa.target2028', {
                  state: t(`results.indicators.mfa.states.${targetState(mfa.target2028Met)}`),
                })}
              </p>
            )}
          </>
        ) : (
          <p className="indicator__missing">
            {t('results.indicators.missing')}{' '}
            <Link to={applicationsLink}>{t('results.indicators.enterApplications')}</Link>
          </p>
        )}
      </li>
    </ul>
  );
}

function targetState(met: boolean | undefined): 'met' | 'missed' | 'unknown' {
  return met === undefined ? 'unknown' : met ? 'met' : 'missed';
}
