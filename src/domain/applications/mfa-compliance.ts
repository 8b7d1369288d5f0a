import type { ApplicationRecord } from './application-record';

/**
 * Compliance of the sensitive-application inventory with the electronic-identification rules (domain reference §2):
 *
 * - RIE (Référentiel d'identification électronique of the PGSSI-S, arrêté du 28 mars 2022): from 1 January 2026 a
 *   login and password alone is no longer compliant for professionals (an RIE rule, ANS FAQ); the means (MIE) must
 *   be issued by the ANS (CPS card, e-CPS), certified eIDAS "substantiel", or homologated by the structure
 *   (homologation due by 1 January 2026). Remote access has required two factors since 1 June 2022.
 * - Pro Santé Connect is the ANS identity federation service (OpenID Connect, arrêté du 4 avril 2022): an application
 *   connected to it lets the professional authenticate WITH a CPS card or an e-CPS. It is not a means beside them:
 *   choosing it in the inventory means "CPS or e-CPS, through the federation". The e-CPS needs the professional to be
 *   registered in the RPPS; the screens say so wherever they suggest it.
 * - "Sensitive services" (RIE, ASPP volet): services that process personal health data AND are shared between legal
 *   entities or reachable from outside the information system [secondary source; exact wording unconfirmed].
 * - HospiConnect / Hop'en 2, objective 1.3 of 2027: doctors and nurses (IDE) equipped with a two-factor means,
 *   homologated under the RIE (with or without reservations), usable to log in to the patient record (DPI).
 * - HospiConnect / Hop'en 2, objective 1.3 of 2028: every user of the patient record authenticates with two factors
 *   in nominal mode; objective 1.0 of 2028: the homologation minutes carry no reservation.
 *   (Objective ids from a community transcription of the ANS text: ans-hospiconnect-hopen2.yaml.)
 */

type Means = ApplicationRecord['authentication'][number];

/**
 * Means chosen by the establishment: compliant once homologated (RIE, due 1 January 2026). The means issued by the
 * ANS (CPS card, e-CPS), used directly or through Pro Santé Connect, need no homologation by the establishment.
 */
export const localMeans: readonly Means[] = ['otp', 'fido2-key', 'establishment-card', 'other'];
/** The means issued by the ANS. The e-CPS (a mobile application) is issued only to a professional registered in
 * the RPPS. */
export const nationalMeans: readonly Means[] = ['cps-card', 'e-cps'];
/** Identity federations: Pro Santé Connect authenticates with a CPS card or an e-CPS, never alone. */
export const federationServices: readonly Means[] = ['pro-sante-connect'];

/** The means a professional actually authenticates with: through Pro Santé Connect, a CPS card or an e-CPS. */
export function meansBehind(means: Means): readonly Means[] {
  return federationServices.includes(means) ? nationalMeans : [means];
}

/** Means known to combine two factors (a card and a PIN, a phone and a PIN, a key and a gesture…). */
const twoFactorMeans: readonly Means[] = [...nationalMeans, 'otp', 'fido2-key', 'establishment-card'];
const hasTwoFactors = (means: Means) => meansBehind(means).every((m) => twoFactorMeans.includes(m));

/** Whether an application uses a means that needs RPPS registration (the e-CPS, or Pro Santé Connect with it). */
export const reliesOnRpps = (app: ApplicationRecord) =>
  app.authentication.some((m) => meansBehind(m).includes('e-cps'));

export const RULE_2026_DATE = '2026-01-01';
export const TARGET_2027_DATE = '2027-12-31';
export const TARGET_2028_DATE = '2028-12-31';

/** RIE: personal health data, and shared between legal entities or reachable from outside the information system. */
export function isSensitive(app: ApplicationRecord): boolean {
  return app.handlesHealthData && (app.sharedOrExternal || app.remoteAccess);
}

/** Why an application does not meet the 1 January 2026 rule (empty when it does). */
export type Rule2026Gap = 'no-means' | 'password-only' | 'means-not-homologated' | 'users-without-two-factors';

const homologated = (app: ApplicationRecord) =>
  app.homologation === 'with-reservations' ||
  app.homologation === 'without-reservations' ||
  // "Not required": the establishment states its local means is certified eIDAS "substantiel" (RIE).
  app.homologation === 'not-required';

/** Whether a means chosen by the establishment is in use (then its homologation matters). */
export const usesLocalMeans = (app: ApplicationRecord) => app.authentication.some((m) => localMeans.includes(m));

