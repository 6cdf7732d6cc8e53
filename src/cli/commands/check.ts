/** `starcheck check <paths...>`: evaluate dossiers and report per tier. */
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../../check/errors.js';
import { didYouMean } from '../../core/suggest.js';
import { exitCodeOf, runOptions, runOutline } from '../../check/run.js';
import { formatters, pieces } from '../../report/index.js';
import { diagnostic } from '../diagnostic.js';
import { ignoreMatcher, type IgnorePattern, type Ignored } from '../../check/ignore.js';
import { plural } from '../../core/words.js';
import { checkTargets, defaultFilesPerThread, FILES_PER_WORKER, notesOf, type BatchDossier } from '../../check/batch.js';
import type { OutputPlan } from '../../check/checked.js';
import { localDate } from '../../core/dates.js';
import { writeTo, type CliIo } from '../io.js';
import { destinationOf, useColor, writeOutput, writePieces, type ByteSink } from '../output.js';
import { MEMORY_BUDGET, PartStore } from '../../check/spool.js';
import { expandPaths, type DossierTarget } from '../../check/paths.js';
import { progressBar } from '../progress.js';
import { parseTiers, terminalWidth } from '../layout.js';
import type { FormatOptions } from '../../report/index.js';

export interface CheckFlags {
  standard?: string;
  asOf?: string;
  require?: string;
  plan?: string;
  format?: string[];
  output?: string;
  warnWithin?: string;
  holidays?: string;
  remind?: string;
  /** --color / --no-color; neither: colour on a terminal only. */
  color?: boolean;
  quiet?: boolean;
  jobs?: string;
  materials?: boolean;
  /** --ignore globs, from the working directory. */
  ignore?: string[];
  /** The config file's ignore globs, each from the config's folder. */
  configIgnore?: IgnorePattern[];
  /** --tiers, or the config's tiers: which tiers the text reports print in full (read once check knows --tiers). */
  tiers?: string;
}

interface OutputSpec {
  format: string;
  file?: string;
}

/**
 * `--format name[=file]`, checked against the registry (or the `names` a
 * command takes); `-o file` is where the one without a file goes.
 */
export function parseFormats(values: readonly string[] = [], output?: string, names: readonly string[] = Object.keys(formatters)): OutputSpec[] {
  const specs = (values.length > 0 ? values : ['text']).map((value): OutputSpec => {
    const eq = value.indexOf('=');
    const format = eq < 0 ? value : value.slice(0, eq);
    const file = eq < 0 ? undefined : value.slice(eq + 1);
    if (!names.includes(format)) {
      throw new UsageError(`unknown format "${format}"${didYouMean(format, names) || ` — expected one of ${names.join(', ')}`}`);
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

/**
 * Two outputs into one file would keep only the last, and an output over a
 * dossier of the run would replace what was checked: both are refused
 * before any dossier is read. Only an output file that exists already can
 * be a dossier; then every dossier is compared with it as a file (device
 * and inode), whatever names or links lead to either: a stat each, which a
 * run writing a new file never pays.
 */
export async function assertOutputsApart(outputs: readonly OutputSpec[], targets: readonly DossierTarget[], cwd: string): Promise<void> {
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

/** What the walks leave out: --ignore from the working directory, the config's ignore from its folder. */
export function ignoredBy(flags: { ignore?: string[]; configIgnore?: IgnorePattern[] }, cwd: string): Ignored {
  return ignoreMatcher([...(flags.configIgnore ?? []), ...(flags.ignore ?? []).map((pattern) => ({ pattern, base: cwd }))]);
}

/** One line for the files a walk found that are no dossiers, so a skip is never silent. */
export function reportSkipped(files: number, io: CliIo): void {
  io.stderr.write(`starcheck: ${files === 1 ? '1 file skipped: not a dossier' : `${plural(files, 'file')} skipped: not dossiers`} (neither schemaVersion nor partner at the top level)\n`);
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

  const quiet = flags.quiet === true;
  const color = useColor(flags.color, io.env, io.stdout.isTTY);
  const tiers = parseTiers(flags.tiers, chosen.catalogue);
  // A file is laid out as for no terminal, and written whole (Markdown for a comment is cut only on standard output).
  const layout = (file: string | undefined): Pick<FormatOptions, 'width' | 'tiers' | 'whole'> => ({
    width: file === undefined ? terminalWidth(io.stdout) : 80,
    ...(tiers !== undefined ? { tiers } : {}),
    whole: file !== undefined,
  });
  const plan: OutputPlan[] = outputs.map(({ format, file }) => ({ format, options: { color: file === undefined && color, quiet, ...layout(file) } }));

  const targets = await expandPaths(paths, io.cwd, io.rawPaths, ignoredBy(flags, io.cwd));
  await assertOutputsApart(outputs, targets, io.cwd);
  const store = new PartStore(tuning.memoryBudget ?? MEMORY_BUDGET);
  try {
    const progress = progressBar(io.stderr, targets.length);
    let checked: BatchDossier[];
    try {
      checked = await checkTargets(
        targets,
        { options, outputs: plan },
        { jobs, filesPerThread, stdin: io.stdin, store, onProgress: (done) => progress.update(done), onSkipped: (files) => reportSkipped(files, io) },
      );
    } finally {
      progress.end();
    }
    const dossiers = checked.map((c) => c.outline);
    const run = runOutline(version, chosen, dossiers);

    const textOnStdout = outputs.some((o) => o.format === 'text' && o.file === undefined);
    if (!textOnStdout || quiet) {
      // Machine output owns stdout, and --quiet keeps it to verdicts; people still see what went wrong.
      for (const d of dossiers) for (const e of d.errors) io.stderr.write(`${diagnostic(d.file, e)}\n`);
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
