/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns
 * into annotations on the dossier's lines. `::error` for dossier errors and
 * gaps of the required tier, `::warning` for what is about to lapse, and one
 * `::notice` per dossier with its verdict.
 */
import { controlsEscaped } from '../core/findings.js';
import type { DossierReport } from './run.js';
import type { Formatter } from './run.js';
import { gapsOf, outcome, verdict } from './view.js';
import { materialGaps } from './materials.js';
import { obligationText, unmetObligations } from './obligations.js';
import { keepText } from './plan-section.js';

/** The message part of a workflow command: %, CR and LF are escaped, as the runner reads them. */
function escapeData(text: string): string {
  // Then the other control characters, as \uXXXX: a log viewer is a terminal too.
  return controlsEscaped(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A property value: as data, and also the , and : that separate properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

interface Annotation {
  file: string;
  line?: number;
  column?: number;
  title: string;
}

function command(kind: 'error' | 'warning' | 'notice', at: Annotation, message: string): string {
  const properties = [`file=${escapeProperty(at.file)}`];
  if (at.line !== undefined) properties.push(`line=${at.line}`);
  if (at.column !== undefined) properties.push(`col=${at.column}`);
  properties.push(`title=${escapeProperty(at.title)}`);
  return `::${kind} ${properties.join(',')}::${escapeData(message)}`;
}

function where(d: DossierReport, position: { line?: number; column?: number }, title: string): Annotation {
  return { file: d.file, ...(position.line !== undefined ? { line: position.line } : {}), ...(position.column !== undefined ? { column: position.column } : {}), title };
}

function annotations(d: DossierReport): string[] {
  const lines = d.errors.map((e) => command('error', where(d, e, `starcheck ${e.code}`), e.message));
  for (const { tier, requirement: r } of gapsOf(d).filter((g) => g.blocking)) {
    lines.push(command('error', where(d, r, `starcheck: gap to ${tier.id}`), `${r.label}: ${r.gap ?? 'not met'}`));
  }
  for (const m of materialGaps(d)) lines.push(command('error', where(d, m, `starcheck ${m.code}`), m.message));
  for (const w of d.warnings) lines.push(command('warning', where(d, w, `starcheck ${w.code}`), w.message));
  for (const a of d.plan?.actions ?? []) lines.push(command('notice', where(d, a, `starcheck: plan to ${d.plan!.tier}`), a.text));
  for (const k of d.keep ?? []) lines.push(command('notice', where(d, k, `starcheck: keep ${k.tier}`), keepText(k)));
  // Obligations of the rating year: a breached one fails the dossier, an open one is owed soon.
  for (const o of unmetObligations(d)) lines.push(command(o.status === 'breached' ? 'error' : 'warning', where(d, o, `starcheck obligation ${o.code} ${o.status}`), obligationText(o)));
  const required = d.valid && d.requiredTier !== null ? ` (required: ${d.requiredTier})` : '';
  lines.push(command('notice', where(d, {}, `starcheck ${outcome(d)}`), `${verdict(d)}${required}`));
  return lines;
}

export const github: Formatter = {
  part: (d) => annotations(d).join('\n'),
  assemble: () => ({ head: '', separator: '\n', tail: '\n' }),
};
