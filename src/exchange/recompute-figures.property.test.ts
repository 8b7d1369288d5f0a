// @vitest-environment node
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExportEnvelope, sealExport, type ExportInput } from './build-export';
import { serializeExport } from './export-file';
import type { UnsealedExportEnvelope } from './export-format';
import { generateSigningKeyPair, webCryptoSigner, type ExportSigner } from './signing';
import { exportInputArbitrary, hospiconnectQuestionnaire } from '../testing/exchange/export-test-data';
import { validateTestFile } from '../testing/exchange/shipped-questionnaires';

/**
 * The recomputation, as properties over any assessment the app can make (export-test-data.ts):
 * - no false refusal: every figure the app exports equals its recomputation, at every level;
 * - no figure can be changed: any single change of a figure (a score, a completeness, a count, a critical gap, a
 *   budget ratio, an MFA count), sealed and signed again with the app's own code, is refused and the figure named.
 */

/** Hundreds of signatures and validations: seconds on a loaded machine, beyond the default 5 s. */
const PROPERTY_TIMEOUT = 120_000;

let signer: ExportSigner;
beforeAll(async () => {
  signer = webCryptoSigner(await generateSigningKeyPair());
});

const inputs = fc.oneof(exportInputArbitrary(), exportInputArbitrary(hospiconnectQuestionnaire));

async function validateEnvelope(envelope: UnsealedExportEnvelope) {
  const sealed = await sealExport(envelope, signer);
  return validateTestFile(serializeExport(sealed), 'generated.json');
}

describe('recomputed figures', { timeout: PROPERTY_TIMEOUT }, () => {
  it('equal the exported ones for any assessment, at every level (no false refusal)', async () => {
    await fc.assert(
      fc.asyncProperty(inputs, fc.constantFrom('full', 'auditor', 'statistics' as const), async (input, level) => {
        const result = await validateEnvelope(buildExportEnvelope(input, level));
        if (!result.ok) throw new Error(`refused: ${result.code} at ${result.path ?? ''}: ${result.detail ?? ''}`);
        expect(result.declaredFigures.length === 0).toBe(level !== 'statistics');
      }),
      { numRuns: 120 },
    );
  });
});

type Json = Record<string, unknown>;

/** A change of one figure of an envelope: where it is (for the refusal's path) and how to make it. */
interface FigureChange {
  /** The path prefix the refusal must name. */
  at: string;
  apply(content: Json): void;
}

const isNumber = (value: unknown): value is number => typeof value === 'number';

/** A share (0–1) or a score (0–100) moved by `step` within its range; absent, it is given a value. */
function moved(value: unknown, top: number, step: number): number {
  if (!isNumber(value)) return top / 2;
  return value >= top / 2 ? value - step * top : value + step * top;
}

