/** `starcheck check <paths...>`: evaluate dossiers and report per tier. */
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../../check/errors.js';
import { didYouMean } from '../../core/suggest.js';
import { exitCodeOf, runOptions, runOutline } from '../../check/run.js';
import { formatters, pieces } from '../../report/index.js';
import { locatedMessage } from '../../report/view.js';
import { checkTargets, defaultFilesPerThread, FILES_PER_WORKER, notesOf, type BatchDossier } from '../../check/batch.js';
import type { OutputPlan } from '../../check/checked.js';
import { localDate } from '../../core/dates.js';
import { writeTo, type CliIo } from '../io.js';
import { destinationOf, useColor, writeAtomically, writePieces, type ByteSink } from '../output.js';
import { MEMORY_BUDGET, PartStore } from '../../check/spool.js';
import { expandPaths, type DossierTarget } from '../../check/paths.js';
import { progressBar } from '../progress.js';

export interface CheckFlags {
  standard?: string;
  asOf?: string;
  require?: string;
  plan?: string;
  format: string[];
  output?: string;
  warnWithin?: string;
  holidays?: string;
  remind?: string;
  color: boolean;
  quiet: boolean;
  jobs?: string;
  materials?: boolean;
}

interface OutputSpec {
  format: string;
  file?: string;
}

/** `--format name[=file]`, checked against the registry; `-o file` is where the one without a file goes. */
export function parseFormats(values: string[], output?: string): OutputSpec[] {
  const specs = (values.length > 0 ? values : ['text']).map((value): OutputSpec => {
    const eq = value.indexOf('=');
    const format = eq < 0 ? value : value.slice(0, eq);
    const file = eq < 0 ? undefined : value.slice(eq + 1);
    if (!Object.hasOwn(formatters, format)) {
      throw new UsageError(`unknown format "${format}"${didYouMean(format, Object.keys(formatters)) || ` — expected one of ${Object.keys(formatters).join(', ')}`}`);
    }
    if (file === '') throw new UsageError(`--format ${format}=: the file name is missing`);
    // `-` is standard output, as it is for a dossier; a file of that name is ./-
    return file === undefined || file === '-' ? { format } : { format, file };
  });
  if (specs.filter((s) => s.file === undefined).length > 1) {
    throw new UsageError('only one --format can print to standard output; give the others a file: --format junit=report.xml');
  }
  if (output === undefined || output === '-') return specs;
  if (output === '') throw new UsageError('--output: the file name is missing');
  return specs.map((spec) => (spec.file === undefined ? { ...spec, file: output } : spec));
}

/** A file that cannot be written is a problem with how starcheck was called, not a bug. */
async function writeOutput(file: string, fill: (sink: ByteSink) => Promise<void>, io: CliIo): Promise<void> {
  try {
    await writeAtomically(file, fill, io.temporaries);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot write ${file} (${reason}); the file is left as it was`);
  }
}

/**
 * Two outputs into one file would keep only the last, and an output over a
 * dossier of the run would replace what was checked: both are refused
 * before any dossier is read. Only an output file that exists already can
 * be a dossier; then every dossier is compared with it as a file (device
 * and inode), whatever names or links lead to either: a stat each, which a
 * run writing a new file never pays.
 */
async function assertOutputsApart(outputs: readonly OutputSpec[], targets: readonly DossierTarget[], cwd: string): Promise<void> {
  // Most runs print to stdout only, and a single check is mostly start-up.
  if (outputs.every((o) => o.file === undefined)) return;
  const { stat } = await import('node:fs/promises');
  const seen = new Map<string, OutputSpec>();
  for (const output of outputs) {
    if (output.file === undefined) continue;
    const { path, direct } = await destinationOf(output.file);
    // A device or a pipe can take several outputs in turn, and is no dossier.
    if (direct) continue;
    const key = resolve(path);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new UsageError(`--format ${earlier.format}=${earlier.file} and --format ${output.format}=${output.file} write the same file; give each output its own`);
    }
    seen.set(key, output);
    const info = await stat(key).catch(() => undefined);
    if (info === undefined) continue;
    for (const target of targets) {
      if (target.kind !== 'file') continue;
      const dossier = statSync(resolve(cwd, target.file), { throwIfNoEntry: false });
      if (dossier !== undefined && dossier.dev === info.dev && dossier.ino === info.ino) {
        throw new UsageError(`--format ${output.format}=${output.file} would overwrite ${target.file}, a dossier of this run; write the report to another file`);
      }
    }
  }
}

/** `--jobs <n>`: a whole number of threads, at least 1; by default the cores Node may use. */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--jobs "${value}" is not a whole number of threads (1 or more)`);
  return Number(value);
}

