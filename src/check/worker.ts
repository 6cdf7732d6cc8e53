/**
 * A worker thread of a batch: checks and renders the chunks of files it is
 * sent, in order, and posts the results back, their parts moved rather than
 * copied. Known errors travel as data so the main thread can rethrow them as
 * the same kind (usage or standard, exit 3). bin/worker.js starts it from
 * the CLI's bundle.
 */
import type { MessagePort } from 'node:worker_threads';
import { UsageError } from './errors.js';
import { readSource } from '../load/read.js';
import { StandardError } from '../validate/standard.js';
import { checkAndRender, type BatchPlan, type FileJob, type WorkerFailure, type WorkerReply } from './checked.js';

function failure(error: unknown): WorkerFailure {
  if (error instanceof UsageError) return { kind: 'usage', message: error.message };
  if (error instanceof StandardError) return { kind: 'standard', source: error.source, findings: error.findings };
  const err = error instanceof Error ? error : new Error(String(error));
  return { kind: 'bug', message: err.message, ...(err.stack !== undefined ? { stack: err.stack } : {}) };
}

/** Serves the batch this worker thread was started for (`workerData` is its plan). */
export function serveBatch({ parentPort, workerData }: { parentPort: MessagePort | null; workerData: unknown }): void {
  const plan = workerData as BatchPlan;
  const port = parentPort!;
  port.on('message', (files: FileJob[]) => {
    let reply: WorkerReply;
    try {
      // A worker is sent only files a walk, a glob or the command line named as regular files, by UTF-8 names.
      reply = { ok: true, checked: files.map(({ file, walked }) => checkAndRender(file, readSource(file, { regularOnly: true }), plan, false, walked !== undefined)) };
    } catch (error) {
      reply = { ok: false, failure: failure(error) };
    }
    port.postMessage(reply, reply.ok ? reply.checked.map((c) => c.parts.buffer as ArrayBuffer) : []);
  });
}
