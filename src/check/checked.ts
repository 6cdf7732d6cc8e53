/**
 * One dossier checked and rendered for every output of a run: what a batch
 * keeps of it, and what a worker thread posts back. Shared by batch.ts and
 * worker.ts, which therefore never import each other.
 */
import type { Claims } from '../core/integrity.js';
import { claimHashes } from './claims.js';
import type { ReadResult } from '../load/read.js';
import type { StandardError } from '../validate/standard.js';
import { checkText, NOT_A_DOSSIER, type CheckOptions, type DossierReport } from './dossier.js';
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

/**
 * A checked dossier: its outline, and as bytes what the batch keeps of it in
 * its part store until the outputs are written: for each output in the
 * plan's order its part, then for each output its note (see Formatter.note;
 * as JSON, empty when the format takes none), then its claims (as JSON,
 * empty for an invalid dossier).
 */
export interface CheckedDossier {
  outline: DossierOutline;
  /** The pieces above, one after another, as UTF-8: bytes of their own, so they move between threads without a copy. */
  parts: Uint8Array;
  /** The length in bytes of each piece in `parts`. */
  lengths: number[];
  /** A hash per claim (see claims.ts), for the cross-dossier checks to find the dossiers whose claims to compare (valid dossiers only). */
  claimHashes?: number[];
  /** The whole report, for a plan that keeps reports. */
  report?: DossierReport;
  /** The text as read, kept only for what cannot be read again (standard input, a FIFO, a name that is not UTF-8). */
  read?: ReadResult;
  /** A file a walk found that is no dossier (see NOT_A_DOSSIER): nothing rendered, the batch skips it. */
  skipped?: true;
}

/** A file for a thread to check: its name, and the directory or glob whose walk found it, if one did. */
export interface FileJob {
  file: string;
  walked?: string;
}

export type WorkerFailure =
  | { kind: 'usage'; message: string }
  | { kind: 'standard'; source: string; findings: StandardError['findings'] }
  | { kind: 'bug'; message: string; stack?: string };

/** A worker's answer to a chunk of files: the checked dossiers in the chunk's order, or what went wrong. */
export type WorkerReply = { ok: true; checked: CheckedDossier[] } | { ok: false; failure: WorkerFailure };

const fromUtf8 = new TextDecoder();
const toUtf8 = new TextEncoder();

/** The texts as UTF-8, one after another, in bytes of their own, and each one's length in bytes. */
function inBytes(texts: readonly string[]): { parts: Uint8Array; lengths: number[] } {
  const pieces = texts.map((text) => toUtf8.encode(text));
  const parts = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let end = 0;
  for (const piece of pieces) {
    parts.set(piece, end);
    end += piece.length;
  }
  return { parts, lengths: pieces.map((piece) => piece.length) };
}

/** Where output number `k`'s note is among a dossier's pieces. */
export const notePiece = (outputs: number, k: number): number => outputs + k;
/** Where a dossier's claims are among its pieces. */
export const claimsPiece = (outputs: number): number => 2 * outputs;

/** Renders a finished report for every output (and keeps it whole, for a plan that keeps reports). */
export function settle(report: DossierReport, { outputs, keepReports }: Pick<BatchPlan, 'outputs' | 'keepReports'>): CheckedDossier {
  const parts = outputs.map(({ format, options }) => formatters[format]!.part(report, options));
  const notes = outputs.map(({ format, options }) => {
    const note = formatters[format]!.note?.(report, options);
    return note === undefined ? '' : JSON.stringify(note);
  });
  const claims = report.claims === undefined ? '' : JSON.stringify(report.claims);
  const texts = [...parts, ...notes, claims];
  const checked: CheckedDossier = { outline: outlineOf(report), ...inBytes(texts) };
  return keepReports === true ? { ...checked, report } : checked;
}

/** A dossier's claims as `settle` stored them. */
export function claimsFrom(bytes: Uint8Array): Claims | undefined {
  return bytes.length === 0 ? undefined : (JSON.parse(fromUtf8.decode(bytes)) as Claims);
}

/**
 * Checks one dossier whose text has been read (or failed to be) and renders
 * it. The text is kept only with `keepSource`, for what cannot be read again
 * (standard input, a FIFO): should the cross-dossier checks warn about a
 * file, it is read again instead, which is far cheaper than holding every
 * text of a batch for the few they warn about.
 */
export function checkAndRender(file: string, read: ReadResult, plan: BatchPlan, keepSource = false, walked = false): CheckedDossier {
  const report = checkText(file, read, plan.options, [], walked);
  if (report.errors[0]?.code === NOT_A_DOSSIER) return { outline: outlineOf(report), parts: new Uint8Array(0), lengths: [], skipped: true };
  const checked = settle(report, plan);
  if (report.claims !== undefined && read.ok) {
    checked.claimHashes = claimHashes(report.claims);
    if (keepSource) checked.read = read;
  }
  return checked;
}
