import {
  applicationInputSchema,
  buildApplication,
  type ApplicationInput,
} from '../domain/applications/application-input';
import type { ApplicationRecord } from '../domain/applications/application-record';
import type { CareDatabase } from './care-database';
import { StorageError } from './storage-error';
import { openRow, openRows, RecordChangedError, writeSealed } from './vault/sealed-io';

/** The sensitive-application inventory of each establishment (HospiConnect). */
export class ApplicationRepository {
  constructor(private readonly db: CareDatabase) {}

  /** The applications of an establishment, in the order they were added. */
  async listByEstablishment(establishmentId: string): Promise<ApplicationRecord[]> {
    const stored = await this.db.applications.where('establishmentId').equals(establishmentId).toArray();
    const rows = await openRows(this.db, 'applications', stored);
    return rows.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<ApplicationRecord | undefined> {
    return openRow(this.db, 'applications', await this.db.applications.get(id));
  }

  /** Validates, stores and returns the new application; resolves only once IndexedDB has committed it. */
  async create(establishmentId: string, input: ApplicationInput, now: number = Date.now()): Promise<ApplicationRecord> {
    this.db.assertWritable();
    const parsed = applicationInputSchema.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error.issues);
    const record = buildApplication(
      parsed.data,
      { id: crypto.randomUUID(), establishmentId },
      { createdAt: now, updatedAt: now },
    );
    await writeSealed(
      this.db,
      [this.db.establishments, this.db.applications],
      (sealer) => sealer.record('applications', record),
      async (stored) => {
        if (!(await this.db.establishments.get(establishmentId))) throw new StorageError('not-found', establishmentId);
        await this.db.applications.add(stored);
      },
    );
    return record;
  }

  async update(id: string, input: ApplicationInput, now: number = Date.now()): Promise<ApplicationRecord> {
    this.db.assertWritable();
    const parsed = applicationInputSchema.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error.issues);
    // Only clear fields of the stored record are needed (its establishment and dates), but the new version is sealed
    // before the transaction: the transaction checks that nobody wrote the record in between, else starts over.
    const { next } = await writeSealed(
      this.db,
      [this.db.applications],
      async (sealer) => {
        const current = await this.db.applications.get(id);
        if (!current) throw new StorageError('not-found', id);
        const next = buildApplication(
          parsed.data,
          { id, establishmentId: current.establishmentId },
          { createdAt: current.createdAt, updatedAt: Math.max(now, current.updatedAt + 1) },
        );
        return { seenUpdatedAt: current.updatedAt, next, stored: await sealer.record('applications', next) };
      },
      async (prepared) => {
        const current = await this.db.applications.get(id);
        if (!current) throw new StorageError('not-found', id);
        if (current.updatedAt !== prepared.seenUpdatedAt) throw new RecordChangedError();
        await this.db.applications.put(prepared.stored);
        return prepared;
      },
    );
    return next;
  }

  async remove(id: string): Promise<void> {
    this.db.assertWritable();
    await writeSealed(
      this.db,
      [this.db.applications],
      () => Promise.resolve(),
      async () => {
        if (!(await this.db.applications.get(id))) throw new StorageError('not-found', id);
        await this.db.applications.delete(id);
      },
    );
  }
}

function invalid(issues: readonly { path: readonly PropertyKey[]; message: string }[]): StorageError {
  return new StorageError(
    'invalid-record',
    issues.map((i) => `${i.path.map(String).join('.')}:${i.message}`).join(', '),
  );
}
