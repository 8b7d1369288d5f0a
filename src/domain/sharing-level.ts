/**
 * How much of an assessment an export file carries (design §4, docs/export-format.md):
 * - full: everything, comments, not-applicable justifications, application names, the action plan and the evidence
 *   manifest (the zip form also carries the evidence files);
 * - auditor: answers and scores without any free text an attacker could use (comments, justifications, application
 *   names and reasons, action descriptions and owners, evidence);
 * - statistics: scores, budget ratios and MFA counts only.
 */
export const sharingLevels = ['full', 'auditor', 'statistics'] as const;
export type SharingLevel = (typeof sharingLevels)[number];

/**
 * Whether a file's figures (scores, completeness, counts, critical gaps, budget ratios, MFA counts) are declared by
 * the establishment rather than recomputed from its answers (issue 14): at the statistics level the file holds no
 * answers, so nothing can be recomputed. The auditor's screens, the consolidated CSV and the regional and benchmark
 * PDFs mark such figures « déclaré », and the auditor may leave them out.
 */
export function figuresAreDeclared(sharingLevel: string): boolean {
  return sharingLevel === 'statistics';
}
