import { z } from 'zod';

/**
 * The budget figures of one establishment for one year, as entered (euros, FTEs, counts). Ratios are never
 * stored: they are recomputed from these inputs (domain reference, part C).
 */
const amount = z.number().min(0).optional();

export const budgetInputsSchema = z
  .object({
    totalOperatingCharges: amount,
    itOperatingCharges: amount,
    itStaffCharges: amount,
    itCapex: amount,
    totalCapex: amount,
    cyberOperating: amount,
    cyberCapex: amount,
    externalCyberFunding: amount,
    itFte: amount,
    securityFte: amount,
    workstations: amount,
    bedsAndPlaces: amount,
  })
  .strict();
export type BudgetInputs = z.infer<typeof budgetInputsSchema>;

export const budgetRecordSchema = z.object({
  id: z.string().min(1),
  establishmentId: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  inputs: budgetInputsSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type BudgetRecord = z.infer<typeof budgetRecordSchema>;
