import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire-schema';
import { compareSnapshots, type ComparedState } from '../../domain/snapshot/compare-snapshots';
import { currentLanguage } from '../../i18n/i18n';
import { answerWords, deltaWords, scoreWords } from './answer-words';

/**
 * Two states of one assessment side by side: the score of each domain before and after, then every item whose
 * answer changed, before → after. Both are tables; below 40 rem each row becomes a block with its cells labelled
 * (snapshots.css), so that a phone 390 px wide reads them without scrolling sideways.
 */
export function SnapshotComparison({
  before,
  after,
  questionnaires,
  onClose,
}: {
  before: { label: string; state: ComparedState };
  after: { label: string; state: ComparedState };
  /** The questionnaires that name the items and domains, the preferred first. */
  questionnaires: Questionnaire[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const [main] = questionnaires;
  const comparison = compareSnapshots(before.state, after.state, main ?? { items: [], domains: [] });
  const itemOf = (itemId: string) => questionnaires.flatMap((q) => q.items).find((item) => item.id === itemId);
  const domainTitle = (domainId: string) =>
    questionnaires.flatMap((q) => q.domains).find((d) => d.id === domainId)?.title[language] ?? domainId;
  const points = (delta: number | undefined) =>
    delta === undefined
      ? '—'
      : t('results.delta', { count: Math.abs(Math.round(delta)), value: deltaWords(delta, language) });
  const columns = {
    domain: t('snapshots.compare.domain'),
    before: t('snapshots.compare.before'),
    after: t('snapshots.compare.after'),
    change: t('snapshots.compare.change'),
    question: t('snapshots.compare.question'),
  };

  return (
    <section aria-labelledby={`${id}-title`} className="section snapshot-comparison" data-testid="snapshot-comparison">
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('snapshots.compare.heading', { before: before.label, after: after.label })}
      </h2>
      <table className="data-table stacked-table">
        <caption>{t('snapshots.compare.domainsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.domain}</th>
            <th scope="col" className="num">
              {columns.before}
            </th>
            <th scope="col" className="num">
              {columns.after}
            </th>
            <th scope="col" className="num">
              {columns.change}
            </th>
          </tr>
        </thead>
        <tbody>
          {comparison.domains.map((d) => (
            <tr key={d.domainId}>
              <th scope="row">{domainTitle(d.domainId)}</th>
              <td className="num" data-label={columns.before}>
                {scoreWords(d.before, language)}
              </td>
              <td className="num" data-label={columns.after}>
                {scoreWords(d.after, language)}
              </td>
              <td className="num" data-label={columns.change}>
                {points(d.delta)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('snapshots.compare.overall')}</th>
            <td className="num" data-label={columns.before}>
              {scoreWords(comparison.overall.before, language)}
            </td>
            <td className="num" data-label={columns.after}>
              {scoreWords(comparison.overall.after, language)}
            </td>
            <td className="num" data-label={columns.change}>
              {points(comparison.overall.delta)}
            </td>
          </tr>
        </tfoot>
      </table>

      <h3 id={`${id}-answers`}>
        {comparison.changedAnswers.length === 0
          ? t('snapshots.compare.noAnswerChange')
          : t('snapshots.compare.answersTitle', { count: comparison.changedAnswers.length })}
      </h3>
      {comparison.changedAnswers.length > 0 ? (
        <table className="data-table stacked-table" aria-labelledby={`${id}-answers`}>
          <thead>
            <tr>
              <th scope="col">{columns.question}</th>
              <th scope="col">{columns.before}</th>
              <th scope="col">{columns.after}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.changedAnswers.map((change) => {
              const item = itemOf(change.itemId);
              return (
                <tr key={change.itemId} data-item-id={change.itemId}>
                  <th scope="row">
                    <span className="snapshot-comparison__item-id">{change.itemId}</span>{' '}
                    {item ? item.question[language] : t('snapshots.compare.unknownItem', { id: change.itemId })}
                  </th>
                  <td data-label={columns.before}>{answerWords(t, item, change.before, language)}</td>
                  <td data-label={columns.after}>{answerWords(t, item, change.after, language)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <p>
        <button type="button" className="button button--link" onClick={onClose}>
          {t('snapshots.compare.close')}
        </button>
      </p>
    </section>
  );
}
