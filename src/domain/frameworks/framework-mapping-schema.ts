import { z } from 'zod';
import { localizedTextSchema } from '../localized-text';
import { confidenceSchema } from '../questionnaire/questionnaire-schema';
import {
  hygieneLevels,
  linkStrengths,
  nis2EntityTags,
  type FrameworkMapping,
  type FrameworkMeasure,
  type MeasureLink,
} from './framework-types';

/**
 * The format of a framework mapping file (questionnaires/mappings/<framework>/<version>.json), checked by zod; the
 * types it yields are those of framework-types.ts (asserted at the end of this file). Cross-field rules: group and
 * measure ids unique, every group a measure or a group names exists, no item linked twice to one measure, and every
 * measure either linked by at least one counting link (`covers` or `partial`) or given its `notCovered` reason —
 * never both. Whether each linked item exists in its questionnaire version is checked against the shipped
 * questionnaires by framework-mappings.test.ts (and at build time), not here: the schema does not know them.
 */

const itemIdSchema = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, 'item ids are dotted lower-case segments');
/** Ids as frameworks publish them: 1.1, 2.A.1, 14.10, 3.14-01, 19. */
const publishedIdSchema = z.string().regex(/^[0-9A-Za-z]+([.-][0-9A-Za-z]+)*$/, 'a published id: 2.A.1, 3.14-01, 19');

export const measureLinkSchema = z
  .object({
    item: itemIdSchema,
    strength: z.enum(linkStrengths),
    reason: localizedTextSchema,
  })
  .strict();

export const frameworkMeasureSchema = z
  .object({
    id: publishedIdSchema,
    group: publishedIdSchema,
    title: localizedTextSchema,
    entities: z.array(z.enum(nis2EntityTags)).min(1).optional(),
    levels: z.array(z.enum(hygieneLevels)).min(1).optional(),
    imperative: z.boolean().optional(),
    links: z.array(measureLinkSchema),
    notCovered: localizedTextSchema.optional(),
  })
  .strict();

export const frameworkGroupSchema = z
  .object({
    id: publishedIdSchema,
    title: localizedTextSchema,
    parent: publishedIdSchema.optional(),
  })
  .strict();

export const frameworkSourceSchema = z
  .object({
    title: z.string().trim().min(1),
    publisher: z.string().trim().min(1),
    version: z.string().trim().min(1),
    date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'an ISO date, or a year and month when the day is not known'),
    reference: z.string().trim().min(1),
    confidence: confidenceSchema,
    note: localizedTextSchema.optional(),
  })
  .strict();

/** Whether a link counts toward a measure's coverage (`related` links are shown, never counted). */
export function linkCounts(link: Pick<MeasureLink, 'strength'>): boolean {
  return link.strength !== 'related';
}

export const frameworkMappingSchema = z
  .object({
    $schema: z.string().optional(),
    framework: z.string().regex(/^[a-z][a-z0-9-]*$/, 'framework ids are kebab-case'),
    version: z.string().regex(/^[0-9]+(\.[0-9]+)*$/, 'versions are numbers with dots: 2.5, 2017'),
    title: localizedTextSchema,
    shortTitle: localizedTextSchema,
    source: frameworkSourceSchema,
    measureTitles: z.enum(['official', 'summary']),
    disclaimer: localizedTextSchema,
    questionnaires: z
      .array(
        z.object({ id: z.string().regex(/^[a-z][a-z0-9-]*$/), version: z.string().regex(/^\d{4}\.\d+$/) }).strict(),
      )
      .min(1),
    groups: z.array(frameworkGroupSchema).min(1),
    measures: z.array(frameworkMeasureSchema).min(1),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    const groupIds = new Set<string>();
    mapping.groups.forEach((group, i) => {
      if (groupIds.has(group.id)) ctx.addIssue({ code: 'custom', path: ['groups', i, 'id'], message: 'duplicate' });
      groupIds.add(group.id);
    });
    mapping.groups.forEach((group, i) => {
      if (group.parent !== undefined && (!groupIds.has(group.parent) || group.parent === group.id))
        ctx.addIssue({ code: 'custom', path: ['groups', i, 'parent'], message: `unknown group ${group.parent}` });
    });
    const measureIds = new Set<string>();
    mapping.measures.forEach((measure, i) => {
      const at = (...path: (string | number)[]) => ['measures', i, ...path];
      if (measureIds.has(measure.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: 'duplicate id' });
      measureIds.add(measure.id);
      if (!groupIds.has(measure.group))
        ctx.addIssue({ code: 'custom', path: at('group'), message: `unknown group ${measure.group}` });
      const items = new Set<string>();
      measure.links.forEach((link, j) => {
        if (items.has(link.item))
          ctx.addIssue({ code: 'custom', path: at('links', j, 'item'), message: `${link.item} linked twice` });
        items.add(link.item);
      });
      const counted = measure.links.some(linkCounts);
      if (counted && measure.notCovered !== undefined)
        ctx.addIssue({ code: 'custom', path: at('notCovered'), message: 'a linked measure is not « not covered »' });
      if (!counted && measure.notCovered === undefined)
        ctx.addIssue({
          code: 'custom',
          path: at('notCovered'),
          message: 'a measure without a covers or partial link says why the questionnaires do not cover it',
        });
    });
  });

export type FrameworkMappingParseResult =
  | { ok: true; mapping: FrameworkMapping }
  | { ok: false; fileName: string; issues: { path: string; message: string }[] };

/** Validates a mapping file's parsed JSON; on failure names the file and each field path. */
export function parseFrameworkMapping(raw: unknown, fileName: string): FrameworkMappingParseResult {
  const result = frameworkMappingSchema.safeParse(raw);
  if (result.success) return { ok: true, mapping: result.data };
  return {
    ok: false,
    fileName,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}

// The zod schema and the plain types of framework-types.ts describe the same files: each is assignable to the other
// (a `false` here fails the type check).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const schemaMatchesTypes: [
  Same<z.infer<typeof frameworkMappingSchema>, FrameworkMapping>,
  Same<z.infer<typeof frameworkMeasureSchema>, FrameworkMeasure>,
] = [true, true];
