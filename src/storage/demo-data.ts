import { z } from 'zod';
import { actionRecordSchema } from '../domain/actions/action-record';
import { applicationRecordSchema } from '../domain/applications/application-record';
import { assessmentSchema } from '../domain/assessment/assessment';
import { budgetRecordSchema } from '../domain/budget/budget-record';
import { establishmentSchema } from '../domain/establishment/establishment';
import type { CareDatabase } from './care-database';
import { loadQuestionnaire } from './questionnaire-catalog';
import { writeSealed } from './vault/sealed-io';

/**
 * Loads the demonstration data of seeds/demo.json (five invented establishments with partial answers, budgets,
 * applications and actions) in one transaction: all of it or nothing. Loading again replaces the demo records and
 * leaves the user's own data alone (demo ids all start with "demo-"). With the passphrase lock on, the records are
 * sealed like any other before the transaction.
 */
const demoSchema = z.object({
  establishments: z.array(establishmentSchema),
  assessments: z.array(assessmentSchema.omit({ contentHash: true })),
  budgets: z.array(budgetRecordSchema),
  applications: z.array(applicationRecordSchema),
  actions: z.array(actionRecordSchema),
});

export interface DemoCounts {
  establishments: number;
  assessments: number;
  answers: number;
}

export async function loadDemoData(db: CareDatabase): Promise<DemoCounts> {
  db.assertWritable();
  const raw: unknown = (await import('../../seeds/demo.json')).default;
  const demo = demoSchema.parse(raw);
  const assessments = await Promise.all(
    demo.assessments.map(async (a) => {
      const { contentHash } = await loadQuestionnaire(a.questionnaireId, a.questionnaireVersion);
      return { ...a, contentHash };
    }),
  );
  await writeSealed(
    db,
    [db.establishments, db.assessments, db.budgets, db.applications, db.actions],
    async (sealer) => ({
      assessments: await Promise.all(assessments.map((a) => sealer.record('assessments', a))),
      budgets: await Promise.all(demo.budgets.map((b) => sealer.record('budgets', b))),
      applications: await Promise.all(demo.applications.map((a) => sealer.record('applications', a))),
      actions: await Promise.all(demo.actions.map((a) => sealer.record('actions', a))),
    }),
    async (stored) => {
      await db.establishments.bulkPut(demo.establishments);
      // The unique index on establishment × questionnaire × year would refuse a second load: the demo
      // assessments are replaced, not added.
      await db.assessments.bulkDelete(assessments.map((a) => a.id));
      await db.assessments.bulkPut(stored.assessments);
      await db.budgets.bulkPut(stored.budgets);
      await db.applications.bulkPut(stored.applications);
      await db.actions.bulkPut(stored.actions);
    },
  );
  return {
    establishments: demo.establishments.length,
    assessments: assessments.length,
    answers: assessments.reduce((n, a) => n + Object.keys(a.answers).length, 0),
  };
}
