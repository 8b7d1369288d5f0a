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
  // HospiConnect 2027 and 2028: the verdict of the deadlines, which reads the answers with the inventory, so that this
  // card and the deadlines never disagree; the inventory alone where those dates do not apply (medico-social).
  const yearState = (year: 2027 | 2028, inventoryOnly: boolean | undefined) => {
    const verdict = model.deadlines.find((d) => d.verdict?.year === year)?.verdict;
    if (!verdict) return targetState(inventoryOnly);
    return verdict.status === 'met' ? 'met' : verdict.status === 'not-met' ? 'missed' : 'unknown';
  };
  const budgetLink = `/establishments/${establishment.id}/budget`;
  const applicationsLink = `/establishments/${establishment.id}/applications`;

  // Below its target a ratio says how far, in points and in euros (never « dans la cible » beside a missing amount);
  // « à risque » says which threshold and where it comes from.
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
          {ratio.shortfall ? (
            <p className="indicator__detail" data-testid={`indicator-shortfall-${kind}`}>
              {t('results.indicators.shortfall', {
                points: formatNumber(ratio.shortfall.points, language, { maximumFractionDigits: 2 }),
                count: Math.round(ratio.shortfall.points * 100) / 100,
                amount: formatEuros(ratio.shortfall.euros, language),
                target: formatPercent(target, language, 1),
              })}
            </p>
          ) : gap !== undefined ? (
            <p className="indicator__detail">
              {t('results.indicators.noGap', { target: formatPercent(target, language, 1) })}
            </p>
          ) : null}
          {ratio.band === 'at-risk' && !compact ? (
            <p className="indicator__detail">{t(`results.indicators.atRisk.${kind}`)}</p>
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
                  state: t(`results.indicators.mfa.states.${yearState(2027, mfa.target2027Met)}`),
                })}
                {' · '}
                {t('results.indicators.mfa.target2028', {
                  state: t(`results.indicators.mfa.states.${yearState(2028, mfa.target2028Met)}`),
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
