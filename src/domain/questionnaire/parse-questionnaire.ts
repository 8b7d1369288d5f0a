import canonicalize from 'canonicalize';
import { questionnaireSchema, type Questionnaire } from './questionnaire-schema';
import { sha256Hex } from '../hash';

export type QuestionnaireParseResult =
  | { ok: true; questionnaire: Questionnaire }
  | { ok: false; fileName: string; issues: { path: string; message: string }[] };

/** Validates a questionnaire file's parsed JSON; on failure names the file and each field path. */
export function parseQuestionnaire(raw: unknown, fileName: string): QuestionnaireParseResult {
  const result = questionnaireSchema.safeParse(raw);
  if (result.success) return { ok: true, questionnaire: result.data };
  return {
    ok: false,
    fileName,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  };
}

/**
 * The content hash recorded with every assessment: SHA-256 of the RFC 8785 canonical JSON of the questionnaire, so
 * that an assessment always names the exact content it was answered against (design §5, version clock 3).
 *
 * What was not answered against is left out: the `$schema` pointer, each item's `action` wording (the advice
 * printed for a gap) and each domain's `shortTitle` (a label for narrow places); they change no question, answer,
 * weight or score. So they can be written or corrected in a released, frozen version without changing its hash:
 * the assessments begun on it, and the export files that name it (tests/fixtures/exports), still match it.
 */
export async function hashQuestionnaire(questionnaire: Questionnaire): Promise<string> {
  const { $schema: _ignored, items, domains, ...rest } = questionnaire;
  const content = {
    ...rest,
    domains: domains.map(({ shortTitle: _label, ...answeredAgainst }) => answeredAgainst),
    items: items.map(({ action: _advice, ...answeredAgainst }) => answeredAgainst),
  };
  const canonical = canonicalize(content);
  if (canonical === undefined) throw new Error('questionnaire cannot be canonicalised');
  return sha256Hex(new TextEncoder().encode(canonical));
}

export { questionnaireKey } from './questionnaire-key';
