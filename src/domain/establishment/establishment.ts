import { z } from 'zod';
import { checkFiness } from './finess';
import type { Audience } from '../questionnaire/questionnaire-schema';

/** FINESS categories the app distinguishes; the sector follows from them (sanitaire or médico-social). */
export const healthCategories = ['chu', 'ch', 'chs', 'clinic', 'clcc', 'ssr', 'had', 'other-health'] as const;
export const medicoSocialCategories = ['ehpad', 'ime', 'ssiad', 'esat', 'mas', 'fam', 'other-medico-social'] as const;
export const establishmentCategories = [...healthCategories, ...medicoSocialCategories] as const;
export const establishmentCategorySchema = z.enum(establishmentCategories);
export type EstablishmentCategory = z.infer<typeof establishmentCategorySchema>;

export const sectors = ['health', 'medico-social'] as const;
export const sectorSchema = z.enum(sectors);
export type Sector = z.infer<typeof sectorSchema>;

export function sectorOfCategory(category: EstablishmentCategory): Sector {
  return (medicoSocialCategories as readonly string[]).includes(category) ? 'medico-social' : 'health';
}

/**
 * The establishment's status under NIS2 (directive (EU) 2022/2555): an essential or an important entity, not
 * concerned, or not known yet. Health is a sector of high criticality (annex I); which establishments are essential
 * or important will follow from the French transposition (the « résilience » bill), not final when this was written
 * (docs/frameworks.md). It selects the ReCyF measures that apply; an establishment recorded before it was asked has
 * none, read as « pas encore connu » (nis2StatusOf).
 */
export const nis2Statuses = ['essential', 'important', 'not-concerned', 'unknown'] as const;
export const nis2StatusSchema = z.enum(nis2Statuses);
export type Nis2Status = z.infer<typeof nis2StatusSchema>;

export function isNis2Status(value: string): value is Nis2Status {
  return (nis2Statuses as readonly string[]).includes(value);
}

export function nis2StatusOf(establishment: { nis2Status?: Nis2Status | undefined }): Nis2Status {
  return establishment.nis2Status ?? 'unknown';
}

const finessField = z.string().superRefine((value, ctx) => {
  const check = checkFiness(value);
  if (check.status === 'invalid') ctx.addIssue({ code: 'custom', message: check.error });
});

const optionalFinessField = z
  .string()
  .optional()
  .superRefine((value, ctx) => {
    if (value === undefined || value.trim() === '') return;
    const check = checkFiness(value);
    if (check.status === 'invalid') ctx.addIssue({ code: 'custom', message: check.error });
  });

const optionalCount = z
  .union([z.literal(''), z.coerce.number<string | number>().int('count-integer').min(0, 'count-negative')])
  .optional()
  .transform((v) => (v === '' || v === undefined ? undefined : v));

/** What the establishment form accepts; messages are error codes that the interface translates. */
export const establishmentInputSchema = z.object({
  name: z.string().trim().min(1, 'name-required').max(200, 'name-too-long'),
  finessEj: finessField,
  finessEg: optionalFinessField,
  // Asked first and never preselected: it decides the questionnaire offered and the fields that follow.
  category: z.union([z.literal(''), establishmentCategorySchema]).transform((value, ctx) => {
    if (value !== '') return value;
    ctx.addIssue({ code: 'custom', message: 'category-required' });
    return z.NEVER;
  }),
  ghtName: z.string().trim().max(120, 'ght-too-long').optional(),
  isGhtSupport: z.boolean().default(false),
  beds: optionalCount,
  staff: optionalCount,
  nis2Status: nis2StatusSchema.default('unknown'),
});
export type EstablishmentInput = z.input<typeof establishmentInputSchema>;
export type ValidEstablishmentInput = z.output<typeof establishmentInputSchema>;

export const establishmentSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  finessEj: z.string().length(9),
  finessEg: z.string().length(9).optional(),
  category: establishmentCategorySchema,
  sector: sectorSchema,
  ghtName: z.string().optional(),
  isGhtSupport: z.boolean(),
  beds: z.number().int().min(0).optional(),
  staff: z.number().int().min(0).optional(),
  /** Absent on an establishment recorded before the question was asked: « pas encore connu ». */
  nis2Status: nis2StatusSchema.optional(),
  archived: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Establishment = z.infer<typeof establishmentSchema>;

function normalizedFiness(value: string): string {
  const check = checkFiness(value);
  return check.status === 'invalid' ? value : check.normalized;
}

export function buildEstablishment(input: ValidEstablishmentInput, id: string, now: number): Establishment {
  const eg = input.finessEg?.trim();
  const ght = input.ghtName?.trim();
  return {
    id,
    name: input.name,
    finessEj: normalizedFiness(input.finessEj),
    ...(eg ? { finessEg: normalizedFiness(eg) } : {}),
    category: input.category,
    sector: sectorOfCategory(input.category),
    // A GHT groups public health establishments (code de la santé publique, L. 6132-1): the GHT fields are not
    // asked of a medico-social establishment, and what an earlier category left in them is not kept.
    ...(ght && sectorOfCategory(input.category) === 'health' ? { ghtName: ght } : {}),
    isGhtSupport: Boolean(ght) && sectorOfCategory(input.category) === 'health' && input.isGhtSupport,
    ...(input.beds !== undefined ? { beds: input.beds } : {}),
    ...(input.staff !== undefined ? { staff: input.staff } : {}),
    nis2Status: input.nis2Status,
    archived: false,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Which items apply to an establishment: a health establishment answers the ES items, the support establishment
 * of a GHT also answers the GHT-level ones, a medico-social establishment the ESMS ones (design §4).
 */
export function audiencesOf(establishment: Pick<Establishment, 'sector' | 'isGhtSupport'>): Audience[] {
  if (establishment.sector === 'medico-social') return ['ESMS'];
  return establishment.isGhtSupport ? ['ES', 'GHT'] : ['ES'];
}
