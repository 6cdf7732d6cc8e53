/**
 * `starcheck validate <paths...>`: schema and catalogue checks only, no
 * evaluation. The same paths (files, directories, globs, -), errors,
 * locations and exit codes as `check`; in text one line per error, so
 * editors and CI logs can link to each. `--format json|github|sarif|junit`
 * prints the same through check's formatters, as a report without tiers.
 */
import { EXIT, UsageError } from '../../check/errors.js';
import { printable } from '../../core/findings.js';
import { readStdin } from '../../load/read.js';
import { DEFAULT_STANDARD, loadStandard } from '../../validate/standard.js';
import { invalid, ownStandardWarnings, validateText, type DossierReport } from '../../check/dossier.js';
import { packageVersion, runOutline } from '../../check/run.js';
import { formatters, outlineOf, render } from '../../report/index.js';
import { walksOfNoDossier } from '../../check/skipped.js';
import type { CliIo } from '../io.js';
import { expandPaths, readTarget } from '../../check/paths.js';
import type { IgnorePattern } from '../../check/ignore.js';
import { diagnostic } from '../diagnostic.js';
import { writeOutput, writePieces } from '../output.js';
import { writeTo } from '../io.js';
import { assertOutputsApart, ignoredBy, parseFormats, reportSkipped } from './check.js';

/** The formats a validation-only report makes sense in: no tiers, so no tables. */
export const VALIDATE_FORMATS = ['text', 'json', 'github', 'sarif', 'junit'] as const;

export interface ValidateFlags {
  standard?: string;
  quiet?: boolean;
  format?: string[];
  output?: string;
  ignore?: string[];
  configIgnore?: IgnorePattern[];
}

/** A valid dossier as a report without tiers: it passes, as far as validation goes. */
function validReport(file: string, partner: string, standard: string, warnings: DossierReport['warnings']): DossierReport {
  return { ...invalid(file, []), partner, standard, valid: true, pass: true, warnings };
}

export async function runValidate(paths: string[], flags: ValidateFlags, io: CliIo): Promise<number> {
  const outputs = parseFormats(flags.format, flags.output, VALIDATE_FORMATS);
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input ("-") can be read only once');
  // A standard named on the command line must load before any dossier is read (exit 3 otherwise).
  const chosen = loadStandard(flags.standard ?? DEFAULT_STANDARD);
  const targets = await expandPaths(paths, io.cwd, io.rawPaths, ignoredBy(flags, io.cwd));
  await assertOutputsApart(outputs, targets, io.cwd);
  /** Each target's report and text lines (one per error, and one per valid dossier unless quiet), or undefined when skipped. */
  const results: Array<{ report: DossierReport; lines: string[] } | undefined> = [];
  for (const target of targets) {
    const { file } = target;
    if (target.kind === 'unmatched') {
      const error = { code: target.code ?? 'no-match', severity: 'error' as const, message: target.message };
      results.push({ report: invalid(file, [error]), lines: [diagnostic(file, error)] });
      continue;
    }
    const read = target.kind === 'stdin' ? await readStdin(io.stdin) : readTarget(target);
    const validated = validateText(file, read, flags.standard, target.kind === 'file' && target.walked !== undefined);
    if (validated.ok) {
      // Against a standard file it supplied itself, a dossier says so, as check's own-standard warning does.
      const against = validated.ownStandard !== undefined ? `its own standard ${validated.catalogue.standard.id}, from ${validated.ownStandard}` : `${validated.catalogue.standard.id} standard`;
      const report = validReport(file, validated.dossier.partner.name, validated.catalogue.standard.id, ownStandardWarnings(validated));
      results.push({ report, lines: flags.quiet === true ? [] : [printable(`${file}: valid (${against})`)] });
    } else if (validated.notDossier === true) {
      results.push(undefined);
    } else {
      results.push({ report: validated.report, lines: validated.report.errors.map((error) => diagnostic(file, error)) });
    }
  }
  const skipped = results.filter((r) => r === undefined).length;
  if (skipped > 0) {
    reportSkipped(skipped, io);
    for (const [i, { file, error }] of walksOfNoDossier(targets, (i) => results[i] === undefined)) results[i] = { report: invalid(file, [error]), lines: [diagnostic(file, error)] };
  }
  const kept = results.filter((r) => r !== undefined);
  const reports = kept.map((r) => r.report);
  const lines = kept.flatMap((r) => r.lines);
  const run = { ...runOutline(packageVersion(), chosen, reports.map(outlineOf)), dossiers: reports };
  for (const { format, file } of outputs) {
    const text = format === 'text' ? lines.map((line) => `${line}\n`).join('') : render(formatters[format]!, run, { color: false, quiet: flags.quiet === true });
    const fill = (sink: (bytes: Uint8Array) => unknown): Promise<void> => writePieces([text], sink);
    if (file === undefined) await fill((bytes) => writeTo(io.stdout, bytes));
    else await writeOutput(file, fill, io);
  }
  return reports.some((r) => !r.valid) ? EXIT.badDossier : EXIT.ok;
}
