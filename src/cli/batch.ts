/**
 * Checking a batch of dossier targets: in this thread for a few, on worker
 * threads for many. Reports come back in the targets' (sorted) order however
 * many workers ran, then the cross-dossier integrity warnings are added.
 */
import { crossCheck } from '../core/integrity.js';
import { UsageError } from '../errors.js';
import { readStdin } from '../load/read.js';
import { StandardError } from '../load/standard.js';
import { checkFile, checkText, invalid, type CheckOptions, type DossierReport } from '../pipeline.js';
import type { DossierTarget } from './paths.js';
import type { WorkerFailure, WorkerReply } from './worker.js';

/** Files a worker must have to be worth its start-up (loading the modules again, warming them up). */
export const FILES_PER_WORKER = 100;
/** Files sent to a worker at a time: large enough to keep messages few, small enough to balance the load. */
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

/** Checks `files` on `count` worker threads; the reports are in the files' order. */
async function checkInWorkers(files: string[], options: CheckOptions, count: number, onDone: (n: number) => void): Promise<DossierReport[]> {
  const reports: DossierReport[] = new Array(files.length);
  let next = 0;
  // Loaded only for a batch large enough for threads.
  const { Worker } = await import('node:worker_threads');
  const workers = Array.from({ length: count }, () => new Worker(workerScript, { workerData: options }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let start = 0;
            const send = (): void => {
              if (next >= files.length) {
                resolve();
                return;
              }
              start = next;
              next = Math.min(files.length, next + CHUNK);
              worker.postMessage(files.slice(start, next));
            };
            worker.on('message', (reply: WorkerReply) => {
              if (!reply.ok) {
                reject(asError(reply.failure));
                return;
              }
              reply.reports.forEach((report, i) => (reports[start + i] = report));
              onDone(reply.reports.length);
              send();
            });
            worker.on('error', reject);
            // A worker that stops with work outstanding must not leave the batch waiting forever.
            worker.on('exit', (code) => reject(new Error(`a worker thread stopped (exit code ${code}) before its dossiers were checked`)));
            send();
          }),
      ),
    );
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
    const reports = await checkInWorkers(files, options, threads, progress);
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
