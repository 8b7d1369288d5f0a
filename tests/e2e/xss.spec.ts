import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { withoutControlCharacters, xssPayloads as rawPayloads } from '../fixtures/xss-corpus';
import { displayName } from '../../src/texts/format';
import { expect, expectAccessible, test } from './fixtures';

/**
 * Issue 9, "XSS": every free-text field of an imported export file, and of a restored backup, filled from the XSS
 * corpus (tests/fixtures/xss-corpus.ts), shows as plain text on every screen, in the PDFs and in the CSVs.
 *
 * On every page: no dialog ever opens, `window.__xss` stays undefined, no element a payload would create exists
 * (an on* attribute, a javascript: URL, an inline script, an iframe, img[src=x]…), payloads are found literally in
 * the page's text (and a sample of them is visible with getByText), and the fixture fails the test on any CSP or
 * Trusted Types violation. PDFs are read back with pdftotext (control and bidirectional characters, which the PDF
 * font has no glyph for and pdftotext does not give back, and white space, which line wrapping moves, are left out
 * of the comparison) and carry no JavaScript; in CSVs every cell that starts like a formula is neutralised.
 */

/**
 * The payloads as the app shows them: bidirectional controls made visible as ‹U+202E› on screen, in the CSVs and in
 * the PDFs (displayName, src/texts/format.ts), everything else as it is.
 */
const xssPayloads = rawPayloads.map((p) => ({ ...p, text: displayName(p.text) }));

interface Manifest {
  exports: { name: string; finess: string; level: string }[];
  absentFiness: string;
  establishments: { id: string; name: string }[];
  assessments: { id: string; establishmentId: string; questionnaireId: string; questionnaireVersion: string }[];
}

function buildFiles(dir: string): Manifest {
  const result = spawnSync('npx', ['tsx', 'tests/fixtures/build-xss-files.ts', '--out', dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`fixture builder failed: ${result.stderr}`);
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/** Every dialog (alert, confirm, prompt) a page opens is recorded and dismissed: there must be none. */
function watchDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return opened;
}

interface PageScan {
  marker: unknown;
  created: string[];
  found: string[];
}

/** What a payload would have left in the page, and which payloads its text (and form values) hold literally. */
function scan(page: Page): Promise<PageScan> {
  return page.evaluate((payloads) => {
    const urlAttributes = [
      'href',
      'src',
      'srcdoc',
      'action',
      'formaction',
      'xlink:href',
      'poster',
      'data',
      'background',
    ];
    const created: string[] = [];
    const describe = (element: Element) =>
      `<${[element.localName, ...Array.from(element.attributes, (a) => `${a.name}="${a.value}"`)].join(' ')}>`;
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) created.push(`<${element.localName} ${attribute.name}>`);
        // A script URL where a URL is followed (an <option value> holding a GHT name is only data).
        if (
          urlAttributes.includes(attribute.name) &&
          /^\s*(javascript|vbscript|data:text\/html)/i.test(attribute.value)
        )
          created.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
      }
    }
    const suspicious = [
      'script:not([src])',
      'img[src="x"]',
      'iframe',
      'object',
      'embed',
      'base',
      'meta[http-equiv]',
      'svg script',
      'details[ontoggle]',
      'math',
      'style',
    ];
    for (const selector of suspicious)
      for (const element of Array.from(document.querySelectorAll(selector)))
        created.push(`${selector}: ${describe(element)}`);
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.nodeValue ?? '');
    for (const field of Array.from(document.querySelectorAll('input, textarea')))
      texts.push((field as HTMLInputElement | HTMLTextAreaElement).value);
    const text = texts.join('\u0001');
    return {
      marker: (window as unknown as { __xss?: unknown }).__xss,
      created,
      found: payloads.filter((p) => text.includes(p.text)).map((p) => p.id),
    };
  }, xssPayloads);
}

/**
 * The checks of one page, once its data is shown (at least one payload found): nothing executed or created, no
 * dialog, the samples visible as text. Returns the payloads found, for the coverage check at the end.
 */
let pagesChecked = 0;
test.beforeEach(() => {
  pagesChecked = 0;
});

async function checkPage(page: Page, dialogs: string[], what: string, visible: string[] = []): Promise<string[]> {
  pagesChecked += 1;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect
    .poll(async () => (await scan(page)).found.length, { message: `${what}: no payload shown` })
    .toBeGreaterThan(0);
  const result = await scan(page);
  expect(result.marker, `${what}: window.__xss`).toBeUndefined();
  expect(result.created, `${what}: elements created by a payload`).toEqual([]);
  expect(dialogs, `${what}: dialogs`).toEqual([]);
  for (const text of visible) await expect(page.getByText(text).first(), `${what}: "${text}"`).toBeVisible();
  return result.found;
}

