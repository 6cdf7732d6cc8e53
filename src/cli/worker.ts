/**
 * A worker thread of a batch: checks and renders the files it is sent, in
 * order, and posts the results back. Known errors travel as data so the main
 * thread can rethrow them as the same kind (usage or standard, exit 3).
 * bin/worker.js starts it from the CLI's own bundle, whose code cache then
 * serves the worker too.
 */
import type { MessagePort } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import { readSource } from '../load/read.js';
import { StandardError } from '../load/standard.js';
import { checkAndRender, partKeeper, type BatchPlan, type CheckedDossier } from './batch.js';
import { serveSlabs, type SlabSupplyData } from './slab-supply.js';

export type WorkerFailure =
  | { kind: 'usage'; message: string }
  | { kind: 'standard'; source: string; findings: StandardError['findings'] }
  | { kind: 'bug'; message: string; stack?: string };

export type WorkerReply = { ok: true; checked: CheckedDossier[] } | { ok: false; failure: WorkerFailure };

function failure(error: unknown): WorkerFailure {
  if (error instanceof UsageError) return { kind: 'usage', message: error.message };
  if (error instanceof StandardError) return { kind: 'standard', source: error.source, findings: error.findings };
  const err = error instanceof Error ? error : new Error(String(error));
  return { kind: 'bug', message: err.message, ...(err.stack !== undefined ? { stack: err.stack } : {}) };
}

/** Serves the batch this worker thread was started for (`workerData` is its plan), or supplies spool slabs (see slab-supply.ts). */
export function serveBatch({ parentPort, workerData }: { parentPort: MessagePort | null; workerData: unknown }): void {
  if ((workerData as Partial<SlabSupplyData>).role === 'slabs') {
    serveSlabs(workerData as SlabSupplyData);
    return;
  }
  const plan = workerData as BatchPlan;
  const keeper = partKeeper(plan);
  const port = parentPort!;
  port.on('message', (files: string[]) => {
    let reply: WorkerReply;
    try {
      const checked = files.map((file) => checkAndRender(file, readSource(file, { regularOnly: true }), plan, keeper));
      // Spooled parts have their offsets once written.
      keeper.flush();
      reply = { ok: true, checked };
    } catch (error) {
      reply = { ok: false, failure: failure(error) };
    }
    // Parts and texts kept as bytes of their own move to the main thread rather than being copied; a slab is shared already.
    const moved = reply.ok
      ? reply.checked.flatMap((c) => [...c.parts, c.source].flatMap((kept) => (kept instanceof Uint8Array && kept.buffer instanceof ArrayBuffer ? [kept.buffer] : [])))
      : [];
    port.postMessage(reply, moved);
  });
}
