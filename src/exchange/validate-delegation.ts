import { responseFitsItem, type Response } from '../domain/assessment/answer';
import type { QuestionnaireItem } from '../domain/questionnaire/questionnaire-schema';
import { canonicalJson } from './canonical-digest';
import { FUTURE_TOLERANCE_MS } from './check-dates';
import type { DelegationErrorCode } from './delegation-error';
import {
  DELEGATION_ANSWER_FORMAT,
  DELEGATION_FORMAT_VERSION,
  DELEGATION_REQUEST_FORMAT,
  delegationAnswerSchema,
  delegationRequestSchema,
  type DelegatedQuestion,
  type DelegationAnswer,
  type DelegationRequest,
} from './delegation-format';
import { EXPORT_FORMAT } from './export-format';
import { openSealedEnvelope, type EnvelopeRefusal } from './sealed-envelope';
import { findShippedVersion, type ShippedQuestionnaire, type ShippedQuestionnaires } from './shipped-questionnaires';
import { formatIssuePath } from './validate-export';

/**
 * Import validation of the delegation files (docs/delegation-format.md, "Import"), as strict as an export's and in
 * the same order (src/exchange/sealed-envelope.ts: size, strict JSON, format and version, schema, digest, signature —
 * required on both files), then what is particular to each:
 *
 * - a **request** (read by the recipient): the questionnaire version it names is shipped by this build and has the
 *   content hash it gives; each item is one of its items, with the question, help, proof, answer type and choices
 *   word for word those of the questionnaire (a request cannot make the app show other words than its own); a shared
 *   answer fits its item; it is not dated in the future, and wanted no earlier than it was written;
 * - an **answer** (read by the CISO): it answers one of this installation's requests, by id, digest and FINESS; each
 *   answered item is one the request held, each response fits its item; it is dated after the request and not in
 *   the future.
 *
 * Each refusal is a code with the field path; nothing is written here, and nothing throws.
 */

export type DelegationRefusal = {
  ok: false;
  fileName: string;
  code: DelegationErrorCode;
  path?: string;
  detail?: string;
};

export type RequestValidation =
  | { ok: true; fileName: string; envelope: DelegationRequest; digest: string; keyFingerprint: string }
  | DelegationRefusal;

export type AnswerValidation =
  | { ok: true; fileName: string; envelope: DelegationAnswer; digest: string; keyFingerprint: string }
  | DelegationRefusal;

/** What the CISO's installation keeps of a request it sent, to check the answer against. */
export interface SentRequest {
  requestId: string;
  digest: string;
  finess: string;
  createdAt: string;
  questionnaire: { id: string; version: string };
  itemIds: readonly string[];
}

function refusal(fileName: string, code: DelegationErrorCode, path?: string, detail?: string): DelegationRefusal {
  return { ok: false, fileName, code, ...(path ? { path } : {}), ...(detail !== undefined ? { detail } : {}) };
}

function envelopeRefusal(
  fileName: string,
  refused: EnvelopeRefusal,
  expected: 'request' | 'answer',
): DelegationRefusal {
  if (refused.code !== 'wrong-format') return refusal(fileName, refused.code, refused.path, refused.detail);
  const other = expected === 'request' ? DELEGATION_ANSWER_FORMAT : DELEGATION_REQUEST_FORMAT;
  if (refused.foundFormat === other)
    return refusal(fileName, expected === 'request' ? 'answer-not-request' : 'request-not-answer', 'format');
  if (refused.foundFormat === EXPORT_FORMAT) return refusal(fileName, 'export-not-delegation', 'format');
  return refusal(fileName, 'not-a-delegation-file', 'format');
}

function sameWords(found: DelegatedQuestion, item: QuestionnaireItem): string | undefined {
  const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
  if (!same(found.question, item.question)) return 'question';
  if (!same(found.help, item.help)) return 'help';
  if (!same(found.evidence, item.evidence)) return 'evidence';
  if (found.answerType !== item.answerType) return 'answerType';
  if (found.unit !== item.unit) return 'unit';
  const choices = item.choices?.map((choice) => ({ id: choice.id, label: choice.label }));
  if (!same(found.choices, choices)) return 'choices';
  return undefined;
}

/** The response as the domain reads it (the file may leave out a "not applicable" justification). */
function fits(response: Response | { kind: 'not-applicable'; justification?: string }, item: QuestionnaireItem) {
  return responseFitsItem(response as Response, item);
}

async function shippedVersion(
  fileName: string,
  reference: { id: string; version: string },
  questionnaires: ShippedQuestionnaires,
  paths: { id: string[]; version: string[] },
): Promise<{ ok: true; shipped: ShippedQuestionnaire } | DelegationRefusal> {
  const found = await findShippedVersion(reference, questionnaires, paths);
  if (found.ok) return found;
  const code = found.code === 'newer-questionnaire' ? 'newer-questionnaire' : 'unknown-questionnaire';
  return refusal(fileName, code, formatIssuePath(found.path), found.detail);
}

