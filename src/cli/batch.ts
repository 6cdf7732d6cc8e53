/**
 * Checking a batch of dossier targets: in this thread for a few; for many,
 * on this thread and worker threads together. Each dossier is rendered where
 * it was checked — every output's part of it, and an outline for the
 * summary — so only text crosses threads and no report outlives its dossier.
 * The results come back in the targets' (sorted) order however many workers
 * ran; then the cross-dossier integrity checks run, and the few dossiers
 * they warn about are read again and reported with the warnings.
 */
import type { Worker } from 'node:worker_threads';
import { crossCheck, sameClaims, type Claims } from '../core/integrity.js';
import { UsageError } from '../errors.js';
import type { Finding } from '../findings.js';
import { readSource, readStdin, type ReadResult } from '../load/read.js';
import { StandardError } from '../load/standard.js';
import { checkText, invalid, type CheckOptions, type DossierReport } from '../pipeline.js';
import { formatters, outlineOf, type DossierOutline, type FormatOptions } from '../report/index.js';
import { readTarget, type DossierTarget } from './paths.js';
import { startSlabSupply } from './slab-supply.js';
import { SpoolReader, SpoolWriter, type KeptPart, type SpoolHandle } from './spool.js';
import type { WorkerFailure, WorkerReply } from './worker.js';

/** Files each thread must have for another thread to be worth its start-up (loading the modules again, warming them up). */
export const FILES_PER_WORKER = 100;

/**
 * The files per thread a batch needs before it starts more threads, when
 * --jobs is not given. One Node thread keeps more than one core busy: V8
 * compiles and collects garbage on threads of its own (a one-thread batch
 * takes about 1.3 CPU-seconds a wall second). On a machine of one or two
 * cores those helpers already have the second core, and a worker, which
 * warms up on its own for about a CPU-second, only competes with them: on a
 * 2-core machine, measured, a second thread gains from about 15,000 dossiers
 * (20,000: 2.6 s against 2.8-3.7 s) and loses below (10,000: 1.7 s against
 * 1.5 s). With more cores, a worker has a core of its own from the start.
 */
export function defaultFilesPerThread(cores: number): number {
  return cores <= 2 ? 10_000 : FILES_PER_WORKER;
}
/** Files a thread takes at a time: large enough to keep messages few, small enough to balance the load. */
const CHUNK = 32;

// From src/cli (tests), dist/cli and dist/bundle (the binary) alike, a worker runs the built bundle.
export const workerScript = new URL('../../bin/worker.js', import.meta.url);

/** One output of the run, as each dossier's part is rendered for it. */
export interface OutputPlan {
  format: string;
  options: FormatOptions;
}

/** What the run needs to know in every thread that checks. */
export interface BatchPlan {
  options: CheckOptions;
  outputs: OutputPlan[];
  /** Where the parts go, for a batch large enough to have one (see spool.ts); else they stay in memory. */
  spool?: SpoolHandle;
}

/** A dossier's part of one output, as UTF-8: bytes in memory (of their own, or a view of a spool's slab), or a place in the spool's file. */
export type Part = KeptPart;

/** How a thread keeps the parts it renders. A part's place is final once `flush` has run. */
export interface PartKeeper {
  keep(text: string): Part;
  /**
   * Keeps a copy of `bytes`, which the caller may then reuse (a copy made with
   * `new Uint8Array`: a Buffer's `slice` is a view); `trailer` is what the
   * output puts after the part, kept after it where that saves a copy later.
   */
  keepBytes(bytes: Uint8Array, trailer?: Uint8Array): Part;
  /** Where in a word the next part's bytes would start (see SpoolWriter.phase); 0 where it does not matter. */
  phase(): number;
  flush(): void;
}

const utf8 = new TextEncoder();

/** How to get kept parts' bytes back: from the spool, or the bytes themselves. A spooled part's view holds until the next call. */
export function partBytes(spool: SpoolHandle | undefined): (part: Part) => Uint8Array {
  const reader = spool ? new SpoolReader(spool) : undefined;
  return (part) => (part instanceof Uint8Array ? part : reader!.bytes(part));
}

/** The spool's writer when the batch has a spool; else each part as bytes, its own buffer so it can move between threads. */
export function partKeeper(plan: BatchPlan, slabs?: () => Uint8Array<SharedArrayBuffer> | undefined): PartKeeper {
  return plan.spool
    ? new SpoolWriter(plan.spool, slabs)
    : { keep: (text) => utf8.encode(text), keepBytes: (bytes) => new Uint8Array(bytes), phase: () => 0, flush: () => undefined };
}

