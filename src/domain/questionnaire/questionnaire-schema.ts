import { z } from 'zod';
import { localizedTextSchema } from '../localized-text';
import { weights } from './weights';

/**
 * The format of a questionnaire file (questionnaires/<id>/<version>.json).
 *
 * Content is data, not code: each item says whether it is an official objective of a programme (with the id the
 * programme publishes, e.g. D2.O1.C, and its source) or a good practice inferred from the programme, so that the app
 * and the report can always tell the two apart (design principle 5). Item ids are stable and never reused.
 */

/** Who an item is meant for: a health establishment (ES), the support establishment of a GHT, a medico-social one. */
export const audiences = ['ES', 'GHT', 'ESMS'] as const;
export const audienceSchema = z.enum(audiences);
export type Audience = z.infer<typeof audienceSchema>;

export { weights };
export const weightSchema = z.enum(weights);
export type Weight = z.infer<typeof weightSchema>;

export const answerTypes = ['status', 'number', 'percent', 'date', 'choice'] as const;
export const answerTypeSchema = z.enum(answerTypes);
export type AnswerType = z.infer<typeof answerTypeSchema>;

/** How sure a fact is, with the markers of the domain reference: read in an official text, in a reputable
 * secondary source, in a community transcription of the official text, or not confirmed. */
export const confidenceLevels = ['official', 'secondary', 'community', 'unconfirmed'] as const;
export const confidenceSchema = z.enum(confidenceLevels);
export type Confidence = z.infer<typeof confidenceSchema>;

const isoDateSchema = z.iso.date();

const itemIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, 'ids are dotted lower-case segments, e.g. care.gov.01');
const domainIdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'domain ids are kebab-case');

export const basisSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('official'),
      /** The id the programme publishes (D2.O1.C, h2.2027.1-3, RIE exigence 27…). */
      reference: z.string().trim().min(1),
      /** The text it comes from (arrêté, instruction, FAQ page…). */
      source: z.string().trim().min(1),
      confidence: confidenceSchema,
      /** When several items together cover one objective (D2.O1.C asks for BIAs and three PCRAs), each carries
       * its part number, 1 to n, so that every official id still stands exactly once per part. */
      part: z.number().int().min(1).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('inferred'),
      /** Why the item follows from the programme although no official objective states it. */
      rationale: localizedTextSchema,
      source: z.string().trim().min(1).optional(),
      confidence: confidenceSchema,
    })
    .strict(),
]);
export type Basis = z.infer<typeof basisSchema>;

/**
 * What a deadline's date means, which decides how an unmet item reads (src/domain/questionnaire/deadline-kind.ts):
 * - `due-date`: the item must be met by the date; once it has passed, an unmet item is overdue;
 * - `window-opening`: a declaration window opened (or opens) on the date, with no known closing date: an unmet item
 *   is « à déclarer », never overdue (CaRE domain 2: the window opened on 16 January 2026);
 * - `yearly`: due every year, on the date's day and month when a date is given (the RIE commitment, first due
 *   31 May 2023), else by the end of each calendar year (the crisis exercise); it says when it is due again;
 * - `continuous`: a standing obligation, never overdue; a date, if any, is the day it took effect.
 * Optional: when absent, `recurrence: 'annual'` reads `yearly`, `recurrence: 'continuous'` reads `continuous` and a
 * date alone reads `due-date` (the questionnaires of 2026.1, frozen, carry no kind: deadline-kind.ts derives the
 * kinds they need from the item id and date, e.g. the D2 date 16 January 2026 is a window opening).
 */
export const deadlineKinds = ['due-date', 'window-opening', 'yearly', 'continuous'] as const;
export const deadlineKindSchema = z.enum(deadlineKinds);
export type DeadlineKind = z.infer<typeof deadlineKindSchema>;

export const deadlineSchema = z
  .object({
    /** A fixed date, when the programme sets one; its meaning is given by `kind`. */
    date: isoDateSchema.optional(),
    /** A recurring obligation (the annual crisis exercise) or a continuous one; kept for the 2026.1 files, where
     * it stands in for `kind`. */
    recurrence: z.enum(['annual', 'continuous']).optional(),
    /** What the date means; see {@link deadlineKinds}. Default: derived from `recurrence` and `date`. */
    kind: deadlineKindSchema
      .describe(
        'What the date means: due-date (late once passed), window-opening (a declaration window opened: "to declare", never late), yearly (due again each year, on the date\'s anniversary or at the end of each year), continuous (a standing obligation, never late). Default when absent: recurrence "annual" reads yearly, recurrence "continuous" reads continuous, a date alone reads due-date.',
      )
      .optional(),
    label: localizedTextSchema,
  })
  .strict()
  .refine((d) => d.date !== undefined || d.recurrence !== undefined || d.kind !== undefined, {
    message: 'a deadline has a date, a recurrence or a kind',
  })
  .refine((d) => (d.kind !== 'due-date' && d.kind !== 'window-opening') || d.date !== undefined, {
    message: 'a due date or a window opening has a date',
    path: ['date'],
  })
  .refine(
    (d) =>
      d.kind === undefined ||
      d.recurrence === undefined ||
      (d.kind === 'yearly' && d.recurrence === 'annual') ||
      (d.kind === 'continuous' && d.recurrence === 'continuous'),
    { message: 'kind and recurrence disagree', path: ['kind'] },
  );
