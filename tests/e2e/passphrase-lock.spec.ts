import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { loadDemo, saved } from './helpers';

/**
 * The optional passphrase lock (issue 9), as an RSSI on a shared laptop uses it: real PBKDF2 (600,000 iterations)
 * and AES-GCM in Chromium, the data read back raw from IndexedDB to check what a person with the browser profile
 * could read while it is locked.
 */
const comment = 'Coffre-fort Pélican sans sauvegarde hors ligne';
const evidenceName = 'audit-Ouistiti-2026.pdf';
const evidenceBytes = 'PDF-Ouistiti-octets-secrets-7391';
const workstations = '8642317';
const first = 'sept chouettes sur le toit';
const second = 'un hibou dans la grange';

/** Every store of the database, read with plain IndexedDB; bytes as Latin-1 text, so that anything can be searched. */
async function rawText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const text = (value: unknown): unknown => {
          if (value instanceof ArrayBuffer) {
            const bytes = new Uint8Array(value);
            let out = '';
            for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            return out;
          }
          if (Array.isArray(value)) return value.map(text);
          if (value !== null && typeof value === 'object')
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, text(v)]));
          return value;
        };
        const open = indexedDB.open('care-autodiag');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const stores = [...db.objectStoreNames];
          const tx = db.transaction(stores, 'readonly');
          const out: Record<string, unknown> = {};
          for (const name of stores) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (out[name] = text(request.result));
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
        };
      }),
  );
}

function expectSecrets(text: string, present: boolean) {
  for (const secret of [comment, evidenceName, evidenceBytes, workstations]) {
    if (present) expect(text, secret).toContain(secret);
    else expect(text, `${secret} readable on disk`).not.toContain(secret);
  }
}

async function unlock(page: Page, passphrase: string) {
  await page.getByLabel('Phrase secrète').fill(passphrase);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
}

/**
 * Goes to a screen without reloading the page (as following a link does): a reload forgets the key, by design, and
 * brings the lock screen back.
 */
