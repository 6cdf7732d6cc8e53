/**
 * Known errors and the exit codes they map to. Anything else that reaches the
 * CLI is a bug in starcheck and is reported as one.
 */
export const EXIT = {
  /** Every dossier valid and meeting its required tier. */
  ok: 0,
  /** Some dossier misses its required tier. */
  belowRequired: 1,
  /** Some dossier could not be found, read, parsed or validated. */
  badDossier: 2,
  /** Usage or configuration error: unknown option or format, unknown or invalid standard. */
  usage: 3,
} as const;

/** A file given on the command line besides the standard (--holidays) that cannot be used: each finding already names file, line and column. */
export class SettingsFileError extends Error {
  constructor(
    readonly source: string,
    readonly findings: Array<{ message: string; line?: number; column?: number }>,
  ) {
    super(findings.map((f) => `${source}${f.line !== undefined ? `:${f.line}:${f.column}` : ''}: ${f.message}`).join('\n'));
    this.name = 'SettingsFileError';
  }
}

/** A mistake in how starcheck was called. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
