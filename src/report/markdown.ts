/**
 * `--format markdown`: for a pull-request comment or a CI job summary
 * (GitHub-flavoured Markdown). A summary table with one row per dossier,
 * then per dossier the warnings and, per tier, the gaps in words; the full
 * requirement table of each tier folds away in a <details> block.
 */
import { printable, printableLines } from '../core/findings.js';
import type { TierResult } from '../core/evaluate.js';
import { plural } from '../core/words.js';
import type { DossierOutline, DossierReport, Formatter, RunOutline } from './run.js';
import { planMarkdown } from './plan-section.js';
import { obligationsMarkdown } from './obligations.js';
import { locatedMessage, metPaths, outcome, pathChoice, rowLabel, show, verdict } from './view.js';
import { materialsMarkdown } from './materials.js';

/**
 * Escapes text for a Markdown table cell or list item: no emphasis, link,
 * code, HTML, entity or table break, and no list or heading marker at the
 * start. Other punctuation stays as it is, so the raw text reads well too.
 */
export function escapeMarkdown(text: string): string {
  // Control characters (escape codes, text-direction marks) are shown as \uXXXX: a report may well be read in a terminal.
  return printable(text.replace(/[\r\n]+/g, ' '))
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/^[-+#=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    // GitHub would notify @someone, link a bare URL, a www. address, an e-mail address or #123: a zero-width space after the mark stops each.
    .replace(/[@#](?=[\p{L}\p{N}_-])|:(?=\/\/)|(?<=\bwww)\./giu, '$&\u200b');
}

const OUTCOME_MARK = { PASS: '✅ pass', FAIL: '❌ fail', INVALID: '⚠️ invalid' } as const;

function summaryRow(d: DossierOutline): string {
  return `| ${escapeMarkdown(d.file)} | ${escapeMarkdown(d.partner ?? '')} | ${escapeMarkdown(verdict(d))} | ${escapeMarkdown(d.requiredTier ?? '')} | ${OUTCOME_MARK[outcome(d)]} |`;
}

/** The document's head: the title and the summary table, a row at a time (a row is one line, and printable on its own). */
function* head(run: RunOutline): Generator<string> {
  const { total, passed, failed, invalid } = run.summary;
  const title = `## starcheck: ${plural(total, 'dossier')} — ${passed} passed, ${failed} failed, ${invalid} invalid`;
  yield printableLines(`${title}\n\n| Dossier | Partner | Verdict | Required | Result |\n| --- | --- | --- | --- | --- |`, { colour: false });
  for (const d of run.dossiers) yield `\n${printableLines(summaryRow(d), { colour: false })}`;
  if (run.dossiers.length > 0) yield '\n\n';
}

function tierStatus(tier: TierResult): string {
  if (!tier.met) return `not met, ${plural(tier.gaps, 'gap')}`;
  const via = metPaths(tier);
  return `met${via !== undefined ? ` via ${via}` : ''}${typeof tier.holdsUntil === 'string' ? `, holds until ${tier.holdsUntil}` : ''}`;
}

function tierSection(tier: TierResult): string[] {
  const out = [`#### ${tier.met ? '✅' : '❌'} ${escapeMarkdown(tier.name)}: ${escapeMarkdown(tierStatus(tier))}`, ''];
  if (!tier.met) {
    const choice = pathChoice(tier);
    if (choice) out.push(`Through ${escapeMarkdown(choice)}:`, '');
    for (const r of tier.requirements) {
      if (!r.met) out.push(`- **${escapeMarkdown(rowLabel(r))}**: ${escapeMarkdown(r.gap ?? `has ${show(r.have)}, needs ${show(r.need)}`)}`);
    }
    out.push('');
  }
  for (const r of tier.requirements) if (r.note !== undefined) out.push(`- ℹ️ **${escapeMarkdown(r.label)}**: ${escapeMarkdown(r.note)}`);
  if (tier.requirements.some((r) => r.note !== undefined)) out.push('');
  out.push('<details><summary>Requirements</summary>', '', '| Requirement | Have | Need | |', '| --- | --- | --- | --- |');
  for (const r of tier.requirements) {
    const mark = r.met ? '✅' : tier.met ? '➖' : '❌';
    out.push(`| ${escapeMarkdown(rowLabel(r))} | ${escapeMarkdown(show(r.have))} | ${escapeMarkdown(show(r.need))} | ${mark} |`);
  }
  out.push('', '</details>', '');
  return out;
}

function dossierSection(d: DossierReport): string[] {
  const title = d.partner ? `${d.file} — ${d.partner}` : d.file;
  const out = [`### ${escapeMarkdown(title)}`, '', `**${escapeMarkdown(verdict(d))}**${d.valid ? ` · required: ${escapeMarkdown(d.requiredTier ?? '')} · ${escapeMarkdown(`${d.standard} standard`)} · application date ${d.asOf}` : ''}`, ''];
  if (!d.valid) {
    for (const e of d.errors) out.push(`- ${escapeMarkdown(locatedMessage(d.file, e))}`);
    return [...out, ''];
  }
  if (d.currentRating) out.push(`Current rating: ${escapeMarkdown(d.currentRating.tier)}, issued ${d.currentRating.issued}, valid until ${d.currentRating.validUntil}`, '');
  if (d.warnings.length > 0) {
    out.push('**Warnings**', '');
    for (const w of d.warnings) out.push(`- ⚠️ ${escapeMarkdown(locatedMessage(d.file, w))}`);
    out.push('');
  }
  return [...out, ...obligationsMarkdown(d, escapeMarkdown), ...d.tiers.flatMap((tier) => (tier.id === d.requiredTier ? [...tierSection(tier), ...planMarkdown(d, escapeMarkdown)] : tierSection(tier))), ...materialsMarkdown(d, escapeMarkdown)];
}

/** Blank lines, as a reader sees them: never more than one in a row. */
function tidy(text: string): string {
  return text.replace(/\n{3,}/g, '\n\n');
}

export const markdown: Formatter = {
  // A section without its trailing blank lines and spaces; the document puts one blank line between sections.
  part: (d) => printableLines(tidy(dossierSection(d).join('\n')).trimEnd(), { colour: false }),
  assemble: (run) => ({ head: head(run), separator: '\n\n', tail: '\n' }),
};