/**
 * Users of an application who have two factors: the figure given, else what the means imply (every user when no
 * password-only access remains and every means has two factors; nobody when the password is the only means), else
 * unknown. Never more than the users.
 */
export function twoFactorUsersOf(app: ApplicationRecord): number | undefined {
  if (app.users === undefined) return undefined;
  if (app.usersWithTwoFactors !== undefined) return Math.min(app.usersWithTwoFactors, app.users);
  if (app.authentication.length === 0) return undefined;
  if (app.authentication.every((m) => m === 'password-only')) return 0;
  if (app.authentication.every(hasTwoFactors)) return app.users;
  return undefined;
}

export function rule2026Gaps(app: ApplicationRecord): Rule2026Gap[] {
  const gaps: Rule2026Gap[] = [];
  if (app.authentication.length === 0) gaps.push('no-means');
  // RIE: a login and password alone is non-compliant from 1 January 2026, even for some of the users.
  if (app.authentication.includes('password-only')) gaps.push('password-only');
  if (usesLocalMeans(app) && !homologated(app)) gaps.push('means-not-homologated');
  const twoFactor = twoFactorUsersOf(app);
  if (app.users !== undefined && twoFactor !== undefined && twoFactor < app.users)
    gaps.push('users-without-two-factors');
  return gaps;
}

/** RIE rule in force since 1 January 2026: no password-only access, and every means national or homologated. */
export function meetsRule2026(app: ApplicationRecord): boolean {
  return rule2026Gaps(app).length === 0;
}

/** Hop'en 2 objective 1.3 of 2027 for one patient record: every doctor and nurse has a homologated 2FA means. */
function target2027Of(app: ApplicationRecord): boolean | undefined {
  const hasTwoFactorMeans = app.authentication.some(hasTwoFactors);
  if (!hasTwoFactorMeans) return false;
  if (usesLocalMeans(app) && !homologated(app)) return false;
  if (app.doctorsAndNurses !== undefined && app.doctorsAndNursesWithTwoFactors !== undefined)
    return app.doctorsAndNursesWithTwoFactors >= app.doctorsAndNurses;
  // Doctors and nurses are among the users: when every user has two factors, so do they.
  const twoFactor = twoFactorUsersOf(app);
  if (app.users !== undefined && twoFactor !== undefined && twoFactor >= app.users) return true;
  return undefined;
}

/** Hop'en 2 objectives 1.3 and 1.0 of 2028 for one patient record: every user with 2FA, homologation without reservation. */
function target2028Of(app: ApplicationRecord): boolean | undefined {
  // Users still without two factors are measured below; any other 2026 gap misses 2028 as well.
  if (rule2026Gaps(app).some((gap) => gap !== 'users-without-two-factors')) return false;
  if (usesLocalMeans(app) && app.homologation === 'with-reservations') return false;
  const twoFactor = twoFactorUsersOf(app);
  if (app.users === undefined || twoFactor === undefined) return undefined;
  return twoFactor >= app.users;
}

/** All met → true; any missed → false; otherwise (some unknown) undefined; undefined too when there is none. */
function allOf(results: (boolean | undefined)[]): boolean | undefined {
  if (results.length === 0) return undefined;
  if (results.some((r) => r === false)) return false;
  if (results.some((r) => r === undefined)) return undefined;
  return true;
}

export interface PatientRecordReading {
  id: string;
  name: string;
  met: boolean | undefined;
}

export interface MfaCompliance {
  /** Sensitive applications in the inventory. */
  sensitiveCount: number;
  /** Sensitive applications that meet the 1 January 2026 rule. */
  compliantCount: number;
  /** compliantCount / sensitiveCount, undefined with no sensitive application. */
  compliantShare: number | undefined;
  /** User accounts of the sensitive applications whose two-factor count is known (a person using two counts twice). */
  users: number;
  usersWithTwoFactors: number;
  usersShare: number | undefined;
  /** Share of the patient-record users who have two factors (the 2028 target asks for all of them). */
  patientRecordTwoFactorShare: number | undefined;
  /** Hop'en 2 objective 1.3 of 2027 (doctors and nurses on the patient record); undefined when not known. */
  target2027Met: boolean | undefined;
  /** Hop'en 2 objectives 1.3 and 1.0 of 2028 (every patient-record user; homologation without reservation). */
  target2028Met: boolean | undefined;
  /** Each patient record and whether it meets the year's objective (undefined: its numbers do not tell). */
  patientRecords2027: PatientRecordReading[];
  patientRecords2028: PatientRecordReading[];
  /** Sensitive applications that miss the 2026 rule, the most used first. */
  nonCompliant: ApplicationRecord[];
}

