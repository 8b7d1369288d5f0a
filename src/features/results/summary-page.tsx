import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/scroll-region';
import { Link } from 'react-router';
import { costAgainstGap, firstActions, isOverdue, planCost } from '../../domain/actions/action-plan';
import { nextDeadlines } from '../../domain/results/programme-deadlines';
import { answersNeededToScore, isScoreReadable } from '../../domain/scoring/score-assessment';
import { currentLanguage } from '../../i18n/i18n';
import { formatDate, formatEuros, formatPercent } from '../../texts/format';
import { DeadlineList } from './deadline-list';
import { Indicators } from './indicators';
import { formatScore } from './results-format';
import { ResultsShell } from './results-shell';
import type { ResultsModel } from './use-results';

/**
 * Route /assessments/:assessmentId/summary: the one-page summary for the director and the board, in plain French
 * (peers.md §4 item 7): where the establishment stands, the three ratios, the five first actions, the next dates.
 * It prints on one A4 page (src/app/print.css).
 */
export function SummaryPage() {
  return <ResultsShell section="summary">{(model) => <Summary model={model} />}</ResultsShell>;
}

function Summary({ model }: { model: ResultsModel }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { score, questionnaire, assessment, establishment, gaps, actions, asOf, budget } = model;
  const first = firstActions(actions, gaps, asOf, 5);
  const cost = planCost(actions);
  const against = costAgainstGap(cost.open, budget?.ratios.gapToCyberTargetEur);
  const critical = gaps.filter((g) => g.item.weight === 'critical').length;
  const deadlines = nextDeadlines(model.deadlines, 4);
  // Too few answers for the score to describe the establishment: say so rather than « Score 100 % ».
  const readable = isScoreReadable(score.overall);

  return (
    <div className="summary">
      <p className="summary__meta">
        {t('results.summary.meta', {
          finess: establishment.finessEj,
          questionnaire: questionnaire.title[language],
          year: assessment.campaignYear,
          date: formatDate(asOf, language),
        })}
      </p>
      <p className="no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('results.print')}
        </button>
      </p>

      <section aria-labelledby="summary-position" className="summary__section">
        <h2 id="summary-position">{t('results.summary.position.title')}</h2>
        <p>
          {score.overall.answered === 0
            ? t('results.summary.position.noScore')
            : readable && score.overall.score !== undefined
              ? `${t('results.summary.position.score', {
                  score: formatScore(score.overall.score, language),
                  questionnaire: questionnaire.title[language],
                })} ${t('results.summary.position.completeness', {
                  completeness: formatPercent(score.overall.completeness ?? 0, language, 0),
                })}`
              : t('results.summary.position.tooIncomplete', {
                  completeness: formatPercent(score.overall.completeness ?? 0, language, 0),
                  count: score.overall.answered,
                  applicable: score.overall.applicable,
                  needed: answersNeededToScore(score.overall),
                })}{' '}
          {readable || gaps.length > 0 ? t('results.summary.position.gaps', { count: gaps.length, critical }) : null}{' '}
          {score.overall.unknown > 0 ? t('results.summary.position.unknown', { count: score.overall.unknown }) : null}
        </p>
      </section>

      <section aria-labelledby="summary-ratios" className="summary__section">
        <h2 id="summary-ratios">{t('results.summary.ratios.title')}</h2>
        <Indicators model={model} compact />
      </section>

      <section aria-labelledby="summary-actions" className="summary__section">
        <h2 id="summary-actions">{t('results.summary.actions.title')}</h2>
        {first.length === 0 ? (
          <p>{t('results.summary.actions.none')}</p>
        ) : (
          <ScrollRegion labelledBy="summary-actions">
            <table className="data-table summary__actions">
              <caption className="visually-hidden">{t('results.summary.actions.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.summary.actions.columns.action')}</th>
                  <th scope="col">{t('results.summary.actions.columns.owner')}</th>
                  <th scope="col">{t('results.summary.actions.columns.due')}</th>
                  <th scope="col" className="num">
                    {t('results.summary.actions.columns.cost')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {first.map((f) =>
                  f.kind === 'action' ? (
                    <tr key={f.action.id}>
                      <th scope="row">
                        <span className="summary__action-title">{f.action.title}</span>
                      </th>
                      <td>{f.action.owner ?? t('results.summary.actions.noOwner')}</td>
                      <td>
                        {f.action.dueDate
                          ? formatDate(f.action.dueDate, language)
                          : t('results.summary.actions.noDate')}
                        {isOverdue(f.action, asOf) ? <span className="overdue-tag">{t('actions.overdue')}</span> : null}
                      </td>
                      <td className="num">
                        {f.action.estimatedCost === undefined ? '—' : formatEuros(f.action.estimatedCost, language)}
                      </td>
                    </tr>
                  ) : (
                    <tr key={f.gap.item.id}>
                      <th scope="row">
                        <span className="summary__suggested">{t('results.summary.actions.suggested')}</span>
                        <span className="summary__action-title">{f.gap.item.action[language]}</span>
                      </th>
                      <td>{t('results.summary.actions.noOwner')}</td>
                      <td>{f.gap.due ? formatDate(f.gap.due, language) : t('results.summary.actions.noDate')}</td>
                      <td className="num">—</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <p className="summary__cost">
          {t('results.summary.actions.cost', { amount: formatEuros(cost.open, language) })}{' '}
          {against.gap === undefined
            ? t('results.summary.actions.noBudget')
            : against.gap === 0
              ? t('results.summary.actions.noGap')
              : t('results.summary.actions.againstGap', {
                  gap: formatEuros(against.gap, language),
                  share: formatPercent(against.share ?? 0, language, 0),
                })}
        </p>
        <p className="no-print">
          <Link to={`/establishments/${establishment.id}/actions`}>{t('results.summary.actions.open')}</Link>
        </p>
      </section>

      <section aria-labelledby="summary-deadlines" className="summary__section">
        <h2 id="summary-deadlines">{t('results.summary.deadlines.title')}</h2>
        {deadlines.length === 0 ? (
          <p>{t('results.summary.deadlines.none')}</p>
        ) : (
          <DeadlineList deadlines={deadlines} compact />
        )}
      </section>

      <p className="summary__method">{t('results.summary.method')}</p>
    </div>
  );
}
