import { describe, expect, it } from 'vitest';
import { AssessmentRepository } from '../assessment-repository';
import { filled } from '../../testing/storage/vault/lock-test-data';
import { LOCK_SWITCH_HOLD_KEY, switchHeldUntil } from './vault';

describe('the hold a lock switch puts on other tabs’ writes', () => {
  it('makes a write wait until the hold is released, then stores it', async () => {
    const ids = await filled();
    await ids.db.meta.put({ key: LOCK_SWITCH_HOLD_KEY, value: { until: Date.now() + 30_000 } });
    let stored = false;
    const write = new AssessmentRepository(ids.db)
      .saveAnswer(ids.assessment.id, 'care.gov.02', { comment: 'pendant la bascule', updatedAt: Date.now() })
      .then((outcome) => {
        stored = true;
        return outcome;
      });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stored).toBe(false);
    await ids.db.meta.delete(LOCK_SWITCH_HOLD_KEY);
    expect(await write).toBe('saved');
    const assessment = await new AssessmentRepository(ids.db).get(ids.assessment.id);
    expect(assessment?.answers['care.gov.02']?.comment).toBe('pendant la bascule');
    ids.db.close();
  });

  it('is a lease: an expired hold, left by a tab closed mid-switch, holds nothing', async () => {
    const ids = await filled();
    await ids.db.meta.put({ key: LOCK_SWITCH_HOLD_KEY, value: { until: Date.now() - 1 } });
    const outcome = await new AssessmentRepository(ids.db).saveAnswer(ids.assessment.id, 'care.gov.02', {
      comment: 'après un onglet fermé',
      updatedAt: Date.now(),
    });
    expect(outcome).toBe('saved');
    expect(switchHeldUntil({ until: 5 }, 10)).toBeUndefined();
    expect(switchHeldUntil({ until: 15 }, 10)).toBe(15);
    expect(switchHeldUntil('nonsense', 10)).toBeUndefined();
    ids.db.close();
  });
});
