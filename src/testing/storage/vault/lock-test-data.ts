import { expect } from 'vitest';
import { ActionRepository } from '../../../storage/action-repository';
import { ApplicationRepository } from '../../../storage/application-repository';
import { AssessmentRepository } from '../../../storage/assessment-repository';
import { BudgetRepository } from '../../../storage/budget-repository';
import { openCareDatabase, type CareDatabase } from '../../../storage/care-database';
import { EstablishmentRepository } from '../../../storage/establishment-repository';
import { EvidenceRepository } from '../../../storage/evidence-repository';
import { StorageError } from '../../../storage/storage-error';
import { listSubmissions, storeSubmission, type StorableExport } from '../../../storage/submission-repository';
import { vaultOf } from '../../../storage/vault/vault';

/**
 * Test data and tools for the passphrase lock's tests: a device filled with distinctive values of every kind the lock
 * seals, a raw dump of IndexedDB (plain IndexedDB, not the repositories) and a search of it as text.
 */
export const passphrase = 'vingt-trois pommes vertes';
export const newPassphrase = 'le cheval blanc d’Henri IV';

export const secrets = {
  comment: 'Sauvegardes hors ligne jamais testées en 2025',
  justification: 'Aucun accès distant Zéphyrin',
  choice: 'Prestataire-Orme-Rouge',
  figure: 987_654_321,
  application: 'Logiciel-Tournesol-DPI',
  actionTitle: 'Déployer le MFA sur le VPN Quetzal',
  actionOwner: 'Mme Hirondelle',
  evidenceName: 'rapport-pentest-Capucine.pdf',
  evidenceBytes: 'OCTETS-CONFIDENTIELS-Mandragore',
  submissionComment: 'Sous-traitant Basilic sans contrat',
  submissionFile: 'export-clinique-Ornithorynque.json',
};

export const freshName = () => `test-${crypto.randomUUID()}`;

export async function expectCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((e) => e instanceof StorageError && e.code === code);
}

/** Every record of every store, read with plain IndexedDB: what anyone with the browser profile could read. */
export function rawDump(name: string): Promise<Record<string, unknown[]>> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(new Error(String(request.error)));
    request.onsuccess = () => {
      const idb = request.result;
      const stores = [...idb.objectStoreNames];
      const tx = idb.transaction(stores, 'readonly');
      const out: Record<string, unknown[]> = {};
      for (const store of stores) {
        const all = tx.objectStore(store).getAll();
        all.onsuccess = () => (out[store] = all.result as unknown[]);
      }
      tx.oncomplete = () => {
        idb.close();
        resolve(out);
      };
    };
  });
}

/** The dump as text: strings, numbers and every byte array read as Latin-1 and as UTF-8. */
export function textOf(value: unknown): string {
  if (value instanceof ArrayBuffer) {
    return `${Buffer.from(value).toString('latin1')} ${Buffer.from(value).toString('utf8')}`;
  }
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  if (value !== null && typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${k} ${textOf(v)}`)
      .join(' ');
  return String(value);
}

export function rawPut(name: string, store: string, row: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      const idb = request.result;
      const tx = idb.transaction(store, 'readwrite');
      tx.objectStore(store).put(row);
      tx.oncomplete = () => {
        idb.close();
        resolve();
      };
      tx.onerror = () => reject(new Error(String(tx.error)));
    };
  });
}

export function submission(): StorableExport {
  return {
    ok: true,
    fileName: secrets.submissionFile,
    digest: 'd'.repeat(64),
    envelope: {
      exportedAt: '2026-10-01T10:00:00.000Z',
      establishment: { finessEj: '450000278' },
      content: { questionnaire: { id: 'care' }, campaignYear: 2026 },
      answers: { 'care.gov.01': { comment: secrets.submissionComment } },
    } as StorableExport['envelope'],
  };
}

/** One establishment with an answer, a budget, an application, an action, an evidence file and a submission. */
export async function filled() {
  const name = freshName();
  const db = await openCareDatabase(name);
  const establishment = await new EstablishmentRepository(db).create({
    name: 'CH de Bourg',
    finessEj: '010780914',
    category: 'ch',
    isGhtSupport: false,
  });
  const assessments = new AssessmentRepository(db);
  const assessment = await assessments.create({
    establishmentId: establishment.id,
    questionnaireId: 'care',
    questionnaireVersion: '2026.1',
    contentHash: 'a'.repeat(64),
    campaignYear: 2026,
  });
  await assessments.saveAnswer(assessment.id, 'care.gov.01', {
    response: { kind: 'status', value: 'no' },
    comment: secrets.comment,
    updatedAt: 10,
  });
  await assessments.saveAnswer(assessment.id, 'care.gov.02', {
    response: { kind: 'not-applicable', justification: secrets.justification },
    updatedAt: 11,
  });
  await assessments.saveAnswer(assessment.id, 'care.gov.03', {
    response: { kind: 'choice', value: secrets.choice },
    updatedAt: 12,
  });
  await new BudgetRepository(db).saveInputs(establishment.id, 2026, { itOperatingCharges: secrets.figure }, 20);
  const application = await new ApplicationRepository(db).create(establishment.id, {
    name: secrets.application,
    kind: 'patient-record',
    handlesHealthData: true,
    sharedOrExternal: false,
    remoteAccess: true,
    authentication: ['password-only'],
    homologation: 'to-do',
  });
  const action = await new ActionRepository(db).create(
    { establishmentId: establishment.id, assessmentId: assessment.id, itemId: 'care.gov.01' },
    { title: secrets.actionTitle, owner: secrets.actionOwner, status: 'todo' },
  );
  const evidence = await new EvidenceRepository(db).add({
    assessmentId: assessment.id,
    itemId: 'care.gov.01',
    name: secrets.evidenceName,
    type: 'application/pdf',
    data: new TextEncoder().encode(secrets.evidenceBytes).buffer,
    documentDate: '2026-03-01',
  });
  await storeSubmission(db, submission());
  return { name, db, establishment, assessment, application, action, evidence };
}

/** What the repositories give back: the data as the user sees it. */
export async function readAll(db: CareDatabase, ids: Awaited<ReturnType<typeof filled>>) {
  const evidence = new EvidenceRepository(db);
  return {
    assessment: await new AssessmentRepository(db).get(ids.assessment.id),
    budgets: await new BudgetRepository(db).listByEstablishment(ids.establishment.id),
    applications: await new ApplicationRepository(db).listByEstablishment(ids.establishment.id),
    actions: await new ActionRepository(db).listByEstablishment(ids.establishment.id),
    evidence: await evidence.listForItem(ids.assessment.id, 'care.gov.01'),
    evidenceBytes: new TextDecoder().decode((await evidence.get(ids.evidence.id))?.data),
    submissions: await listSubmissions(db),
  };
}

export function expectNoSecret(dump: Record<string, unknown[]>) {
  const text = textOf(dump);
  for (const secret of Object.values(secrets)) expect(text, `found ${secret} on disk`).not.toContain(String(secret));
}

export async function reopen(name: string): Promise<CareDatabase> {
  const db = await openCareDatabase(name);
  await vaultOf(db).ready();
  return db;
}
