import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/page-states';
import { currentLanguage } from '../../i18n/i18n';
import { ProofsToRenewList } from './proofs-to-renew';
import { ResultsShell } from './results-shell';
import { useProofsToRenew } from './use-proofs-to-renew';
import type { ResultsModel } from './use-results';

/** Route /assessments/:assessmentId/results/renewal: the proofs to renew, read today (issue 18). */
export function RenewalPage() {
  return <ResultsShell section="renewal">{(model) => <Renewal model={model} />}</ResultsShell>;
}

function Renewal({ model }: { model: ResultsModel }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const found = useProofsToRenew(model);
  return (
    <section aria-labelledby="renewal-title" className="section">
      <h2 id="renewal-title" className="visually-hidden">
        {t('results.headings.renewal')}
      </h2>
      <p className="lead">{t('declaration.renewal.intro')}</p>
      {found ? <ProofsToRenewList found={found} assessmentId={model.assessment.id} language={language} /> : <Loading />}
    </section>
  );
}
