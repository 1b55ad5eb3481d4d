// The command line's worker thread (its own bundle, dist/cli/checkWorker.js): runs the file-scope
// checks of the JSON files the main thread sends, while the main thread runs the project-scope
// checks (parallelCheck.ts). Each file is parsed here from the text the main thread read, so
// both threads check the same text; its findings go back and the file is dropped.
import { parentPort } from 'node:worker_threads';
import { BotFile, fileScopeFindings } from '../engine';
import type { CheckedFiles, FilesToCheck } from './parallelCheck';

parentPort?.on('message', (batch: FilesToCheck) => {
  const checked: CheckedFiles = batch.map(({ path, kind, text, maxSize, hadBom }) => {
    const file = new BotFile(path, kind, text, -1, { maxSize, hadBom });
    return { path, findings: fileScopeFindings(file) };
  });
  parentPort?.postMessage(checked);
});
