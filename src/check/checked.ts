/**
 * One dossier checked and rendered for every output of a run: what a batch
 * keeps of it, and what a worker thread posts back. Shared by batch.ts and
 * worker.ts, which therefore never import each other.
 */
import type { Claims } from '../core/integrity.js';
import type { ReadResult } from '../load/read.js';
import type { StandardError } from '../validate/standard.js';
import { checkText, type CheckOptions, type DossierReport } from './dossier.js';
import { formatters, outlineOf, type DossierOutline, type FormatOptions } from '../report/index.js';

/** One output of the run, as each dossier's part is rendered for it. */
export interface OutputPlan {
  format: string;
  options: FormatOptions;
}

/** What the run needs to know in every thread that checks. */
export interface BatchPlan {
  options: CheckOptions;
  outputs: OutputPlan[];
  /** Keep each dossier's whole report too: for the API's checkFiles, which hands the reports over as they are. */
  keepReports?: boolean;
}

/** A checked dossier: its outline, and its part and note for each output, in the plan's order. */
export interface CheckedDossier {
  outline: DossierOutline;
  /** Every output's part, one after another, as UTF-8: bytes of their own, so they move between threads without a copy. */
  parts: Uint8Array;
  /** The length in bytes of each output's part in `parts`. */
  lengths: number[];
  /** What each output's assembly needs of the dossier beyond its outline (see Formatter.note); undefined for most. */
  notes: unknown[];
  /** What the cross-dossier checks compare (valid dossiers only). */
  claims?: Claims;
  /** The whole report, for a plan that keeps reports. */
  report?: DossierReport;
  /** The text as read, kept only for what cannot be read again (standard input, a FIFO, a name that is not UTF-8). */
  read?: ReadResult;
}

export type WorkerFailure =
  | { kind: 'usage'; message: string }
  | { kind: 'standard'; source: string; findings: StandardError['findings'] }
  | { kind: 'bug'; message: string; stack?: string };

/** A worker's answer to a chunk of files: the checked dossiers in the chunk's order, or what went wrong. */
export type WorkerReply = { ok: true; checked: CheckedDossier[] } | { ok: false; failure: WorkerFailure };

const utf8 = new TextEncoder();

/** Renders a finished report for every output (and keeps it, for a plan that keeps reports). */
export function settle(report: DossierReport, { outputs, keepReports }: Pick<BatchPlan, 'outputs' | 'keepReports'>): CheckedDossier {
  const texts = outputs.map(({ format, options }) => formatters[format]!.part(report, options));
  const parts = utf8.encode(texts.join(''));
  const lengths = texts.map((text) => Buffer.byteLength(text));
  const notes = outputs.map(({ format }) => formatters[format]!.note?.(report));
  return { outline: outlineOf(report), parts, lengths, notes, ...(keepReports === true ? { report } : {}) };
}

/**
 * Checks one dossier whose text has been read (or failed to be) and renders
 * it. The text is kept only with `keepSource`, for what cannot be read again
 * (standard input, a FIFO): should the cross-dossier checks warn about a
 * file, it is read again instead, which is far cheaper than holding every
 * text of a batch for the few they warn about.
 */
export function checkAndRender(file: string, read: ReadResult, plan: BatchPlan, keepSource = false): CheckedDossier {
  const report = checkText(file, read, plan.options);
  const checked = settle(report, plan);
  if (report.claims !== undefined && read.ok) {
    checked.claims = report.claims;
    if (keepSource) checked.read = read;
  }
  return checked;
}
