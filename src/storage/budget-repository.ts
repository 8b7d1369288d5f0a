import {
  budgetFields,
  budgetTargetsSchema,
  checkBudgetInputs,
  readBudgetTargets,
  type BudgetTargets,
} from '../domain/budget/budget-ratios';
import { budgetInputsSchema, type BudgetInputs, type BudgetRecord } from '../domain/budget/budget-record';
import type { CareDatabase } from './care-database';
import type { MetaKey } from './meta-repository';
import { StorageError, toStorageError } from './storage-error';
import { openRow, openRows, RecordChangedError, writeSealed } from './vault/sealed-io';
import { laterWrite } from '../domain/later-write';

/** What became of saved figures: stored, or left alone because a newer version (another tab) was there. */
export type SaveBudgetOutcome = 'saved' | 'kept-newer';

const TARGETS_KEY: MetaKey = 'budgetTargets';
export const MIN_BUDGET_YEAR = 2000;
export const MAX_BUDGET_YEAR = 2100;

/**
 * Budget figures, one record per establishment and year (unique index [establishmentId+year]), and the targets they
 * are read against. Figures that {@link checkBudgetInputs} refuses are never stored: the check runs here as well as
 * on the screen, so that no path (another screen, an import) can store an IT budget above the total.
 */
export class BudgetRepository {
  constructor(private readonly db: CareDatabase) {}

  /** The years of an establishment, oldest first. */
  async listByEstablishment(establishmentId: string): Promise<BudgetRecord[]> {
    const stored = await this.db.budgets.where('establishmentId').equals(establishmentId).toArray();
    const rows = await openRows(this.db, 'budgets', stored);
    return rows.sort((a, b) => a.year - b.year);
  }

  /** Every record of the installation (GHT or regional aggregation, backups). */
  async listAll(): Promise<BudgetRecord[]> {
    return openRows(this.db, 'budgets', await this.db.budgets.toArray());
  }

  async get(establishmentId: string, year: number): Promise<BudgetRecord | undefined> {
    return openRow(this.db, 'budgets', await this.stored(establishmentId, year));
  }

  /** The record as stored (sealed while the lock is on): what writes compare inside their transaction. */
  private stored(establishmentId: string, year: number): Promise<BudgetRecord | undefined> {
    return this.db.budgets.where('[establishmentId+year]').equals([establishmentId, year]).first();
  }

  /** Opens a year with no figures yet; a year that exists is returned as it is. */
  async addYear(establishmentId: string, year: number, now: number = Date.now()): Promise<BudgetRecord> {
    this.db.assertWritable();
    assertYear(year);
    const record = newRecord(establishmentId, year, {}, now);
    const existing = await writeSealed(
      this.db,
      [this.db.budgets],
      (sealer) => sealer.record('budgets', record),
      async (stored) => {
        const found = await this.stored(establishmentId, year);
        if (!found) await this.db.budgets.add(stored);
        return found;
      },
    );
    return existing ? ((await openRow(this.db, 'budgets', existing)) ?? record) : record;
  }

  /**
   * Stores the figures of a year (creating the year if needed) and resolves once the transaction has committed.
   * Refused figures throw 'invalid-record' (detail: field:code of each refusal) and change nothing; figures older
   * than the stored ones (a tab that was behind) are not written.
   */
  async saveInputs(
    establishmentId: string,
    year: number,
    inputs: BudgetInputs,
    updatedAt: number = Date.now(),
  ): Promise<SaveBudgetOutcome> {
    this.db.assertWritable();
    assertYear(year);
    const parsed = budgetInputsSchema.safeParse(stripUndefined(inputs));
    if (!parsed.success)
      throw new StorageError('invalid-record', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
    const { errors } = checkBudgetInputs(parsed.data);
    if (errors.length > 0)
      throw new StorageError('invalid-record', errors.map((e) => `${e.field}:${e.code}`).join(', '));
    // The sealed figures name their record (its id is authenticated with them), so the record is looked up first
    // and looked up again inside the transaction: if another tab created the year in between, start over.
    return writeSealed(
      this.db,
      [this.db.budgets],
      async (sealer) => {
        const existing = await this.stored(establishmentId, year);
        const next: BudgetRecord = existing
          ? {
              id: existing.id,
              establishmentId,
              year,
              inputs: parsed.data,
              createdAt: existing.createdAt,
              updatedAt,
            }
          : newRecord(establishmentId, year, parsed.data, updatedAt);
        return { existingId: existing?.id, stored: await sealer.record('budgets', next) };
      },
      async ({ existingId, stored }): Promise<SaveBudgetOutcome> => {
        const existing = await this.stored(establishmentId, year);
        if (existing?.id !== existingId) throw new RecordChangedError();
        // A retry of the same write (same date) goes through; only a strictly later stored year is kept.
        if (existing && laterWrite({ updatedAt }, existing) === existing) return 'kept-newer';
        await this.db.budgets.put(stored);
        return 'saved';
      },
    );
  }

  /** The targets set by the user, else the defaults (2 % and 10 %). */
  async getTargets(): Promise<BudgetTargets> {
    return readBudgetTargets((await this.db.meta.get(TARGETS_KEY))?.value);
  }

  async setTargets(targets: BudgetTargets): Promise<void> {
    this.db.assertWritable();
    const parsed = budgetTargetsSchema.safeParse(targets);
    if (!parsed.success) throw new StorageError('invalid-record', 'budget targets');
    try {
      await this.db.transaction('rw', this.db.meta, () => this.db.meta.put({ key: TARGETS_KEY, value: parsed.data }));
    } catch (error) {
      throw toStorageError(error);
    }
  }
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_BUDGET_YEAR || year > MAX_BUDGET_YEAR)
    throw new StorageError('invalid-record', `year ${year}`);
}

function newRecord(establishmentId: string, year: number, inputs: BudgetInputs, now: number): BudgetRecord {
  return { id: crypto.randomUUID(), establishmentId, year, inputs, createdAt: now, updatedAt: now };
}

/** A cleared figure is left out of the record rather than stored as undefined. */
function stripUndefined(inputs: BudgetInputs): BudgetInputs {
  const stored: BudgetInputs = {};
  for (const field of budgetFields) {
    const value = inputs[field];
    if (value !== undefined) stored[field] = value;
  }
  return stored;
}