/** Every single change of a figure that the envelope allows, each as a fast-check choice. */
function figureChanges(envelope: UnsealedExportEnvelope, input: ExportInput): fc.Arbitrary<FigureChange> {
  const { content } = envelope;
  const changes: fc.Arbitrary<FigureChange>[] = [];
  const summaries = [
    { at: 'content.scores.overall', get: (c: Json) => (c.scores as Json).overall as Json },
    ...content.scores.domains.map((_, i) => ({
      at: `content.scores.domains[${i}]`,
      get: (c: Json) => ((c.scores as Json).domains as Json[])[i] as Json,
    })),
  ];
  for (const { at, get } of summaries) {
    for (const field of ['answered', 'applicable', 'unknown', 'notApplicable'] as const)
      changes.push(
        fc.constant({
          at: `${at}.${field}`,
          apply: (c: Json) => {
            const summary = get(c);
            summary[field] = (summary[field] as number) + 1;
          },
        }),
      );
    changes.push(
      fc.double({ min: 0.0001, max: 0.5, noNaN: true }).map((step) => ({
        at: `${at}.score`,
        apply: (c: Json) => {
          get(c).score = moved(get(c).score, 100, step);
        },
      })),
      fc.double({ min: 0.0001, max: 0.5, noNaN: true }).map((step) => ({
        at: `${at}.completeness`,
        apply: (c: Json) => {
          get(c).completeness = moved(get(c).completeness, 1, step);
        },
      })),
    );
  }
  const gaps = content.criticalGaps ?? [];
  const critical = input.questionnaire.items.filter((i) => i.weight === 'critical').map((i) => i.id);
  if (gaps.length > 0)
    changes.push(
      fc.nat({ max: gaps.length - 1 }).map((index) => ({
        at: 'content.criticalGaps',
        apply: (c: Json) => {
          (c.criticalGaps as string[]).splice(index, 1);
        },
      })),
    );
  const notListed = critical.filter((id) => !gaps.includes(id));
  if (notListed.length > 0)
    changes.push(
      fc.tuple(fc.constantFrom(...notListed), fc.nat({ max: gaps.length })).map(([id, index]) => ({
        at: 'content.criticalGaps',
        apply: (c: Json) => {
          (c.criticalGaps as string[]).splice(index, 0, id);
        },
      })),
    );
  if (new Set(gaps).size >= 2)
    changes.push(
      fc.constant({
        at: 'content.criticalGaps',
        apply: (c: Json) => {
          (c.criticalGaps as string[]).reverse();
        },
      }),
    );
  if (content.budget)
    for (const name of Object.keys(content.budget.ratios).concat('itShareOfOperating'))
      changes.push(
        fc.double({ min: 0.001, max: 1, noNaN: true }).map((factor) => ({
          at: 'content.budget.ratios',
          apply: (c: Json) => {
            const ratios = (c.budget as Json).ratios as Json;
            const value = ratios[name];
            ratios[name] = isNumber(value) ? value * (1 + factor) + 0.0001 : factor;
          },
        })),
      );
  if (content.mfa) {
    for (const field of ['sensitiveCount', 'compliantCount', 'users', 'usersWithTwoFactors'])
      changes.push(
        fc.constant({
          at: 'content.mfa',
          apply: (c: Json) => {
            const mfa = c.mfa as Json;
            mfa[field] = (mfa[field] as number) + 1;
          },
        }),
      );
    for (const field of ['target2027Met', 'target2028Met'])
      changes.push(
        fc.constant({
          at: 'content.mfa',
          apply: (c: Json) => {
            const mfa = c.mfa as Json;
            mfa[field] = mfa[field] !== true;
          },
        }),
      );
    changes.push(
      fc.double({ min: 0.0001, max: 0.5, noNaN: true }).map((step) => ({
        at: 'content.mfa',
        apply: (c: Json) => {
          const mfa = c.mfa as Json;
          mfa.patientRecordTwoFactorShare = moved(mfa.patientRecordTwoFactorShare, 1, step);
        },
      })),
    );
  }
  return fc.oneof(...changes);
}

describe('a changed figure', { timeout: PROPERTY_TIMEOUT }, () => {
  for (const level of ['full', 'auditor'] as const) {
    it(`is refused at the ${level} level, sealed and signed again, with the figure named`, async () => {
      const cases = inputs.chain((input) => {
        const envelope = buildExportEnvelope(input, level);
        return fc.tuple(fc.constant(envelope), figureChanges(envelope, input));
      });
      await fc.assert(
        fc.asyncProperty(cases, async ([envelope, change]) => {
          const changed = JSON.parse(JSON.stringify(envelope)) as UnsealedExportEnvelope;
          change.apply(changed.content);
          const result = await validateEnvelope(changed);
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.code, result.detail).toBe('figure-mismatch');
            expect(result.path?.startsWith(change.at), `${result.path ?? ''} for ${change.at}`).toBe(true);
          }
        }),
        { numRuns: 200 },
      );
    });
  }
});
