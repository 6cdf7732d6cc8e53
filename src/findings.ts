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

/**
 * Escapes control characters (newlines, tabs, escapes) that user input can
 * carry into a message, so every finding stays one line and cannot restyle
 * a terminal.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Errors past this many in one file are counted, not listed: the first ones are what a person fixes first. */
export const MAX_ERRORS = 50;

/** The first MAX_ERRORS findings, and one saying how many more there are. */
export function capped(findings: Finding[], total = findings.length): Finding[] {
  if (total <= MAX_ERRORS) return findings;
  const more = total - MAX_ERRORS;
  return [...findings.slice(0, MAX_ERRORS), { code: 'too-many-errors', severity: 'error', message: `… and ${more} more error${more === 1 ? '' : 's'}; fix these first` }];
}
