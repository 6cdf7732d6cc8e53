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
import type { PackFlags } from './commands/pack.js';
import { runSchema, SCHEMA_NAMES, type SchemaName } from './commands/schema.js';
import { runValidate, VALIDATE_FORMATS, type ValidateFlags } from './commands/validate.js';
import { applyConfig } from './config.js';
import { diagnostic } from './diagnostic.js';
import { CONFIG_FILE } from '../check/config.js';
import { rawArguments, type CliIo } from './io.js';

export { Temporaries, type CliIo } from './io.js';
// For bin/worker.js: a batch's worker threads run from this same bundle.
export { serveBatch } from '../check/worker.js';

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Options check and validate share: what to leave out of walks, and the config file. */
function withWalkOptions(command: Command): Command {
  return command
    .addOption(new Option('--ignore <glob>', 'leave matching files and folders out of directories and globs, repeatable (a file named outright is always checked)').argParser(collect))
    .option('--config <file>', `read defaults from this file (default: ${CONFIG_FILE} here or in a folder above)`)
    .option('--no-config', `read no config file`);
}

function buildProgram(io: CliIo, version: string, setCode: (code: number) => void): Command {
  const program = new Command('starcheck')
    .description('Check partner dossiers against the H3C star-rated service certification standard.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    // On the program, so every command takes them, before or after its own arguments.
    .option('--color', 'colour the output, even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--verbose', 'show the stack of an internal error')
    .exitOverride()
    .configureHelp({ showGlobalOptions: true })
    // Every diagnostic line starts with "starcheck:", commander's too.
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: (s, write) => write(s.replace(/^error: /, 'starcheck: ')) })
    .showSuggestionAfterError(true);
  const color = (): boolean | undefined => program.opts<{ color?: boolean }>().color;

  const check = program
    .command('check')
    .description('evaluate dossiers against every tier and report the gaps')
    .argument('<paths...>', "dossier files (YAML or JSON), directories, quoted globs ('dossiers/**/*.yaml'), or - for standard input")
    .option('--standard <id|file>', "standard to check against (default: the dossier's application.standard, else classic)")
    .option('--as-of <YYYY-MM-DD>', "application date (default: the dossier's application.date, else today)")
    .option('--require <tier>', "tier each dossier must meet (default: the dossier's targetTier, else the lowest tier)")
    .option('--plan <tier>', 'plan the fewest actions that reach this tier (default: the required tier, when it is missed)')
    .addOption(new Option('-f, --format <name[=file]>', `output format, repeatable: ${Object.keys(formatters).join(', ')}; text by default; with =file, written to that file`).argParser(collect))
    .option('-o, --output <file>', 'write the output that has no =file to this file instead of standard output')
    .option('--holidays <file>', 'public holidays (a YAML or JSON list of dates), no working days for the staffing obligations')
    .option('--remind <days>', `the recertification reminder of --format ics, this many days before the current rating ends (default: ${DEFAULT_REMIND_DAYS})`)
    .option('--warn-within <days>', `warn about certificates and tiers that lapse within this many days (default: ${DEFAULT_WARN_WITHIN_DAYS})`)
    .option('--materials', 'the submission must name each counting certificate\'s file and the application form; what is missing fails the dossier')
    .option('-q, --quiet', 'print verdicts only (for a batch, only the summary table), then any integrity warnings')
    .option('--jobs <n>', 'dossiers checked in parallel threads (default: the available cores)')
    .option('--tiers <all|id,...>', 'tiers shown in full (default: the required tier, or the next one up when it is met)');
  withWalkOptions(check)
    .addHelpText(
      'after',
      '\nExit codes: 0 all pass · 1 some dossier misses its required tier or breached an obligation · 2 some dossier is invalid or unreadable · 3 usage, config or standard error',
    )
    .action(async (paths: string[], flags: CheckFlags) => setCode(await runCheck(paths, { ...flags, color: color() }, io, version)));

  program
    .command('rules')
    .description("print a standard's requirement matrix, tiers as columns, with the readings of its source, then its certificate codes, aliases and replacements and its lab categories")
    .option('--standard <id|file>', 'standard to print (default: classic)')
    .option('-f, --format <name>', 'text (the default), markdown or json')
    .option('-o, --output <file>', 'write it to this file instead of standard output')
    .action(async (flags: RulesFlags) => setCode(await runRules(flags, io)));

  const validate = program
    .command('validate')
    .description("check dossiers against the schema and the standard's catalogue only, one line per error")
    .argument('<paths...>', 'dossier files (YAML or JSON), directories, quoted globs, or - for standard input')
    .option('--standard <id|file>', "standard whose catalogue to check codes against (default: the dossier's application.standard, else classic)")
    .addOption(new Option('-f, --format <name[=file]>', `output format, repeatable: ${VALIDATE_FORMATS.join(', ')}; text by default; with =file, written to that file`).argParser(collect))
    .option('-o, --output <file>', 'write the output that has no =file to this file instead of standard output')
    .option('-q, --quiet', 'print errors only');
  withWalkOptions(validate)
    .addHelpText('after', '\nExit codes: 0 all valid · 2 some dossier is invalid or unreadable · 3 usage, config or standard error')
    .action(async (paths: string[], flags: ValidateFlags) => setCode(await runValidate(paths, flags, io)));

  // Before check or validate runs, the config file fills in what the command line left out.
  program.hook('preAction', (_, command) => {
    if (command === check || command === validate) applyConfig(command, io.cwd);
  });

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
    .option('-o, --output <file.zip>', "where to write the zip, - for standard output (default: <partner id, else name>-submission.zip in the working directory)")
    .option('--standard <id|file>', "standard to check against (default: the dossier's application.standard, else classic)")
    .option('--as-of <YYYY-MM-DD>', "application date for the reports (default: the dossier's application.date, else today)")
    .option('--require <tier>', "tier the reports require (default: the dossier's targetTier, else the lowest tier)")
    .option('--holidays <file>', 'public holidays (a YAML or JSON list of dates) for the reports\' staffing obligations, as check takes them')
    .addHelpText('after', '\nExit codes: 0 written · 2 the dossier is invalid or its materials are incomplete (listed) · 3 the file already exists, or a usage error')
    // Loaded when asked for: the zip library starts a worker-thread module on load, which a check should not pay for (8 ms of 87).
    .action(async (dossier: string, flags: PackFlags) => setCode(await (await import('./commands/pack.js')).runPack(dossier, flags, io, version)));

  program
    .command('schema')
    .description('print the JSON Schema of a dossier, a standard file or the config file')
    .addArgument(new Argument('[kind]', 'which file the schema is of (default: dossier)').choices(SCHEMA_NAMES))
    .action((name: SchemaName | undefined) => setCode(runSchema(name ?? 'dossier', io)));

  return program;
}

/** A known error's findings as diagnostic lines. */
function diagnostics(error: StandardError | SettingsFileError): string {
  return error.findings.map((f) => `${diagnostic(error.source, f)}\n`).join('');
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
      io.stderr.write(diagnostics(error));
      return EXIT.usage;
    }
    const err = error instanceof Error ? error : new Error(String(error));
    // The stack, asked for with --verbose, is the one block of lines that is not a diagnostic line.
    io.stderr.write(`starcheck: internal error: ${err.message}\nstarcheck: this is a bug in starcheck; please report it with the input that caused it.${verbose ? `\n${err.stack ?? ''}` : ' (--verbose shows the stack)'}\n`);
    return EXIT.usage;
  }
}