/** What a batch keeps of one checked dossier. */
export interface CheckedDossier {
  outline: DossierOutline;
  /**
   * Each output's part of the dossier, in the plan's order; undefined for an
   * output rendered from whole reports. Never a string: a batch keeps every
   * part until the end, and neither spooled parts nor bytes weigh on the
   * garbage collector or need copying to leave a worker.
   */
  parts: Array<Part | undefined>;
  /** The whole report, kept only when some output is rendered from whole reports. */
  report?: DossierReport;
  /** What the cross-dossier checks compare, and the text it came from, to report the dossier again should they warn about it. */
  claims?: Claims;
  source?: Part;
}

export interface BatchOptions {
  /** Threads to use at most. */
  jobs: number;
  /** Files each thread must have before another is started (FILES_PER_WORKER unless told otherwise). */
  filesPerThread?: number;
  stdin: AsyncIterable<Uint8Array>;
  /** Called as dossiers finish, with how many are done. */
  onProgress?: (done: number) => void;
}

/** Dossiers a batch checked on this thread alone needs for its spool slabs to be made ahead: a thousand JSON entries fill a few slabs. */
export const SLAB_SUPPLY_FROM = 1000;

/** Renders a finished report for every output; the report itself is kept only if some output needs it whole. */
function settle(report: DossierReport, outputs: readonly OutputPlan[], keeper: PartKeeper): CheckedDossier {
  let whole = false;
  const parts = outputs.map(({ format, options }) => {
    const formatter = formatters[format]!;
    if (!('part' in formatter)) {
      whole = true;
      return undefined;
    }
    if (formatter.bytes === undefined) return keeper.keep(formatter.part(report, options));
    return keeper.keepBytes(formatter.bytes(report, options, keeper.phase()), formatter.between);
  });
  const checked: CheckedDossier = { outline: outlineOf(report), parts };
  if (whole) {
    const { claims: _claims, ...kept } = report;
    checked.report = kept;
  }
  return checked;
}

/**
 * Checks one dossier whose text has been read (or failed to be) and renders
 * it. The text is kept only with `keepSource`, for what cannot be read again
 * (standard input, a FIFO): should the cross-dossier checks warn about a
 * file, it is read again instead, which is far cheaper than holding every
 * text of a batch for the few they warn about.
 */
