import {
  applicationInputSchema,
  buildApplication,
  type ApplicationInput,
} from '../domain/applications/application-input';
import type { ApplicationRecord } from '../domain/applications/application-record';
import type { CareDatabase } from './care-database';
import { StorageError, toStorageError } from './storage-error';

/** The sensitive-application inventory of each establishment (HospiConnect). */
export class ApplicationRepository {
  constructor(private readonly db: CareDatabase) {}

  /** The applications of an establishment, in the order they were added. */
  async listByEstablishment(establishmentId: string): Promise<ApplicationRecord[]> {
    const rows = await this.db.applications.where('establishmentId').equals(establishmentId).toArray();
    return rows.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<ApplicationRecord | undefined> {
    return this.db.applications.get(id);
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
    try {
      await this.db.transaction('rw', this.db.establishments, this.db.applications, async () => {
        if (!(await this.db.establishments.get(establishmentId))) throw new StorageError('not-found', establishmentId);
        await this.db.applications.add(record);
      });
    } catch (error) {
      throw toStorageError(error);
    }
    return record;
  }

  async update(id: string, input: ApplicationInput, now: number = Date.now()): Promise<ApplicationRecord> {
    this.db.assertWritable();
    const parsed = applicationInputSchema.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error.issues);
    try {
      return await this.db.transaction('rw', this.db.applications, async () => {
        const current = await this.db.applications.get(id);
        if (!current) throw new StorageError('not-found', id);
        const next = buildApplication(
          parsed.data,
          { id, establishmentId: current.establishmentId },
          { createdAt: current.createdAt, updatedAt: Math.max(now, current.updatedAt + 1) },
        );
        await this.db.applications.put(next);
        return next;
      });
    } catch (error) {
      throw toStorageError(error);
    }
  }

  async remove(id: string): Promise<void> {
    this.db.assertWritable();
    try {
      await this.db.transaction('rw', this.db.applications, async () => {
        if (!(await this.db.applications.get(id))) throw new StorageError('not-found', id);
        await this.db.applications.delete(id);
      });
    } catch (error) {
      throw toStorageError(error);
    }
  }
}

function invalid(issues: readonly { path: readonly PropertyKey[]; message: string }[]): StorageError {
  return new StorageError(
    'invalid-record',
    issues.map((i) => `${i.path.map(String).join('.')}:${i.message}`).join(', '),
  );
}
