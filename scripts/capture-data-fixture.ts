/**
 * Captures a fixture database of the current data version: `npm run fixture:data` writes
 * tests/fixtures/data/data-v<DATA_VERSION>.json (scripts/capture-data-fixture.mjs runs this module through Vite,
 * which resolves the questionnaire catalog's import.meta.glob).
 *
 * Run it BEFORE raising DATA_VERSION (docs/architecture.md, "Data versions"): the fixture is then the data of a
 * past version exactly as that build wrote it — the demo establishments, assessments, budgets, applications and
 * actions, evidence files, an imported export file with its remembered key, and settings — with the raw IndexedDB
 * layout (object stores, key paths, indexes, native version). src/storage/migrations.test.ts rebuilds that
 * database with plain IndexedDB and opens it with the latest build. The installation's signing key is left out:
 * a non-extractable CryptoKey cannot be written to a file (the test checks the key is created anew).
 */
import 'fake-indexeddb/auto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { questionnaireFiles } from '../src/cli/questionnaire-files';
import { validateExportFile } from '../src/exchange/validate-export';
import { DATA_VERSION, openCareDatabase } from '../src/storage/care-database';
import { loadDemoData } from '../src/storage/demo-data';
import { EvidenceRepository } from '../src/storage/evidence-repository';
import { MetaRepository } from '../src/storage/meta-repository';
import { storeSubmission } from '../src/storage/submission-repository';
import { dumpRawDatabase } from '../tests/fixtures/data/raw-database';

export async function captureDataFixture(root: string): Promise<string> {
  const name = `capture-${Date.now()}`;
  const db = await openCareDatabase(name);
  await loadDemoData(db);

  const assessment = (await db.assessments.toArray()).sort((a, b) => a.id.localeCompare(b.id))[0];
  if (!assessment) throw new Error('the demo data has no assessment');
  const evidence = new EvidenceRepository(db);
  const bytes = (seed: number, length: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) % 251).buffer;
  await evidence.add(
    {
      assessmentId: assessment.id,
      itemId: 'care.gov.01',
      name: 'Politique de sécurité signée.pdf',
      type: 'application/pdf',
      data: bytes(1, 4096),
      documentDate: '2026-03-14',
    },
    Date.UTC(2026, 2, 15),
  );
  await evidence.add(
    {
      assessmentId: assessment.id,
      itemId: 'care.gov.01',
      name: 'Compte rendu du comité.odt',
      type: '',
      data: bytes(7, 1500),
    },
    Date.UTC(2026, 2, 16),
  );
  await evidence.add(
    {
      assessmentId: assessment.id,
      itemId: 'care.gov.02',
      name: 'Test de restauration « juin ».png',
      type: 'image/png',
      data: bytes(3, 10),
    },
    Date.UTC(2026, 5, 2),
  );

  const exportPath = resolve(root, 'tests/fixtures/exports/v1/full.json');
  const validation = await validateExportFile(readFileSync(exportPath), 'full.json', {
    questionnaires: questionnaireFiles(),
  });
  if (!validation.ok) throw new Error(`the golden export does not validate: ${JSON.stringify(validation)}`);
  await storeSubmission(db, validation, Date.UTC(2026, 9, 1));
  await new MetaRepository(db).set('budgetTargets', { itShare: 0.025, cyberShare: 0.12 });
  await new MetaRepository(db).set('lastBackupAt', Date.UTC(2026, 8, 30));
  db.close();

  const fixture = await dumpRawDatabase(name, { omitStores: ['installationKeys'] });
  const out = resolve(root, `tests/fixtures/data/data-v${DATA_VERSION}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(fixture, null, 1)}\n`);
  return `wrote ${out}: ${fixture.stores.map((s) => `${s.name} ${s.rows.length}`).join(', ')}`;
}
