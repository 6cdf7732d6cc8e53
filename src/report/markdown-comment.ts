/**
 * A batch's Markdown on standard output is read as a pull-request comment
 * or a job summary, and GitHub takes at most 65,536 characters in one. So it
 * is the summary table and then the gaps of the dossiers that fail, in the
 * dossiers' order, until the next row or section would pass the limit; from
 * there on nothing more is shown, and a last line says how much was left
 * out and where the whole report is (`--format markdown=file`). Everything
 * is counted as it is written: a batch of any size is never held whole.
 */
import { groupDigits, plural } from '../core/words.js';

/** GitHub's limit for a comment's body, in characters. */
export const COMMENT_LIMIT = 65_536;

/** Room kept for the line saying what was left out (it is under 300 characters). */
const CLOSING_ROOM = 400;

/**
 * The comment, in pieces: `top` (the title and the table's head), each
 * `rows` piece (a summary row, no line break), then the heading and each
 * section of `failing` (a failing dossier's gaps; empty for one that passes).
 */
export function* comment(top: string, rows: Iterable<string>, failing: Iterable<string | undefined>, limit = COMMENT_LIMIT): Generator<string> {
  const room = limit - CLOSING_ROOM;
  let used = 0;
  let full = false;
  /** The piece when it fits, else undefined, and nothing fits after it. */
  const take = (piece: string): string | undefined => {
    if (full || used + piece.length > room) {
      full = true;
      return undefined;
    }
    used += piece.length;
    return piece;
  };
  yield take(top) ?? '';
  let rowsLeft = 0;
  for (const row of rows) {
    const piece = take(`\n${row}`);
    if (piece === undefined) rowsLeft++;
    else yield piece;
  }
  let sectionsLeft = 0;
  let first = true;
  for (const section of failing) {
    if (section === undefined || section === '') continue;
    const piece = take(`${first ? '\n\n### Gaps of the dossiers that fail\n\n' : '\n\n'}${section}`);
    if (piece === undefined) sectionsLeft++;
    else {
      first = false;
      yield piece;
    }
  }
  if (rowsLeft + sectionsLeft > 0) {
    const what = [rowsLeft > 0 ? `${plural(rowsLeft, 'row')} of the summary` : '', sectionsLeft > 0 ? `the gaps of ${plural(sectionsLeft, 'dossier')} that fail` : ''].filter((x) => x !== '');
    yield `\n\n_Left out to fit a GitHub comment (${groupDigits(limit)} characters): ${what.join(' and ')}. The whole report: \`--format markdown=report.md\`._`;
  }
  yield '\n';
}
