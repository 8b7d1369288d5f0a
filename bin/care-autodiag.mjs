#!/usr/bin/env node
// The `care-autodiag` command (package.json "bin"): runs the TypeScript entry src/cli/main.ts through tsx's API, so
// the command line uses the very code of the app (domain, exchange, report) without a separate build step.
import { tsImport } from 'tsx/esm/api';

// A reader that stops early (`… | head`) closes standard output: that is not an error of the command.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
