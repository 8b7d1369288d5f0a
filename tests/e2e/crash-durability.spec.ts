import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import fc from 'fast-check';
import { largestAnswerNumber } from '../../src/domain/assessment/answer-range';
import { expectContextClean, waitForServiceWorker, watchContext } from './fixtures';
import { killAllChromiums, startKillableChromium } from './killable-chromium';

/**
 * Crash durability (issue 9): Chromium is killed with SIGKILL, browser and renderer and storage processes at once,
 * at random moments while answers are being saved, {@link ROUNDS} times; after each restart with the same profile
 * the assessment opens and every answer the header had confirmed as « Enregistré » is there, with its value.
 *
 * Bookkeeping: edits are made one at a time. Before an edit the header's saved count is read; the edit is credited
 * only when, in one reading of the header, the state is "saved" AND the count has grown. "saved" means that no key
 * is waiting (src/components/save-status.tsx: a newer change of a key supersedes the outcome of an older one), and
 * the edit's change was registered before any of its writes could end, so that reading cannot be a "saved" left
 * over from an earlier write. The one edit in flight when the browser dies may or may not be there after the
 * restart, but whole: the item shows either its last confirmed state or the new one, never a mix, and every other
 * answer is intact.
 *
 * The plan (items, values, comments, when to kill) is drawn by fast-check from a seed printed at the start; run
 * again with CRASH_SEED=<seed> to replay it.
 */

const ROUNDS = 22;

const care = JSON.parse(readFileSync('questionnaires/care/2026.2.json', 'utf8')) as {
  items: {
    id: string;
    domain: string;
    answerType: 'status' | 'number' | 'percent' | 'date' | 'choice';
    unit?: 'count' | 'percent' | 'days' | 'level';
    appliesTo: string[];
  }[];
};
const DOMAIN = 'exposure-directories';
const items = care.items.filter((i) => i.domain === DOMAIN && i.appliesTo.includes('ES'));

/** What an item shows: the checked radio, the value field, the comment. */
interface ItemState {
  choice: string;
  value: string;
  comment: string;
}
const EMPTY: ItemState = { choice: '', value: '', comment: '' };

const statusLabels = { yes: 'Oui', partial: 'Partiellement', no: 'Non', unknown: 'Je ne sais pas' } as const;
type Choice = keyof typeof statusLabels;

type Edit =
  | { item: number; kind: 'choice'; choice: Choice }
  | { item: number; kind: 'number'; number: number }
  | { item: number; kind: 'date'; date: string }
  | { item: number; kind: 'comment'; comment: string };

type Kill = { mode: 'timer'; afterMs: number } | { mode: 'mid-write'; afterEdit: number; delayMs: number };

interface Round {
  edits: Edit[];
  kill: Kill;
}

const words = ['revue', 'annuelle', 'contrôle', 'à', 'faire', 'équipe', 'délégué', 'prévue', 'sauvegarde', 'été'];
const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    item: fc.nat(),
    kind: fc.constant('choice' as const),
    choice: fc.constantFrom<Choice>('yes', 'partial', 'no', 'unknown'),
  }),
  fc.record({ item: fc.nat(), kind: fc.constant('number' as const), number: fc.integer({ min: 0, max: 9999 }) }),
  fc.record({
    item: fc.nat(),
    kind: fc.constant('date' as const),
    date: fc.constantFrom('2025-01-31', '2025-06-30', '2026-02-15', '2026-03-01'),
  }),
  fc.record({
    item: fc.nat(),
    kind: fc.constant('comment' as const),
    comment: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
  }),
);
const roundArbitrary: fc.Arbitrary<Round> = fc.record({
  edits: fc.array(editArbitrary, { minLength: 40, maxLength: 40 }),
  kill: fc.oneof(
    fc.record({ mode: fc.constant('timer' as const), afterMs: fc.integer({ min: 30, max: 2500 }) }),
    fc.record({
      mode: fc.constant('mid-write' as const),
      afterEdit: fc.integer({ min: 0, max: 8 }),
      delayMs: fc.integer({ min: 0, max: 15 }),
    }),
  ),
});

