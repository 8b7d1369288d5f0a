import {
  buildAction,
  type ActionOrigin,
  type ActionStatus,
  type ValidActionInput,
} from '../domain/actions/action-plan';
import { actionRecordSchema, type ActionRecord } from '../domain/actions/action-record';
import type { CareDatabase } from './care-database';
import { StorageError, toStorageError } from './storage-error';

/**
 * The actions of the plan. Every write resolves only once IndexedDB has committed it (design principle 2), and
 * every record is checked against the record schema before it is written, whatever screen or import built it.
 */
export class ActionRepository {
  constructor(private readonly db: CareDatabase) {}

  async get(id: string): Promise<ActionRecord | undefined> {
    return this.db.actions.get(id);
  }

  /** Every action of an establishment, in creation order (screens sort them with sortActions). */
  async listByEstablishment(establishmentId: string): Promise<ActionRecord[]> {
    const rows = await this.db.actions.where('establishmentId').equals(establishmentId).toArray();
    return rows.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /** Stores a new action, from a gap or from scratch (the form has read its input with actionInputSchema). */
  async create(origin: ActionOrigin, input: ValidActionInput, now: number = Date.now()): Promise<ActionRecord> {
    this.db.assertWritable();
    const action = checked(buildAction(input, origin, crypto.randomUUID(), now));
    try {
      await this.db.transaction('rw', [this.db.establishments, this.db.actions], async () => {
        if (!(await this.db.establishments.get(origin.establishmentId))) {
          throw new StorageError('not-found', origin.establishmentId);
        }
        await this.db.actions.add(action);
      });
    } catch (error) {
      throw toStorageError(error);
    }
    return action;
  }

  /** Replaces what the form edits, keeping where the action came from and when it was created. */
  async update(id: string, input: ValidActionInput, now: number = Date.now()): Promise<ActionRecord> {
    this.db.assertWritable();
    return this.modify(id, (current) =>
      checked({
        ...buildAction(input, current, id, current.createdAt),
        updatedAt: Math.max(now, current.updatedAt + 1),
      }),
    );
  }

  async setStatus(id: string, status: ActionStatus, now: number = Date.now()): Promise<ActionRecord> {
    this.db.assertWritable();
    return this.modify(id, (current) => ({ ...current, status, updatedAt: Math.max(now, current.updatedAt + 1) }));
  }

  async remove(id: string): Promise<void> {
    this.db.assertWritable();
    try {
      await this.db.transaction('rw', this.db.actions, () => this.db.actions.delete(id));
    } catch (error) {
      throw toStorageError(error);
    }
  }

  private async modify(id: string, change: (current: ActionRecord) => ActionRecord): Promise<ActionRecord> {
    try {
      return await this.db.transaction('rw', this.db.actions, async () => {
        const current = await this.db.actions.get(id);
        if (!current) throw new StorageError('not-found', id);
        const next = change(current);
        await this.db.actions.put(next);
        return next;
      });
    } catch (error) {
      throw toStorageError(error);
    }
  }
}

function checked(action: ActionRecord): ActionRecord {
  const parsed = actionRecordSchema.safeParse(action);
  if (!parsed.success)
    throw new StorageError('invalid-record', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
  return action;
}
