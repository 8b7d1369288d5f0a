import { useTranslation } from 'react-i18next';
import {
  computeBudgetRatios,
  computePerUnit,
  missingFieldsOfRatio,
  ratioDefinitions,
  ratioNames,
  targetOfScale,
  type BudgetTargets,
  type Ratio,
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
 * The ratios of the year, recomputed at each accepted figure: value, band read against the target in force (« dans la
 * cible » only at or above it), how far below it in points and in euros, why a ratio is « à risque », what is still
 * missing, and a plain-language reading for someone who is not an accountant.
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
            ratio={ratios[name]}
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
  ratio: Ratio;
}) {
  const { t } = useTranslation();
  const { name, inputs, targets, medicoSocial, language, ratio } = props;
  const { value, band, shortfall } = ratio;
  const { scale } = ratioDefinitions[name];
  const titleId = `ratio-${name}`;
  const target = targetOfScale(scale, targets);
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
      {shortfall && scale !== 'none' ? (
        <p className="ratio__gap ratio__shortfall" data-testid={`gap-${name}`}>
          {t(`budget.results.shortfall.${scale}`, {
            target: targetText,
            points: formatNumber(shortfall.points, language, { maximumFractionDigits: 2 }),
            count: Math.round(shortfall.points * 100) / 100,
            amount: formatEuros(shortfall.euros, language),
          })}
        </p>
      ) : band === 'on-target' ? (
        <p className="ratio__gap" data-testid={`gap-${name}`}>
          {t('budget.results.gapReached', { target: targetText })}
        </p>
      ) : null}
      {band === 'at-risk' && scale !== 'none' ? (
        <p className="ratio__at-risk">{t(`budget.results.atRisk.${scale}`)}</p>
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
