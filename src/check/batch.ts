/**
 * Checking a batch of dossier targets: on this thread for a few; for many,
 * on this thread and worker threads together, each taking chunks of files
 * from one queue. Each dossier is rendered where it was checked — every
 * output's part of it, its outline and notes — so only bytes and small
 * records cross threads and no report outlives its dossier; the parts,
 * notes and claims go to a PartStore (memory, then one temporary file), and
 * only the outline and a hash per claim stay in memory. The results come back
 * in the targets' (sorted) order however many threads ran; then the
 * cross-dossier integrity checks run, and the few dossiers they warn about
 * are read again and reported with the warnings.
 */
import type { Worker } from 'node:worker_threads';
import { crossCheck, sameClaims } from '../core/integrity.js';
import { sharingHashes } from './claims.js';
import { UsageError } from './errors.js';
import type { Finding } from '../core/findings.js';
import { readSource, readStdin, type ReadResult } from '../load/read.js';
import { StandardError } from '../validate/standard.js';
import { checkText, invalid, type DossierReport } from './dossier.js';
import type { DossierOutline } from '../report/index.js';
import { checkAndRender, claimsFrom, claimsPiece, notePiece, settle, type BatchPlan, type CheckedDossier, type FileJob, type WorkerFailure, type WorkerReply } from './checked.js';
import { walksOfNoDossier } from './skipped.js';
import { readTarget, type DossierTarget } from './paths.js';
import type { KeptParts, PartStore } from './spool.js';

/** Files each thread must have for another thread to be worth its start-up (loading the modules again, warming them up). */
export const FILES_PER_WORKER = 100;

/**
 * The files per thread a batch needs before it starts more threads, when
 * --jobs is not given. One Node thread keeps more than one core busy: V8
 * compiles and collects garbage on threads of its own. On a machine of one
 * or two cores those helpers already have the second core, and a worker,
 * which warms up on its own for about a CPU-second, only competes with them:
 * on a 2-core machine, measured, a second thread gains from about 15,000
 * dossiers and loses below. With more cores, a worker has a core of its own.
 */
export function defaultFilesPerThread(cores: number): number {
  return cores <= 2 ? 10_000 : FILES_PER_WORKER;
}
/** Files a thread takes at a time: large enough to keep messages few, small enough to balance the load. */
const CHUNK = 32;

// From src/check (tests), dist/check and dist/bundle (the binary) alike, a worker runs the built bundle.
export const workerScript = new URL('../../bin/worker.js', import.meta.url);

/** What a batch keeps of one dossier until its outputs are written: its outline in memory, its parts, notes and claims in the store (see CheckedDossier). */
export interface BatchDossier {
  outline: DossierOutline;
  parts: KeptParts;
  /** The whole report, for a plan that keeps reports. */
  report?: DossierReport;
}

/** Output number `k`'s note of each dossier, in order, read from the store as they are iterated. */
export function* notesOf(dossiers: readonly BatchDossier[], store: PartStore, outputs: number, k: number): Generator<unknown> {
  const text = new TextDecoder();
  for (const d of dossiers) {
    const bytes = store.part(d.parts, notePiece(outputs, k));
    yield bytes.length === 0 ? undefined : JSON.parse(text.decode(bytes));
  }
}

export interface BatchOptions {
  /** Threads to use at most. */
  jobs: number;
  /** Files each thread must have before another is started (FILES_PER_WORKER unless told otherwise). */
  filesPerThread?: number;
  stdin: AsyncIterable<Uint8Array>;
  /** Where the dossiers' parts are kept. */
  store: PartStore;
  /** Called as dossiers finish, with how many are done. */
  onProgress?: (done: number) => void;
  /** Called once, when files a walk found were skipped as no dossiers (see NOT_A_DOSSIER), with how many. */
  onSkipped?: (files: number) => void;
}

/** A checked dossier as the batch keeps it until the cross-dossier checks: its parts stored, its claims' hashes and text still at hand. */
type Pending = BatchDossier & { claimHashes?: number[]; read?: ReadResult };

/** What the batch keeps of a file a walk found that is no dossier: nothing but that it was skipped. */
const SKIPPED = Symbol('not a dossier');
type Kept = Pending | typeof SKIPPED;

