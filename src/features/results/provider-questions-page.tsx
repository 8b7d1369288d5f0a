import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n';
import { formatDate } from '../../texts/format';
import { ResultsShell } from './results-shell';

/**
 * Route /assessments/:assessmentId/results/questions: every "don't know", grouped by domain, to hand to the IT
 * provider or the GHT (peers.md §4 item 19). It prints on its own, with room to write each answer down.
 */
export function ProviderQuestionsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <ResultsShell section="questions">
      {(model) => {
        const count = model.providerQuestions.reduce((n, g) => n + g.questions.length, 0);
        return (
          <section aria-labelledby="questions-title" className="section provider-questions">
            <h2 id="questions-title" className="visually-hidden">
              {t('results.headings.questions')}
            </h2>
            <p className="print-only">
              {t('results.questions.printHeader', {
                establishment: model.establishment.name,
                date: formatDate(model.asOf, language),
              })}
            </p>
            <p className="lead">{t('results.questions.intro', { count })}</p>
            {count === 0 ? (
              <p>{t('results.questions.none')}</p>
            ) : (
              <>
                <p className="no-print">
                  <button type="button" className="button" onClick={() => window.print()}>
                    {t('results.print')}
                  </button>
                </p>
                {model.providerQuestions.map((group) => (
                  <section
                    key={group.domain.id}
                    aria-labelledby={`questions-${group.domain.id}`}
                    className="question-group"
                  >
                    <h3 id={`questions-${group.domain.id}`}>{group.domain.title[language]}</h3>
                    <ol className="question-list">
                      {group.questions.map(({ item, comment }) => (
                        <li key={item.id} className="question">
                          <p className="question__text">
                            <span className="item__id">{item.id}</span> {item.question[language]}
                          </p>
                          <p className="question__help">{item.help.meaning[language]}</p>
                          <p className="question__evidence">
                            <strong>{t('results.questions.evidence')}</strong> {item.evidence[language]}
                          </p>
                          {comment ? (
                            <p className="question__comment">
                              <strong>{t('results.questions.comment')}</strong> {comment}
                            </p>
                          ) : null}
                          <p className="question__answer" aria-hidden="true">
                            {t('results.questions.answerLine')}
                          </p>
                        </li>
                      ))}
                    </ol>
                  </section>
                ))}
              </>
            )}
          </section>
        );
      }}
    </ResultsShell>
  );
}