export type Deadline = z.infer<typeof deadlineSchema>;

/** The value that meets a numeric, percentage or date item; staged targets (75 % by 2027 then 90 % by 2028)
 * are several entries with their due dates. */
export const targetSchema = z
  .object({
    comparator: z.enum(['at-least', 'at-most', 'within-days']),
    value: z.number(),
    due: isoDateSchema.optional(),
  })
  .strict();
export type Target = z.infer<typeof targetSchema>;

export const choiceOptionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    label: localizedTextSchema,
    /** How far this option meets the item, from 0 (not at all) to 1 (fully). */
    score: z.number().min(0).max(1),
  })
  .strict();
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

export const itemSchema = z
  .object({
    id: itemIdSchema,
    domain: domainIdSchema,
    question: localizedTextSchema,
    /**
     * What to do to close the gap, as an imperative sentence (« Faire valider la politique de sauvegarde par la
     * direction »), never the question: the summary's first actions, an action created from a gap and the report
     * print it. Advice, not what was asked: it is left out of the content hash (parse-questionnaire.ts).
     */
    action: localizedTextSchema,
    help: z
      .object({
        /** What the question means, in plain words. */
        meaning: localizedTextSchema,
        /** Why it matters for the establishment. */
        why: localizedTextSchema,
      })
      .strict(),
    /** The proof to keep, which would close the gap. */
    evidence: localizedTextSchema,
    answerType: answerTypeSchema,
    unit: z.enum(['count', 'days', 'level', 'percent']).optional(),
    choices: z.array(choiceOptionSchema).min(2).optional(),
    targets: z.array(targetSchema).min(1).optional(),
    weight: weightSchema,
    appliesTo: z.array(audienceSchema).min(1),
    deadline: deadlineSchema.optional(),
    basis: basisSchema,
    /** Set when the item rests on a fact that could not be confirmed; the app shows it beside the question. */
    unconfirmed: localizedTextSchema.optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.answerType === 'choice' && item.choices === undefined) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'a choice item lists its choices' });
    }
    if (item.answerType !== 'choice' && item.choices !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'only a choice item has choices' });
    }
    const measured = item.answerType === 'number' || item.answerType === 'percent' || item.answerType === 'date';
    if (measured && item.targets === undefined) {
      ctx.addIssue({ code: 'custom', path: ['targets'], message: 'a measured item says which value meets it' });
    }
    if (!measured && item.targets !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['targets'], message: 'only a measured item has targets' });
    }
    if (item.answerType === 'date' && item.targets?.some((t) => t.comparator !== 'within-days')) {
      ctx.addIssue({ code: 'custom', path: ['targets'], message: 'a date item is met within a number of days' });
    }
  });
export type QuestionnaireItem = z.infer<typeof itemSchema>;

export const domainSchema = z
  .object({
    id: domainIdSchema,
    title: localizedTextSchema,
    /** A word or two for narrow places (the auditor's heat-map columns, issue 16); the title stands in without it. */
    shortTitle: localizedTextSchema.optional(),
    description: localizedTextSchema,
    /** The CaRE axis (1 governance, 2 resources, 3 awareness, 4 operational security) the domain belongs to. */
    axis: z.number().int().min(1).max(4).optional(),
  })
  .strict();
export type QuestionnaireDomain = z.infer<typeof domainSchema>;

export const sourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().trim().min(1),
    /** Where it can be read (a page, a text's reference); shown as text, never fetched. */
    reference: z.string().trim().min(1),
    confidence: confidenceSchema,
  })
  .strict();
export type QuestionnaireSource = z.infer<typeof sourceSchema>;

export const questionnaireSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    version: z.string().regex(/^\d{4}\.\d+$/, 'versions read YYYY.N'),
    releasedAt: isoDateSchema,
    title: localizedTextSchema,
    description: localizedTextSchema,
    /**
     * What changed since the previous version, one sentence each, in both languages: the Questionnaires screen
     * shows them under « Nouveautés de <version> ». Part of the content hash like the rest (a frozen version has
     * none added afterwards).
     */
    releaseNotes: z.array(localizedTextSchema).min(1).optional(),
    /** The establishments this questionnaire is meant for, as a whole. */
    audience: z.array(audienceSchema).min(1),
    sources: z.array(sourceSchema).min(1),
    domains: z.array(domainSchema).min(1),
    items: z.array(itemSchema).min(1),
  })
  .strict()
  .superRefine((q, ctx) => {
    const domainIds = new Set<string>();
    q.domains.forEach((d, i) => {
      if (domainIds.has(d.id)) ctx.addIssue({ code: 'custom', path: ['domains', i, 'id'], message: 'duplicate' });
      domainIds.add(d.id);
    });
    const itemIds = new Set<string>();
    q.items.forEach((item, i) => {
      if (itemIds.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: 'duplicate id' });
      itemIds.add(item.id);
      if (!domainIds.has(item.domain)) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'domain'], message: `unknown domain ${item.domain}` });
      }
    });
  });
export type Questionnaire = z.infer<typeof questionnaireSchema>;
