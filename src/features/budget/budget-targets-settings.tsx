import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveStatus } from '../../components/save-status';
import { defaultBudgetTargets, type BudgetTargets } from '../../domain/budget/budget-ratios';
import { parsePercent } from '../../domain/budget/parse-amount';
import type { Language } from '../../domain/localized-text';
import { describeError } from '../../texts/describe-error';
import { formatNumber } from '../../texts/format';
import { useRepositories } from '../../storage/use-repositories';
import { useDebouncedWrites } from '../../components/use-debounced-writes';

type TargetKey = keyof BudgetTargets;
const SAVE_DELAY_MS = 400;

/**
 * The two targets, as settings (stored in the meta table), with where they come from: the objective of the 2023–2027
 * digital-health roadmap as the specialised press reported it (a secondary source), and ANSSI's maturity test for the
 * 10 % (domain reference §3.2); the reference points below the targets beside them.
 */
export function BudgetTargetsSettings({
  targets,
  readOnly,
  language,
}: {
  targets: BudgetTargets;
  readOnly: boolean;
  language: Language;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { budgets } = useRepositories();
  const { begin, save } = useSaveStatus();
  const [texts, setTexts] = useState<Partial<Record<TargetKey, string>>>({});
  const [writeError, setWriteError] = useState<string | null>(null);
  const { schedule, flush } = useDebouncedWrites(SAVE_DELAY_MS);
  const key = 'budget-targets';

  const write = (next: BudgetTargets, delayed: boolean) => {
    const token = begin(key);
    schedule(() => {
      save(key, () => budgets.setTargets(next), token).then(
        () => setWriteError(null),
        (error: unknown) => setWriteError(describeError(t, error)),
      );
    }, delayed);
  };

  const valueOf = (text: string): number | undefined => {
    const value = parsePercent(text);
    return value !== undefined && value > 0 && value <= 100 ? value / 100 : undefined;
  };

  const change = (target: TargetKey, text: string) => {
    const nextTexts = { ...texts, [target]: text };
    setTexts(nextTexts);
    if (valueOf(text) === undefined) return;
    // Both targets as typed so far, so that a write still waiting for the other one is not undone by this one.
    const pick = (k: TargetKey) => {
      const typed = nextTexts[k];
      return (typed !== undefined ? valueOf(typed) : undefined) ?? targets[k];
    };
    write({ itShare: pick('itShare'), cyberShare: pick('cyberShare') }, true);
  };

  const field = (target: TargetKey) => {
    const text = texts[target] ?? formatNumber(targets[target] * 100, language, { maximumFractionDigits: 2 });
    const invalid = texts[target] !== undefined && valueOf(text) === undefined;
    const inputId = `${id}-${target}`;
    return (
      <div className="field budget-target">
        <label htmlFor={inputId}>{t(`budget.targets.${target}`)}</label>
        <input
          id={inputId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          disabled={readOnly}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${inputId}-error` : undefined}
          onChange={(e) => change(target, e.target.value)}
          onBlur={() => {
            flush();
            if (!invalid) setTexts((current) => ({ ...current, [target]: undefined }));
          }}
        />
        {invalid ? (
          <p id={`${inputId}-error`} className="field__error" role="alert">
            {t('budget.targets.invalid')}
          </p>
        ) : null}
      </div>
    );
  };

  const isDefault =
    targets.itShare === defaultBudgetTargets.itShare && targets.cyberShare === defaultBudgetTargets.cyberShare;
  return (
    <section aria-labelledby={`${id}-title`} className="section budget-targets">
      <h2 id={`${id}-title`}>{t('budget.targets.title')}</h2>
      <p className="notice">{t('budget.targets.origin')}</p>
      <div className="budget-targets__fields">
        {field('itShare')}
        {field('cyberShare')}
      </div>
      <p className="field__hint">{t('budget.targets.scope')}</p>
      <button
        type="button"
        className="button button--small"
        disabled={readOnly || isDefault}
        onClick={() => {
          setTexts({});
          write(defaultBudgetTargets, false);
        }}
      >
        {t('budget.targets.reset')}
      </button>
      {writeError ? (
        <p className="field__error" role="alert">
          {t('common.save.notSaved', { reason: writeError })}
        </p>
      ) : null}
      <h3>{t('budget.targets.anchorsTitle')}</h3>
      <ul className="budget-targets__anchors">
        <li>{t('budget.targets.anchorAnssi')}</li>
        <li>{t('budget.targets.anchorObserved')}</li>
        <li>{t('budget.targets.anchorPlan2021')}</li>
        <li>{t('budget.targets.anchorFssi')}</li>
      </ul>
    </section>
  );
}
