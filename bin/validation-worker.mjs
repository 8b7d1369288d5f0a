// A validation thread of `care-autodiag consolidate` (src/cli/validation-pool.ts), run through tsx's API as the
// command itself is (bin/care-autodiag.mjs).
import { tsImport } from 'tsx/esm/api';

await tsImport('../src/cli/validation-worker.ts', import.meta.url);
