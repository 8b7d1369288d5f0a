// Build-time plugin: Web Workers built as entries of the app's own build, so that they share its chunks.
//
// Vite builds a worker written `new Worker(new URL('./x.worker.ts', import.meta.url))` in a separate bundle of its
// own, which repeats everything it imports. The import worker (src/features/auditor/import.worker.ts) imports zod,
// the export-file validation and the domain, all of which the app's chunks already hold: bundled apart it weighed
// 123 KiB in the service-worker precache (design §8: precache ≤ 1.5 MB, and the worker must be precached so that an
// auditor imports offline). Emitted here as a chunk of the main build (Rollup's `emitFile({ type: 'chunk' })`,
// which rolldown implements), it is a small module worker that imports the shared chunks.
//
// A page reaches a worker through `virtual:worker-url/<name>` (declared in src/vite-env.d.ts): in the build, the URL
// of the emitted chunk; in development and the unit tests, the source file, which Vite serves as a module.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Worker entries by name: `virtual:worker-url/<name>` resolves to the URL of the file. */
export const workerEntries: Record<string, string> = {
  import: 'src/features/auditor/import.worker.ts',
};

const prefix = 'virtual:worker-url/';
const resolvedPrefix = `\0${prefix}`;

export function workerEntriesInMainBuild(): Plugin {
  let building = false;
  const root = fileURLToPath(new URL('..', import.meta.url));
  return {
    name: 'care-worker-entries-in-main-build',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(id) {
      if (!id.startsWith(prefix)) return null;
      const name = id.slice(prefix.length);
      if (!(name in workerEntries)) throw new Error(`unknown worker "${name}": add it to workerEntries`);
      return `${resolvedPrefix}${name}`;
    },
    load(id) {
      if (!id.startsWith(resolvedPrefix)) return null;
      const file = workerEntries[id.slice(resolvedPrefix.length)] as string;
      if (!building) return `export default new URL(${JSON.stringify(`/${file}`)}, location.origin).href;`;
      const reference = this.emitFile({
        type: 'chunk',
        id: `${root}${file}`,
        name: `${id.slice(resolvedPrefix.length)}-worker`,
      });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}