/** Fits an edit to the item it lands on: numbers and dates go to items that take them, choices to the others. */
function targetOf(edit: Edit): { item: (typeof items)[number]; edit: Edit } {
  const item = items[edit.item % items.length]!;
  const measured = item.answerType === 'number' || item.answerType === 'date';
  if (edit.kind === 'comment') return { item, edit };
  if (item.answerType === 'number' && edit.kind === 'date')
    return { item, edit: { ...edit, kind: 'number', number: 7 % (largestAnswerNumber(item) + 1) } };
  if (item.answerType === 'date' && edit.kind === 'number')
    return { item, edit: { ...edit, kind: 'date', date: '2026-01-15' } };
  if (!measured && edit.kind !== 'choice')
    return { item, edit: { item: edit.item, kind: 'choice', choice: 'partial' } };
  // A measured item takes "Je ne sais pas" as its only choice.
  if (measured && edit.kind === 'choice') return { item, edit: { ...edit, choice: 'unknown' } };
  // A number within the item's range: the answering screen refuses, and never stores, a level above 5 or a count
  // above a billion (src/domain/assessment/answer-range.ts).
  if (edit.kind === 'number') return { item, edit: { ...edit, number: edit.number % (largestAnswerNumber(item) + 1) } };
  return { item, edit };
}

function stateAfter(previous: ItemState, edit: Edit): ItemState {
  switch (edit.kind) {
    case 'choice':
      return { ...previous, choice: edit.choice, value: '' };
    case 'number':
      return { ...previous, choice: '', value: String(edit.number) };
    case 'date':
      return { ...previous, choice: '', value: edit.date };
    case 'comment':
      return { ...previous, comment: edit.comment };
  }
}

function sameState(a: ItemState, b: ItemState): boolean {
  return a.choice === b.choice && a.value === b.value && a.comment === b.comment;
}

async function perform(page: Page, itemId: string, edit: Edit): Promise<void> {
  const article = page.locator(`article[data-item-id="${itemId}"]`);
  switch (edit.kind) {
    case 'choice':
      await article.getByRole('radio', { name: statusLabels[edit.choice], exact: true }).check();
      return;
    case 'date':
      await article.getByLabel('Date', { exact: true }).fill(edit.date);
      return;
    case 'number':
    case 'comment': {
      // Typed key by key, then Tab: the field writes once typing pauses or when it loses the focus.
      const field = edit.kind === 'number' ? article.getByLabel('Valeur') : article.getByLabel('Commentaire');
      await field.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(edit.kind === 'number' ? String(edit.number) : edit.comment);
      await page.keyboard.press('Tab');
      return;
    }
  }
}

/** The header's indicator, read in one go so that its state and its count come from the same render. */
function readIndicator(page: Page): Promise<{ state: string; count: number }> {
  return page.evaluate(() => {
    const element = document.querySelector('[data-save-state]');
    return {
      state: element?.getAttribute('data-save-state') ?? '',
      count: Number(element?.getAttribute('data-saved-count') ?? 0),
    };
  });
}

async function waitUntilConfirmed(page: Page, countBefore: number): Promise<void> {
  await page.waitForFunction(
    (before) => {
      const element = document.querySelector('[data-save-state]');
      const state = element?.getAttribute('data-save-state');
      if (state === 'failed') throw new Error(`write failed: ${element?.textContent ?? ''}`);
      return state === 'saved' && Number(element?.getAttribute('data-saved-count')) > before;
    },
    countBefore,
    { polling: 5, timeout: 10_000 },
  );
}

/** Every item of the domain as the answering screen shows it after loading the stored assessment. */
function readItems(page: Page): Promise<Record<string, ItemState>> {
  return page.evaluate(() => {
    const out: Record<string, { choice: string; value: string; comment: string }> = {};
    for (const article of Array.from(document.querySelectorAll('article[data-item-id]'))) {
      out[article.getAttribute('data-item-id') ?? ''] = {
        choice: article.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value ?? '',
        value: article.querySelector<HTMLInputElement>('.item__value input')?.value ?? '',
        comment: article.querySelector<HTMLTextAreaElement>('textarea[id$="-comment"]')?.value ?? '',
      };
    }
    return out;
  });
}

