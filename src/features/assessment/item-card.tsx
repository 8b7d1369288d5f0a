import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveStatus } from '../../components/save-status';
import { useDebouncedWrites } from '../../components/use-debounced-writes';
import type { Answer, Response } from '../../domain/assessment/answer';
import type { Language } from '../../domain/localized-text';
import type { ItemChange } from '../../domain/questionnaire/compare-versions';
import type { QuestionnaireItem } from '../../domain/questionnaire/questionnaire-schema';
import { describeError } from '../../texts/describe-error';
import { formatDate, formatNumber } from '../../texts/format';
import { EvidencePanel } from './evidence-panel';
import { ReviewMarkNote } from '../../components/review-mark';
import type { ReceivedMark } from '../../domain/review/received-review';
import { parseTypedNumber } from './parse-number';
import {
  answerRangeProblem,
  EARLIEST_ANSWER_DATE,
  latestAnswerDate,
  type AnswerRangeProblem,
} from '../../domain/assessment/answer-range';
import { laterWrite, writeTimeAfter } from '../../domain/later-write';

const TEXT_SAVE_DELAY_MS = 400;

interface ItemCardProps {
  assessmentId: string;
  item: QuestionnaireItem;
  /** Against the campaign this assessment started from, or the questionnaire version it moved from (`version`). */
  change?: { status: ItemChange; year: number; version?: string | undefined } | undefined;
  stored: Answer | undefined;
  language: Language;
  readOnly: boolean;
  saveAnswer: (itemId: string, answer: Answer) => Promise<unknown>;
  /** The auditor's mark on this item, from the review imported for the assessment (issue 18). */
  reviewMark?: ReceivedMark | undefined;
}

/**
 * One question with its answer controls, help and comment. What the user typed is kept locally (the draft) until a
 * newer version arrives from storage, so a failed write never loses it; every change is written at once (choices)
 * or after a short pause in typing (texts), and the header says "saved" only when IndexedDB has committed it.
 */
