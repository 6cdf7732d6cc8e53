/**
 * `--format json`: the stable machine-readable contract of the spec. Each
 * dossier's entry is rendered on its own, already indented for its place in
 * the `dossiers` array, so a batch never holds the whole document as objects.
 */
import type { Formatter } from './run.js';

/**
 * The fields of the contract, as JSON.stringify's replacer: it keeps only
 * these, in this order, at every level, so a report (which also carries what
 * only the engine and other formats read) is written as it stands, without
 * first being copied into the contract's shape. One order serves every kind
 * of object in an entry, since each kind's fields keep their relative order:
 *
 * - an entry: file, partner, standard, asOf, currentRating, valid, errors, warnings, tiers, highestTier, requiredTier, pass
 * - the current rating: tier, issued, validUntil
 * - a finding: code, message, path, line, column
 * - a tier: id, name, met, gaps, holdsUntil, paths, requirements (a path: id, name, met, gaps)
 * - a requirement: id, kind, label, path, met, have, need, gap, note, line, column
 */
const CONTRACT = [
  ...['file', 'partner', 'standard', 'asOf', 'currentRating', 'valid', 'errors', 'warnings', 'tiers', 'highestTier', 'requiredTier', 'pass'],
  ...['tier', 'issued', 'validUntil'],
  ...['id', 'name', 'kind', 'label', 'code', 'message', 'path', 'met', 'gaps', 'holdsUntil', 'paths', 'requirements'],
  ...['have', 'need', 'gap', 'note', 'line', 'column'],
];

/** Stands in for the entries while the rest of the document is rendered; no other line of it can read so. */
const ENTRIES = '\n    0\n';

/** How an entry two levels deep (inside the document and its `dossiers` array) opens and closes. */
const [OPENING, CLOSING] = ['[\n  [\n', '\n  ]\n]'];

export const json: Formatter = {
  part: (d) => {
    // Wrapped twice, the entry comes out indented for its place in the document.
    const wrapped = JSON.stringify([[d]], CONTRACT, 2);
    return wrapped.slice(OPENING.length, wrapped.length - CLOSING.length);
  },
  assemble: (run) => {
    const document = { tool: run.tool, standard: run.standard, dossiers: run.dossiers.length > 0 ? [0] : [], summary: run.summary };
    const text = `${JSON.stringify(document, null, 2)}\n`;
    const at = text.indexOf(ENTRIES);
    if (at < 0) return { head: text, separator: '', tail: '' };
    return { head: text.slice(0, at + 1), separator: ',\n', tail: text.slice(at + ENTRIES.length - 1) };
  },
};
