/**
 * An item's weight in the score, heaviest first. Apart from questionnaire-schema.ts so that a screen listing gaps by
 * weight loads no validation code (design §8).
 */
export const weights = ['critical', 'high', 'medium'] as const;
