/**
 * Checking a batch of dossier targets: in this thread for a few; for many,
 * on this thread and worker threads together. Reports come back in the targets' (sorted) order however
 * many workers ran, then the cross-dossier integrity warnings are added.
 */
import type { Worker } from 'node:worker_threads';
import { crossCheck } from '../core/integrity.js';
import { UsageError } from '../errors.js';
import { readStdin } from '../load/read.js';
import { StandardError } from '../load/standard.js';
import { checkFile, checkText, invalid, type CheckOptions, type DossierReport } from '../pipeline.js';
import type { DossierTarget } from './paths.js';
import type { WorkerFailure, WorkerReply } from './worker.js';

/** Files each thread must have for another thread to be worth its start-up (loading the modules again, warming them up). */
export const FILES_PER_WORKER = 100;
/** Files a thread takes at a time: large enough to keep messages few, small enough to balance the load. */
const CHUNK = 32;

// From src/cli (tests) and dist/bundle (the binary) alike, the worker is the built bundle.
const workerScript = new URL('../../dist/bundle/worker.cjs', import.meta.url);

export interface BatchOptions {
  /** Threads to use at most. */
  jobs: number;
  stdin: AsyncIterable<Uint8Array>;
  /** Called as dossiers finish, with how many are done. */
  onProgress?: (done: number) => void;
}

/** The error a worker met, as the kind the CLI maps to an exit code. */
function asError(failure: WorkerFailure): Error {
  if (failure.kind === 'usage') return new UsageError(failure.message);
  if (failure.kind === 'standard') return new StandardError(failure.source, failure.findings);
  const error = new Error(failure.message);
  if (failure.stack !== undefined) error.stack = failure.stack;
  return error;
}

/**
 * Checks `files` on `count` threads, this one and `count - 1` workers, all
 * taking chunks from one queue; the reports are in the files' order. This
 * thread checks too rather than wait: on a machine with as many cores as
 * threads, a waiting main thread would leave one core to the others'
 * messages and little else.
 */
async function checkInThreads(files: string[], options: CheckOptions, count: number, onDone: (n: number) => void): Promise<DossierReport[]> {
  const reports: DossierReport[] = new Array(files.length);
  let next = 0;
  const take = (): { start: number; end: number } | undefined => {
    if (next >= files.length) return undefined;
    const start = next;
    next = Math.min(files.length, next + CHUNK);
    return { start, end: next };
  };
  // Loaded only for a batch large enough for threads.
  const threads = await import('node:worker_threads');
  const workers = Array.from({ length: count - 1 }, () => new threads.Worker(workerScript, { workerData: options }));
  const inWorker = (worker: Worker): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      // Chunks sent and not yet answered, oldest first: a worker answers in order.
      const pending: Array<{ start: number; end: number }> = [];
      const send = (): void => {
        const chunk = take();
        if (chunk === undefined) {
          if (pending.length === 0) resolve();
          return;
        }
        pending.push(chunk);
        worker.postMessage(files.slice(chunk.start, chunk.end));
      };
      worker.on('message', (reply: WorkerReply) => {
        if (!reply.ok) {
          reject(asError(reply.failure));
          return;
        }
        const { start } = pending.shift()!;
        reply.reports.forEach((report, i) => (reports[start + i] = report));
        onDone(reply.reports.length);
        send();
      });
      worker.on('error', reject);
      // A worker that stops with work outstanding must not leave the batch waiting forever.
      worker.on('exit', (code) => reject(new Error(`a worker thread stopped (exit code ${code}) before its dossiers were checked`)));
      // Two chunks ahead, so a worker has the next one while this thread is busy with its own.
      send();
      send();
    });
  const inThisThread = async (): Promise<void> => {
    for (let chunk = take(); chunk !== undefined; chunk = take()) {
      for (let i = chunk.start; i < chunk.end; i++) reports[i] = checkFile(files[i]!, options);
      onDone(chunk.end - chunk.start);
      // Let the workers' replies in, so they get their next chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([...workers.map(inWorker), inThisThread()]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return reports;
}

/** Checks every target, the batch never stopping for a bad dossier; one report per target, in order. */
export async function checkTargets(targets: DossierTarget[], options: CheckOptions, batch: BatchOptions): Promise<DossierReport[]> {
  const files = targets.flatMap((t) => (t.kind === 'file' ? [t.file] : []));
  const threads = Math.min(batch.jobs, Math.floor(files.length / FILES_PER_WORKER));
  let done = 0;
  const progress = (n: number): void => {
    done += n;
    batch.onProgress?.(done);
  };

  const fromFiles = new Map<string, DossierReport>();
  if (threads >= 2) {
    const reports = await checkInThreads(files, options, threads, progress);
    files.forEach((file, i) => fromFiles.set(file, reports[i]!));
  }
  const reports: DossierReport[] = [];
  for (const target of targets) {
    const done = fromFiles.get(target.file);
    if (done && target.kind === 'file') {
      reports.push(done);
      continue;
    }
    reports.push(
      target.kind === 'unmatched'
        ? invalid(target.file, [{ code: 'no-match', severity: 'error', message: target.message }])
        : target.kind === 'stdin'
          ? checkText(target.file, await readStdin(batch.stdin), options)
          : checkFile(target.file, options),
    );
    progress(1);
  }

  const warnings = crossCheck(
    reports.map((r) => r.file),
    reports.map((r) => r.claims),
  );
  return reports.map(({ claims: _claims, ...report }, i) =>
    warnings[i]!.length === 0 ? report : { ...report, warnings: [...report.warnings, ...warnings[i]!] },
  );
}