// ---------------------------------------------------------------------------------------------------------------
// PDFs and CSVs

/** What the comparison keeps of a text: no C0 controls, no bidirectional or zero-width controls, no white space. */
const comparable = (text: string) =>
  withoutControlCharacters(text)
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, '');

async function readPdf(download: Download): Promise<{ text: string; found: string[] }> {
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // No JavaScript anywhere in the document, and no link to a javascript: URL.
  expect(execFileSync('pdfinfo', ['-js', path], { encoding: 'utf8' }).trim()).toBe('');
  expect(execFileSync('pdfinfo', ['-url', path], { encoding: 'utf8' })).not.toMatch(/javascript:/i);
  const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
  const squeezed = comparable(text);
  return { text, found: xssPayloads.filter((p) => squeezed.includes(comparable(p.text))).map((p) => p.id) };
}

/** The cells of a downloaded CSV: BOM, semicolons; every cell that would start a formula is neutralised. */
async function readCsv(download: Download): Promise<{ cells: string[]; found: string[] }> {
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { delimiter: ';' });
  const cells = parsed.data.flat();
  // OWASP CSV injection: a cell starting with = + - @, tab or carriage return must be prefixed (with ').
  const formulas = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+([.,]\d+)?$/.test(cell));
  expect(formulas, 'cells a spreadsheet would run as formulas').toEqual([]);
  // A neutralised payload is the payload behind its quote.
  const joined = cells.map((cell) => cell.replace(/^'(?=[=+\-@\t\r])/, '')).join('\u0001');
  return { cells, found: xssPayloads.filter((p) => joined.includes(p.text)).map((p) => p.id) };
}

async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return file;
}

const payloadText = (id: string) => xssPayloads.find((p) => p.id === id)?.text ?? '';

// ---------------------------------------------------------------------------------------------------------------

