// Runs scripts/capture-data-fixture.ts through Vite's module loader (the questionnaire catalog uses
// import.meta.glob, which only Vite resolves) and prints what it wrote.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const server = await createServer({
  root,
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false },
  appType: 'custom',
});
try {
  const { captureDataFixture } = await server.ssrLoadModule('/scripts/capture-data-fixture.ts');
  console.log(await captureDataFixture(root));
} finally {
  await server.close();
}
