// @vitest-environment node
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionRecord } from '../domain/actions/action-record';
import type { ApplicationRecord } from '../domain/applications/application-record';
import { applicableItems } from '../domain/assessment/assessment';
import { audiencesOf } from '../domain/establishment/establishment';
import { computeBudgetRatios, defaultBudgetTargets, ratioNames } from '../domain/budget/budget-ratios';
import { buildExportEnvelope, sealExport, type ExportInput } from './build-export';
import { exportFileName, serializeExport } from './export-file';
import type { ExportAnswer, SharingLevel } from './export-format';
import { exportInputArbitrary, hospiconnectQuestionnaire } from '../testing/exchange/export-test-data';
import { generateSigningKeyPair, webCryptoSigner, type ExportSigner } from './signing';
import { validateTestFile } from '../testing/exchange/shipped-questionnaires';

/**
 * Export then import gives back the same data, for any assessment: what the sharing level keeps comes back
 * unchanged (answers, budget, applications, actions, evidence), and what it leaves out is absent.
 */

let signer: ExportSigner;
beforeAll(async () => {
  signer = webCryptoSigner(await generateSigningKeyPair());
});

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

function expectedAnswers(input: ExportInput, level: 'full' | 'auditor'): Record<string, ExportAnswer> {
  const out: Record<string, ExportAnswer> = {};
  // Only the items that apply to the establishment's profile: an answer to another counts nowhere.
  const applicable = new Set(applicableItems(input.questionnaire, audiencesOf(input.establishment)).map((i) => i.id));
  for (const [id, answer] of Object.entries(input.assessment.answers)) {
    if (!applicable.has(id)) continue;
    if (level === 'auditor') {
      if (!answer.response) continue;
      const response =
        answer.response.kind === 'not-applicable' ? { kind: 'not-applicable' as const } : answer.response;
      out[id] = defined({ response, toReview: answer.toReview });
    } else {
      const kept = defined({ response: answer.response, comment: answer.comment, toReview: answer.toReview });
      if (Object.keys(kept).length > 0) out[id] = kept;
    }
  }
  return out;
}

function expectedApplications(apps: readonly ApplicationRecord[], level: 'full' | 'auditor') {
  return [...apps]
    .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
    .map(({ id: _id, establishmentId: _e, createdAt: _c, updatedAt: _u, name, sensitiveReason, ...rest }) =>
      level === 'full' ? defined({ name, sensitiveReason, ...rest }) : defined(rest),
    );
}

function expectedActions(actions: readonly ActionRecord[], level: 'full' | 'auditor') {
  return [...actions]
    .sort((a, b) => a.createdAt - b.createdAt || byText(a.id, b.id))
    .map((a) =>
      level === 'full'
        ? defined({
            itemId: a.itemId,
            title: a.title,
            description: a.description,
            owner: a.owner,
            dueDate: a.dueDate,
            status: a.status,
            estimatedCost: a.estimatedCost,
          })
        : defined({ itemId: a.itemId, title: a.title, dueDate: a.dueDate, status: a.status }),
    );
}

async function roundTrip(input: ExportInput, level: SharingLevel) {
  const sealed = await sealExport(buildExportEnvelope(input, level), signer);
  const result = await validateTestFile(new TextEncoder().encode(serializeExport(sealed)), exportFileName(sealed));
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.path ?? ''} ${result.detail ?? ''}`);
  expect(result.envelope).toEqual(sealed);
  return result.envelope;
}

describe('export then import', () => {
  for (const level of ['full', 'auditor'] as const) {
    it(`gives back the same answers, budget, applications, actions and evidence at the ${level} level`, async () => {
      await fc.assert(
        fc.asyncProperty(exportInputArbitrary(), async (input) => {
          const { content, establishment } = await roundTrip(input, level);
          expect(establishment.finessEj).toBe(input.establishment.finessEj);
          expect(establishment.name).toBe(input.establishment.name);
          expect(content.campaignYear).toBe(input.assessment.campaignYear);
          expect(content.answers).toEqual(expectedAnswers(input, level));
          if (input.budget) {
            expect(content.budget?.inputs).toEqual(defined(input.budget.inputs));
            const ratios = computeBudgetRatios(input.budget.inputs, defaultBudgetTargets);
            for (const name of ratioNames) expect(content.budget?.ratios[name]).toBe(ratios[name].value);
          } else expect(content.budget).toBeUndefined();
          expect(content.applications ?? []).toEqual(expectedApplications(input.applications, level));
          expect(content.actions ?? []).toEqual(expectedActions(input.actions, level));
          if (level === 'full') expect(content.evidence ?? []).toHaveLength(input.evidence.length);
          else expect(content.evidence).toBeUndefined();
        }),
        { numRuns: 60 },
      );
    });
  }

  it('gives back the scores and ratios only at the statistics level', async () => {
    await fc.assert(
      fc.asyncProperty(exportInputArbitrary(), async (input) => {
        const sealed = buildExportEnvelope(input, 'statistics');
        const { content } = await roundTrip(input, 'statistics');
        expect(content.scores).toEqual(sealed.content.scores);
        expect(content.answers).toBeUndefined();
        expect(content.criticalGaps).toBeUndefined();
        expect(content.applications).toBeUndefined();
        expect(content.actions).toBeUndefined();
        expect(content.evidence).toBeUndefined();
        expect(content.budget?.inputs).toBeUndefined();
        expect(content.mfa === undefined).toBe(input.applications.length === 0);
      }),
      { numRuns: 40 },
    );
  });

  it('works for another questionnaire (HospiConnect) too', async () => {
    await fc.assert(
      fc.asyncProperty(exportInputArbitrary(hospiconnectQuestionnaire), async (input) => {
        const { content } = await roundTrip(input, 'full');
        expect(content.questionnaire.id).toBe('hospiconnect');
        expect(content.answers).toEqual(expectedAnswers(input, 'full'));
      }),
      { numRuns: 20 },
    );
  });
});
