import { useReceivedReview } from '../../storage/use-repositories';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n';
import { GapsView } from './gap-list';
import { MetItemsWithProofsToRenew } from './proofs-to-renew';
import { ResultsShell } from './results-shell';
import { useProofsToRenew } from './use-proofs-to-renew';
import type { ResultsModel } from './use-results';
import type { Language } from '../../domain/localized-text';

/** Route /assessments/:assessmentId/results/gaps: every gap, ranked, with filters and a search. */
export function GapsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <ResultsShell section="gaps">
      {(model) => (
        <section aria-labelledby="gaps-title" className="section">
          <h2 id="gaps-title" className="visually-hidden">
            {t('results.headings.gaps')}
          </h2>
          <p className="lead">{t('results.gaps.intro')}</p>
          <details className="ranking-rules">
            <summary>{t('results.gaps.rankingTitle')}</summary>
            <ol>
              <li>{t('results.gaps.ranking.weight')}</li>
              <li>{t('results.gaps.ranking.deadline')}</li>
              <li>{t('results.gaps.ranking.basis')}</li>
              <li>{t('results.gaps.ranking.id')}</li>
            </ol>
          </details>
          {model.score.overall.applicable > model.score.overall.answered ? (
            <p className="notice">
              {t('results.gaps.unanswered', {
                count: model.score.overall.applicable - model.score.overall.answered,
              })}
            </p>
          ) : null}
          <GapsRenewal model={model} language={language} />
          <GapsWithReview model={model} language={language} />
        </section>
      )}
    </ResultsShell>
  );
}

/** The items answered as met whose proof is to renew: gaps to fix, though their answer is not one (issue 18). */
function GapsRenewal({ model, language }: { model: ResultsModel; language: Language }) {
  const found = useProofsToRenew(model);
  return <MetItemsWithProofsToRenew found={found} assessmentId={model.assessment.id} language={language} />;
}

/** The gaps, each with the auditor's mark when a review of this assessment was imported (issue 18). */
function GapsWithReview({ model, language }: { model: ResultsModel; language: Language }) {
  const review = useReceivedReview(model.assessment.id);
  return (
    <GapsView
      gaps={model.gaps}
      domains={model.questionnaire.domains}
      language={language}
      assessmentId={model.assessment.id}
      establishmentId={model.establishment.id}
      actions={model.actions}
      marks={review?.marks}
    />
  );
}
