/**
 * `starcheck pack <dossier> [-o file.zip]`: the submission as one zip for
 * the application e-mail (see check/pack.ts). Refused, exit 2 with what is
 * wrong or missing, for a dossier that is invalid or whose materials are
 * incomplete. Like `init`, it never overwrites a file (exit 3), and the zip
 * appears whole or not at all; `-o -` writes it to standard output.
 */
import { resolve } from 'node:path';
import { EXIT, UsageError } from '../../check/errors.js';
import { packSubmission, safeName } from '../../check/pack.js';
import { runOptions } from '../../check/run.js';
import { localDate } from '../../core/dates.js';
import { materialGaps } from '../../report/materials.js';
import { diagnostic } from '../diagnostic.js';
import { writeTo, type CliIo } from '../io.js';
import { writeNewFile } from '../output.js';

export interface PackFlags {
  output?: string;
  standard?: string;
  asOf?: string;
  require?: string;
  holidays?: string;
}

/** Where the zip goes when -o is not given: <partner id, else name>-submission.zip in the working directory. */
export function defaultZipName(partner: { id?: string; name: string }): string {
  return `${safeName(partner.id ?? partner.name)}-submission.zip`;
}

export async function runPack(dossier: string, flags: PackFlags, io: CliIo, version: string): Promise<number> {
  if (dossier === '-') throw new UsageError('pack reads a dossier file, beside which its materials are; not standard input');
  if (flags.output === '') throw new UsageError('--output: the file name is missing');
  const { options, chosen } = runOptions(
    {
      ...(flags.standard !== undefined ? { standard: flags.standard } : {}),
      ...(flags.asOf !== undefined ? { asOf: flags.asOf } : {}),
      ...(flags.require !== undefined ? { require: flags.require } : {}),
      // The packed report must say what check says of the same dossier: a deadline moved by a holiday is met in both.
      ...(flags.holidays !== undefined ? { holidays: resolve(io.cwd, flags.holidays) } : {}),
      today: localDate(io.now()),
    },
    { asOf: '--as-of', warnWithin: '--warn-within', remind: '--remind' },
  );
  const packed = packSubmission(resolve(io.cwd, dossier), options, chosen, version);
  if (!packed.ok) {
    const { report } = packed;
    const shown = { ...report, file: dossier };
    if (!report.valid) for (const e of report.errors) io.stderr.write(`${diagnostic(dossier, e)}\n`);
    else for (const gap of materialGaps(report)) io.stderr.write(`${diagnostic(dossier, gap)}\n`);
    io.stderr.write(`starcheck: ${shown.file} was not packed: ${report.valid ? 'the submission is incomplete' : 'the dossier is invalid'}\n`);
    return EXIT.badDossier;
  }
  // `-o -`, as for check: the zip goes to standard output (`starcheck pack d.yaml -o - | ssh … 'cat > d.zip'`).
  if (flags.output === '-') {
    await writeTo(io.stdout, packed.zip);
    io.stderr.write(`starcheck: wrote the zip to standard output: ${packed.members.join(', ')}\n`);
    return EXIT.ok;
  }
  const target = flags.output ?? defaultZipName(packed.partner);
  let written: boolean;
  try {
    written = await writeNewFile(resolve(io.cwd, target), packed.zip, io.temporaries);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    const reason = code === 'ENOENT' ? 'its directory does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code;
    throw new UsageError(`cannot write ${target}: ${reason}`);
  }
  if (!written) throw new UsageError(`${target} already exists; pack never overwrites a file — remove it, or name another with -o`);
  io.stderr.write(`starcheck: wrote ${target}: ${packed.members.join(', ')}\n`);
  return EXIT.ok;
}
