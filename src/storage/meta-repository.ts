import type { CareDatabase } from './care-database';
import { toStorageError } from './storage-error';

/** Small facts about this installation kept beside the data (last backup, persistence asked). */
export type MetaKey =
  | 'lastBackupAt'
  | 'persistenceRequestedAt'
  /** The budget targets (IT share, cyber share) the user set; the defaults apply while it is absent. */
  | 'budgetTargets';

export class MetaRepository {
  constructor(private readonly db: CareDatabase) {}

  async get(key: MetaKey): Promise<unknown> {
    return (await this.db.meta.get(key))?.value;
  }

  async set(key: MetaKey, value: unknown): Promise<void> {
    this.db.assertWritable();
    try {
      await this.db.transaction('rw', this.db.meta, () => this.db.meta.put({ key, value }));
    } catch (error) {
      throw toStorageError(error);
    }
  }
}
