// Writes N realistic, valid, signed export files made from the demo seeds, for tests, demonstrations and
// benchmarks of the auditor workspace and the command line:
//
//   npm run generate:exports -- --count 1000 --out /tmp/exports [--seed 1] [--level mixed|full|auditor|statistics]
//                               [--year 2026] [--installations 20] [--unsigned]
//
// Each file is a made-up establishment modelled on one of the seed assessments (another FINESS with a valid key,
// department, size, answers, budget and applications). The files are signed by a few generated keys, as if
// exported from several installations (a GHT's CISO exports for all its establishments with one key). Same seed,
// same content; signatures differ from run to run (ECDSA is randomised).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildExportEnvelope, sealExport } from '../src/exchange/build-export';
import { exportFileName, serializeExport } from '../src/exchange/export-file';
import { sharingLevels, type SharingLevel } from '../src/exchange/export-format';
import { generateSigningKeyPair, webCryptoSigner, type ExportSigner } from '../src/exchange/signing';
import {
  departmentsForGeneration,
  randomFiness,
  readSeeds,
  seedExportInput,
  seededRandom,
  varyExportInput,
} from './export-seeds';
import packageJson from '../package.json' with { type: 'json' };

const usage =
  'usage: npm run generate:exports -- --count <N> --out <dir> [--seed <n>] [--level mixed|full|auditor|statistics] ' +
  '[--year <campaign year>] [--installations <n>] [--unsigned]';

function fail(message: string): never {
  console.error(message);
  console.error(usage);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    level: { type: 'string', default: 'mixed' },
    year: { type: 'string' },
    installations: { type: 'string' },
    unsigned: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) fail('--count must be a whole number of files, 1 or more');
if (!values.out) fail('--out is required');
const level = values.level;
if (level !== 'mixed' && !(sharingLevels as readonly string[]).includes(level)) fail(`unknown --level ${level}`);
const seed = Number(values.seed);
const year = values.year === undefined ? undefined : Number(values.year);
if (year !== undefined && !(Number.isInteger(year) && year >= 2020 && year <= 2100)) fail('--year must be a year');
const installations = Math.max(1, Number(values.installations ?? Math.ceil(count / 25)));
const outDir = resolve(values.out);

const random = seededRandom(seed);
const seeds = readSeeds();
mkdirSync(outDir, { recursive: true });

const signers: ExportSigner[] = [];
if (!values.unsigned) {
  for (let i = 0; i < installations; i += 1) signers.push(webCryptoSigner(await generateSigningKeyPair()));
}

// Level mix of a campaign: most establishments share at the auditor level, some everything, a few statistics only.
function levelOf(): SharingLevel {
  if (level !== 'mixed') return level as SharingLevel;
  const roll = random();
  return roll < 0.25 ? 'full' : roll < 0.85 ? 'auditor' : 'statistics';
}

const used = new Set<string>();
const departments = departmentsForGeneration();
const started = performance.now();
const campaignStart = Date.parse('2026-09-01T08:00:00Z');
for (let index = 0; index < count; index += 1) {
  const base = seeds.assessments[index % seeds.assessments.length];
  if (!base) throw new Error('no seed assessment');
  let finess: string;
  do {
    finess = randomFiness(random, departments[Math.floor(random() * departments.length)] ?? '45');
  } while (used.has(finess));
  used.add(finess);
  const exportedAt = new Date(campaignStart + Math.floor(random() * 80 * 86_400_000)).toISOString();
  const seedInput = await seedExportInput(seeds, base.id, exportedAt, packageJson.version);
  const input = varyExportInput(random, seedInput, finess, index);
  if (year !== undefined) input.assessment = { ...input.assessment, campaignYear: year };
  const envelope = await sealExport(
    buildExportEnvelope(input, levelOf()),
    signers.length > 0 ? signers[index % signers.length] : undefined,
  );
  writeFileSync(join(outDir, exportFileName(envelope)), serializeExport(envelope));
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `${count} export files written to ${outDir} in ${seconds} s (seed ${seed}, ${signers.length || 'no'} signing keys)`,
);