async function goWithinApp(page: Page, path: string) {
  await page.evaluate((to) => {
    history.pushState({}, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

const lockScreen = (page: Page) => page.getByRole('heading', { level: 1, name: 'Données verrouillées' });

test('the passphrase lock seals the data, asks for the passphrase, changes it and turns off', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await loadDemo(page);

  // An answer with a comment, an evidence file and a budget figure, each distinctive.
  await page.goto('/assessments/demo-ch-care-2026');
  const item = page.locator('article[data-item-id="care.gov.01"]');
  await item.getByLabel('Commentaire').fill(comment);
  await expect(saved(page)).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await item.getByRole('button', { name: 'Joindre des fichiers' }).click();
  await (
    await chooser
  ).setFiles({ name: evidenceName, mimeType: 'application/pdf', buffer: Buffer.from(evidenceBytes) });
  await expect(item.locator('.evidence__name')).toContainText(evidenceName);
  await page.goto('/establishments/demo-ch/budget/2026');
  await page.getByLabel('Postes de travail').fill(workstations);
  await expect(saved(page)).toBeVisible();
  await page.waitForTimeout(600);
  // The control: without the lock, all of it is readable on disk.
  expectSecrets(await rawText(page), true);

  // Turn the lock on, by keyboard, after the warning.
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Verrouillage par phrase secrète' });
  await expect(section.getByTestId('lock-status')).toContainText('Désactivé');
  await expect(section).toContainText('une phrase secrète oubliée ne peut pas être retrouvée');
  await section.getByLabel('Phrase secrète', { exact: true }).fill('trop court');
  await section.getByLabel('Confirmez la phrase secrète').fill('trop court');
  await page.keyboard.press('Enter');
  await expect(section.getByLabel('Phrase secrète', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(section).toContainText('au moins 12 caractères');
  await section.getByLabel('Phrase secrète', { exact: true }).fill(first);
  await section.getByLabel('Confirmez la phrase secrète').fill(first);
  await page.keyboard.press('Enter');
  await expect(section.getByTestId('lock-status')).toContainText('Activé');
  await expect(page.getByRole('status').filter({ hasText: 'Verrouillage activé' })).toBeVisible();
  await expectAccessible(page);

  // Reload: the lock screen, before any screen that shows data; nothing readable on disk.
  await page.reload();
  await expect(lockScreen(page)).toBeVisible();
  await expect(page.getByLabel('Phrase secrète')).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toHaveCount(0);
  await expectAccessible(page);
  const locked = await rawText(page);
  expectSecrets(locked, false);
  expect(locked).not.toContain(first);
  expect(locked).toContain('Centre hospitalier de Montargis-les-Bois');

  // A wrong passphrase is refused, with its message tied to the field.
  await unlock(page, 'ce n’est pas la bonne phrase');
  const field = page.getByLabel('Phrase secrète');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Phrase secrète incorrecte/);
  await expect(lockScreen(page)).toBeVisible();

  // The right one shows the data.
  const started = Date.now();
  await unlock(page, first);
  await expect(lockScreen(page)).toHaveCount(0);
  test
    .info()
    .annotations.push({ type: 'unlock (PBKDF2 600,000 + unwrap), ms', description: String(Date.now() - started) });
  await goWithinApp(page, '/assessments/demo-ch-care-2026');
  await expect(page.locator('article[data-item-id="care.gov.01"]').getByLabel('Commentaire')).toHaveValue(comment);
  await expect(page.locator('article[data-item-id="care.gov.01"] .evidence__name')).toContainText(evidenceName);
  await goWithinApp(page, '/establishments/demo-ch/budget/2026');
  await expect(page.getByLabel('Postes de travail')).toHaveValue(/8\s?642\s?317/);

  // Writes go on while unlocked, and land sealed.
  await page.getByLabel('Lits et places').fill('421');
  await expect(saved(page)).toBeVisible();
  await page.waitForTimeout(600);
  expectSecrets(await rawText(page), false);

  // « Verrouiller maintenant » locks this tab and the others.
  const other = await context.newPage();
  await other.goto('/');
  await unlock(other, first);
  await expect(other.getByRole('link', { name: 'Centre hospitalier de Montargis-les-Bois' })).toBeVisible();
  await page.getByRole('button', { name: 'Verrouiller maintenant' }).click();
  await expect(lockScreen(page)).toBeVisible();
  await expect(lockScreen(other)).toBeVisible();
  await other.close();
  await unlock(page, first);

  // Change the passphrase: after a reload the old one is refused and the new one opens the data.
  await goWithinApp(page, '/settings');
  const change = page.getByRole('form', { name: 'Changer la phrase secrète' });
  await change.getByLabel('Phrase secrète actuelle').fill(first);
  await change.getByLabel('Nouvelle phrase secrète', { exact: true }).fill(second);
  await change.getByLabel('Confirmez la nouvelle phrase secrète').fill(second);
  await change.getByRole('button', { name: 'Changer la phrase secrète' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Phrase secrète changée' })).toBeVisible();
  await page.reload();
  await expect(lockScreen(page)).toBeVisible();
  await unlock(page, first);
  await expect(page.getByLabel('Phrase secrète')).toHaveAccessibleDescription(/Phrase secrète incorrecte/);
  await unlock(page, second);
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();

  // Turn the lock off: the data is back in clear, and no passphrase is asked any more.
  const disable = page.getByRole('form', { name: 'Désactiver le verrouillage' });
  await disable.getByLabel('Phrase secrète actuelle').fill(second);
  await disable.getByRole('button', { name: 'Désactiver le verrouillage' }).click();
  await expect(page.getByTestId('lock-status')).toContainText('Désactivé');
  expectSecrets(await rawText(page), true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
  await page.goto('/assessments/demo-ch-care-2026');
  await expect(page.locator('article[data-item-id="care.gov.01"]').getByLabel('Commentaire')).toHaveValue(comment);
});
