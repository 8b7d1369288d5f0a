import { useTranslation } from 'react-i18next';

/**
 * The scoring method, in the app, in the same words as docs/scoring.md (design §4: "method documented in the app
 * and the report"); the figures in the examples are those of src/domain/scoring/score-assessment.ts.
 */
export function MethodSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="method-title" className="section method">
      <h2 id="method-title">{t('results.method.title')}</h2>
      <details>
        <summary>{t('results.method.summary')}</summary>
        <p>{t('results.method.intro')}</p>
        <h3>{t('results.method.valuesTitle')}</h3>
        <ul>
          <li>{t('results.method.values.status')}</li>
          <li>{t('results.method.values.choice')}</li>
          <li>{t('results.method.values.number')}</li>
          <li>{t('results.method.values.date')}</li>
          <li>{t('results.method.values.unknown')}</li>
          <li>{t('results.method.values.notApplicable')}</li>
        </ul>
        <h3>{t('results.method.weightsTitle')}</h3>
        <p>{t('results.method.weights')}</p>
        <h3>{t('results.method.scoreTitle')}</h3>
        <p>{t('results.method.score')}</p>
        <p>{t('results.method.example')}</p>
        <h3>{t('results.method.completenessTitle')}</h3>
        <p>{t('results.method.completeness')}</p>
        <h3>{t('results.method.gapsTitle')}</h3>
        <p>{t('results.method.gaps')}</p>
        <h3>{t('results.method.limitsTitle')}</h3>
        <p>{t('results.method.limits')}</p>
      </details>
    </section>
  );
}
