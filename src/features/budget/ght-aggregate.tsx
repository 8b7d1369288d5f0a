import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/scroll-region';
import {
  aggregateBudgets,
  computeBudgetRatios,
  memberGaps,
  type BudgetTargets,
  type MemberGaps,
} from '../../domain/budget/budget-ratios';
import type { BudgetRecord } from '../../domain/budget/budget-record';
import type { Establishment } from '../../domain/establishment/establishment';
import type { Language } from '../../domain/localized-text';
import { formatEuros, formatPercent } from '../../texts/format';
import { DisplayName } from '../../components/display-name';

export interface GhtMember {
  establishment: Pick<Establishment, 'id' | 'name'>;
  record: BudgetRecord;
}

/**
 * The establishments of a GHT entered on this device, for one year, and the group as a whole. The group ratio is a
 * ratio of sums, never a mean of ratios (design §4; domain reference part C): a 10 M€ establishment must not weigh
 * as much as a 300 M€ one. Each target's gap is given twice: that of the summed budget, and the members' own gaps
 * added up, so that a member above the target never hides another below it.
 */
export function GhtAggregate({
  ghtName,
  year,
  members,
  targets,
  language,
}: {
  ghtName: string;
  year: number;
  members: readonly GhtMember[];
  targets: BudgetTargets;
  language: Language;
}) {
  const { t } = useTranslation();
  const id = useId();
  const tableCaptionId = `${id}-table`;
  if (members.length < 2) return null;
  const inputs = members.map((m) => m.record.inputs);
  const group = aggregateBudgets(inputs, targets);
  const own = memberGaps(inputs, targets);
  // The totals shown are those the group IT share is computed from: the establishments that gave both figures.
  const counted = members.filter(
    (m) => m.record.inputs.totalOperatingCharges !== undefined && m.record.inputs.itOperatingCharges !== undefined,
  );
  const percent = (value: number | undefined) =>
    value === undefined ? t('budget.results.notComputed') : formatPercent(value, language, 2);
  const euros = (value: number | undefined) =>
    value === undefined ? t('budget.results.notComputed') : formatEuros(value, language);
  return (
    <section aria-labelledby={`${id}-title`} className="section budget-ght">
      <h2 id={`${id}-title`}>{t('budget.ght.title', { name: ghtName, year })}</h2>
      <p>{t('budget.ght.lead')}</p>
      <ScrollRegion labelledBy={tableCaptionId}>
        <table className="data-table" data-testid="ght-table">
          <caption id={tableCaptionId}>{t('budget.ght.caption', { name: ghtName, year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('budget.ght.establishment')}</th>
              <th scope="col">{t('budget.fields.totalOperatingCharges.label')}</th>
              <th scope="col">{t('budget.fields.itOperatingCharges.label')}</th>
              <th scope="col">{t('budget.trend.series.itShareOfOperating')}</th>
              <th scope="col">{t('budget.trend.series.cyberShareOfIt')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const ratios = computeBudgetRatios(m.record.inputs, targets);
              return (
                <tr key={m.establishment.id}>
                  <th scope="row">
                    <DisplayName name={m.establishment.name} />
                  </th>
                  <td>{euros(m.record.inputs.totalOperatingCharges)}</td>
                  <td>{euros(m.record.inputs.itOperatingCharges)}</td>
                  <td>{percent(ratios.itShareOfOperating.value)}</td>
                  <td>{percent(ratios.cyberShareOfIt.value)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('budget.ght.total')}</th>
              <td>{euros(counted.reduce((s, m) => s + (m.record.inputs.totalOperatingCharges ?? 0), 0))}</td>
              <td>{euros(counted.reduce((s, m) => s + (m.record.inputs.itOperatingCharges ?? 0), 0))}</td>
              <td data-testid="ght-it-share">{percent(group.itShareOfOperating.value)}</td>
              <td>{percent(group.cyberShareOfIt.value)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <GroupGap
        title={t('budget.ght.itTitle')}
        testId="ght-gap-it"
        summed={group.gapToItTargetEur}
        own={own.it}
        target={targets.itShare}
        language={language}
      />
      <GroupGap
        title={t('budget.ght.cyberTitle')}
        testId="ght-gap-cyber"
        summed={group.gapToCyberTargetEur}
        own={own.cyber}
        target={targets.cyberShare}
        language={language}
      />
      {own.it.below + own.cyber.below > 0 ? <p className="field__hint">{t('budget.ght.gapMembersNote')}</p> : null}
    </section>
  );
}

/** One target's two gaps: the summed budget's, and the members' own gaps added up. */
function GroupGap({
  title,
  testId,
  summed,
  own,
  target,
  language,
}: {
  title: string;
  testId: string;
  summed: number | undefined;
  own: MemberGaps;
  target: number;
  language: Language;
}) {
  const { t } = useTranslation();
  if (summed === undefined || own.totalEur === undefined) return null;
  const targetText = formatPercent(target, language, 2);
  return (
    <div className="budget-ght__gap" data-testid={testId}>
      <h3>{title}</h3>
      <p>{t('budget.ght.gapSummed', { target: targetText, amount: formatEuros(summed, language) })}</p>
      <p>
        {t('budget.ght.gapMembers', {
          amount: formatEuros(own.totalEur, language),
          count: own.below,
          below: own.below,
          counted: own.counted,
        })}
      </p>
    </div>
  );
}
