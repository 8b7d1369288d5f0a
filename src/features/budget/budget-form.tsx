import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { budgetFieldKinds, issuesOfField, type BudgetField, type BudgetIssue } from '../../domain/budget/budget-ratios';
import type { BudgetInputs } from '../../domain/budget/budget-record';
import { parseDecimal, parseEuros } from '../../domain/budget/parse-amount';
import type { Language } from '../../domain/localized-text';
import { describeBudgetIssue } from '../../texts/describe-error';
import { formatEuros, formatNumber } from '../../texts/format';
import { currentLanguage } from '../../i18n/i18n';

/** The figures of the form, grouped as in the annual accounts (domain reference part C, bud.in.01 to bud.in.12). */
export const budgetFieldGroups: { id: 'operating' | 'capex' | 'cyber' | 'staff'; fields: BudgetField[] }[] = [
  { id: 'operating', fields: ['totalOperatingCharges', 'itOperatingCharges', 'itStaffCharges'] },
  { id: 'capex', fields: ['totalCapex', 'itCapex'] },
  { id: 'cyber', fields: ['cyberOperating', 'cyberCapex', 'externalCyberFunding'] },
  { id: 'staff', fields: ['itFte', 'securityFte', 'workstations', 'bedsAndPlaces'] },
];

/** Reads what was typed in a field: a number, nothing (cleared), or 'invalid'. */
export function parseFieldText(field: BudgetField, text: string): number | undefined | 'invalid' {
  if (text.trim() === '') return undefined;
  const value = budgetFieldKinds[field] === 'euros' ? parseEuros(text) : parseDecimal(text);
  return value === undefined ? 'invalid' : value;
}

/** How a stored figure is shown when the field is not being edited: "1 700 000 €", "12,5", "1 200". */
export function formatFieldValue(field: BudgetField, value: number | undefined, language: Language): string {
  if (value === undefined) return '';
  switch (budgetFieldKinds[field]) {
    case 'euros':
      return formatEuros(value, language);
    case 'fte':
      return formatNumber(value, language, { maximumFractionDigits: 2 });
    case 'count':
      return formatNumber(value, language, { maximumFractionDigits: 0 });
  }
}

export interface FieldState {
  /** What the field shows: the text being typed, else the accepted figure formatted. */
  text: string;
  /** Refusals shown under this field; `refused` when the typed figure itself was not stored. */
  errors: BudgetIssue[];
  refused: boolean;
  warnings: BudgetIssue[];
}

interface BudgetFormProps {
  year: number;
  fields: Record<BudgetField, FieldState>;
  readOnly: boolean;
  onChange: (field: BudgetField, text: string) => void;
  onBlur: (field: BudgetField) => void;
  /** A figure offered for an empty field (known from the establishment), and what taking it does. */
  offers?: Partial<Record<BudgetField, number>>;
  onTakeOffer?: (field: BudgetField, value: number) => void;
}

/** The twelve figures of a year, in four groups; every field says what it holds and why a figure was refused. */
export function BudgetForm({ year, fields, readOnly, onChange, onBlur, offers = {}, onTakeOffer }: BudgetFormProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="budget-form-title" className="budget-form">
      <h2 id="budget-form-title">{t('budget.formTitle', { year })}</h2>
      <p className="field__hint">{t('budget.amountsHint')}</p>
      {budgetFieldGroups.map((group) => (
        <fieldset key={group.id} className="budget-form__group">
          <legend>{t(`budget.groups.${group.id}`)}</legend>
          {group.fields.map((field) => (
            <BudgetNumberField
              key={field}
              field={field}
              state={fields[field]}
              readOnly={readOnly}
              onChange={(text) => onChange(field, text)}
              onBlur={() => onBlur(field)}
              offer={offers[field]}
              onTakeOffer={onTakeOffer ? (value) => onTakeOffer(field, value) : undefined}
            />
          ))}
        </fieldset>
      ))}
    </section>
  );
}

function BudgetNumberField({
  field,
  state,
  readOnly,
  onChange,
  onBlur,
  offer,
  onTakeOffer,
}: {
  field: BudgetField;
  state: FieldState;
  readOnly: boolean;
  onChange: (text: string) => void;
  onBlur: () => void;
  offer?: number | undefined;
  onTakeOffer?: ((value: number) => void) | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const label = t(`budget.fields.${field}.label`);
  const [error] = state.errors;
  const [warning] = state.warnings;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null, warning ? `${id}-warning` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field budget-field${error ? ' field--error' : ''}`} data-field={field}>
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field__hint">
        {t(`budget.fields.${field}.hint`)}
      </p>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={state.text}
        disabled={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {state.refused
            ? t('budget.refused', { field: label, reason: describeBudgetIssue(t, error) })
            : describeBudgetIssue(t, error)}
        </p>
      ) : null}
      {warning ? (
        <p id={`${id}-warning`} className="field__warning">
          {describeBudgetIssue(t, warning)}
        </p>
      ) : null}
      {offer !== undefined && onTakeOffer && !readOnly ? (
        <p className="budget-field__offer">
          <button type="button" className="button button--small" onClick={() => onTakeOffer(offer)}>
            {t(`budget.offers.${field === 'bedsAndPlaces' ? 'bedsAndPlaces' : 'other'}`, {
              value: formatFieldValue(field, offer, currentLanguage()),
            })}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/**
 * Works out what each field shows from the accepted figures and the texts being typed: a typed figure that breaks
 * a rule is "refused" under its own field, naming it; a rule broken by stored figures alone (an old import) shows
 * under the figure at fault. Warnings show under their figure and do not block.
 */
export function fieldStates(
  accepted: BudgetInputs,
  texts: Partial<Record<BudgetField, string>>,
  typedIssues: { errors: BudgetIssue[]; warnings: BudgetIssue[] },
  language: Language,
): Record<BudgetField, FieldState> {
  const pending = new Set<BudgetField>();
  const states = {} as Record<BudgetField, FieldState>;
  for (const field of Object.keys(budgetFieldKinds) as BudgetField[]) {
    const text = texts[field];
    const parsed = text === undefined ? undefined : parseFieldText(field, text);
    const isPending = text !== undefined && (parsed === 'invalid' || parsed !== accepted[field]);
    if (isPending) pending.add(field);
    states[field] = {
      text: text ?? formatFieldValue(field, accepted[field], language),
      errors: parsed === 'invalid' ? [{ field, code: 'not-a-number' }] : [],
      refused: isPending,
      warnings: [],
    };
  }
  for (const issue of typedIssues.errors) {
    const concerned = [issue.field, ...(issue.related ? [issue.related] : [])].filter((f) => pending.has(f));
    const where = concerned.length > 0 ? concerned : [issue.field];
    for (const field of where) {
      if (issuesOfField([issue], field).length > 0) states[field].errors.push(issue);
    }
  }
  for (const warning of typedIssues.warnings) states[warning.field].warnings.push(warning);
  return states;
}