export function ItemCard({
  assessmentId,
  item,
  change: changeSinceLastYear,
  stored,
  language,
  readOnly,
  saveAnswer,
  reviewMark,
}: ItemCardProps) {
  const { t } = useTranslation();
  const { begin, save } = useSaveStatus();
  const baseId = useId();
  const key = `answer:${item.id}`;
  const [draft, setDraft] = useState<Answer | undefined>(stored);
  const [naSelected, setNaSelected] = useState(false);
  const [numberText, setNumberText] = useState<string | null>(null);
  /** The response shown when typing in the number or justification field began: what a refused entry leaves. */
  const [responseBeforeTyping, setResponseBeforeTyping] = useState<Response | undefined>(undefined);
  const [writeError, setWriteError] = useState<string | null>(null);
  const { schedule, flush } = useDebouncedWrites(TEXT_SAVE_DELAY_MS);

  // The newer of the local draft and the stored answer wins: another tab's later change shows here too.
  const shown = laterWrite(draft, stored);
  const response = shown?.response;

  const write = (next: Answer, token: number) => {
    // The message clears from inside the write: the header's « Réessayer » runs this write again, not the then().
    const run = async () => {
      const outcome = await saveAnswer(item.id, next);
      setWriteError(null);
      return outcome;
    };
    save(key, run, token).catch((error: unknown) => setWriteError(describeError(t, error)));
  };

  /** Records a change locally and writes it, now or once typing pauses. */
  const change = (
    patch: Partial<Answer> & { response?: Response | undefined; notApplicableDraft?: true | undefined },
    delayed = false,
  ) => {
    const next: Answer = { ...shown, ...patch, updatedAt: writeTimeAfter(shown?.updatedAt) };
    if (next.response === undefined) delete next.response;
    if (!next.comment) delete next.comment;
    // A draft « non applicable » lasts only while there is no response: any response (its reason included) ends it.
    if (next.response !== undefined || !next.notApplicableDraft) delete next.notApplicableDraft;
    delete next.toReview;
    // An answer changed here is no longer the one a colleague's answer file gave (issue 19: provenance).
    delete next.delegatedFrom;
    setDraft(next);
    const token = begin(key);
    schedule(() => write(next, token), delayed);
  };

  const setResponse = (next: Response | undefined) => {
    setNaSelected(false);
    setNumberText(null);
    change({ response: next, notApplicableDraft: undefined });
  };

  const draftNotApplicable = response === undefined && shown?.notApplicableDraft === true;
  const naActive = naSelected || response?.kind === 'not-applicable' || draftNotApplicable;
  const justification = response?.kind === 'not-applicable' ? response.justification : '';
  const [justificationText, setJustificationText] = useState<string | null>(null);
  const shownJustification = justificationText ?? justification;

  const measured = item.answerType === 'number' || item.answerType === 'percent' || item.answerType === 'date';
  const storedNumber =
    response?.kind === 'number' ? formatNumber(response.value, language, { useGrouping: false }) : '';
  const storedDate = response?.kind === 'date' ? response.value : '';
  const shownNumber = numberText ?? storedNumber;
  // The import's own range rule (src/domain/assessment/answer-range.ts): what is stored here, the auditor can import.
  // Today's limit is read once, when the question is shown, not at every render.
  const [latestDate] = useState(() => latestAnswerDate(Date.now()));
  const typedNumber = numberText === null ? undefined : parseTypedNumber(numberText);
  const numberError =
    numberText !== null && numberText.trim() !== ''
      ? typedNumber === undefined
        ? t('assessment.invalidNumber')
        : describeRangeProblem(answerRangeProblem(item, { kind: 'number', value: typedNumber }, latestDate))
      : null;
  const [dateText, setDateText] = useState<string | null>(null);
  const dateError =
    dateText === null || dateText === ''
      ? null
      : describeRangeProblem(answerRangeProblem(item, { kind: 'date', value: dateText }, latestDate));
  function describeRangeProblem(problem: AnswerRangeProblem | undefined): string | null {
    if (!problem) return null;
    if (problem.code === 'percent-range') return t('assessment.percentRange');
    if (problem.code === 'number-range')
      return t('assessment.numberRange', { max: formatNumber(problem.max, language) });
    return t('assessment.dateRange', {
      earliest: formatDate(problem.earliest, language),
      latest: formatDate(problem.latest, language),
    });
  }

  const questionId = `${baseId}-question`;
  const groupName = `${baseId}-answer`;
  return (
    <article
      className={`item item--${item.weight}`}
      aria-labelledby={questionId}
      data-item-id={item.id}
      data-missing-justification={draftNotApplicable ? true : undefined}
    >
      <header className="item__header">
        <p className="item__meta">
          <span className="item__id">{item.id}</span>
          <span className={`badge badge--${item.weight}`}>{t(`assessment.weights.${item.weight}`)}</span>
          {item.basis.kind === 'official' ? (
            <span className="badge badge--official">
              {t('assessment.basisOfficial', { reference: item.basis.reference })}
            </span>
          ) : (
            <span className="badge badge--inferred">{t('assessment.basisInferred')}</span>
          )}
          {item.unconfirmed ? <span className="badge badge--unconfirmed">{t('assessment.unconfirmed')}</span> : null}
          {changeSinceLastYear ? (
            <span className={`badge badge--change-${changeSinceLastYear.status}`}>
              {changeSinceLastYear.version
                ? t(`assessment.change.${changeSinceLastYear.status}Version`, { version: changeSinceLastYear.version })
                : t(`assessment.change.${changeSinceLastYear.status}`, { year: changeSinceLastYear.year })}
            </span>
          ) : null}
          {shown?.toReview ? <span className="badge badge--review">{t('assessment.review.badge')}</span> : null}
          {draftNotApplicable ? (
            <span className="badge badge--missing-justification">{t('assessment.missingJustification')}</span>
          ) : null}
        </p>
        <h3 id={questionId} className="item__question">
          {item.question[language]}
        </h3>
        {item.deadline ? (
          <p className="item__deadline">{t('assessment.deadline', { label: item.deadline.label[language] })}</p>
        ) : null}
        {item.targets ? (
          <p className="item__target">
            {item.targets
              .map(
                (target) =>
                  t(`assessment.target.${target.comparator}`, {
                    value: formatNumber(target.value, language) + (item.answerType === 'percent' ? '\u00a0%' : ''),
                  }) + (target.due ? t('assessment.target.due', { date: formatDate(target.due, language) }) : ''),
              )
              .join(' · ')}
          </p>
        ) : null}
      </header>
      <ReviewMarkNote mark={reviewMark} />

      <fieldset className="item__answer">
        <legend className="visually-hidden">
          {t('assessment.answerLabel')}
          {' — '}
          {item.question[language]}
        </legend>
        {measured ? (
          <div className="item__value">
            <label htmlFor={`${baseId}-value`}>
              {item.answerType === 'date'
                ? t('assessment.dateValue')
                : item.answerType === 'percent'
                  ? t('assessment.percentValue')
                  : t('assessment.numberValue')}
            </label>
            {item.answerType === 'date' ? (
              <input
                id={`${baseId}-value`}
                type="date"
                value={dateText ?? storedDate}
                min={EARLIEST_ANSWER_DATE}
                max={latestDate}
                disabled={readOnly}
                aria-invalid={dateError ? true : undefined}
                aria-describedby={dateError ? `${baseId}-value-error` : undefined}
                onChange={(e) => {
                  const value = e.target.value;
                  // A date out of range (before 2000, after tomorrow) is shown with its message, never stored.
                  const refused = value !== '' && answerRangeProblem(item, { kind: 'date', value }, latestDate);
                  setDateText(refused ? value : null);
                  if (!refused) setResponse(value ? { kind: 'date', value } : undefined);
                }}
              />
            ) : (
              <input
                id={`${baseId}-value`}
                type="text"
                inputMode="decimal"
                value={shownNumber}
                disabled={readOnly}
                aria-invalid={numberError ? true : undefined}
                aria-describedby={numberError ? `${baseId}-value-error` : undefined}
                onChange={(e) => {
                  const text = e.target.value;
                  setNumberText(text);
                  setNaSelected(false);
                  const value = parseTypedNumber(text);
                  if (text.trim() === '') change({ response: undefined }, true);
                  else if (value !== undefined && !answerRangeProblem(item, { kind: 'number', value }, latestDate)) {
                    change({ response: { kind: 'number', value } }, true);
                  } else {
                    // Refused (not a number, a negative one, a percentage over 100): what an earlier keystroke
                    // scheduled, « 15 » on the way to « 150 », must not be stored; the answer goes back to what it
                    // was before typing.
                    change({ response: responseBeforeTyping }, true);
                  }
                }}
                onFocus={() => setResponseBeforeTyping(response)}
                onBlur={flush}
              />
            )}
            {(item.answerType === 'date' ? dateError : numberError) ? (
              <p id={`${baseId}-value-error`} className="field__error">
                {item.answerType === 'date' ? dateError : numberError}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="choices">
          {item.answerType === 'status'
            ? (['yes', 'partial', 'no'] as const).map((value) => (
                <ChoiceRadio
                  key={value}
                  name={groupName}
                  value={value}
                  label={t(`assessment.status.${value}`)}
                  checked={!naActive && response?.kind === 'status' && response.value === value}
                  disabled={readOnly}
                  onSelect={() => setResponse({ kind: 'status', value })}
                />
              ))
            : null}
          {item.answerType === 'choice'
            ? (item.choices ?? []).map((option) => (
                <ChoiceRadio
                  key={option.id}
                  name={groupName}
                  value={option.id}
                  label={option.label[language]}
                  checked={!naActive && response?.kind === 'choice' && response.value === option.id}
                  disabled={readOnly}
                  onSelect={() => setResponse({ kind: 'choice', value: option.id })}
                />
              ))
            : null}
          <ChoiceRadio
            name={groupName}
            value="not-applicable"
            label={t('assessment.notApplicable')}
            checked={naActive}
            disabled={readOnly}
            onSelect={() => {
              setNaSelected(true);
              setNumberText(null);
              // Without its reason the choice is kept as a draft (« justification manquante »), not as a response:
              // leaving the domain or reloading does not silently bring back the answer before it.
              if (shownJustification.trim())
                change({ response: { kind: 'not-applicable', justification: shownJustification } });
              else change({ response: undefined, notApplicableDraft: true });
            }}
          />
          <ChoiceRadio
            name={groupName}
            value="unknown"
            label={t('assessment.unknown')}
            checked={!naActive && response?.kind === 'unknown'}
            disabled={readOnly}
            onSelect={() => setResponse({ kind: 'unknown' })}
          />
        </div>
        {response !== undefined || naSelected || draftNotApplicable ? (
          <button
            type="button"
            className="button button--link"
            disabled={readOnly}
            onClick={() => setResponse(undefined)}
          >
            {t('assessment.clear')}
          </button>
        ) : null}
      </fieldset>

      {naActive ? (
        <div className="field">
          <label htmlFor={`${baseId}-justification`}>{t('assessment.justification')}</label>
          <textarea
            id={`${baseId}-justification`}
            rows={2}
            value={shownJustification}
            disabled={readOnly}
            aria-invalid={shownJustification.trim() ? undefined : true}
            aria-describedby={shownJustification.trim() ? undefined : `${baseId}-justification-error`}
            onChange={(e) => {
              const text = e.target.value;
              setJustificationText(text);
              if (text.trim()) change({ response: { kind: 'not-applicable', justification: text } }, true);
              // Emptied: « non applicable » needs a reason, so the answer goes back to what it was before the
              // typing (not to the last letter left on the way to an empty field), or stays a draft.
              else
                change(
                  responseBeforeTyping
                    ? { response: responseBeforeTyping }
                    : { response: undefined, notApplicableDraft: true },
                  true,
                );
            }}
            onFocus={() => setResponseBeforeTyping(response)}
            onBlur={flush}
          />
          {shownJustification.trim() ? null : (
            <p id={`${baseId}-justification-error`} className="field__error">
              {t('assessment.justificationRequired')}
            </p>
          )}
        </div>
      ) : null}

      {shown?.toReview && changeSinceLastYear ? (
        <div className="item__review">
          <p>
            {changeSinceLastYear.version
              ? t('assessment.review.hintVersion', { version: changeSinceLastYear.version })
              : t('assessment.review.hint', { year: changeSinceLastYear.year })}
          </p>
          <button type="button" className="button button--small" disabled={readOnly} onClick={() => change({})}>
            {t('assessment.review.confirm')}
          </button>
        </div>
      ) : null}

      <details className="item__help">
        <summary>{t('assessment.help')}</summary>
        <h4>{t('assessment.meaning')}</h4>
        <p>{item.help.meaning[language]}</p>
        <h4>{t('assessment.why')}</h4>
        <p>{item.help.why[language]}</p>
        <h4>{t('assessment.evidence')}</h4>
        <p>{item.evidence[language]}</p>
        <p className="item__basis">
          {item.basis.kind === 'official'
            ? `${t('assessment.basisOfficial', { reference: item.basis.reference })} — ${t('assessment.basisOfficialSource', { source: item.basis.source })}`
            : `${t('assessment.basisInferred')} — ${item.basis.rationale[language]}`}
        </p>
        {item.unconfirmed ? <p className="item__unconfirmed">{item.unconfirmed[language]}</p> : null}
      </details>

      <div className="field">
        <label htmlFor={`${baseId}-comment`}>{t('assessment.comment')}</label>
        <textarea
          id={`${baseId}-comment`}
          rows={2}
          value={shown?.comment ?? ''}
          disabled={readOnly}
          onChange={(e) => change({ comment: e.target.value }, true)}
          onBlur={flush}
        />
      </div>
      <EvidencePanel assessmentId={assessmentId} itemId={item.id} language={language} readOnly={readOnly} />
      {writeError ? (
        <p className="field__error" role="alert">
          {t('common.save.notSaved', { reason: writeError })}
        </p>
      ) : null}
    </article>
  );
}

function ChoiceRadio(props: {
  name: string;
  value: string;
  label: string;
  checked: boolean;
  disabled: boolean;
  onSelect: () => void;
}) {
  return (
    <label className="choice">
      <input
        type="radio"
        name={props.name}
        value={props.value}
        checked={props.checked}
        disabled={props.disabled}
        onChange={props.onSelect}
      />
      <span>{props.label}</span>
    </label>
  );
}
