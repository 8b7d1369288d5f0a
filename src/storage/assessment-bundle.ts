import type { ActionRecord } from '../domain/actions/action-record';
import type { ApplicationRecord } from '../domain/applications/application-record';
import type { Assessment } from '../domain/assessment/assessment';
import type { BudgetRecord } from '../domain/budget/budget-record';
import type { Establishment } from '../domain/establishment/establishment';
import type { CareDatabase, EvidenceRow } from './care-database';
import { StorageError } from './storage-error';
import type { StoredEvidenceFile } from './vault/record-seal';
import { openEvidenceBytes, openRow, openRows } from './vault/sealed-io';

/**
 * Everything a report or an export file of one assessment is made from: the assessment, its establishment, the
 * establishment's budgets, applications and actions, and the evidence listing (with the bytes when asked).
 *
 * Read in one transaction, so that it is one consistent state even while another tab writes, and opened after it
 * (with the passphrase lock on, decryption cannot run inside a transaction). Inside useLiveQuery, every read is
 * observed: the querier re-runs when any of it changes.
 */
export interface AssessmentBundle {
  assessment: Assessment;
  establishment: Establishment;
  budgets: BudgetRecord[];
  applications: ApplicationRecord[];
  actions: ActionRecord[];
  evidence: EvidenceRow[];
  /** The bytes of each evidence file, in the order of `evidence`; only when asked for. */
  evidenceBytes: ArrayBuffer[];
}

export async function readAssessmentBundle(
  db: CareDatabase,
  assessmentId: string,
  options: { withEvidenceBytes?: boolean } = {},
): Promise<AssessmentBundle | undefined> {
  const stored = await db.transaction(
    'r',
    [db.assessments, db.establishments, db.budgets, db.applications, db.actions, db.evidence, db.evidenceFiles],
    async () => {
      const assessment = await db.assessments.get(assessmentId);
      if (!assessment) return undefined;
      const establishment = await db.establishments.get(assessment.establishmentId);
      if (!establishment) return undefined;
      const [budgets, applications, actions, evidence] = await Promise.all([
        db.budgets.where('establishmentId').equals(establishment.id).toArray(),
        db.applications.where('establishmentId').equals(establishment.id).toArray(),
        db.actions.where('establishmentId').equals(establishment.id).toArray(),
        db.evidence.where('assessmentId').equals(assessment.id).toArray(),
      ]);
      // The bytes are read only when asked for: evidence can weigh hundreds of megabytes.
      const files = options.withEvidenceBytes
        ? ((await db.evidenceFiles.bulkGet(evidence.map((row) => row.id))) as (StoredEvidenceFile | undefined)[])
        : [];
      return { assessment, establishment, budgets, applications, actions, evidence, files };
    },
  );
  if (!stored) return undefined;
  const assessment = await openRow(db, 'assessments', stored.assessment);
  const [budgets, applications, actions, evidence] = await Promise.all([
    openRows(db, 'budgets', stored.budgets),
    openRows(db, 'applications', stored.applications),
    openRows(db, 'actions', stored.actions),
    openRows(db, 'evidence', stored.evidence),
  ]);
  const evidenceBytes = await Promise.all(
    stored.files.map((file, i) => {
      if (!file) throw new StorageError('not-found', `evidence file ${stored.evidence[i]?.id ?? i}`);
      return openEvidenceBytes(db, file);
    }),
  );
  if (!assessment) return undefined;
  return { assessment, establishment: stored.establishment, budgets, applications, actions, evidence, evidenceBytes };
}
