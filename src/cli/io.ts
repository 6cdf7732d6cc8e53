import { calendarDate, type IsoDate } from '../core/dates.js';

/**
 * The user's calendar day for `now`: the default application date when
 * neither --as-of nor the dossier gives one. The engine never reads a clock.
 */
export function localDate(now: Date): IsoDate {
  return calendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** What the CLI needs from the outside world, injected so tests can run it in-process. */
export interface CliIo {
  /**
   * Takes text or UTF-8 bytes; done with the bytes when it returns, as the
   * CLI then reuses their buffer. (A property, not a method, so a writer
   * that takes only strings does not type-check.)
   */
  stdout: { write: (output: string | Uint8Array) => unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: AsyncIterable<Uint8Array>;
  env: Record<string, string | undefined>;
  now: () => Date;
  cwd: string;
}