const byUsersThenName = (a: ApplicationRecord, b: ApplicationRecord) =>
  (b.users ?? 0) - (a.users ?? 0) || a.name.localeCompare(b.name, 'fr');

export function computeMfaCompliance(applications: ApplicationRecord[]): MfaCompliance {
  const sensitive = applications.filter(isSensitive);
  const compliant = sensitive.filter(meetsRule2026);
  let users = 0;
  let usersWithTwoFactors = 0;
  for (const app of sensitive) {
    const twoFactor = twoFactorUsersOf(app);
    if (app.users === undefined || twoFactor === undefined) continue;
    users += app.users;
    usersWithTwoFactors += twoFactor;
  }
  const patientRecords = applications.filter((a) => a.kind === 'patient-record');
  let recordUsers = 0;
  let recordTwoFactor = 0;
  for (const app of patientRecords) {
    const twoFactor = twoFactorUsersOf(app);
    if (app.users === undefined || twoFactor === undefined) continue;
    recordUsers += app.users;
    recordTwoFactor += twoFactor;
  }
  return {
    sensitiveCount: sensitive.length,
    compliantCount: compliant.length,
    compliantShare: sensitive.length > 0 ? compliant.length / sensitive.length : undefined,
    users,
    usersWithTwoFactors,
    usersShare: users > 0 ? usersWithTwoFactors / users : undefined,
    patientRecordTwoFactorShare: recordUsers > 0 ? recordTwoFactor / recordUsers : undefined,
    target2027Met: allOf(patientRecords.map(target2027Of)),
    target2028Met: allOf(patientRecords.map(target2028Of)),
    patientRecords2027: patientRecords.map((a) => ({ id: a.id, name: a.name, met: target2027Of(a) })),
    patientRecords2028: patientRecords.map((a) => ({ id: a.id, name: a.name, met: target2028Of(a) })),
    nonCompliant: sensitive.filter((a) => !meetsRule2026(a)).sort(byUsersThenName),
  };
}

/** Where an application stands, to order the inventory: what needs work comes first. */
export type ApplicationStatus = 'non-compliant' | 'non-compliant-not-sensitive' | 'compliant' | 'out-of-scope';

/**
 * The RIE covers every service that processes personal health data, sensitive or not; the sensitive ones are those
 * HospiConnect counts. An application without health data is out of the rule's scope.
 */
export function applicationStatus(app: ApplicationRecord): ApplicationStatus {
  if (!app.handlesHealthData) return 'out-of-scope';
  if (meetsRule2026(app)) return 'compliant';
  return isSensitive(app) ? 'non-compliant' : 'non-compliant-not-sensitive';
}

const statusOrder: Record<ApplicationStatus, number> = {
  'non-compliant': 0,
  'non-compliant-not-sensitive': 1,
  compliant: 2,
  'out-of-scope': 3,
};

/** The inventory in reading order: non-compliant sensitive applications first, then by users, then by name. */
export function sortApplications(applications: readonly ApplicationRecord[]): ApplicationRecord[] {
  return [...applications].sort(
    (a, b) => statusOrder[applicationStatus(a)] - statusOrder[applicationStatus(b)] || byUsersThenName(a, b),
  );
}

/** A finding for the results and the gap list: what is missing, where, by when, and which rule asks for it. */
export type MfaFindingCode = Rule2026Gap | 'target-2027-missed' | 'target-2028-missed';
export interface MfaFinding {
  code: MfaFindingCode;
  applicationId?: string;
  reference: 'RIE' | 'h2.2027.1-3' | 'h2.2028.1-3';
  deadline: string;
}

/**
 * The gaps of the inventory, for the results screen and the report: each 2026 gap of a sensitive application (the
 * deadline has passed), then the patient-record targets of 2027 and 2028 when they are known to be missed.
 */
export function listMfaFindings(applications: ApplicationRecord[]): MfaFinding[] {
  const compliance = computeMfaCompliance(applications);
  const findings: MfaFinding[] = compliance.nonCompliant.flatMap((app) =>
    rule2026Gaps(app).map((code) => ({
      code,
      applicationId: app.id,
      reference: 'RIE' as const,
      deadline: RULE_2026_DATE,
    })),
  );
  if (compliance.target2027Met === false)
    findings.push({ code: 'target-2027-missed', reference: 'h2.2027.1-3', deadline: TARGET_2027_DATE });
  if (compliance.target2028Met === false)
    findings.push({ code: 'target-2028-missed', reference: 'h2.2028.1-3', deadline: TARGET_2028_DATE });
  return findings;
}
