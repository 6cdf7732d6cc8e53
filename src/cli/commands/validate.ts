/**
 * `starcheck validate <paths...>`: schema and catalogue checks only, no
 * evaluation. The same paths (files, directories, globs, -), errors,
 * locations and exit codes as `check`; one line per error, so editors and CI
 * logs can link to each.
 */
import { EXIT, UsageError } from '../../check/errors.js';
import { printable } from '../../core/findings.js';
import { readStdin } from '../../load/read.js';
import { DEFAULT_STANDARD, loadStandard } from '../../validate/standard.js';
import { validateText } from '../../check/dossier.js';
import { locatedMessage } from '../../report/view.js';
import type { CliIo } from '../io.js';
import { expandPaths, readTarget } from '../../check/paths.js';

export interface ValidateFlags {
  standard?: string;
  quiet: boolean;
}

export async function runValidate(paths: string[], flags: ValidateFlags, io: CliIo): Promise<number> {
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input ("-") can be read only once');
  // A standard named on the command line must load before any dossier is read (exit 3 otherwise).
  loadStandard(flags.standard ?? DEFAULT_STANDARD);
  let code: number = EXIT.ok;
  for (const target of await expandPaths(paths, io.cwd, io.rawPaths)) {
    const { file } = target;
    if (target.kind === 'unmatched') {
      code = EXIT.badDossier;
      io.stdout.write(`${printable(`${file}: ${target.message}`)}\n`);
      continue;
    }
    const validated = validateText(file, target.kind === 'stdin' ? await readStdin(io.stdin) : readTarget(target), flags.standard);
    if (validated.ok) {
      // Against a standard file it supplied itself, a dossier says so, as check's own-standard warning does.
      const against = validated.ownStandard !== undefined ? `its own standard ${validated.catalogue.standard.id}, from ${validated.ownStandard}` : `${validated.catalogue.standard.id} standard`;
      if (!flags.quiet) io.stdout.write(`${printable(`${file}: valid (${against})`)}\n`);
    } else {
      code = EXIT.badDossier;
      for (const error of validated.report.errors) io.stdout.write(`${locatedMessage(file, error)}\n`);
    }
  }
  return code;
}
