// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../domain/hash';
import { compareItemVersions } from '../domain/questionnaire/compare-versions';
import { snapshotIsIntact } from '../domain/snapshot/snapshot';
import { freezeForTest } from '../testing/storage/snapshots';
import { AssessmentRepository } from './assessment-repository';
import { openCareDatabase } from './care-database';
import { loadDemoData } from './demo-data';
import { EvidenceRepository } from './evidence-repository';
import { loadQuestionnaire } from './questionnaire-catalog';
import { readSnapshotBundle, SnapshotRepository } from './snapshot-repository';

/**
 * Property (issue 18): whatever is done to the living assessment after a snapshot — answers changed or cleared,
 * proofs added, redated or removed, the assessment moved to a newer questionnaire version, other snapshots frozen and
 * deleted —, the snapshot reads back exactly as it was frozen, still matches its digest, and its proofs' bytes are
 * still there with the SHA-256 it recorded.
 */
const assessmentId = 'demo-chu-care-2026';
const itemIds = ['care.gov.01', 'care.gov.02', 'care.gov.03', 'care.cri.01', 'care.res.01', 'care.d2.16'];

type Operation =
  | { kind: 'answer'; item: number; value: 'yes' | 'partial' | 'no' | 'unknown'; comment: string }
  | { kind: 'add-proof'; item: number; text: string; date: string | undefined }
  | { kind: 'remove-proof'; which: number }
  | { kind: 'redate-proof'; which: number; date: string | undefined }
  | { kind: 'move-version' }
  | { kind: 'freeze-other' }
  | { kind: 'remove-other'; which: number };

const date = fc.option(
  fc.date({ min: new Date('2020-01-01'), max: new Date('2026-12-01'), noInvalidDate: true }).map((d) => {
    return d.toISOString().slice(0, 10);
  }),
  { nil: undefined },
);
const index = fc.nat({ max: 20 });

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constant('answer' as const),
    item: fc.nat({ max: itemIds.length - 1 }),
    value: fc.constantFrom('yes' as const, 'partial' as const, 'no' as const, 'unknown' as const),
    comment: fc.string({ maxLength: 20 }),
  }),
  fc.record({
    kind: fc.constant('add-proof' as const),
    item: fc.nat({ max: itemIds.length - 1 }),
    text: fc.string(),
    date,
  }),
  fc.record({ kind: fc.constant('remove-proof' as const), which: index }),
  fc.record({ kind: fc.constant('redate-proof' as const), which: index, date }),
  fc.constant({ kind: 'move-version' as const }),
  fc.constant({ kind: 'freeze-other' as const }),
  fc.record({ kind: fc.constant('remove-other' as const), which: index }),
);

describe('a snapshot', () => {
  it('is not changed by anything done to the living assessment', async () => {
    const older = await loadQuestionnaire('care', '2026.1');
    const newer = await loadQuestionnaire('care', '2026.2');
    const changes = compareItemVersions(older.questionnaire, newer.questionnaire);
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (operations) => {
        const db = await openCareDatabase(`property-${crypto.randomUUID()}`);
        await loadDemoData(db);
        const assessments = new AssessmentRepository(db);
        const evidence = new EvidenceRepository(db);
        const snapshots = new SnapshotRepository(db);
        const proofIds: string[] = [];
        const add = async (item: number, text: string, documentDate?: string) => {
          const row = await evidence.add({
            assessmentId,
            itemId: itemIds[item] ?? 'care.gov.01',
            name: `preuve-${proofIds.length}.txt`,
            type: 'text/plain',
            data: new TextEncoder().encode(text).buffer,
            ...(documentDate ? { documentDate } : {}),
          });
          proofIds.push(row.id);
        };
        await add(0, 'PSSI', '2025-01-10');
        await add(1, 'charte');
        const frozen = await freezeForTest(db, assessmentId);
        const others: string[] = [];
        let clock = Date.UTC(2026, 11, 5);

        for (const op of operations) {
          clock += 1000;
          switch (op.kind) {
            case 'answer':
              await assessments.saveAnswer(assessmentId, itemIds[op.item] ?? 'care.gov.01', {
                response: op.value === 'unknown' ? { kind: 'unknown' } : { kind: 'status', value: op.value },
                ...(op.comment ? { comment: op.comment } : {}),
                updatedAt: clock,
              });
              break;
            case 'add-proof':
              await add(op.item, op.text, op.date);
              break;
            case 'remove-proof': {
              const id = proofIds[op.which % proofIds.length];
              if (id) await evidence.remove(id);
              break;
            }
            case 'redate-proof': {
              const id = proofIds[op.which % proofIds.length];
              if (id && (await db.evidence.get(id))) await evidence.setDocumentDate(id, op.date);
              break;
            }
            case 'move-version':
              await assessments.moveToVersion(assessmentId, {
                fromVersion: '2026.1',
                questionnaireVersion: '2026.2',
                contentHash: newer.contentHash,
                changes,
              });
              break;
            case 'freeze-other':
              others.push((await freezeForTest(db, assessmentId, { frozenAt: clock })).id);
              break;
            case 'remove-other': {
              const id = others.splice(op.which % Math.max(1, others.length), 1)[0];
              if (id) await snapshots.remove(id);
              break;
            }
          }
        }

        const read = await snapshots.get(frozen.id);
        expect(read).toEqual(frozen);
        expect(read && (await snapshotIsIntact(read))).toBe(true);
        const bundle = await readSnapshotBundle(db, frozen.id, { withEvidenceBytes: true });
        const hashes = await Promise.all((bundle?.evidenceBytes ?? []).map((bytes) => sha256Hex(bytes)));
        expect(hashes).toEqual(frozen.evidence.map((e) => e.sha256));
        db.close();
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});