test('auditor workspace: hostile export files, a hostile file name and an expected list show as plain text', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const dir = test.info().outputPath('files');
  const manifest = buildFiles(dir);
  const dialogs = watchDialogs(page);
  const seen = new Set<string>();

  await page.goto('/auditor');
  await expect(page.getByRole('heading', { level: 1, name: 'Espace auditeur' })).toBeVisible();
  // The checks can fail: what a payload would leave is seen when put there on purpose (without running anything,
  // which the CSP would report), then removed.
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.setAttribute('href', 'javascript:void 0');
    link.id = 'control-link';
    document.body.append(link, Object.assign(document.createElement('object'), { id: 'control-object' }));
    (window as unknown as { __xss?: number }).__xss = 1;
  });
  const control = await scan(page);
  expect(control.marker).toBe(1);
  expect(control.created).toEqual(['<a href="javascript:void 0">', 'object: <object id="control-object">']);
  await page.evaluate(() => {
    for (const id of ['control-link', 'control-object']) document.getElementById(id)?.remove();
    delete (window as unknown as { __xss?: number }).__xss;
  });
  const exportFiles = manifest.exports.map((f) => ({
    name: f.name,
    mimeType: 'application/json',
    buffer: readFileSync(join(dir, f.name)),
  }));
  // Refused files whose names are payloads: one not JSON, one whose unknown member's name is a payload.
  const badName = `${payloadText('attribute-breaker')}.json`;
  const badMemberName = `${payloadText('img-onerror-unquoted')}.json`;
  const withMember = {
    ...(JSON.parse(readFileSync(join(dir, manifest.exports[0]?.name ?? ''), 'utf8')) as object),
    [payloadText('svg-onload')]: 1,
  };
  await page.getByLabel('Choisir des fichiers').setInputFiles([
    ...exportFiles,
    { name: badName, mimeType: 'application/json', buffer: Buffer.from('<script>window.__xss=1</script>') },
    {
      name: badMemberName,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(withMember)),
    },
  ]);
  const counts = page.getByRole('table', { name: 'Résultat par fichier' });
  await expect(counts).toBeVisible({ timeout: 30_000 });
  await expect(counts.getByRole('row', { name: /Nouveaux/ }).getByRole('cell')).toHaveText('3');
  await expect(counts.getByRole('row', { name: /Refusés/ }).getByRole('cell')).toHaveText('2');
  const rejected = page.locator('.rejected-files li');
  await expect(rejected).toHaveCount(2);
  await expect(rejected.filter({ hasText: badName })).toHaveCount(1);
  await expect(rejected.filter({ hasText: badMemberName })).toContainText(payloadText('svg-onload'));
  for (const id of await checkPage(page, dialogs, 'import summary', [badName])) seen.add(id);

  // The expected list: names, GHT and a FINESS that are payloads, in a file whose name is one too.
  await page.getByLabel('Choisir la liste des établissements attendus').setInputFiles({
    name: `${payloadText('title-breaker').replace(/\//g, '')}.csv`,
    mimeType: 'text/csv',
    buffer: readFileSync(join(dir, 'attendus.csv')),
  });
  const missing = page.getByRole('table', { name: /sans fichier retenu pour la campagne 2026/ });
  await expect(missing.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('table', { name: 'Lignes à vérifier' })).toBeVisible();
  for (const id of await checkPage(page, dialogs, 'dashboard with the expected list')) seen.add(id);
  await expectAccessible(page);

  // Every grouping of the distributions (GHT names are payloads), then the other questionnaire.
  for (const grouping of ['category', 'sector', 'ght', 'department', 'region']) {
    await page.getByLabel('Regrouper par').selectOption(grouping);
    for (const id of await checkPage(page, dialogs, `distributions by ${grouping}`)) seen.add(id);
  }
  await expect(page.getByRole('table', { name: /Score de chaque établissement par domaine/ })).toBeVisible();
  await page.getByText('Afficher le tableau des valeurs').click();
  await expect(page.getByRole('table', { name: 'Ratios budgétaires par établissement' })).toBeVisible();
  for (const id of await checkPage(page, dialogs, 'budget ratios table')) seen.add(id);

  // The consolidated CSV.
  const csv = await readCsv(
    await download(page, () => page.getByRole('button', { name: 'Télécharger le CSV consolidé' }).click()),
  );
  expect(csv.found.length, 'payloads in the consolidated CSV').toBeGreaterThan(3);
  for (const row of manifest.exports) expect(csv.cells).toContain(row.finess);
  expect(csv.cells).toContain(manifest.absentFiness);

  // The regional PDF and a benchmark PDF.
  const regional = await readPdf(
    await download(page, () => page.getByRole('button', { name: 'Télécharger le rapport régional (PDF)' }).click()),
  );
  expect(regional.found.length, `payloads in the regional PDF:\n${regional.text.slice(0, 2000)}`).toBeGreaterThan(2);
  const benchmark = await readPdf(
    await download(page, () => page.getByRole('button', { name: 'Rapport de comparaison' }).click()),
  );
  expect(benchmark.found.length, 'payloads in the benchmark PDF').toBeGreaterThan(0);
  for (const id of await checkPage(page, dialogs, 'after the PDFs')) seen.add(id);

  // The ESMS campaign: its own heat map, distributions and establishment list.
  await page.getByLabel('Questionnaire et campagne').selectOption({ index: 1 });
  for (const id of await checkPage(page, dialogs, 'second questionnaire')) seen.add(id);
  await expectAccessible(page);
  expect(dialogs).toEqual([]);
  // Where each payload was put (tests/fixtures/build-xss-files.ts): establishment names and GHT of the three
  // files, the refused files' names and member, the expected list's absent name, its GHT and a bad FINESS.
  const names = ['csv-multiline-formula', 'csv-hyperlink', 'pdf-text-operator'];
  const ghts = ['csv-dde', 'csv-at', 'template-angular'];
  const refusals = ['attribute-breaker', 'img-onerror-unquoted', 'svg-onload'];
  const expectedList = ['i18next-interpolation', 'bidi-override', 'csv-minus'];
  expect([...seen].sort()).toEqual(expect.arrayContaining([...names, ...ghts, ...refusals, ...expectedList]));
  expect(csv.found).toEqual(expect.arrayContaining([...names, ...ghts, 'i18next-interpolation', 'bidi-override']));
  // The regional PDF of CaRE 2026 names its two establishments; the benchmark PDF the one compared.
  expect(regional.found).toEqual(expect.arrayContaining(['csv-multiline-formula', 'pdf-text-operator']));
  expect(benchmark.found.filter((id) => names.includes(id))).toHaveLength(1);
  test.info().annotations.push({
    type: 'coverage',
    description: `${pagesChecked} page states checked; ${seen.size} payloads on screen; consolidated CSV ${csv.found.length}, regional PDF ${regional.found.length}, benchmark PDF ${benchmark.found.length}`,
  });
});

