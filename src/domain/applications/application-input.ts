import { z } from 'zod';
import {
  applicationKinds,
  authenticationMeans,
  homologationStates,
  type ApplicationRecord,
} from './application-record';

/**
 * What the application form accepts. Counts arrive as typed text ("1 200") or numbers; zod messages are error codes
 * that the interface translates (src/texts/describe-error.ts).
 */
export { applicationValidationCodes, type ApplicationValidationCode } from './application-validation-codes';

const optionalCount = z
  .union([z.string(), z.number()])
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const text = typeof value === 'number' ? String(value) : value.replace(/[\s\u00a0\u202f]/g, '');
    if (text === '') return undefined;
    if (!/^\d+$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'application-count-invalid' });
      return z.NEVER;
    }
    return Number(text);
  });

export const applicationInputSchema = z
  .object({
    name: z.string().trim().min(1, 'application-name-required').max(200, 'application-name-too-long'),
    kind: z.enum(applicationKinds),
    handlesHealthData: z.boolean(),
    sharedOrExternal: z.boolean(),
    remoteAccess: z.boolean(),
    sensitiveReason: z.string().trim().max(2000, 'application-reason-too-long').optional(),
    authentication: z.array(z.enum(authenticationMeans)).min(1, 'application-means-required'),
    users: optionalCount,
    usersWithTwoFactors: optionalCount,
    doctorsAndNurses: optionalCount,
    doctorsAndNursesWithTwoFactors: optionalCount,
    homologation: z.enum(homologationStates),
    targetDate: z
      .union([z.literal(''), z.iso.date('application-date-invalid')])
      .optional()
      .transform((v) => (v === '' ? undefined : v)),
  })
  .superRefine((input, ctx) => {
    const above = (part: number | undefined, whole: number | undefined) =>
      part !== undefined && whole !== undefined && part > whole;
    if (above(input.usersWithTwoFactors, input.users))
      ctx.addIssue({ code: 'custom', path: ['usersWithTwoFactors'], message: 'application-two-factor-above-users' });
    if (above(input.doctorsAndNurses, input.users))
      ctx.addIssue({ code: 'custom', path: ['doctorsAndNurses'], message: 'application-clinicians-above-users' });
    if (above(input.doctorsAndNursesWithTwoFactors, input.doctorsAndNurses))
      ctx.addIssue({
        code: 'custom',
        path: ['doctorsAndNursesWithTwoFactors'],
        message: 'application-two-factor-above-clinicians',
      });
  });

export type ApplicationInput = z.input<typeof applicationInputSchema>;
export type ValidApplicationInput = z.output<typeof applicationInputSchema>;

/** The stored record for a validated input: optional figures left out rather than stored as undefined. */
export function buildApplication(
  input: ValidApplicationInput,
  ids: { id: string; establishmentId: string },
  times: { createdAt: number; updatedAt: number },
): ApplicationRecord {
  const reason = input.sensitiveReason?.trim();
  return {
    id: ids.id,
    establishmentId: ids.establishmentId,
    name: input.name,
    kind: input.kind,
    handlesHealthData: input.handlesHealthData,
    sharedOrExternal: input.sharedOrExternal,
    ...(reason ? { sensitiveReason: reason } : {}),
    // Each means once, in the order of the list, so that two saves of the same choice compare equal.
    authentication: authenticationMeans.filter((m) => input.authentication.includes(m)),
    remoteAccess: input.remoteAccess,
    ...(input.users !== undefined ? { users: input.users } : {}),
    ...(input.usersWithTwoFactors !== undefined ? { usersWithTwoFactors: input.usersWithTwoFactors } : {}),
    ...(input.doctorsAndNurses !== undefined ? { doctorsAndNurses: input.doctorsAndNurses } : {}),
    ...(input.doctorsAndNursesWithTwoFactors !== undefined
      ? { doctorsAndNursesWithTwoFactors: input.doctorsAndNursesWithTwoFactors }
      : {}),
    homologation: input.homologation,
    ...(input.targetDate ? { targetDate: input.targetDate } : {}),
    createdAt: times.createdAt,
    updatedAt: times.updatedAt,
  };
}

/**
 * Starting values for a new application of a kind, from what such an application usually is: the clinical ones
 * handle health data, remote access opens the information system from outside. The user corrects what differs.
 */
export function suggestedApplication(kind: (typeof applicationKinds)[number]): {
  handlesHealthData: boolean;
  sharedOrExternal: boolean;
  remoteAccess: boolean;
} {
  switch (kind) {
    case 'patient-record':
    case 'imaging':
    case 'laboratory':
    case 'pharmacy':
    case 'e-prescription':
      return { handlesHealthData: true, sharedOrExternal: false, remoteAccess: false };
    case 'remote-access':
      return { handlesHealthData: true, sharedOrExternal: true, remoteAccess: true };
    case 'mail':
      return { handlesHealthData: true, sharedOrExternal: true, remoteAccess: true };
    case 'hr':
    case 'other':
      return { handlesHealthData: false, sharedOrExternal: false, remoteAccess: false };
  }
}
