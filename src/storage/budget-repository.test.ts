import { describe, expect, it } from 'vitest';
import { defaultBudgetTargets } from '../domain/budget/budget-ratios';
import { BudgetRepository } from './budget-repository';
import { CareDatabase, DATA_VERSION, openCareDatabase } from './care-database';
import { StorageError } from './storage-error';

const freshName = () => `test-${crypto.randomUUID()}`;

async function expectCode(promise: Promise<unknown>, code: string, detail?: string) {
  await expect(promise).rejects.toSatisfy(
    (e) => e instanceof StorageError && e.code === code && (detail === undefined || (e.detail ?? '').includes(detail)),
  );
}

describe('BudgetRepository', () => {
  it('stores the figures of each year, creating the year at the first figure, and lists years oldest first', async () => {
    const db = await openCareDatabase(freshName());
    const repo = new BudgetRepository(db);
    expect(await repo.saveInputs('e1', 2025, { totalOperatingCharges: 100_000_000 }, 10)).toBe('saved');
    expect(
      await repo.saveInputs('e1', 2025, { totalOperatingCharges: 100_000_000, itOperatingCharges: 1_700_000 }, 20),
    ).toBe('saved');
    await repo.addYear('e1', 2023, 30);
    await repo.saveInputs('e2', 2025, { itFte: 3 }, 40);

    const years = await repo.listByEstablishment('e1');
    expect(years.map((r) => [r.year, r.inputs])).toEqual([
      [2023, {}],
      [2025, { totalOperatingCharges: 100_000_000, itOperatingCharges: 1_700_000 }],
    ]);
    expect(years[1]).toMatchObject({ createdAt: 10, updatedAt: 20 });
    // Read back through a second connection: the data is on disk, not in memory.
    const again = new CareDatabase(db.name);
    expect(await again.budgets.count()).toBe(3);
    again.close();
    db.close();
  });

  it('leaves a cleared figure out of the record', async () => {
    const db = await openCareDatabase(freshName());
    const repo = new BudgetRepository(db);
    await repo.saveInputs('e1', 2025, { itFte: 3, securityFte: 1 }, 1);
    await repo.saveInputs('e1', 2025, { itFte: 3, securityFte: undefined }, 2);
    expect((await repo.get('e1', 2025))?.inputs).toEqual({ itFte: 3 });
    db.close();
  });

  it('refuses impossible figures, naming the field, and changes nothing', async () => {
    const db = await openCareDatabase(freshName());
    const repo = new BudgetRepository(db);
    await repo.saveInputs('e1', 2025, { itOperatingCharges: 1_700_000 }, 1);
    await expectCode(
      repo.saveInputs('e1', 2025, { itOperatingCharges: 1_700_000, cyberOperating: 2_000_000 }, 2),
      'invalid-record',
      'cyberOperating:cyber-above-it',
    );
    await expectCode(repo.saveInputs('e1', 2025, { itFte: -1 }, 3), 'invalid-record', 'itFte');
    await expectCode(repo.saveInputs('e1', 2026, { workstations: 1.5 }, 3), 'invalid-record', 'workstations');
    await expectCode(repo.saveInputs('e1', 1999, {}, 3), 'invalid-record');
    expect(await repo.listByEstablishment('e1')).toEqual([
      expect.objectContaining({ year: 2025, inputs: { itOperatingCharges: 1_700_000 }, updatedAt: 1 }),
    ]);
    db.close();
  });

  it('stores odd figures (warnings do not block)', async () => {
    const db = await openCareDatabase(freshName());
    const repo = new BudgetRepository(db);
    await repo.saveInputs('e1', 2025, { itOperatingCharges: 1_000_000, cyberOperating: 500_000 });
    expect((await repo.get('e1', 2025))?.inputs.cyberOperating).toBe(500_000);
    db.close();
  });

  it('never lets older figures (a tab that was behind) overwrite newer ones', async () => {
    const db = await openCareDatabase(freshName());
    const repo = new BudgetRepository(db);
    await repo.saveInputs('e1', 2025, { itFte: 5 }, 20);
    expect(await repo.saveInputs('e1', 2025, { itFte: 4 }, 10)).toBe('kept-newer');
    expect((await repo.get('e1', 2025))?.inputs).toEqual({ itFte: 5 });
    db.close();
  });

  it('adds a year once: adding it again returns the existing one', async () => {
    const db = await openCareDatabase(freshName());
    const repo = new BudgetRepository(db);
    await repo.saveInputs('e1', 2024, { itFte: 2 }, 1);
    const again = await repo.addYear('e1', 2024, 5);
    expect(again.inputs).toEqual({ itFte: 2 });
    expect(await repo.listAll()).toHaveLength(1);
    db.close();
  });

  it('keeps the targets in the meta table, with the defaults until set', async () => {
    const db = await openCareDatabase(freshName());
    const repo = new BudgetRepository(db);
    expect(await repo.getTargets()).toEqual(defaultBudgetTargets);
    await repo.setTargets({ itShare: 0.025, cyberShare: 0.08 });
    expect(await repo.getTargets()).toEqual({ itShare: 0.025, cyberShare: 0.08 });
    expect((await db.meta.get('budgetTargets'))?.value).toEqual({ itShare: 0.025, cyberShare: 0.08 });
    await expectCode(repo.setTargets({ itShare: 0, cyberShare: 0.1 }), 'invalid-record');
    expect(await repo.getTargets()).toEqual({ itShare: 0.025, cyberShare: 0.08 });
    db.close();
  });

  it('writes nothing to data of a newer version', async () => {
    const name = freshName();
    const first = await openCareDatabase(name);
    await first.meta.put({ key: 'dataVersion', value: DATA_VERSION + 1 });
    first.close();
    const db = await openCareDatabase(name);
    const repo = new BudgetRepository(db);
    await expectCode(repo.saveInputs('e1', 2025, { itFte: 1 }), 'data-newer-than-app');
    await expectCode(repo.addYear('e1', 2025), 'data-newer-than-app');
    await expectCode(repo.setTargets(defaultBudgetTargets), 'data-newer-than-app');
    expect(await db.budgets.count()).toBe(0);
    db.close();
  });
});