test('restored backup: every screen of every establishment, the report PDF and the CSVs show payloads as text', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const dir = test.info().outputPath('files');
  const manifest = buildFiles(dir);
  const dialogs = watchDialogs(page);
  const seen = new Set<string>();
  const domainsOf = (id: string, version: string) =>
    (
      JSON.parse(readFileSync(join('questionnaires', id, `${version}.json`), 'utf8')) as {
        domains: { id: string }[];
      }
    ).domains.map((d) => d.id);

  await page.goto('/settings');
  await page
    .getByText('Restaurer depuis un fichier')
    .locator('input[type=file]')
    .setInputFiles(join(dir, 'sauvegarde-xss.zip'));
  await page.getByRole('button', { name: 'Oui, remplacer les données' }).click();
  await expect(page.getByText(/Données restaurées depuis «\s?sauvegarde-xss\.zip\s?»/)).toBeVisible();

  await page.goto('/');
  for (const id of await checkPage(
    page,
    dialogs,
    'home',
    manifest.establishments.map((e) => e.name),
  ))
    seen.add(id);

  for (const establishment of manifest.establishments) {
    const visit = async (path: string, what: string) => {
      await page.goto(path);
      for (const id of await checkPage(page, dialogs, `${establishment.id} ${what}`, [establishment.name]))
        seen.add(id);
    };
    await visit(`/establishments/${establishment.id}`, 'establishment page');
    await expectAccessible(page);
    for (const assessment of manifest.assessments.filter((a) => a.establishmentId === establishment.id)) {
      for (const domain of domainsOf(assessment.questionnaireId, assessment.questionnaireVersion))
        await visit(`/assessments/${assessment.id}/${domain}`, `${assessment.id} ${domain}`);
      for (const screen of ['results', 'results/gaps', 'results/questions', 'summary', 'report', 'export'])
        await visit(`/assessments/${assessment.id}/${screen}`, `${assessment.id} ${screen}`);
    }
    await visit(`/establishments/${establishment.id}/actions`, 'action plan (list)');
    await page.getByRole('radio', { name: 'Tableau par état' }).check();
    for (const id of await checkPage(page, dialogs, `${establishment.id} action plan (board)`)) seen.add(id);
    await visit(`/establishments/${establishment.id}/budget`, 'budget');
    await visit(`/establishments/${establishment.id}/applications`, 'applications');
    await expectAccessible(page);
  }

  // The report of the CHU's 2026 CaRE campaign: the PDF (its author is a payload too) and the five CSVs.
  const chu = manifest.establishments[0];
  await page.goto('/assessments/demo-chu-care-2026/report');
  await expect(page.getByRole('heading', { level: 1, name: /^Rapport et exports/ })).toBeVisible();
  const author = payloadText('pdf-text-operator');
  await page.getByLabel('Auteur du rapport').fill(author);
  const report = await readPdf(
    await download(page, () => page.getByRole('button', { name: 'Générer le rapport PDF' }).click()),
  );
  expect(comparable(report.text)).toContain(comparable(chu?.name ?? ''));
  expect(report.found, 'the author').toContain('pdf-text-operator');
  expect(report.found.length, 'payloads in the report PDF').toBeGreaterThan(10);
  for (const id of report.found) seen.add(`pdf:${id}`);
  for (const name of ['Réponses', 'Écarts', 'Plan d’action', 'Budget', 'Applications']) {
    const csv = await readCsv(
      await download(page, () => page.getByRole('button', { name: `Télécharger le CSV ${name}` }).click()),
    );
    for (const id of csv.found) seen.add(`csv:${id}`);
  }
  for (const id of await checkPage(page, dialogs, 'report page after the downloads')) seen.add(id);

  // Every payload was shown on some screen, and printed in the PDF.
  const missingOnScreen = xssPayloads.filter((p) => !seen.has(p.id)).map((p) => p.id);
  expect(missingOnScreen, 'payloads never shown on a screen').toEqual([]);
  const missingInPdf = xssPayloads.filter((p) => !seen.has(`pdf:${p.id}`)).map((p) => p.id);
  expect(missingInPdf, 'payloads never found in the report PDF').toEqual([]);
  expect(dialogs).toEqual([]);
  test.info().annotations.push({
    type: 'coverage',
    description: `${pagesChecked} page states checked; every payload of ${xssPayloads.length} on screen and in the report PDF; ${[...seen].filter((id) => id.startsWith('csv:')).length} in the CSVs`,
  });
});
