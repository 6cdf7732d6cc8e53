/**
 * The command line. `main` maps arguments to a run and returns an exit code;
 * it never calls process.exit — only bin/ touches the process.
 */
import { packageVersion } from '../check/run.js';
import { Argument, Command, CommanderError, Option } from 'commander';
import { EXIT, SettingsFileError, UsageError } from '../check/errors.js';
import { StandardError } from '../validate/standard.js';
import { DEFAULT_WARN_WITHIN_DAYS } from '../check/dossier.js';
import { DEFAULT_REMIND_DAYS } from '../core/calendar.js';
import { formatters } from '../report/index.js';
import { runCheck, type CheckFlags } from './commands/check.js';
import { runRules, type RulesFlags } from './commands/rules.js';
import { DEFAULT_DOSSIER, runInit } from './commands/init.js';
import { runPack, type PackFlags } from './commands/pack.js';
import { runSchema, SCHEMA_NAMES, type SchemaName } from './commands/schema.js';
import { runValidate, type ValidateFlags } from './commands/validate.js';
import { rawArguments, type CliIo } from './io.js';

export { Temporaries, type CliIo } from './io.js';
// For bin/worker.js: a batch's worker threads run from this same bundle.
export { serveBatch } from '../check/worker.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function buildProgram(io: CliIo, version: string, setCode: (code: number) => void): Command {
  const program = new Command('starcheck')
    .description('Check partner dossiers against the H3C star-rated service certification standard.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--verbose', 'show the stack of an internal error')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showSuggestionAfterError(true);

  program
    .command('check')
    .description('evaluate dossiers against every tier and report the gaps')
    .argument('<paths...>', "dossier files (YAML or JSON), directories, quoted globs ('dossiers/**/*.yaml'), or - for standard input")
    .option('--standard <id|file>', "standard to check against (default: the dossier's application.standard, else classic)")
    .option('--as-of <YYYY-MM-DD>', "application date (default: the dossier's application.date, else today)")
    .option('--require <tier>', "tier each dossier must meet (default: the dossier's targetTier, else the lowest tier)")
    .option('--plan <tier>', 'plan the fewest actions that reach this tier (default: the required tier, when it is missed)')
    .addOption(
      new Option('-f, --format <name[=file]>', `output format, repeatable: ${Object.keys(formatters).join(', ')} (with =file, written to that file)`).argParser(collect).default([]),
    )
    .option('-o, --output <file>', 'write the output that has no =file to this file instead of standard output')
    .option('--holidays <file>', 'public holidays (a YAML or JSON list of dates), no working days for the staffing obligations')
    .option('--remind <days>', `the recertification reminder of --format ics, this many days before the current rating ends (default: ${DEFAULT_REMIND_DAYS})`)
    .option('--warn-within <days>', `warn about certificates and tiers that lapse within this many days (default: ${DEFAULT_WARN_WITHIN_DAYS})`)
    .option('--materials', 'the submission must name each counting certificate\'s file and the application form; what is missing fails the dossier')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('-q, --quiet', 'print verdicts only (for a batch, only the summary table), then any integrity warnings', false)
    .option('--jobs <n>', 'dossiers checked in parallel threads (default: the available cores)')
    .addHelpText(
      'after',
      '\nExit codes: 0 all pass · 1 some dossier misses its required tier or breached an obligation · 2 some dossier is invalid or unreadable · 3 usage or standard error',
    )
    .action(async (paths: string[], flags: CheckFlags) => setCode(await runCheck(paths, flags, io, version)));

  program
    .command('rules')
    .description("print a standard's requirement matrix, tiers as columns, with the readings of its source, then its certificate codes, aliases and replacements and its lab categories")
    .option('--standard <id|file>', 'standard to print (default: classic)')
    .option('--format <name>', 'text, markdown or json', 'text')
    .action((flags: RulesFlags) => setCode(runRules(flags, io)));

  program
    .command('validate')
    .description('check dossiers against the schema and the standard\'s catalogue only, one line per error')
    .argument('<paths...>', 'dossier files (YAML or JSON), directories, quoted globs, or - for standard input')
    .option('--standard <id|file>', "standard whose catalogue to check codes against (default: the dossier's application.standard, else classic)")
    .option('-q, --quiet', 'print errors only', false)
    .addHelpText('after', '\nExit codes: 0 all valid · 2 some dossier is invalid or unreadable · 3 usage or standard error')
    .action(async (paths: string[], flags: ValidateFlags) => setCode(await runValidate(paths, flags, io)));

  program
    .command('init')
    .description('write a commented dossier template that passes validate; never overwrites a file')
    .argument('[file]', `where to write it, or - for standard output (default: ${DEFAULT_DOSSIER})`)
    .addHelpText('after', '\nExit codes: 0 written · 3 the file already exists (it is left as it is)')
    .action(async (file: string | undefined) => setCode(await runInit(file, io)));

  program
    .command('pack')
    .description('write the submission as one zip for the application e-mail: the dossier, its report (HTML, JSON), the certificates\' files and the form')
    .argument('<dossier>', 'the dossier file; the files it names are found beside it')
    .option('-o, --output <file.zip>', "where to write the zip (default: <partner id, else name>-submission.zip in the working directory)")
    .option('--standard <id|file>', "standard to check against (default: the dossier's application.standard, else classic)")
    .option('--as-of <YYYY-MM-DD>', "application date for the reports (default: the dossier's application.date, else today)")
    .option('--require <tier>', "tier the reports require (default: the dossier's targetTier, else the lowest tier)")
    .option('--holidays <file>', 'public holidays (a YAML or JSON list of dates) for the reports\' staffing obligations, as check takes them')
    .addHelpText('after', '\nExit codes: 0 written · 2 the dossier is invalid or its materials are incomplete (listed) · 3 the file already exists, or a usage error')
    .action(async (dossier: string, flags: PackFlags) => setCode(await runPack(dossier, flags, io, version)));

  program
    .command('schema')
    .description('print the JSON Schema of the dossier or standard format')
    .addArgument(new Argument('[format]', 'which schema').choices(SCHEMA_NAMES).default('dossier'))
    .action((name: SchemaName) => setCode(runSchema(name, io)));

  return program;
}

export async function main(commandArgs: string[], commandIo: CliIo): Promise<number> {
  const { argv, raw } = rawArguments(commandArgs, commandIo.commandLine);
  const io: CliIo = { ...commandIo, rawPaths: raw };
  let code: number = EXIT.ok;
  const verbose = argv.includes('--verbose');
  const program = buildProgram(io, packageVersion(), (c) => {
    code = c;
  });
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other parse failure is a usage error.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`starcheck: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof StandardError || error instanceof SettingsFileError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
    const err = error instanceof Error ? error : new Error(String(error));
    io.stderr.write(`starcheck: internal error: ${err.message}\nThis is a bug in starcheck; please report it with the input that caused it.${verbose ? `\n${err.stack ?? ''}` : ' (--verbose shows the stack)'}\n`);
    return EXIT.usage;
  }
}
