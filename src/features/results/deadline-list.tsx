import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/scroll-region';
import { isLate, isToDeclare, type DeadlineResult } from '../../domain/results/programme-deadlines';
import { currentLanguage } from '../../i18n/i18n';
import { formatDate, formatNumber } from '../../texts/format';

/**
 * The programme dates with their status. Status is written out, not only coloured (RGAA 3.1): met, not met, to
 * check (answers missing), not applicable. Each date reads with its kind (deadline-kind.ts): a due date passed and
 * not met says how long ago; an open declaration window says « à déclarer », never late; a yearly obligation says
 * when it is due again; HospiConnect 2027 and 2028 give the verdict of the answers and the inventory, with its reason.
 */
export function DeadlineList({
  deadlines,
  compact = false,
}: {
  deadlines: readonly DeadlineResult[];
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const captionId = useId();
  // On a phone the table scrolls inside its region, never the page.
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className={`data-table deadlines${compact ? ' deadlines--compact' : ''}`}>
        <caption id={captionId} className={compact ? 'visually-hidden' : undefined}>
          {t('results.deadlines.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('results.deadlines.columns.date')}</th>
            <th scope="col">{t('results.deadlines.columns.obligation')}</th>
            <th scope="col">{t('results.deadlines.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {deadlines.map((d) => {
            // A date is shown as passed only when answers were asked for it: not for a questionnaire never started.
            const late = isLate(d);
            const toDeclare = isToDeclare(d);
            const id = d.deadline.id;
            const { kind } = d.deadline;
            const date = formatDate(d.due, language);
            return (
              <tr key={d.deadline.id} className={late ? 'deadline--late' : undefined}>
                <td>
                  {kind === 'yearly'
                    ? t('results.deadlines.annual', { date })
                    : kind === 'window-opening'
                      ? t(d.daysLeft <= 0 ? 'results.deadlines.windowOpened' : 'results.deadlines.windowOpens', {
                          date,
                        })
                      : date}
                  {/* An open window has no end to count to: no « il y a 320 jours » that would read as late. */}
                  {kind === 'window-opening' && d.daysLeft <= 0 ? (
                    <span className="deadline__when">{t('results.deadlines.noClosingDate')}</span>
                  ) : (
                    <span className="deadline__when">
                      {d.daysLeft === 0
                        ? t('results.deadlines.today')
                        : d.daysLeft > 0
                          ? t('results.deadlines.inDays', {
                              count: d.daysLeft,
                              days: formatNumber(d.daysLeft, language),
                            })
                          : t('results.deadlines.daysAgo', {
                              count: -d.daysLeft,
                              days: formatNumber(-d.daysLeft, language),
                            })}
                    </span>
                  )}
                </td>
                <td>
                  <span className="deadline__programme">
                    {t(`results.deadlines.programmes.${d.deadline.programme}`)}
                  </span>
                  <strong className="deadline__title">{t(`results.deadlines.catalog.${id}.title`)}</strong>
                  {compact ? null : (
                    <>
                      <span className="deadline__detail">{t(`results.deadlines.catalog.${id}.detail`)}</span>
                      {d.recommendation ? (
                        <span className="deadline__detail">{t('results.deadlines.recommendation')}</span>
                      ) : null}
                      {d.verdict ? (
                        <span className="deadline__detail deadline__verdict">
                          {t(`results.deadlines.verdicts.${d.verdict.reason}`, {
                            applications: d.verdict.applicationNames.join(', '),
                          })}
                        </span>
                      ) : null}
                      {d.notMetItemIds.length > 0 ? (
                        <span className="deadline__detail">
                          {t('results.deadlines.notMetItems', { ids: d.notMetItemIds.join(', ') })}
                        </span>
                      ) : null}
                      {d.status === 'unknown' ? (
                        <span className="deadline__detail">
                          {t('results.deadlines.unansweredItems', { ids: d.unansweredItemIds.join(', ') })}
                        </span>
                      ) : null}
                      {d.status === 'not-evaluated' ? (
                        <span className="deadline__detail">{t('results.deadlines.noRelated')}</span>
                      ) : null}
                      <span className="deadline__source">
                        {t('results.deadlines.source', { source: d.deadline.source })}
                      </span>
                    </>
                  )}
                </td>
                <td>
                  <span className={`status-tag status-tag--${d.status}`}>
                    {t(`results.deadlines.status.${d.status}`)}
                  </span>
                  {late ? <span className="deadline__late">{t('results.deadlines.late')}</span> : null}
                  {toDeclare ? (
                    <span className="deadline__to-declare">
                      {t(
                        d.deadline.window === 'application'
                          ? 'results.deadlines.toApply'
                          : 'results.deadlines.toDeclare',
                      )}
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
