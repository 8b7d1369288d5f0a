import type { Nis2Status } from './framework-types';

/** The frameworks the app ships a mapping of (questionnaires/mappings/<id>/), in the order the screens list them. */
export const shippedFrameworks = ['recyf', 'anssi-hygiene', 'has-essms'] as const;
export type ShippedFramework = (typeof shippedFrameworks)[number];

export function isShippedFramework(value: string | null | undefined): value is ShippedFramework {
  return (shippedFrameworks as readonly (string | null | undefined)[]).includes(value);
}

/**
 * The framework a view or a report reads first (issue 17): ANSSI's ReCyF for an essential or an important entity,
 * whose NIS2 obligations it describes; the ANSSI hygiene guide, the common baseline, for every other establishment,
 * including one whose status is not known yet.
 */
export function defaultFramework(status: Nis2Status): ShippedFramework {
  return status === 'essential' || status === 'important' ? 'recyf' : 'anssi-hygiene';
}
