/**
 * What --quiet never hides: the integrity warnings (a certificate number or
 * an engineer claimed by another dossier of the batch). A quiet text report
 * prints its verdicts or summary and then these, one located line each, so
 * a vendor reading a thousand verdicts still sees the false information the
 * standard cancels ratings for.
 */
import { printableLines } from '../core/findings.js';
import type { ChalkInstance } from 'chalk';
import type { RunOutline } from './run.js';
import { locatedMessage } from './view.js';

/** A report's tail, then the integrity warnings of every dossier after a blank line (none, nothing more). */
export function* integrityTail(tail: string | Iterable<string>, run: RunOutline, c: ChalkInstance, colour: boolean): Generator<string> {
  yield* typeof tail === 'string' ? [tail] : tail;
  let first = true;
  for (const d of run.dossiers) {
    for (const w of d.integrity) {
      if (first) yield '\n';
      first = false;
      yield printableLines(`${c.yellow('warning')} ${locatedMessage(d.file, w)}\n`, { colour });
    }
  }
}
