import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsolidatedRow } from '../../domain/consolidation/consolidate';
import type { Distribution } from '../../domain/consolidation/quantiles';
import { groupings, summarizeDistributions, type Grouping } from '../../domain/consolidation/regional-views';
import { currentLanguage } from '../../i18n/i18n';
import { formatNumber } from '../../texts/format';
import { formatScoreNumber } from './auditor-format';
import { ScrollRegion } from '../../components/scroll-region';

/**
 * Median and quartiles of every domain (rows) for each group (columns): categories by default, or sectors, GHTs,
 * departments, or everyone. A cell reads "median (q1 to q3)"; the method is stated above the table
 * (src/domain/consolidation/quantiles.ts: Hyndman & Fan 7).
 */
export function DistributionTable({
  rows,
  domainIds,
  domainTitle,
  groupLabel,
}: {
  rows: readonly ConsolidatedRow[];
  domainIds: readonly string[];
  domainTitle: (domainId: string) => string;
  groupLabel: (grouping: Grouping, group: string) => string;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [grouping, setGrouping] = useState<Grouping>('category');
  const groups = useMemo(() => summarizeDistributions(rows, domainIds, grouping), [rows, domainIds, grouping]);
  const cell = (d: Distribution | undefined) =>
    d
      ? t('auditor.distributions.cell', {
          median: formatScoreNumber(d.median, language),
          q1: formatScoreNumber(d.q1, language),
          q3: formatScoreNumber(d.q3, language),
        })
      : '—';
  const lines: { key: string; label: string; pick: (g: (typeof groups)[number]) => Distribution | undefined }[] = [
    { key: 'overall', label: t('auditor.heatMap.overall'), pick: (g) => g.overall },
    ...domainIds.map((id) => ({
      key: id,
      label: domainTitle(id),
      pick: (g: (typeof groups)[number]) => g.domains[id],
    })),
  ];
  return (
    <>
      <div className="field field--inline">
        <label htmlFor="auditor-grouping">{t('auditor.distributions.groupBy')}</label>
        <select id="auditor-grouping" value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)}>
          {groupings.map((g) => (
            <option key={g} value={g}>
              {t(`auditor.distributions.groupings.${g}`)}
            </option>
          ))}
        </select>
      </div>
      <ScrollRegion labelledBy="distribution-caption">
        <table className="data-table distribution-table">
          <caption id="distribution-caption">
            {grouping === 'region'
              ? t('auditor.distributions.captionRegion')
              : t('auditor.distributions.caption', {
                  grouping: t(`auditor.distributions.groupings.${grouping}`).toLowerCase(),
                })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('auditor.distributions.domain')}</th>
              {groups.map((g) => (
                <th key={g.group} scope="col">
                  {groupLabel(grouping, g.group)}
                  <span className="distribution-table__count">
                    {t('auditor.distributions.count', { value: formatNumber(g.count, language) })}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.key}>
                <th scope="row">{line.label}</th>
                {groups.map((g) => (
                  <td key={g.group}>{cell(line.pick(g))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
