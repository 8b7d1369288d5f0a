#!/usr/bin/env node
// The `care-autodiag` command (package.json "bin"): runs the TypeScript entry src/cli/main.ts through tsx's API, so
// the command line uses the very code of the app (domain, exchange, report) without a separate build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
