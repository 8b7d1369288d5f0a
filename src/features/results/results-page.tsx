import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RadarChart } from '../../components/radar-chart';
import { currentLanguage } from '../../i18n/i18n';
import { formatPercent } from '../../texts/format';
import { DeadlineList } from './deadline-list';
import { Indicators } from './indicators';
import { MethodSection } from './method-section';
import { formatDelta, formatScore } from './results-format';
import { ResultsShell } from './results-shell';
import type { ResultsModel } from './use-results';

/** Route /assessments/:assessmentId/results: scores, radar, completeness, budget and MFA figures, deadlines. */
export function ResultsPage() {
  return <ResultsShell section="overview">{(model) => <Overview model={model} />}</ResultsShell>;
}

function Overview({ model }: { model: ResultsModel }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { score, comparison, questionnaire, assessment, gaps } = model;
  const { overall } = score;
  const critical = gaps.filter((g) => g.item.weight === 'critical').length;
  const titleOf = (domainId: string) =>
    questionnaire.domains.find((d) => d.id === domainId)?.title[language] ?? domainId;
  const previousOf = (domainId: string) => comparison?.domains.find((d) => d.domainId === domainId);
  const incomplete = overall.completeness !== undefined && overall.completeness < 1;
  const current = {
    name: t('results.domains.campaign', { year: assessment.campaignYear }),
    values: score.domains.map((d) => d.score),
  };

  return (
    <>
      <dl className="key-figures">
        <div>
          <dt>{t('results.overview.score')}</dt>
          <dd className="key-figures__value" data-testid="overall-score">
            {formatScore(overall.score, language)}
          </dd>
          <dd className="key-figures__detail">
            {comparison
              ? t('results.overview.change', {
                  delta: formatDelta(t, comparison.overall.delta, language),
                  year: comparison.previousYear,
                })
              : t('results.overview.noPrevious')}
          </dd>
        </div>
        <div>
          <dt>{t('results.overview.completeness')}</dt>
          <dd className="key-figures__value">
            {overall.completeness === undefined ? '—' : formatPercent(overall.completeness, language, 0)}
          </dd>
          <dd className="key-figures__detail">
            {t('results.overview.completenessDetail', { answered: overall.answered, count: overall.applicable })}
          </dd>
        </div>
        <div>
          <dt>{t('results.overview.gaps')}</dt>
          <dd className="key-figures__value">{gaps.length}</dd>
          <dd className="key-figures__detail">{t('results.overview.critical', { count: critical })}</dd>
        </div>
        <div>
          <dt>{t('results.overview.unknown')}</dt>
          <dd className="key-figures__value">{overall.unknown}</dd>
          <dd className="key-figures__detail">{t('results.overview.unknownDetail')}</dd>
        </div>
      </dl>

      {incomplete ? (
        <p className="notice">
          {t('results.overview.provisional', { answered: overall.answered, count: overall.applicable })}{' '}
          <Link to={`/assessments/${assessment.id}`}>{t('results.overview.continue')}</Link>
        </p>
      ) : null}

      <section aria-labelledby="domains-title" className="section">
        <h2 id="domains-title">{t('results.domains.title')}</h2>
        {score.domains.length === 0 ? (
          <p>{t('results.domains.none')}</p>
        ) : (
          <RadarChart
            caption={t('results.domains.caption', {
              name: `${questionnaire.title[language]} ${assessment.campaignYear}`,
            })}
            labelHeader={t('results.domains.domain')}
            labels={score.domains.map((d) => titleOf(d.domainId))}
            formatValue={(v) => formatScore(v, language)}
            series={
              comparison
                ? [
                    current,
                    {
                      name: t('results.domains.campaign', { year: comparison.previousYear }),
                      values: score.domains.map((d) => previousOf(d.domainId)?.previous),
                    },
                  ]
                : [current]
            }
            extraColumns={[
              ...(comparison
                ? [
                    {
                      header: t('results.domains.change'),
                      cells: score.domains.map((d) => formatDelta(t, previousOf(d.domainId)?.delta, language)),
                    },
                  ]
                : []),
              {
                header: t('results.domains.completeness'),
                cells: score.domains.map((d) =>
                  t('results.domains.answered', { answered: d.answered, count: d.applicable }),
                ),
              },
              {
                header: t('results.domains.unknown'),
                cells: score.domains.map((d) => d.unknown),
              },
            ]}
          />
        )}
        {comparison && (comparison.improvedItemIds.length > 0 || comparison.worsenedItemIds.length > 0) ? (
          <p>
            {t('results.domains.movements', {
              improved: comparison.improvedItemIds.length,
              worsened: comparison.worsenedItemIds.length,
              year: comparison.previousYear,
            })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="indicators-title" className="section">
        <h2 id="indicators-title">{t('results.indicators.title')}</h2>
        <Indicators model={model} />
      </section>

      <section aria-labelledby="deadlines-title" className="section">
        <h2 id="deadlines-title">{t('results.deadlines.title')}</h2>
        <p className="lead">{t('results.deadlines.intro')}</p>
        <DeadlineList deadlines={model.deadlines} />
      </section>

      <MethodSection />
    </>
  );
}
