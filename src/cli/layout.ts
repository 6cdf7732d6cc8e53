/** How reports are laid out for the reader: which tiers in full (`--tiers`), and how wide the text is. */
import { UsageError } from '../check/errors.js';
import type { Catalogue } from '../core/catalogue.js';
import { didYouMean } from '../core/suggest.js';
import type { FormatOptions } from '../report/index.js';
import type { OutputStream } from './io.js';

/**
 * `--tiers all` or `--tiers <id>,…`, checked against the tiers of the
 * standard the run names (as --require is); an unknown id is a usage error
 * listing the known ones. Absent: the reader's own tier (the formatters'
 * default).
 */
export function parseTiers(value: string | undefined, catalogue: Pick<Catalogue, 'tierIds' | 'standard'>): FormatOptions['tiers'] {
  if (value === undefined) return undefined;
  if (value === 'all') return 'all';
  const ids = value.split(',').map((id) => id.trim());
  for (const id of ids) {
    if (!catalogue.tierIds.includes(id)) {
      const hint = didYouMean(id, catalogue.tierIds);
      throw new UsageError(`--tiers: "${id}" is not a tier of the ${catalogue.standard.id} standard${hint ? `${hint} ` : '. '}Known tiers: ${catalogue.tierIds.join(', ')}, or all`);
    }
  }
  return ids;
}

/** The text report's width: a terminal's columns; 80 when standard output is no terminal, so the output is reproducible. */
export function terminalWidth(stdout: Pick<OutputStream, 'isTTY' | 'columns'>): number {
  return stdout.isTTY === true && typeof stdout.columns === 'number' && stdout.columns > 0 ? stdout.columns : 80;
}
