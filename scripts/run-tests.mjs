// `npm test`: every gate and every test, the browser suite included, then one closing line "N passed, N failed".
//
// Steps: Chromium present (installed when missing: Debian's package as root with apt, else Playwright's own
// download — said aloud, never skipped silently), Prettier, ESLint, TypeScript, Vitest, the production build,
// Playwright on that build. Each static gate counts as one test; Vitest and Playwright count their own tests
// (read from their JSON reports). Exit code 1 when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const results = [];
mkdirSync('out', { recursive: true });

function run(command, args, env = {}) {
  const started = Date.now();
  const outcome = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: outcome.status === 0, seconds: (Date.now() - started) / 1000 };
}

function gate(name, command, args) {
  console.log(`\n▶ ${name}`);
  const { ok, seconds } = run(command, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
  return ok;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function ensureChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (found) {
    process.env.CHROME_PATH = found;
    console.log(`Chromium: ${found}`);
    return true;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && hasCommand('apt-get')) {
    console.log(
      'Chromium not found (CHROME_PATH, /usr/bin/chromium): installing Debian’s chromium package with apt-get…',
    );
    const update = run('apt-get', ['update', '-qq']);
    const install =
      update.ok && run('apt-get', ['install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
    if (install && install.ok && existsSync('/usr/bin/chromium')) {
      process.env.CHROME_PATH = '/usr/bin/chromium';
      return true;
    }
  } else {
    console.log(
      'Chromium not found and apt-get not usable: downloading Playwright’s Chromium (npx playwright install chromium)…',
    );
    if (run('npx', ['playwright', 'install', 'chromium']).ok) {
      const path = require('playwright-core').chromium.executablePath();
      if (existsSync(path)) {
        process.env.CHROME_PATH = path;
        return true;
      }
    }
  }
  console.error('No Chromium could be found or installed: the browser suite cannot run and counts as failed.');
  return false;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const chromium = ensureChromium();
gate('Prettier (format)', 'npx', ['prettier', '--check', '.']);
gate('ESLint (lint, zero warnings)', 'npx', ['eslint', '.', '--max-warnings', '0']);
gate('TypeScript (typecheck)', 'npx', ['tsc', '--noEmit', '-p', '.']);

console.log('\n▶ Vitest (unit, component, storage and property tests)');
rmSync('out/vitest.json', { force: true });
const unit = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=out/vitest.json',
]);
const vitest = readJson('out/vitest.json');
results.push({
  name: 'Vitest',
  passed: vitest?.numPassedTests ?? 0,
  failed: vitest ? vitest.numFailedTests + (unit.ok || vitest.numFailedTests > 0 ? 0 : 1) : 1,
  seconds: unit.seconds,
});

const built =
  gate('Production build', 'npx', ['vite', 'build']) &&
  existsSync('dist/sw.js') &&
  existsSync('dist/manifest.webmanifest');

console.log('\n▶ Playwright (end-to-end in Chromium on the production build)');
if (!chromium || !built) {
  console.error(
    chromium ? 'The build failed: the browser suite cannot run.' : 'No Chromium: the browser suite cannot run.',
  );
  results.push({ name: 'Playwright', passed: 0, failed: 1, seconds: 0 });
} else {
  rmSync('out/playwright.json', { force: true });
  const e2e = run('npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: 'out/playwright.json',
  });
  const stats = readJson('out/playwright.json')?.stats;
  results.push({
    name: 'Playwright',
    passed: stats ? stats.expected + stats.flaky : 0,
    failed: stats ? stats.unexpected + (e2e.ok || stats.unexpected > 0 ? 0 : 1) : 1,
    seconds: e2e.seconds,
  });
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('\nSummary');
for (const r of results) {
  console.log(
    `  ${r.failed ? '✗' : '✓'} ${r.name.padEnd(48)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)} s`,
  );
}
const line = `${passed} passed, ${failed} failed`;
writeFileSync('out/test-summary.txt', `${line}\n`);
console.log(line);
process.exit(failed > 0 ? 1 : 0);