export function checkAndRender(file: string, read: ReadResult, plan: BatchPlan, keeper: PartKeeper, keepSource = false): CheckedDossier {
  const report = checkText(file, read, plan.options);
  const checked = settle(report, plan.outputs, keeper);
  if (report.claims !== undefined && read.ok) {
    checked.claims = report.claims;
    // Kept like a part, off the heap.
    if (keepSource) checked.source = keeper.keep(read.text);
  }
  return checked;
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
 * thread checks too rather than wait: on a machine with as many cores as
 * threads, a waiting main thread would leave one core to the others'
 * messages and little else.
 */
async function checkInThreads(files: string[], plan: BatchPlan, keeper: PartKeeper, count: number, onDone: (n: number) => void): Promise<CheckedDossier[]> {
  const results: CheckedDossier[] = new Array(files.length);
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
  const threads = await import('node:worker_threads');
  const workers = Array.from({ length: count - 1 }, () => new threads.Worker(workerScript, { workerData: plan }));
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
        reply.checked.forEach((checked, i) => (results[start + i] = checked));
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
      for (let i = chunk.start; i < chunk.end; i++) results[i] = checkAndRender(files[i]!, readSource(files[i]!, { regularOnly: true }), plan, keeper);
      keeper.flush();
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
    // This thread's chunk in hand finishes before the error goes up (and the spool it writes to is closed).
    await own.catch(() => undefined);
    throw error;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/**
 * How much bytecode TurboFan may inline into one function it optimises, in a
 * batch (V8's own limit is 920). A batch spends its first thousand dossiers
 * or so in unoptimised code while V8 compiles some two hundred functions on
 * its background threads; at V8's limit that compiling takes as much CPU time
 * as the checking itself, so the optimised code comes late, and on a machine
 * shared with others the compiling takes CPU from the checking. Smaller
 * functions compile sooner and cheaper, and run nearly as fast. Measured on
 * 10,000 dossiers, 14 and 16 interleaved rounds: 200 took 5.7% and 9% less
 * time (1,431 ms against 1,517; 1,437 against 1,584) and 12% less CPU time;
 * 300 and 100 gained less, no inlining at all lost.
 */
export const BATCH_INLINING_BUDGET = 200;

/** Checks every target, the batch never stopping for a bad dossier; one result per target, in order. */
export async function checkTargets(targets: DossierTarget[], plan: BatchPlan, batch: BatchOptions): Promise<CheckedDossier[]> {
  // What can be read only once is checked on this thread, which keeps its text.
  // Worker threads take files by name: a FIFO or device the user named, or a name that is not UTF-8, is read here.
  const files = targets.flatMap((t) => (t.kind === 'file' && t.readOnce !== true && t.path === undefined ? [t.file] : []));
  const threads = Math.min(batch.jobs, Math.floor(files.length / (batch.filesPerThread ?? FILES_PER_WORKER)));
  // For the whole process, before the batch's code is hot. Not earlier, nor for a batch on worker threads:
  // V8 takes the CLI's code cache only under the flags it was written with, and each worker loads the
  // bundle after this (the slab supplier's one load, off the checking thread, is the exception paid).
  if (files.length >= FILES_PER_WORKER && threads < 2) {
    (await import('node:v8')).setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${BATCH_INLINING_BUDGET}`);
  }
  let done = 0;
  const progress = (n: number): void => {
    done += n;
    batch.onProgress?.(done);
  };

  // Checked on this thread alone, when --jobs leaves room for a thread more: that thread makes the spool's slabs ahead.
  const supply =
    threads < 2 && batch.jobs >= 2 && plan.spool !== undefined && files.length >= SLAB_SUPPLY_FROM ? await startSlabSupply(plan.spool, workerScript) : undefined;
  try {
    return await checkAll(targets, files, threads, plan, batch, partKeeper(plan, supply?.take), progress);
  } finally {
    await supply?.stop();
  }
}

/** checkTargets with its threads counted and its keeper made. */
async function checkAll(
  targets: DossierTarget[],
  files: string[],
  threads: number,
  plan: BatchPlan,
  batch: BatchOptions,
  keeper: PartKeeper,
  progress: (n: number) => void,
): Promise<CheckedDossier[]> {
  const fromFiles = new Map<string, CheckedDossier>();
  if (threads >= 2) {
    const checked = await checkInThreads(files, plan, keeper, threads, progress);
    files.forEach((file, i) => fromFiles.set(file, checked[i]!));
  }
  const results: CheckedDossier[] = [];
  for (const target of targets) {
    const done = target.kind === 'file' ? fromFiles.get(target.file) : undefined;
    if (done) {
      results.push(done);
      continue;
    }
    results.push(
      target.kind === 'unmatched'
        ? settle(invalid(target.file, [{ code: target.code ?? 'no-match', severity: 'error', message: target.message }]), plan.outputs, keeper)
        : target.kind === 'stdin'
          ? checkAndRender(target.file, await readStdin(batch.stdin), plan, keeper, true)
          : checkAndRender(target.file, readTarget(target), plan, keeper, target.readOnce === true || target.path !== undefined),
    );
    progress(1);
  }
  // Every part and text kept has its place before the cross-dossier checks read texts back.
  keeper.flush();
  const final = crossChecked(results, plan, keeper);
  keeper.flush();
  return final;
}

/**
 * Adds the batch's integrity warnings: a dossier they name is checked again
 * — from its kept text, or read again — with the warnings (located in it
 * then), and rendered anew. A file that no longer makes the claims the
 * warnings rest on changed during the run: that is an error, not a report of
 * a text nobody can see any more. Claims and texts are dropped once compared.
 */
function crossChecked(results: CheckedDossier[], plan: BatchPlan, keeper: PartKeeper): CheckedDossier[] {
  const warnings = crossCheck(
    results.map((r) => r.outline.file),
    results.map((r) => r.claims),
  );
  const bytesOf = partBytes(plan.spool);
  const decoder = new TextDecoder();
  return results.map(({ claims, source: kept, ...checked }, i) => {
    const extra: Finding[] = warnings[i]!;
    if (extra.length === 0 || claims === undefined) return checked;
    const file = checked.outline.file;
    const read: ReadResult = kept !== undefined ? { ok: true, text: decoder.decode(bytesOf(kept)) } : readSource(file);
    const report = checkText(file, read, plan.options, extra);
    if (report.claims !== undefined && sameClaims(report.claims, claims)) return settle(report, plan.outputs, keeper);
    const changed: Finding = {
      code: 'changed-during-run',
      severity: 'error',
      message: 'the file changed while the batch was checked (it no longer makes the claims it first made); check it again',
    };
    return settle(invalid(file, [changed]), plan.outputs, keeper);
  });
}