export interface ValidateRequestOptions {
  questionnaires: ShippedQuestionnaires;
  maxBytes?: number;
  /** The time dates are compared with (ms since epoch); now unless given. */
  now?: number;
}

/** Validates a request file, as its recipient opens it. */
export async function validateDelegationRequest(
  data: Uint8Array | string,
  fileName: string,
  options: ValidateRequestOptions,
): Promise<RequestValidation> {
  const opened = await openSealedEnvelope(data, {
    format: DELEGATION_REQUEST_FORMAT,
    version: DELEGATION_FORMAT_VERSION,
    schema: delegationRequestSchema,
    migrations: [],
    requireSignature: true,
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  });
  if (!opened.ok) return envelopeRefusal(fileName, opened, 'request');
  const request = opened.envelope;

  const found = await shippedVersion(fileName, request.questionnaire, options.questionnaires, {
    id: ['questionnaire', 'id'],
    version: ['questionnaire', 'version'],
  });
  if (!found.ok) return found;
  if (found.shipped.contentHash !== request.questionnaire.contentHash)
    return refusal(fileName, 'questionnaire-mismatch', 'questionnaire.contentHash', found.shipped.contentHash);
  const items = new Map(found.shipped.questionnaire.items.map((item) => [item.id, item]));
  for (const [index, question] of request.items.entries()) {
    const item = items.get(question.itemId);
    if (!item) return refusal(fileName, 'unknown-item', `items[${index}].itemId`, question.itemId);
    const altered = sameWords(question, item);
    if (altered) return refusal(fileName, 'question-altered', `items[${index}].${altered}`);
    if (question.shared?.response && !fits(question.shared.response, item))
      return refusal(fileName, 'response-does-not-fit', `items[${index}].shared.response`);
  }

  const now = options.now ?? Date.now();
  if (!(Date.parse(request.createdAt) <= now + FUTURE_TOLERANCE_MS))
    return refusal(fileName, 'future-date', 'createdAt', request.createdAt);
  if (request.dueDate < request.createdAt.slice(0, 10))
    return refusal(fileName, 'dates-disagree', 'dueDate', `${request.dueDate} before ${request.createdAt}`);

  return { ok: true, fileName, envelope: request, digest: opened.digest, keyFingerprint: opened.keyFingerprint ?? '' };
}

export interface ValidateAnswerOptions {
  questionnaires: ShippedQuestionnaires;
  /** The requests this installation sent and still waits on. */
  requests: readonly SentRequest[];
  maxBytes?: number;
  now?: number;
}

/** Validates an answer file, as the CISO who sent the request imports it. */
export async function validateDelegationAnswer(
  data: Uint8Array | string,
  fileName: string,
  options: ValidateAnswerOptions,
): Promise<AnswerValidation> {
  const opened = await openSealedEnvelope(data, {
    format: DELEGATION_ANSWER_FORMAT,
    version: DELEGATION_FORMAT_VERSION,
    schema: delegationAnswerSchema,
    migrations: [],
    requireSignature: true,
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  });
  if (!opened.ok) return envelopeRefusal(fileName, opened, 'answer');
  const answer = opened.envelope;

  const sent = options.requests.find((request) => request.requestId === answer.request.requestId);
  if (!sent) return refusal(fileName, 'unknown-request', 'request.requestId', answer.request.requestId);
  if (sent.digest !== answer.request.digest) return refusal(fileName, 'request-mismatch', 'request.digest');
  if (sent.finess !== answer.request.finess) return refusal(fileName, 'request-mismatch', 'request.finess');

  const found = await shippedVersion(fileName, sent.questionnaire, options.questionnaires, {
    id: ['request', 'requestId'],
    version: ['request', 'requestId'],
  });
  if (!found.ok) return found;
  const items = new Map(found.shipped.questionnaire.items.map((item) => [item.id, item]));
  const requested = new Set(sent.itemIds);
  for (const [index, entry] of answer.answers.entries()) {
    const item = items.get(entry.itemId);
    if (!requested.has(entry.itemId) || !item)
      return refusal(fileName, 'outside-request', `answers[${index}].itemId`, entry.itemId);
    if (entry.response && !fits(entry.response, item))
      return refusal(fileName, 'response-does-not-fit', `answers[${index}].response`);
  }

  const now = options.now ?? Date.now();
  const answeredMs = Date.parse(answer.answeredAt);
  if (!(answeredMs <= now + FUTURE_TOLERANCE_MS))
    return refusal(fileName, 'future-date', 'answeredAt', answer.answeredAt);
  // Two computers, two clocks: the same 24 hours of tolerance as between an export and its review.
  if (!(answeredMs + FUTURE_TOLERANCE_MS >= Date.parse(sent.createdAt)))
    return refusal(
      fileName,
      'dates-disagree',
      'answeredAt',
      `${answer.answeredAt}, before the request of ${sent.createdAt}`,
    );

  return { ok: true, fileName, envelope: answer, digest: opened.digest, keyFingerprint: opened.keyFingerprint ?? '' };
}