function keep({ outline, parts, lengths, claimHashes, read, report, skipped }: CheckedDossier, store: PartStore): Kept {
  if (skipped) return SKIPPED;
  return {
    outline,
    parts: store.keep(parts, lengths),
    ...(claimHashes ? { claimHashes } : {}),
    ...(read !== undefined ? { read } : {}),
    ...(report !== undefined ? { report } : {}),
  };
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
 * taking chunks from one queue; the results are in the files' order. This
 * thread checks too rather than wait for the others.
 */
async function checkInThreads(files: FileJob[], plan: BatchPlan, count: number, store: PartStore, onDone: (n: number) => void): Promise<Kept[]> {
  const results: Kept[] = new Array(files.length);
  let next = 0;
  // Set when a thread fails: the others take no more work, so the run ends with its error at once.
  let stopped = false;
  const take = (): { start: number; end: number } | undefined => {
    if (stopped || next >= files.length) return undefined;
    const start = next;
    next = Math.min(files.length, next + CHUNK);
    return { start, end: next };
  };
  // Loaded only for a batch large enough for threads.
  const { Worker } = await import('node:worker_threads');
  const workers = Array.from({ length: count - 1 }, () => new Worker(workerScript, { workerData: plan }));
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
        reply.checked.forEach((checked, i) => (results[start + i] = keep(checked, store)));
        onDone(reply.checked.length);
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
      for (let i = chunk.start; i < chunk.end; i++) {
        const { file, walked } = files[i]!;
        results[i] = keep(checkAndRender(file, readSource(file, { regularOnly: true }), plan, false, walked !== undefined), store);
      }
      onDone(chunk.end - chunk.start);
      // Let the workers' replies in, so they get their next chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const own = inThisThread();
  try {
    await Promise.all([...workers.map(inWorker), own]);
  } catch (error) {
    stopped = true;
    await own.catch(() => undefined);
    throw error;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** Checks every target, the batch never stopping for a bad dossier; one result per target, in order. */
export async function checkTargets(targets: DossierTarget[], plan: BatchPlan, batch: BatchOptions): Promise<BatchDossier[]> {
  const { store } = batch;
  // What can be read only once is checked on this thread, which keeps its text.
  // Worker threads take files by name: a FIFO or device the user named, or a name that is not UTF-8, is read here.
  const files = targets.flatMap((t): FileJob[] => (t.kind === 'file' && t.readOnce !== true && t.path === undefined ? [t.walked !== undefined ? { file: t.file, walked: t.walked } : { file: t.file }] : []));
  const threads = Math.min(batch.jobs, Math.floor(files.length / (batch.filesPerThread ?? FILES_PER_WORKER)));
  let done = 0;
  const progress = (n: number): void => {
    done += n;
    batch.onProgress?.(done);
  };
  const fromFiles = new Map<string, Kept>();
  if (threads >= 2) {
    const checked = await checkInThreads(files, plan, threads, store, progress);
    files.forEach(({ file }, i) => fromFiles.set(file, checked[i]!));
  }
  const results: Kept[] = [];
  for (const target of targets) {
    const already = target.kind === 'file' ? fromFiles.get(target.file) : undefined;
    if (already !== undefined) {
      results.push(already);
      continue;
    }
    const checked =
      target.kind === 'unmatched'
        ? settle(invalid(target.file, [{ code: target.code ?? 'no-match', severity: 'error', message: target.message }]), plan)
        : target.kind === 'stdin'
          ? checkAndRender(target.file, await readStdin(batch.stdin), plan, true)
          : checkAndRender(target.file, readTarget(target), plan, target.readOnce === true || target.path !== undefined, target.walked !== undefined);
    results.push(keep(checked, store));
    progress(1);
    // Now and then a turn of the event loop, so a signal is handled during a long batch on this thread.
    if (results.length % CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return crossChecked(withoutSkipped(targets, results, plan, store, batch.onSkipped), plan, store);
}

/** The results but the files skipped as no dossiers, counted for `onSkipped`; a walk all of whose files were skipped is a row (see skipped.ts). */
function withoutSkipped(targets: readonly DossierTarget[], results: readonly Kept[], plan: BatchPlan, store: PartStore, onSkipped?: (files: number) => void): Pending[] {
  const skipped = results.filter((r) => r === SKIPPED).length;
  if (skipped === 0) return results as Pending[];
  const rows = walksOfNoDossier(targets, (i) => results[i] === SKIPPED);
  const pending: Pending[] = [];
  results.forEach((result, i) => {
    const row = rows.get(i);
    if (result !== SKIPPED) pending.push(result);
    else if (row !== undefined) pending.push(keep(settle(invalid(row.file, [row.error]), plan), store) as Pending);
  });
  onSkipped?.(skipped);
  return pending;
}

/**
 * Adds the batch's integrity warnings. Only the dossiers whose claims share
 * a hash with another's (see claims.ts) can be warned: their claims, as
 * first read, come back from the store and are compared for real. A dossier
 * warned is checked again — from its kept text, or read again — with the
 * warnings (located in it then), and rendered anew. A file that no longer
 * makes the claims the warnings rest on changed during the run: that is an
 * error, not a report of a text nobody can see any more.
 */
function crossChecked(results: readonly Pending[], plan: BatchPlan, store: PartStore): BatchDossier[] {
  const suspects = sharingHashes(results.map((r) => r.claimHashes));
  const claimsOfSuspects = suspects.map((i) => claimsFrom(store.part(results[i]!.parts, claimsPiece(plan.outputs.length)))!);
  const warnings = crossCheck(
    suspects.map((i) => results[i]!.outline.file),
    claimsOfSuspects,
  );
  const batch: BatchDossier[] = results.map(({ outline, parts, report }) => ({ outline, parts, ...(report !== undefined ? { report } : {}) }));
  suspects.forEach((i, s) => {
    const extra: Finding[] = warnings[s]!;
    if (extra.length === 0) return;
    const file = batch[i]!.outline.file;
    const read: ReadResult = results[i]!.read ?? readSource(file, { regularOnly: true });
    const report = checkText(file, read, plan.options, extra);
    const changed: Finding = {
      code: 'changed-during-run',
      severity: 'error',
      message: 'the file changed while the batch was checked (it no longer makes the claims it first made); check it again',
    };
    const again = report.claims !== undefined && sameClaims(report.claims, claimsOfSuspects[s]!) ? settle(report, plan) : settle(invalid(file, [changed]), plan);
    // A dossier checked again is the one the batch kept: never skipped.
    const { outline, parts, report: kept } = keep(again, store) as Pending;
    batch[i] = { outline, parts, ...(kept !== undefined ? { report: kept } : {}) };
  });
  return batch;
}
