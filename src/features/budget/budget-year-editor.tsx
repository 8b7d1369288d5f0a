import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveStatus } from '../../components/save-status';
import {
  budgetFields,
  checkBudgetInputs,
  type BudgetField,
  type BudgetTargets,
} from '../../domain/budget/budget-ratios';
import type { BudgetInputs, BudgetRecord } from '../../domain/budget/budget-record';
import type { Language } from '../../domain/localized-text';
import { describeError } from '../../texts/describe-error';
import { useRepositories } from '../../storage/use-repositories';
import { BudgetForm, fieldStates, parseFieldText } from './budget-form';
import { BudgetResults } from './budget-results';
import { useDebouncedWrites } from '../../components/use-debounced-writes';
import { laterWrite, writeTimeAfter } from '../../domain/later-write';

const SAVE_DELAY_MS = 400;

interface BudgetYearEditorProps {
  establishmentId: string;
  year: number;
  record: BudgetRecord | undefined;
  targets: BudgetTargets;
  medicoSocial: boolean;
  readOnly: boolean;
  language: Language;
  /** Figures already known elsewhere (the beds and places typed when the establishment was created), offered in
   * their empty fields: one click stores them, nothing is stored unasked. */
  offers?: Partial<Record<BudgetField, number>>;
}

/** The figures with one of them replaced (or cleared, when undefined). */
function withFigure(inputs: BudgetInputs, field: BudgetField, value: number | undefined): BudgetInputs {
  const next: BudgetInputs = {};
  for (const f of budgetFields) {
    const v = f === field ? value : inputs[f];
    if (v !== undefined) next[f] = v;
  }
  return next;
}

/**
 * The figures of one year and their ratios, side by side. A typed figure is checked at once: accepted, it joins the
 * figures the ratios are computed from and is written once typing pauses (the header says « Enregistré » only once
 * IndexedDB has committed it); refused, it stays in its field with the reason, and nothing is written. The newer of
 * the local figures and the stored ones wins, so another tab's later change shows here too.
 */
export function BudgetYearEditor(props: BudgetYearEditorProps) {
  const { establishmentId, year, record, targets, medicoSocial, readOnly, language, offers = {} } = props;
  const { t } = useTranslation();
  const { budgets } = useRepositories();
  const { begin, save } = useSaveStatus();
  const [draft, setDraft] = useState<{ inputs: BudgetInputs; updatedAt: number } | null>(null);
  const [texts, setTexts] = useState<Partial<Record<BudgetField, string>>>({});
  const [writeError, setWriteError] = useState<string | null>(null);
  const { schedule, flush } = useDebouncedWrites(SAVE_DELAY_MS);
  const key = `budget:${establishmentId}:${year}`;

  const accepted: BudgetInputs = laterWrite(draft ?? undefined, record)?.inputs ?? {};

  // The figures as typed (accepted ones plus every readable text), to show each refusal where it was typed.
  let typed = accepted;
  for (const [field, text] of Object.entries(texts) as [BudgetField, string | undefined][]) {
    if (text === undefined) continue;
    const parsed = parseFieldText(field, text);
    if (parsed !== 'invalid') typed = withFigure(typed, field, parsed);
  }
  // Refusals are those of the figures as typed; warnings are about accepted (stored) figures only, since they say
  // "the figure is stored".
  const states = fieldStates(
    accepted,
    texts,
    { errors: checkBudgetInputs(typed).errors, warnings: checkBudgetInputs(accepted).warnings },
    language,
  );
  const hasRefusal = Object.values(states).some((s) => s.refused && s.errors.length > 0);

  const accept = (inputs: BudgetInputs) => {
    const updatedAt = writeTimeAfter(record?.updatedAt, draft?.updatedAt);
    setDraft({ inputs, updatedAt });
    const token = begin(key);
    schedule(() => {
      save(key, () => budgets.saveInputs(establishmentId, year, inputs, updatedAt), token).then(
        () => setWriteError(null),
        (error: unknown) => setWriteError(describeError(t, error)),
      );
    }, true);
  };

  const change = (field: BudgetField, text: string) => {
    setTexts((current) => ({ ...current, [field]: text }));
    const parsed = parseFieldText(field, text);
    const candidate = parsed === 'invalid' ? undefined : withFigure(accepted, field, parsed);
    if (candidate && checkBudgetInputs(candidate).errors.length === 0) {
      accept(candidate);
      return;
    }
    // Refused. A figure of this field accepted a keystroke earlier ("2 000 00" on the way to "2 000 000") is
    // withdrawn: the field goes back to what is stored, so that the refusal leaves storage as it was.
    const storedValue = record?.inputs[field];
    if (accepted[field] !== storedValue) {
      const reverted = withFigure(accepted, field, storedValue);
      if (checkBudgetInputs(reverted).errors.length === 0) accept(reverted);
    }
  };

  const takeOffer = (field: BudgetField, value: number) => {
    const candidate = withFigure(accepted, field, value);
    if (checkBudgetInputs(candidate).errors.length > 0) return;
    setTexts((current) => ({ ...current, [field]: undefined }));
    accept(candidate);
    flush();
  };
  // Offered only while the field is empty: what the user typed or stored always wins.
  const openOffers: Partial<Record<BudgetField, number>> = {};
  for (const [field, value] of Object.entries(offers) as [BudgetField, number | undefined][]) {
    if (value !== undefined && accepted[field] === undefined && !texts[field]) openOffers[field] = value;
  }

  const blur = (field: BudgetField) => {
    flush();
    // An accepted figure is shown formatted again once the field is left; a refused one stays as typed.
    if (!states[field].refused) setTexts((current) => ({ ...current, [field]: undefined }));
  };

  return (
    <div className="budget__layout">
      <div>
        <BudgetForm
          year={year}
          fields={states}
          readOnly={readOnly}
          onChange={change}
          onBlur={blur}
          offers={openOffers}
          onTakeOffer={takeOffer}
        />
        {writeError ? (
          <p className="field__error" role="alert">
            {t('common.save.notSaved', { reason: writeError })}
          </p>
        ) : null}
      </div>
      <div>
        {hasRefusal ? <p className="notice notice--error">{t('budget.refusedNotice')}</p> : null}
        <BudgetResults
          year={year}
          inputs={accepted}
          targets={targets}
          medicoSocial={medicoSocial}
          language={language}
        />
      </div>
    </div>
  );
}
