// @vitest-environment node
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../domain/assessment/answer';
import { ActionRepository } from '../action-repository';
import { ApplicationRepository } from '../application-repository';
import { AssessmentRepository } from '../assessment-repository';
import { BudgetRepository } from '../budget-repository';
import { loadDemoData } from '../demo-data';
import { EvidenceRepository } from '../evidence-repository';
import { StorageError } from '../storage-error';
import { listSubmissions, storeSubmission } from '../submission-repository';
import { forEachSubmissionDocument } from '../use-repositories';
import {
  expectCode,
  expectNoSecret,
  filled,
  newPassphrase,
  passphrase,
  rawDump,
  rawPut,
  readAll,
  reopen,
  secrets,
  submission,
  textOf,
} from '../../testing/storage/vault/lock-test-data';
import { changePassphrase, turnLockOff, turnLockOn } from './lock-switch';
import { LOCK_META_KEY, LOCK_SWITCH_HOLD_KEY, vaultOf } from './vault';

/**
 * The passphrase lock on the real CareDatabase (fake-indexeddb): what is on disk while it is locked, read with plain
 * IndexedDB rather than through the repositories; what the repositories give back once unlocked; writes refused
 * while locked; the passphrase change that rewrites nothing; tabs that follow each other.
 */
describe('turning the lock on', () => {
  it('leaves none of the answers, comments, figures, details, evidence or submissions readable on disk', async () => {
    const ids = await filled();
    expect(textOf(await rawDump(ids.name))).toContain(secrets.comment);
    await turnLockOn(ids.db, passphrase);
    ids.db.close();

    const db = await reopen(ids.name);
    expect(vaultOf(db).status).toBe('locked');
    const dump = await rawDump(ids.name);
    expectNoSecret(dump);
    // What queries need stays in clear: ids, establishment, questionnaire, year, per-answer dates, FINESS.
    const [assessment] = dump.assessments as { establishmentId: string; campaignYear: number; answers: object }[];
    expect(assessment).toMatchObject({ establishmentId: ids.establishment.id, campaignYear: 2026 });
    expect(assessment?.answers).toMatchObject({ 'care.gov.01': { updatedAt: 10 } });
    expect(dump.submissions?.[0]).toMatchObject({ finess: '450000278', campaignYear: 2026 });
    expect(textOf(dump.establishments)).toContain('CH de Bourg');
    // The settings hold the iteration count and salt, never the passphrase.
    const lock = (dump.meta as { key: string; value: { kdf: { iterations: number } } }[]).find(
      (row) => row.key === LOCK_META_KEY,
    );
    expect(lock?.value.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(textOf(dump)).not.toContain('pommes vertes');
    db.close();
  });

  it('gives back exactly the data written before, once unlocked with the passphrase after a reload', async () => {
    const ids = await filled();
    const before = await readAll(ids.db, ids);
    expect(before.evidenceBytes).toBe(secrets.evidenceBytes);
    await turnLockOn(ids.db, passphrase);
    expect(await readAll(ids.db, ids)).toEqual(before);
    ids.db.close();

    const db = await reopen(ids.name);
    await expectCode(new AssessmentRepository(db).get(ids.assessment.id), 'locked');
    await vaultOf(db).unlock(passphrase);
    expect(vaultOf(db).status).toBe('unlocked');
    expect(await readAll(db, ids)).toEqual(before);
    const documents: unknown[] = [];
    await forEachSubmissionDocument(db, (document) => documents.push(document));
    expect(documents).toEqual([submission().envelope]);
    db.close();
  });

  it('refuses a wrong passphrase and stays locked', async () => {
    const ids = await filled();
    await turnLockOn(ids.db, passphrase);
    ids.db.close();
    const db = await reopen(ids.name);
    await expectCode(vaultOf(db).unlock('pas la bonne phrase du tout'), 'wrong-passphrase');
    expect(vaultOf(db).status).toBe('locked');
    await expectCode(new BudgetRepository(db).listByEstablishment(ids.establishment.id), 'locked');
    db.close();
  });

  it('refuses a passphrase under 12 characters and changes nothing', async () => {
    const ids = await filled();
    const before = await rawDump(ids.name);
    await expectCode(turnLockOn(ids.db, 'trop court'), 'passphrase-too-short');
    expect(vaultOf(ids.db).status).toBe('off');
    expect(await rawDump(ids.name)).toEqual(before);
    ids.db.close();
  });

  it('refuses stored settings of fewer than 600,000 iterations, even with the right passphrase', async () => {
    const ids = await filled();
    await turnLockOn(ids.db, passphrase);
    const lock = (await ids.db.meta.get(LOCK_META_KEY))?.value as { kdf: { iterations: number } };
    ids.db.close();
    await rawPut(ids.name, 'meta', { key: LOCK_META_KEY, value: { ...lock, kdf: { ...lock.kdf, iterations: 1000 } } });
    const db = await reopen(ids.name);
    await expectCode(vaultOf(db).unlock(passphrase), 'lock-settings-invalid');
    expect(vaultOf(db).status).toBe('locked');
    db.close();
  });
});

describe('while unlocked', () => {
  it('seals every kind of write, and the repositories read each one back', async () => {
    const ids = await filled();
    await turnLockOn(ids.db, passphrase);
    const db = ids.db;
    const later = {
      evidenceName: 'plan-de-reprise-Girafe.pdf',
      evidenceBytes: 'OCTETS-Girafe-0042',
      application: 'Messagerie-Wapiti',
      actionTitle: 'Former les équipes Narval',
      submissionComment: 'Fichier plus récent Axolotl',
    };
    const evidence = new EvidenceRepository(db);
    const added = await evidence.add({
      assessmentId: ids.assessment.id,
      itemId: 'care.gov.02',
      name: later.evidenceName,
      type: 'application/pdf',
      data: new TextEncoder().encode(later.evidenceBytes).buffer,
    });
    await evidence.setDocumentDate(added.id, '2026-04-01');
    await new ApplicationRepository(db).update(ids.application.id, {
      name: later.application,
      kind: 'mail',
      handlesHealthData: false,
      sharedOrExternal: true,
      remoteAccess: true,
      authentication: ['otp'],
      homologation: 'in-progress',
    });
    const actions = new ActionRepository(db);
    await actions.update(ids.action.id, { title: later.actionTitle, status: 'in-progress' });
    await actions.setStatus(ids.action.id, 'done');
    const budgets = new BudgetRepository(db);
    await budgets.addYear(ids.establishment.id, 2027);
    const newer = { ...submission(), digest: 'e'.repeat(64) };
    newer.envelope = {
      ...newer.envelope,
      exportedAt: '2026-11-01T10:00:00.000Z',
      answers: { 'care.gov.01': { comment: later.submissionComment } },
    } as typeof newer.envelope;
    expect((await storeSubmission(db, newer)).outcome).toBe('replaced-older');
    expect((await storeSubmission(db, submission())).outcome).toBe('kept-newer');

    const text = textOf(await rawDump(ids.name));
    for (const secret of Object.values(later)) expect(text, `found ${secret} on disk`).not.toContain(secret);
    expectNoSecret(await rawDump(ids.name));

    expect(await evidence.listForItem(ids.assessment.id, 'care.gov.02')).toEqual([
      expect.objectContaining({ name: later.evidenceName, documentDate: '2026-04-01' }),
    ]);
    expect(new TextDecoder().decode((await evidence.get(added.id))?.data)).toBe(later.evidenceBytes);
    expect((await new ApplicationRepository(db).get(ids.application.id))?.name).toBe(later.application);
    expect(await actions.get(ids.action.id)).toMatchObject({
      title: later.actionTitle,
      status: 'done',
      itemId: 'care.gov.01',
    });
    expect((await budgets.listByEstablishment(ids.establishment.id)).map((b) => b.year)).toEqual([2026, 2027]);
    const [stored] = await listSubmissions(db);
    expect(stored?.document).toEqual(newer.envelope);
    await evidence.remove(added.id);
    expect(await evidence.listForItem(ids.assessment.id, 'care.gov.02')).toEqual([]);
    db.close();
  });
});

describe('while locked', () => {
  it('refuses every write and leaves the data as it was', async () => {
    const ids = await filled();
    await turnLockOn(ids.db, passphrase);
    ids.db.close();
    const db = await reopen(ids.name);
    const before = await rawDump(ids.name);
    const answer: Answer = { response: { kind: 'status', value: 'yes' }, comment: 'en clair', updatedAt: 99 };
    await expectCode(new AssessmentRepository(db).saveAnswer(ids.assessment.id, 'care.gov.01', answer), 'locked');
    await expectCode(
      new BudgetRepository(db).saveInputs(ids.establishment.id, 2026, { itOperatingCharges: 1 }, 99),
      'locked',
    );
    await expectCode(new ActionRepository(db).setStatus(ids.action.id, 'done'), 'locked');
    await expectCode(new ApplicationRepository(db).remove(ids.application.id), 'locked');
    await expectCode(
      new EvidenceRepository(db).add({
        assessmentId: ids.assessment.id,
        itemId: 'x',
        name: 'a',
        type: '',
        data: new ArrayBuffer(1),
      }),
      'locked',
    );
    await expectCode(storeSubmission(db, submission()), 'locked');
    await expectCode(loadDemoData(db), 'locked');
    expect(await rawDump(ids.name)).toEqual(before);
    db.close();
  });

  it('is what « lock now » leads to: the key is forgotten, in this tab and the others', async () => {
    const ids = await filled();
    await turnLockOn(ids.db, passphrase);
    const otherTab = await reopen(ids.name);
    await vaultOf(otherTab).unlock(passphrase);
    vaultOf(ids.db).lock();
    expect(vaultOf(ids.db).status).toBe('locked');
    await expectCode(new AssessmentRepository(ids.db).get(ids.assessment.id), 'locked');
    await expect.poll(() => vaultOf(otherTab).status).toBe('locked');
    ids.db.close();
    otherTab.close();
  });
});

describe('changing the passphrase', () => {
  it('re-wraps the key only: every sealed record stays identical, byte for byte', async () => {
    const ids = await filled();
    await turnLockOn(ids.db, passphrase, 1000);
    const before = await rawDump(ids.name);
    await changePassphrase(ids.db, passphrase, newPassphrase, 2000);
    const after = await rawDump(ids.name);
    const { meta: metaBefore, ...dataBefore } = before;
    const { meta: metaAfter, ...dataAfter } = after;
    expect(dataAfter).toEqual(dataBefore);
    expect(textOf(dataAfter)).toBe(textOf(dataBefore));
    expect(metaAfter).not.toEqual(metaBefore);
    ids.db.close();

    const db = await reopen(ids.name);
    await expectCode(vaultOf(db).unlock(passphrase), 'wrong-passphrase');
    await vaultOf(db).unlock(newPassphrase);
    expect((await new AssessmentRepository(db).get(ids.assessment.id))?.answers['care.gov.01']?.comment).toBe(
      secrets.comment,
    );
    db.close();
  });

  it('refuses a wrong old passphrase and changes nothing', async () => {
    const ids = await filled();
    await turnLockOn(ids.db, passphrase);
    const before = await rawDump(ids.name);
    await expectCode(changePassphrase(ids.db, 'une phrase qui est fausse', newPassphrase), 'wrong-passphrase');
    expect(await rawDump(ids.name)).toEqual(before);
    ids.db.close();
  });
});

describe('turning the lock off', () => {
  it('asks for the passphrase and puts every record back in clear as it was', async () => {
    const ids = await filled();
    const clear = await rawDump(ids.name);
    await turnLockOn(ids.db, passphrase);
    await expectCode(turnLockOff(ids.db, 'une phrase qui est fausse'), 'wrong-passphrase');
    expect(vaultOf(ids.db).status).toBe('unlocked');
    await turnLockOff(ids.db, passphrase);
    expect(vaultOf(ids.db).status).toBe('off');
    const dump = await rawDump(ids.name);
    const { meta: _metaClear, ...dataClear } = clear;
    const { meta, ...data } = dump;
    expect(data).toEqual(dataClear);
    expect((meta as { key: string }[]).map((row) => row.key)).not.toContain(LOCK_META_KEY);
    ids.db.close();
  });
});

describe('sealed records', () => {
  it('cannot be moved: a sealed box copied onto another record or another answer fails to open', async () => {
    const ids = await filled();
    const budgets = new BudgetRepository(ids.db);
    await budgets.saveInputs(ids.establishment.id, 2025, { itOperatingCharges: 5 }, 30);
    await turnLockOn(ids.db, passphrase);
    const [first, second] = (await rawDump(ids.name)).budgets as { id: string; sealed: unknown }[];
    await rawPut(ids.name, 'budgets', { ...second, sealed: first?.sealed });
    await expectCode(budgets.listByEstablishment(ids.establishment.id), 'sealed-data-unreadable');

    const [assessment] = (await rawDump(ids.name)).assessments as { answers: Record<string, unknown> }[];
    const answers = assessment?.answers ?? {};
    await rawPut(ids.name, 'assessments', {
      ...assessment,
      answers: { ...answers, 'care.gov.02': answers['care.gov.01'] },
    });
    await expectCode(new AssessmentRepository(ids.db).get(ids.assessment.id), 'sealed-data-unreadable');
    ids.db.close();
  });

  it('keep the per-answer merge: an older answer never overwrites a newer one, from another tab either', async () => {
    const ids = await filled();
    await turnLockOn(ids.db, passphrase);
    const otherTab = await reopen(ids.name);
    await vaultOf(otherTab).unlock(passphrase);
    const here = new AssessmentRepository(ids.db);
    const there = new AssessmentRepository(otherTab);
    expect(
      await here.saveAnswer(ids.assessment.id, 'care.gov.01', {
        response: { kind: 'status', value: 'yes' },
        updatedAt: 50,
      }),
    ).toBe('saved');
    expect(
      await there.saveAnswer(ids.assessment.id, 'care.gov.01', {
        response: { kind: 'status', value: 'partial' },
        updatedAt: 40,
      }),
    ).toBe('kept-newer');
    expect(await there.saveAnswer(ids.assessment.id, 'care.gov.04', { comment: 'autre onglet', updatedAt: 41 })).toBe(
      'saved',
    );
    const answers = (await here.get(ids.assessment.id))?.answers;
    expect(answers?.['care.gov.01']).toEqual({ response: { kind: 'status', value: 'yes' }, updatedAt: 50 });
    expect(answers?.['care.gov.04']).toEqual({ comment: 'autre onglet', updatedAt: 41 });
    expectNoSecret(await rawDump(ids.name));
    expect(textOf(await rawDump(ids.name))).not.toContain('autre onglet');
    ids.db.close();
    otherTab.close();
  });
});

describe('tabs', () => {
  it('a tab that still thinks the lock is off never writes clear data once another tab turned it on', async () => {
    const ids = await filled();
    const otherTab = await reopen(ids.name);
    expect(vaultOf(otherTab).status).toBe('off');
    await turnLockOn(ids.db, passphrase);
    // Whether or not the other tab has heard of it yet, its write is refused rather than stored in clear.
    await expectCode(
      new AssessmentRepository(otherTab).saveAnswer(ids.assessment.id, 'care.gov.09', {
        comment: 'écrit en clair par erreur',
        updatedAt: 77,
      }),
      'locked',
    );
    expect(vaultOf(otherTab).status).toBe('locked');
    expect(textOf(await rawDump(ids.name))).not.toContain('écrit en clair');
    ids.db.close();
    otherTab.close();
  });

  it('writes from another tab during the switch end up all sealed, never a mix', async () => {
    const ids = await filled();
    const otherTab = await reopen(ids.name);
    const there = new AssessmentRepository(otherTab);
    const control = { stop: false };
    // A user typing in the other tab: a save every few milliseconds (far more often than the screens' debounce).
    const writes = (async () => {
      const outcomes: string[] = [];
      for (let i = 0; !control.stop && i < 400; i++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        outcomes.push(
          await there
            .saveAnswer(ids.assessment.id, `care.w.${i}`, { comment: `concurrent ${i}`, updatedAt: 100 + i })
            .catch((e: unknown) => (e instanceof StorageError ? e.code : 'other')),
        );
      }
      return outcomes;
    })();
    await turnLockOn(ids.db, passphrase);
    control.stop = true;
    const outcomes = await writes;
    expect(outcomes.every((o) => o === 'saved' || o === 'locked')).toBe(true);
    const [assessment] = (await rawDump(ids.name)).assessments as { answers: Record<string, object> }[];
    const clearAnswers = Object.entries(assessment?.answers ?? {}).filter(([, a]) => !('sealed' in a));
    expect(clearAnswers).toEqual([]);
    const saved = outcomes.filter((o) => o === 'saved').length;
    expect(saved).toBeGreaterThan(0);
    const stored = await new AssessmentRepository(ids.db).get(ids.assessment.id);
    expect(Object.keys(stored?.answers ?? {}).filter((k) => k.startsWith('care.w.'))).toHaveLength(saved);
    // The writes were held for the switch's last rounds, and the hold is released with it.
    const meta = (await rawDump(ids.name)).meta as { key: string }[];
    expect(meta.map((row) => row.key)).not.toContain(LOCK_SWITCH_HOLD_KEY);
    ids.db.close();
    otherTab.close();
  });
});

describe('live queries', () => {
  it('re-run after a decryption when what they read changes', async () => {
    const ids = await filled();
    await turnLockOn(ids.db, passphrase);
    const assessments = new AssessmentRepository(ids.db);
    const budgets = new BudgetRepository(ids.db);
    const seen: (number | undefined)[] = [];
    // The querier decrypts an assessment, then reads the budgets: both reads must be observed.
    const subscription = liveQuery(async () => {
      const assessment = await assessments.get(ids.assessment.id);
      const records = await budgets.listByEstablishment(assessment?.establishmentId ?? '');
      return records[0]?.inputs.itOperatingCharges;
    }).subscribe((value) => seen.push(value));
    await expect.poll(() => seen).toEqual([secrets.figure]);
    await budgets.saveInputs(ids.establishment.id, 2026, { itOperatingCharges: 1234 }, 60);
    await expect.poll(() => seen).toEqual([secrets.figure, 1234]);
    await assessments.saveAnswer(ids.assessment.id, 'care.gov.05', { comment: 'x', updatedAt: 61 });
    await expect.poll(() => seen.length).toBe(3);
    subscription.unsubscribe();
    ids.db.close();
  });
});
