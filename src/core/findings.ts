/**
 * The one shape every problem and notice takes, whoever finds it: the loader
 * (syntax), the validator (schema, catalogue) or the engine (warnings). Each
 * has a stable `code`, so tests and tools can rely on codes while the words
 * improve.
 */
export interface Finding {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  /** JSON pointer into the dossier, when the finding is about a node. */
  path?: string;
  /** 1-based position in the source text. */
  line?: number;
  column?: number;
}

/** The warning on a dossier checked against a standard file it supplied itself: vendor staff must see it at a glance. */
export const OWN_STANDARD = 'own-standard';

/** Control characters and text-direction marks: what could restyle a terminal, hide text or reverse a line. */
const UNPRINTABLE = '\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069';
const UNPRINTABLE_CHAR = new RegExp(`[${UNPRINTABLE}]`, 'g');
/**
 * In a whole report: the same but the line feed, and the SGR sequences the
 * reports' own colouring writes (bold, dim and their reset; red, green,
 * yellow, cyan and theirs), which pass as they are where the report is
 * coloured. No other sequence does: not conceal (8), not a cursor move.
 */
const UNPRINTABLE_IN_LINES = new RegExp(`\u001b\\[(?:1|2|22|31|32|33|36|39)m|[${UNPRINTABLE.replace('\u0000-\u001f', '\u0000-\u0009\u000b-\u001f')}]`, 'g');

const escaped = (text: string): string => text.replace(UNPRINTABLE_CHAR, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const azureDisarmed = (text: string): string => text.replace(/#(?=#\[)/g, '\\u0023');

/**
 * A CI runner reads a log line that starts with `::` (after its leading
 * spaces, which GitHub Actions trims) as a workflow command (`::add-mask::`,
 * `::stop-commands::`), and `##[` as Azure Pipelines' own; the colon or hash
 * of such a sequence from a dossier or a standard is shown as \uXXXX.
 */
function disarmed(text: string): string {
  return azureDisarmed(text.replace(/^(\s*):(?=:)/gm, '$1\\u003a'));
}

/**
 * Escapes control characters (newlines, tabs, escapes) that user input can
 * carry into a message, so every finding stays one line and cannot restyle
 * a terminal, and disarms what a CI log would run as a command.
 */
export function printable(text: string): string {
  return disarmed(escaped(text));
}

/** For a format whose every line is a workflow command: control characters escaped, and `##[`, but `::` left to the format's own escaping. */
export function controlsEscaped(text: string): string {
  return azureDisarmed(escaped(text));
}

/**
 * A whole human-read report as printable: line feeds kept, and colour where
 * the report is coloured. Every text and Markdown report passes through it
 * on its way out, so nothing from a dossier or a standard reaches a terminal
 * or a CI log raw, whichever field it came in.
 */
export function printableLines(text: string, { colour }: { colour: boolean }): string {
  return disarmed(text.replace(UNPRINTABLE_IN_LINES, (m) => (m.length > 1 ? (colour ? m : escaped(m)) : escaped(m))));
}

/** Errors past this many in one file are counted, not listed: the first ones are what a person fixes first. */
export const MAX_ERRORS = 50;

/** The first MAX_ERRORS findings, and one saying how many more there are. */
export function capped(findings: Finding[], total = findings.length): Finding[] {
  if (total <= MAX_ERRORS) return findings;
  const more = total - MAX_ERRORS;
  return [...findings.slice(0, MAX_ERRORS), { code: 'too-many-errors', severity: 'error', message: `… and ${more} more error${more === 1 ? '' : 's'}; fix these first` }];
}
