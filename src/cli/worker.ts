/**
 * A worker thread of a batch: checks the files it is sent, in order, and
 * posts their reports back. Known errors travel as data so the main thread
 * can rethrow them as the same kind (usage or standard, exit 3).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import { StandardError } from '../load/standard.js';
import { checkFile, type CheckOptions, type DossierReport } from '../pipeline.js';

export type WorkerFailure =
  | { kind: 'usage'; message: string }
  | { kind: 'standard'; source: string; findings: StandardError['findings'] }
  | { kind: 'bug'; message: string; stack?: string };

export type WorkerReply = { ok: true; reports: DossierReport[] } | { ok: false; failure: WorkerFailure };

function failure(error: unknown): WorkerFailure {
  if (error instanceof UsageError) return { kind: 'usage', message: error.message };
  if (error instanceof StandardError) return { kind: 'standard', source: error.source, findings: error.findings };
  const err = error instanceof Error ? error : new Error(String(error));
  return { kind: 'bug', message: err.message, ...(err.stack !== undefined ? { stack: err.stack } : {}) };
}

const options = workerData as CheckOptions;
const port = parentPort!;
port.on('message', (files: string[]) => {
  let reply: WorkerReply;
  try {
    reply = { ok: true, reports: files.map((file) => checkFile(file, options)) };
  } catch (error) {
    reply = { ok: false, failure: failure(error) };
  }
  port.postMessage(reply);
});