/** Tuning a test may set: the bytes of parts a batch holds in memory before it spills to its temporary file. */
export interface CheckTuning {
  memoryBudget?: number;
}

export async function runCheck(paths: string[], flags: CheckFlags, io: CliIo, version: string, tuning: CheckTuning = {}): Promise<number> {
  const outputs = parseFormats(flags.format, flags.output);
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input ("-") can be read only once');
  const jobs = parseJobs(flags.jobs);
  // --jobs is taken at its word; by default the batch also asks whether more threads would pay off on this machine.
  const filesPerThread = flags.jobs === undefined ? defaultFilesPerThread(availableParallelism()) : FILES_PER_WORKER;
  const { options, chosen } = runOptions(
    {
      ...(flags.standard !== undefined ? { standard: flags.standard } : {}),
      ...(flags.asOf !== undefined ? { asOf: flags.asOf } : {}),
      ...(flags.require !== undefined ? { require: flags.require } : {}),
      ...(flags.plan !== undefined ? { plan: flags.plan } : {}),
      ...(flags.warnWithin !== undefined ? { warnWithin: flags.warnWithin } : {}),
      ...(flags.materials === true ? { materials: true } : {}),
      ...(flags.holidays !== undefined ? { holidays: resolve(io.cwd, flags.holidays) } : {}),
      ...(flags.remind !== undefined ? { remind: flags.remind } : {}),
      today: localDate(io.now()),
    },
    { asOf: '--as-of', warnWithin: '--warn-within', remind: '--remind' },
  );

  const color = useColor(flags.color, io.env, io.stdout.isTTY);
  const plan: OutputPlan[] = outputs.map(({ format, file }) => ({ format, options: { color: file === undefined && color, quiet: flags.quiet } }));

  const targets = await expandPaths(paths, io.cwd, io.rawPaths);
  await assertOutputsApart(outputs, targets, io.cwd);
  const store = new PartStore(tuning.memoryBudget ?? MEMORY_BUDGET);
  try {
    const progress = progressBar(io.stderr, targets.length);
    let checked: BatchDossier[];
    try {
      checked = await checkTargets(targets, { options, outputs: plan }, { jobs, filesPerThread, stdin: io.stdin, store, onProgress: (done) => progress.update(done) });
    } finally {
      progress.end();
    }
    const dossiers = checked.map((c) => c.outline);
    const run = runOutline(version, chosen, dossiers);

    const textOnStdout = outputs.some((o) => o.format === 'text' && o.file === undefined);
    if (!textOnStdout || flags.quiet) {
      // Machine output owns stdout, and --quiet keeps it to verdicts; people still see what went wrong.
      for (const d of dossiers) for (const e of d.errors) io.stderr.write(`${locatedMessage(d.file, e)}\n`);
    }
    for (const [k, { format, options: formatOptions }] of plan.entries()) {
      const assembly = formatters[format]!.assemble(run, formatOptions, notesOf(checked, store, plan.length, k));
      const parts = (function* () {
        for (const c of checked) yield store.part(c.parts, k);
      })();
      const fill = (sink: ByteSink): Promise<void> => writePieces(pieces(assembly, parts), sink);
      const file = outputs[k]!.file;
      if (file === undefined) await fill((bytes) => writeTo(io.stdout, bytes));
      else await writeOutput(file, fill, io);
    }
    return exitCodeOf(dossiers);
  } finally {
    store.close();
  }
}
