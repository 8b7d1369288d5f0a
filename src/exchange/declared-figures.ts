/**
 * Which figures of a received export file the auditor must read as the establishment *declared* them, because the
 * file does not hold what they are computed from (docs/export-format.md, "What is recomputed, what is declared").
 *
 * The import recomputes every figure it can from the file's own content and refuses the file when one differs
 * (src/exchange/recompute-figures.ts). What it cannot recompute is listed here, by group, so that the dashboard, the
 * consolidated CSV and the regional and benchmark PDFs can mark those figures « déclaré » and let the auditor leave
 * them out:
 *
 * - `scores`: the overall and domain scores, completeness and the answered / unknown / not-applicable counts. The
 *   statistics level carries no answers: the counts of applicable items are still recomputed from the questionnaire
 *   and the establishment's profile, and the other counts are checked for consistency with them, but the scores
 *   themselves are as declared.
 * - `budget-ratios`: the six budget ratios, when the file carries them without the figures they are made from
 *   (statistics level).
 * - `mfa`: the HospiConnect counts, when the file carries them without the application inventory (statistics level).
 *
 * A pure function of the envelope, kept free of any dependency (types only), so that a screen can ask it of a stored
 * submission without loading the validation code.
 */

export const declarableFigures = ['scores', 'budget-ratios', 'mfa'] as const;
export type DeclaredFigure = (typeof declarableFigures)[number];

/** The parts of an envelope the rule reads (an ExportEnvelope fits it). */
export interface EnvelopeFigures {
  content: {
    answers?: unknown;
    budget?: { inputs?: unknown } | undefined;
    mfa?: unknown;
    applications?: unknown;
  };
}

/** The groups of figures of a validated file that are declared, not recomputed; empty when all were recomputed. */
export function declaredFiguresOf(envelope: EnvelopeFigures): DeclaredFigure[] {
  const { content } = envelope;
  const declared: DeclaredFigure[] = [];
  if (content.answers === undefined) declared.push('scores');
  if (content.budget !== undefined && content.budget.inputs === undefined) declared.push('budget-ratios');
  if (content.mfa !== undefined && content.applications === undefined) declared.push('mfa');
  return declared;
}
