import { useTranslation } from 'react-i18next';
import {
  computeBudgetRatios,
  computePerUnit,
  missingFieldsOfRatio,
  ratioDefinitions,
  ratioNames,
  type BudgetTargets,
  type RatioBand,
  type RatioName,
} from '../../domain/budget/budget-ratios';
import type { BudgetInputs } from '../../domain/budget/budget-record';
import type { Language } from '../../domain/localized-text';
import { formatEuros, formatNumber, formatPercent } from '../../texts/format';

interface BudgetResultsProps {
  year: number;
  inputs: BudgetInputs;
  targets: BudgetTargets;
  medicoSocial: boolean;
  language: Language;
}

/**
 * The ratios of the year, recomputed at each accepted figure: value, band and where the band comes from, gap in
 * euros to each target, what is still missing, and a plain-language reading for someone who is not an accountant.
 */
export function BudgetResults({ year, inputs, targets, medicoSocial, language }: BudgetResultsProps) {
  const { t } = useTranslation();
  const ratios = computeBudgetRatios(inputs, targets);
  const perUnit = computePerUnit(inputs);
  return (
    <section aria-labelledby="budget-results-title" className="budget-results">
      <h2 id="budget-results-title">{t('budget.results.title', { year })}</h2>
      <ul className="ratio-list">
        {ratioNames.map((name) => (
          <RatioCard
            key={name}
            name={name}
            inputs={inputs}
            targets={targets}
            medicoSocial={medicoSocial}
            language={language}
            value={ratios[name].value}
            band={ratios[name].band}
            gap={
              name === 'itShareOfOperating'
                ? ratios.gapToItTargetEur
                : name === 'cyberShareOfIt'
                  ? ratios.gapToCyberTargetEur
                  : undefined
            }
          />
        ))}
      </ul>
      <h3>{t('budget.perUnit.title')}</h3>
      <dl className="details">
        <div>
          <dt>{t('budget.perUnit.itSpendPerBed')}</dt>
          <dd data-testid="it-per-bed">
            {perUnit.itSpendPerBed !== undefined
              ? formatEuros(perUnit.itSpendPerBed, language)
              : t('budget.results.notComputed')}
          </dd>
        </div>
        <div>
          <dt>{t('budget.perUnit.cyberSpendPerWorkstation')}</dt>
          <dd data-testid="cyber-per-workstation">
            {perUnit.cyberSpendPerWorkstation !== undefined
              ? formatEuros(perUnit.cyberSpendPerWorkstation, language)
              : t('budget.results.notComputed')}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function RatioCard(props: {
  name: RatioName;
  inputs: BudgetInputs;
  targets: BudgetTargets;
  medicoSocial: boolean;
  language: Language;
  value: number | undefined;
  band: RatioBand | undefined;
  gap: number | undefined;
}) {
  const { t } = useTranslation();
  const { name, inputs, targets, medicoSocial, language, value, band, gap } = props;
  const { scale } = ratioDefinitions[name];
  const titleId = `ratio-${name}`;
  const target = scale === 'it-share' ? targets.itShare : scale === 'cyber-share' ? targets.cyberShare : undefined;
  const targetText = target !== undefined ? formatPercent(target, language, 2) : '';
  const missing = missingFieldsOfRatio(inputs, name);
  const percent = (fraction: number) => formatPercent(fraction, language, 2);
  // "Out of 100 €…": the same fraction read as euros (or as FTEs for the staff ratio).
  const per100 =
    value === undefined
      ? null
      : name === 'securityStaffShare'
        ? formatNumber(value * 100, language, { maximumFractionDigits: 1 })
        : formatEuros(Math.round(value * 10000) / 100, language);
  return (
    <li className={`ratio ratio--${band ?? 'none'}`} data-ratio={name}>
      <h3 id={titleId} className="ratio__title">
        {t(`budget.ratios.${name}.title`)}
      </h3>
      <p className="ratio__figures">
        <span
          className={`ratio__value${value === undefined ? ' ratio__value--none' : ''}`}
          data-testid={`ratio-${name}`}
        >
          {value !== undefined ? percent(value) : t('budget.results.notComputed')}
        </span>
        {band ? (
          <span className={`badge badge--band badge--${band}`}>
            {t('budget.results.band', { band: t(`budget.bands.${band}`) })}
          </span>
        ) : null}
      </p>
      {target !== undefined ? (
        <p className="ratio__target">
          {medicoSocial
            ? t('budget.results.referenceHealth', { value: targetText })
            : t('budget.results.target', { value: targetText })}
        </p>
      ) : null}
      {gap !== undefined ? (
        <p className="ratio__gap" data-testid={`gap-${name}`}>
          {gap > 0
            ? t(name === 'itShareOfOperating' ? 'budget.results.gapIt' : 'budget.results.gapCyber', {
                amount: formatEuros(gap, language),
                target: targetText,
              })
            : t('budget.results.gapReached', { target: targetText })}
        </p>
      ) : null}
      {missing.length > 0 ? (
        <p className="ratio__missing">
          {t('budget.results.missing', {
            fields: missing.map((f) => t(`budget.fields.${f}.label`)).join(', '),
          })}
        </p>
      ) : null}
      <details className="ratio__details">
        <summary>{t('budget.results.explain')}</summary>
        <p>{t(`budget.ratios.${name}.explanation`)}</p>
        {per100 !== null ? <p>{t(`budget.ratios.${name}.per100`, { amount: per100 })}</p> : null}
        <p className="ratio__formula">{t('budget.results.formula', { formula: t(`budget.ratios.${name}.formula`) })}</p>
        <h4>{t('budget.results.bandSource')}</h4>
        <p>
          {scale === 'none' ? t('budget.bandSources.none') : t(`budget.bandSources.${scale}`, { target: targetText })}
        </p>
      </details>
    </li>
  );
}
