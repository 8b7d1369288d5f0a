import { z } from 'zod';

/**
 * One application in the sensitive-application inventory of HospiConnect: what it is, whether it is sensitive
 * (health data, and shared or reachable from outside: RIE), how users authenticate and how many have two factors.
 */
export const applicationKinds = [
  'patient-record',
  'imaging',
  'laboratory',
  'pharmacy',
  'e-prescription',
  'remote-access',
  'mail',
  'hr',
  'other',
] as const;

export const authenticationMeans = [
  'password-only',
  'otp',
  'cps-card',
  'e-cps',
  'pro-sante-connect',
  'fido2-key',
  'establishment-card',
  'other',
] as const;

export const homologationStates = [
  'not-required',
  'to-do',
  'in-progress',
  'with-reservations',
  'without-reservations',
] as const;

export const applicationRecordSchema = z.object({
  id: z.string().min(1),
  establishmentId: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(applicationKinds),
  handlesHealthData: z.boolean(),
  sharedOrExternal: z.boolean(),
  sensitiveReason: z.string().max(2000).optional(),
  authentication: z.array(z.enum(authenticationMeans)),
  remoteAccess: z.boolean(),
  users: z.number().int().min(0).optional(),
  usersWithTwoFactors: z.number().int().min(0).optional(),
  /**
   * Doctors and nurses (IDE) among the users, and how many of them have two factors: the 2027 HospiConnect target
   * (Hop'en 2 objective 1.3 of 2027) concerns them on the patient record. Optional: other applications leave them out.
   */
  doctorsAndNurses: z.number().int().min(0).optional(),
  doctorsAndNursesWithTwoFactors: z.number().int().min(0).optional(),
  homologation: z.enum(homologationStates),
  targetDate: z.iso.date().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type ApplicationRecord = z.infer<typeof applicationRecordSchema>;
