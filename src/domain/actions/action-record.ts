import { z } from 'zod';

/** An action of the plan: from a gap (assessment + item) or written from scratch. */
export const actionStatuses = ['todo', 'in-progress', 'done', 'dropped'] as const;

export const actionRecordSchema = z.object({
  id: z.string().min(1),
  establishmentId: z.string().min(1),
  assessmentId: z.string().min(1).optional(),
  itemId: z.string().min(1).optional(),
  title: z.string().trim().min(1).max(500),
  description: z.string().max(10000).optional(),
  owner: z.string().max(200).optional(),
  dueDate: z.iso.date().optional(),
  status: z.enum(actionStatuses),
  estimatedCost: z.number().min(0).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type ActionRecord = z.infer<typeof actionRecordSchema>;