/** The answering screen shows every item of the domain; when it does not, the failure says what it shows instead. */
async function expectAssessmentOpen(page: Page): Promise<void> {
  try {
    await expect(page.locator('article[data-item-id]')).toHaveCount(items.length, { timeout: 15_000 });
  } catch (error) {
    const text = await page
      .locator('body')
      .innerText()
      .catch(() => '(page unreadable)');
    const stored = await page
      .evaluate(async () => {
        const names = await indexedDB.databases();
        const counts = await new Promise<Record<string, number>>((resolve, reject) => {
          const request = indexedDB.open('care-autodiag');
          request.onerror = () => reject(new Error(String(request.error)));
          request.onsuccess = () => {
            const db = request.result;
            const out: Record<string, number> = {};
            const stores = Array.from(db.objectStoreNames);
            const tx = db.transaction(stores, 'readonly');
            for (const name of stores) {
              const count = tx.objectStore(name).count();
              count.onsuccess = () => (out[name] = count.result);
            }
            tx.oncomplete = () => {
              db.close();
              resolve(out);
            };
          };
        });
        return JSON.stringify({ names, counts });
      })
      .catch((e: unknown) => String(e));
    throw new Error(`${(error as Error).message}\nThe page shows:\n${text.slice(0, 2000)}\nStored: ${stored}`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.afterEach(killAllChromiums);

test('answers confirmed as saved survive SIGKILL of Chromium at random moments, 22 times', async ({ baseURL }) => {
  // 22 restarts of Chromium take two minutes alone, and up to twice that beside another spec file (two workers).
  test.setTimeout(360_000);
  const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`crash-durability seed: ${seed} (replay with CRASH_SEED=${seed})`);
  test.info().annotations.push({ type: 'seed', description: String(seed) });
  const [plan] = fc.sample(fc.array(roundArbitrary, { minLength: ROUNDS, maxLength: ROUNDS }), { seed, numRuns: 1 });
  if (!plan) throw new Error('no plan drawn');

  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  // Outside test-results/: another Playwright run in the same folder empties it when it starts.
  const profile = mkdtempSync(join(tmpdir(), 'care-crash-profile-'));
  const open = async () => {
    const session = await startKillableChromium(profile);
    const watched = watchContext(session.context, origin);
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    // A database found empty at start-up is created again by the app: this records it, with Chromium's reason.
    const upgrades: string[] = [];
    await session.context.addInitScript(() => {
      const open = indexedDB.open.bind(indexedDB);
      indexedDB.open = (name: string, version?: number) => {
        const request = open(name, version);
        request.addEventListener('upgradeneeded', (event) => {
          const e = event as IDBVersionChangeEvent & { dataLoss?: string; dataLossMessage?: string };
          console.info(
            `indexeddb-upgrade ${name} ${e.oldVersion}→${e.newVersion} ${e.dataLoss ?? ''} ${e.dataLossMessage ?? ''}`,
          );
        });
        return request;
      };
    });
    session.context.on('console', (message) => {
      if (message.text().startsWith('indexeddb-upgrade')) upgrades.push(message.text());
    });
    return { session, page, watched, upgrades };
  };

  const confirmed: Record<string, ItemState> = {};
  const stats = { confirmedWrites: 0, killedWithWriteInFlight: 0, pendingLanded: 0, pendingLost: 0 };
  // The establishment and its CaRE assessment, then the domain that has choices, numbers and a date.
  let current = await open();
  await current.page.goto(`${origin}/establishments/new`);
  await current.page.getByLabel('Nom de l’établissement').fill('Centre hospitalier de Briare-sur-Loing');
  await current.page.getByLabel('Numéro FINESS juridique (EJ)').fill('450000088');
  await current.page.getByLabel('Catégorie').selectOption('ch');
  await current.page.getByRole('button', { name: 'Créer l’établissement' }).click();
  await current.page.getByRole('button', { name: 'Commencer' }).click();
  await expect(current.page.locator('article[data-item-id]').first()).toBeVisible();
  const assessmentId = /\/assessments\/([^/]+)/.exec(current.page.url())?.[1];
  expect(assessmentId).toBeTruthy();
  const domainUrl = `${origin}/assessments/${assessmentId}/${DOMAIN}`;
  await current.page.goto(domainUrl);
  await expect(current.page.locator('article[data-item-id]')).toHaveCount(items.length);
  await waitForServiceWorker(current.page);

  for (const [index, round] of plan.entries()) {
    const { page, watched } = current;
    // An object, not a boolean: the timer's callback sets it while the loop awaits.
    const killed = { value: false };
    const kill = async () => {
      killed.value = true;
      await current.session.kill();
    };
    const timer = round.kill.mode === 'timer' ? setTimeout(() => void kill(), round.kill.afterMs) : undefined;
    let pending: { itemId: string; state: ItemState } | undefined;
    try {
      let performed = 0;
      for (const drawn of round.edits) {
        if (killed.value) break;
        const { item, edit } = targetOf(drawn);
        const previous = confirmed[item.id] ?? EMPTY;
        const next = stateAfter(previous, edit);
        // The radio already checked, the same date or number: the field does not change, nothing is written.
        if (sameState(previous, next)) continue;
        const before = await readIndicator(page);
        expect(before.state, 'the header before an edit').not.toBe('saving');
        pending = { itemId: item.id, state: next };
        await perform(page, item.id, edit);
        performed += 1;
        if (round.kill.mode === 'mid-write' && performed > round.kill.afterEdit) {
          await sleep(round.kill.delayMs);
          await kill();
          break;
        }
        await waitUntilConfirmed(page, before.count).catch(async (error: unknown) => {
          const now = await readIndicator(page);
          const shown = (await readItems(page))[item.id];
          throw new Error(
            `${(error as Error).message}: ${JSON.stringify(edit)} on ${item.id}, header ${JSON.stringify(now)} ` +
              `(before: ${JSON.stringify(before)}), item shows ${JSON.stringify(shown)}, expected ${JSON.stringify(next)}`,
          );
        });
        confirmed[item.id] = pending.state;
        pending = undefined;
        stats.confirmedWrites += 1;
      }
      if (!killed.value) await kill(); // every edit was confirmed before the timer: a kill between two writes
    } catch (error) {
      // After the kill, the calls in progress fail with "target closed": only those are expected.
      if (!killed.value) throw error;
    } finally {
      clearTimeout(timer);
    }
    await current.session.kill();
    expectContextClean(watched);
    if (pending) stats.killedWithWriteInFlight += 1;
    console.log(
      `kill ${index + 1}/${ROUNDS}: ${round.kill.mode === 'timer' ? `after ${round.kill.afterMs} ms` : `during edit ${round.kill.afterEdit + 1}`}` +
        `, ${stats.confirmedWrites} writes confirmed so far${pending ? `, one in flight (${pending.itemId})` : ''}`,
    );

    // Restart on the same profile: the assessment opens and shows every confirmed answer.
    current = await open();
    await current.page.goto(domainUrl);
    await expectAssessmentOpen(current.page);
    expect(current.upgrades, `the database was found empty after kill ${index + 1}`).toEqual([]);
    const shown = await readItems(current.page);
    for (const item of items) {
      const expected = confirmed[item.id] ?? EMPTY;
      const actual = shown[item.id];
      if (pending?.itemId === item.id) {
        // The edit in flight: its old state or its new one, whole.
        expect([expected, pending.state], `${item.id} after kill ${index + 1} (seed ${seed})`).toContainEqual(actual);
        if (actual && sameState(actual, pending.state)) stats.pendingLanded += 1;
        else stats.pendingLost += 1;
        confirmed[item.id] = actual ?? EMPTY;
      } else {
        expect(actual, `${item.id} after kill ${index + 1} (seed ${seed})`).toEqual(expected);
      }
    }
    await expect(current.page.locator('[data-save-state="failed"]')).toHaveCount(0);
  }
  await current.session.kill();
  expectContextClean(current.watched);
  console.log(
    `crash-durability: ${ROUNDS} kills, ${stats.confirmedWrites} confirmed writes all found; ` +
      `${stats.killedWithWriteInFlight} kills before the last edit was confirmed ` +
      `(${stats.pendingLanded} landed whole, ${stats.pendingLost} not written)`,
  );
  expect(stats.confirmedWrites).toBeGreaterThan(ROUNDS);
  rmSync(profile, { recursive: true, force: true }); // kept when the test fails, to look into
});
