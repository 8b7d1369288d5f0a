import { z } from 'zod';

/** The two languages of the product: French first (principle 3 of the design), English second. */
export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

export const localizedTextSchema = z
  .object({
    fr: z.string().trim().min(1),
    en: z.string().trim().min(1),
  })
  .strict();
export type LocalizedText = z.infer<typeof localizedTextSchema>;
