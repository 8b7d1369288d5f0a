import { parentPort, workerData } from 'node:worker_threads';
import type { FileArgument } from './files';
import { questionnaireFiles } from './questionnaire-files';
import { validateInput, type InputOptions } from './validate-input';

/**
 * One validation thread of `consolidate` (src/cli/validation-pool.ts): validates the files the command hands it, with
 * its own copy of the shipped questionnaires, and posts each result back. Started through bin/validation-worker.mjs,
 * which runs this module through tsx as the command itself is run.
 */
export interface ValidationRequest {
  id: number;
  file: FileArgument;
}

const port = parentPort;
if (port === null) throw new Error('validation-worker.ts runs only as a worker thread');
const options = workerData as InputOptions;
const questionnaires = questionnaireFiles();
port.on('message', (request: ValidationRequest) => {
  void validateInput(request.file, options, questionnaires).then((result) =>
    port.postMessage({ id: request.id, result }),
  );
});
port.postMessage({ ready: true });
