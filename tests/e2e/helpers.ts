import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Creates an establishment through the form and returns on its page. */
export async function createEstablishment(page: Page, name: string, finess: string, category = 'ch'): Promise<void> {
  await page.goto('/establishments/new');
  await page.getByLabel('Nom de l’établissement').fill(name);
  await page.getByLabel('Numéro FINESS juridique (EJ)').fill(finess);
  await page.getByLabel('Catégorie').selectOption(category);
  await page.getByRole('button', { name: 'Créer l’établissement' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Loads the demo data from the settings page. */
export async function loadDemo(page: Page): Promise<void> {
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(page.getByText(/données de démonstration ont été chargées/)).toBeVisible();
}

export const saved = (page: Page) => page.locator('[data-save-state="saved"]');

/** Every record of every data table, evidence bytes as arrays: what "identical data" means for a round trip. */
export async function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('care-autodiag');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const stores = [
            'establishments',
            'assessments',
            'budgets',
            'applications',
            'actions',
            'evidence',
            'evidenceFiles',
          ];
          const tx = db.transaction(stores, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of stores) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => {
              out[name] = (request.result as Record<string, unknown>[])
                .map((row) =>
                  row.data instanceof ArrayBuffer ? { ...row, data: Array.from(new Uint8Array(row.data)) } : row,
                )
                .sort((a, b) => String(a.id).localeCompare(String(b.id)));
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
  );
}

export async function deleteDatabase(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('care-autodiag');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(new Error(String(request.error)));
      }),
  );
}

/** The parts of an export file's envelope the browser tests look at. */
export interface GeneratedEnvelope {
  establishment: { finessEj: string; finessEg?: string; category: string };
  content: { questionnaire: { id: string }; campaignYear: number };
  integrity: { digest: string };
}

export interface GeneratedExport {
  path: string;
  name: string;
  envelope: GeneratedEnvelope;
}

/** Writes `count` signed export files with the project's generator (scripts/generate-exports.ts) and reads them back. */
export function generateExportFiles(dir: string, count: number): GeneratedExport[] {
  const result = spawnSync('npx', ['tsx', 'scripts/generate-exports.ts', '--count', String(count), '--out', dir], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`generator failed: ${result.stderr}`);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const path = join(dir, name);
      return { path, name, envelope: JSON.parse(readFileSync(path, 'utf8')) as GeneratedEnvelope };
    });
}
