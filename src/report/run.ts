/** The result of one run over one or more dossiers: what every formatter reads. */
import type { DossierReport } from '../pipeline.js';

export interface RunResult {
  tool: { name: 'starcheck'; version: string };
  /**
   * The standard named on the command line, or the default; null when some
   * dossier named another of its own. Each dossier also says its own.
   */
  standard: { id: string | null; title: string };
  dossiers: DossierReport[];
  summary: { total: number; passed: number; failed: number; invalid: number };
}

export interface FormatOptions {
  color: boolean;
  quiet: boolean;
}

/** A formatter turns a run into the text of one output; it never re-evaluates. */
export type Formatter = (run: RunResult, options: FormatOptions) => string;

export function summarise(dossiers: DossierReport[]): RunResult['summary'] {
  const invalid = dossiers.filter((d) => !d.valid).length;
  const passed = dossiers.filter((d) => d.valid && d.pass).length;
  return { total: dossiers.length, passed, failed: dossiers.length - passed - invalid, invalid };
}
