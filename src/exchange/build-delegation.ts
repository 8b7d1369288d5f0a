import type { Questionnaire, QuestionnaireItem } from '../domain/questionnaire/questionnaire-schema';
import {
  DELEGATION_ANSWER_FORMAT,
  DELEGATION_FORMAT_VERSION,
  DELEGATION_REQUEST_FORMAT,
  delegationAnswerSchema,
  delegationRequestSchema,
  unsealedDelegationAnswerSchema,
  unsealedDelegationRequestSchema,
  type DelegatedAnswerEntry,
  type DelegatedQuestion,
  type DelegationAnswer,
  type DelegationRequest,
  type UnsealedDelegationAnswer,
  type UnsealedDelegationRequest,
} from './delegation-format';
import { EXPORT_APP_NAME, type ExportResponse } from './export-format';
import { sealEnvelope } from './sealed-envelope';
import type { ExportSigner } from './signing';

/**
 * Builds the delegation files (issue 19; docs/delegation-format.md). A request holds only what the CISO chose: the
 * items, and for each the current answer only when asked to share it — never other items, comments or proofs.
 */

const hasText = (value: string | undefined): value is string => value !== undefined && /\S/.test(value);

/** An item as the request carries it: the questionnaire's own words, and the shared answer when there is one. */
export function delegatedQuestion(
  item: QuestionnaireItem,
  shared?: { response?: ExportResponse | undefined; comment?: string | undefined },
): DelegatedQuestion {
  const response = shared?.response;
  const comment = hasText(shared?.comment) ? shared.comment : undefined;
  return {
    itemId: item.id,
    question: { fr: item.question.fr, en: item.question.en },
    help: {
      meaning: { fr: item.help.meaning.fr, en: item.help.meaning.en },
      why: { fr: item.help.why.fr, en: item.help.why.en },
    },
    evidence: { fr: item.evidence.fr, en: item.evidence.en },
    answerType: item.answerType,
    ...(item.unit ? { unit: item.unit } : {}),
    ...(item.choices
      ? {
          choices: item.choices.map((choice) => ({
            id: choice.id,
            label: { fr: choice.label.fr, en: choice.label.en },
          })),
        }
      : {}),
    ...(response || comment ? { shared: { ...(response ? { response } : {}), ...(comment ? { comment } : {}) } } : {}),
  };
}

export interface RequestInput {
  appVersion: string;
  requestId: string;
  createdAt: string;
  dueDate: string;
  establishment: { finessEj: string; finessEg?: string | undefined; name: string };
  sender: { name: string; role: string };
  recipient: { name: string; role: string };
  message?: string | undefined;
  questionnaire: Questionnaire;
  contentHash: string;
  campaignYear: number;
  items: {
    item: QuestionnaireItem;
    shared?: { response?: ExportResponse | undefined; comment?: string | undefined };
  }[];
}

export function buildDelegationRequest(input: RequestInput): UnsealedDelegationRequest {
  const { establishment } = input;
  return {
    format: DELEGATION_REQUEST_FORMAT,
    formatVersion: DELEGATION_FORMAT_VERSION,
    app: { name: EXPORT_APP_NAME, version: input.appVersion },
    requestId: input.requestId,
    createdAt: input.createdAt,
    dueDate: input.dueDate,
    establishment: {
      finessEj: establishment.finessEj,
      ...(establishment.finessEg ? { finessEg: establishment.finessEg } : {}),
      name: establishment.name,
    },
    sender: { name: input.sender.name, role: input.sender.role },
    recipient: { name: input.recipient.name, role: input.recipient.role },
    ...(hasText(input.message) ? { message: input.message } : {}),
    questionnaire: { id: input.questionnaire.id, version: input.questionnaire.version, contentHash: input.contentHash },
    campaignYear: input.campaignYear,
    items: input.items.map(({ item, shared }) => delegatedQuestion(item, shared)),
  };
}

export interface AnswerInput {
  appVersion: string;
  /** The validated request, and its digest. */
  request: DelegationRequest;
  requestDigest: string;
  answeredAt: string;
  respondent: { name: string; role: string; organisation?: string | undefined };
  answers: DelegatedAnswerEntry[];
}

export function buildDelegationAnswer(input: AnswerInput): UnsealedDelegationAnswer {
  const { establishment } = input.request;
  return {
    format: DELEGATION_ANSWER_FORMAT,
    formatVersion: DELEGATION_FORMAT_VERSION,
    app: { name: EXPORT_APP_NAME, version: input.appVersion },
    request: {
      requestId: input.request.requestId,
      digest: input.requestDigest,
      finess: establishment.finessEg ?? establishment.finessEj,
    },
    answeredAt: input.answeredAt,
    respondent: {
      name: input.respondent.name,
      role: input.respondent.role,
      ...(hasText(input.respondent.organisation) ? { organisation: input.respondent.organisation } : {}),
    },
    answers: input.answers.map((answer) => ({
      itemId: answer.itemId,
      ...(answer.response ? { response: answer.response } : {}),
      ...(hasText(answer.comment) ? { comment: answer.comment } : {}),
      ...(answer.proofs?.length ? { proofs: answer.proofs } : {}),
    })),
  };
}

/** Seals a request: both files are always signed (the other side must know who wrote what it reads). */
export function sealDelegationRequest(
  request: UnsealedDelegationRequest,
  signer: ExportSigner,
): Promise<DelegationRequest> {
  return sealEnvelope(request, unsealedDelegationRequestSchema, delegationRequestSchema, signer);
}

export function sealDelegationAnswer(
  answer: UnsealedDelegationAnswer,
  signer: ExportSigner,
): Promise<DelegationAnswer> {
  return sealEnvelope(answer, unsealedDelegationAnswerSchema, delegationAnswerSchema, signer);
}
