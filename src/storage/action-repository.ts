import {
  buildAction,
  type ActionOrigin,
  type ActionStatus,
  type ValidActionInput,
} from '../domain/actions/action-plan';
import { actionRecordSchema, type ActionRecord } from '../domain/actions/action-record';
import type { CareDatabase } from './care-database';
import { StorageError } from './storage-error';
import { sameValue } from './vault/same-value';
import { openRow, openRows, RecordChangedError, writeSealed } from './vault/sealed-io';

/**
 * The actions of the plan. Every write resolves only once IndexedDB has committed it (design principle 2), and
 * every record is checked against the record schema before it is written, whatever screen or import built it.
 */
export class ActionRepository {
  constructor(private readonly db: CareDatabase) {}

  async get(id: string): Promise<ActionRecord | undefined> {
    return openRow(this.db, 'actions', await this.db.actions.get(id));
  }

  /** Every action of an establishment, in creation order (screens sort them with sortActions). */
  async listByEstablishment(establishmentId: string): Promise<ActionRecord[]> {
    const stored = await this.db.actions.where('establishmentId').equals(establishmentId).toArray();
    const rows = await openRows(this.db, 'actions', stored);
    return rows.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /** Stores a new action, from a gap or from scratch (the form has read its input with actionInputSchema). */
  async create(origin: ActionOrigin, input: ValidActionInput, now: number = Date.now()): Promise<ActionRecord> {
    this.db.assertWritable();
    const action = checked(buildAction(input, origin, crypto.randomUUID(), now));
    await writeSealed(
      this.db,
      [this.db.establishments, this.db.actions],
      (sealer) => sealer.record('actions', action),
      async (stored) => {
        if (!(await this.db.establishments.get(origin.establishmentId))) {
          throw new StorageError('not-found', origin.establishmentId);
        }
        await this.db.actions.add(stored);
      },
    );
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
    await writeSealed(
      this.db,
      [this.db.actions],
      () => Promise.resolve(),
      () => this.db.actions.delete(id),
    );
  }

  /**
   * Read, change, write: the change needs the whole record (sealed fields included), so the record is opened and the
   * new version sealed before the transaction, which writes it only if the stored record is still the one read.
   */
  private async modify(id: string, change: (current: ActionRecord) => ActionRecord): Promise<ActionRecord> {
    const { next } = await writeSealed(
      this.db,
      [this.db.actions],
      async (sealer) => {
        const seen = await this.db.actions.get(id);
        const current = await openRow(this.db, 'actions', seen);
        if (!seen || !current) throw new StorageError('not-found', id);
        const next = change(current);
        return { seen, next, stored: await sealer.record('actions', next) };
      },
      async (prepared) => {
        const current = await this.db.actions.get(id);
        if (!current) throw new StorageError('not-found', id);
        if (!sameValue(current, prepared.seen)) throw new RecordChangedError();
        await this.db.actions.put(prepared.stored);
        return prepared;
      },
    );
    return next;
  }
}

function checked(action: ActionRecord): ActionRecord {
  const parsed = actionRecordSchema.safeParse(action);
  if (!parsed.success)
    throw new StorageError('invalid-record', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
  return action;
}
