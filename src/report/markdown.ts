/**
 * `--format markdown`: for a pull-request comment or a CI job summary
 * (GitHub-flavoured Markdown). A summary table with one row per dossier,
 * then per dossier the warnings and the tier the reader needs with its gaps
 * in words (its requirement table folds away in a <details> block), and a
 * line per other tier. A batch on standard output is a comment: the summary
 * and the gaps of the dossiers that fail, cut to GitHub's limit
 * (markdown-comment.ts); written to a file, it is the whole report.
 */
import { printable, printableLines } from '../core/findings.js';
import type { TierResult } from '../core/evaluate.js';
import { plural } from '../core/words.js';
import type { DossierOutline, DossierReport, FormatOptions, Formatter, RunOutline } from './run.js';
import { locatedMessage, outcome, owedText, pathChoice, requiredTierOf, rowLabel, rowStatus, show, tiersShown, tierState, verdict, tierRole } from './view.js';
import { comment } from './markdown-comment.js';
import { obligationsMarkdown } from './obligations.js';
import { planMarkdown } from './plan-section.js';
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

/** The title and the summary table's head. */
function top(run: RunOutline): string {
  const { total, passed, failed, invalid } = run.summary;
  const title = `## starcheck: ${plural(total, 'dossier')} — ${passed} passed, ${failed} failed, ${invalid} invalid`;
  return printableLines(`${title}\n\n| Dossier | Partner | Verdict | Required | Result |\n| --- | --- | --- | --- | --- |`, { colour: false });
}

/** The summary's rows, one at a time (a row is one line, and printable on its own). */
function* rows(run: RunOutline): Generator<string> {
  for (const d of run.dossiers) yield printableLines(summaryRow(d), { colour: false });
}

/** The whole document's head: the title and the summary table, a row at a time. */
function* head(run: RunOutline): Generator<string> {
  yield top(run);
  for (const row of rows(run)) yield `\n${row}`;
  if (run.dossiers.length > 0) yield '\n\n';
}

/** A tier's gaps in words: the choice of paths, each gap, each alternative, what is owed. */
function gapItems(tier: TierResult): string[] {
  const out: string[] = [];
  if (!tier.met) {
    const choice = pathChoice(tier);
    if (choice) out.push(`Through ${escapeMarkdown(choice)}:`, '');
    for (const r of tier.requirements) {
      const status = rowStatus(tier, r);
      const gap = escapeMarkdown(r.gap ?? `has ${show(r.have)}, needs ${show(r.need)}`);
      if (status === 'gap') out.push(`- **${escapeMarkdown(rowLabel(r))}**: ${gap}`);
      else if (status === 'alternative') out.push(`- ➖ ${escapeMarkdown(rowLabel(r))} (another path): ${gap}`);
    }
    out.push('');
  }
  for (const r of tier.requirements) {
    if (r.note !== undefined) out.push(`- ℹ️ **${escapeMarkdown(r.label)}**: ${escapeMarkdown(r.owed !== undefined ? `${owedText(r)} — ${r.note}` : r.note)}`);
  }
  if (tier.requirements.some((r) => r.note !== undefined)) out.push('');
  return out;
}

const MARK = { met: '✅', gap: '❌', alternative: '➖', owed: '🕓' } as const;

function tierSection(d: DossierReport, tier: TierResult): string[] {
  const out = [`#### ${tier.met ? '✅' : '❌'} ${escapeMarkdown(tier.name)}${tierRole(d, tier)}: ${escapeMarkdown(tierState(tier))}`, '', ...gapItems(tier)];
  out.push('<details><summary>Requirements</summary>', '', '| Requirement | Have | Need | |', '| --- | --- | --- | --- |');
  for (const r of tier.requirements) {
    const status = rowStatus(tier, r);
    const have = status === 'owed' ? '–' : escapeMarkdown(show(r.have));
    const mark = status === 'owed' ? `${MARK.owed} ${escapeMarkdown(owedText(r))}` : MARK[status];
    out.push(`| ${escapeMarkdown(rowLabel(r))} | ${have} | ${escapeMarkdown(show(r.need))} | ${mark} |`);
  }
  out.push('', '</details>', '');
  return out;
}

/** The tiers not shown in full, a line each. */
function otherTiers(d: DossierReport, shown: ReadonlySet<TierResult>): string[] {
  const others = d.tiers.filter((t) => !shown.has(t));
  if (others.length === 0) return [];
  return ['**Other tiers**', '', ...others.map((t) => `- ${t.met ? '✅' : '❌'} ${escapeMarkdown(t.name)}${tierRole(d, t)}: ${escapeMarkdown(tierState(t))}`), ''];
}

function dossierHead(d: DossierReport, level = '###'): string[] {
  const title = d.partner ? `${d.file} — ${d.partner}` : d.file;
  return [`${level} ${escapeMarkdown(title)}`, '', `**${escapeMarkdown(verdict(d))}**${d.valid ? ` · required: ${escapeMarkdown(d.requiredTier ?? '')} · ${escapeMarkdown(`${d.standard} standard`)} · application date ${d.asOf}` : ''}`, ''];
}

function errorItems(d: DossierReport): string[] {
  return [...d.errors.map((e) => `- ${escapeMarkdown(locatedMessage(d.file, e))}`), ''];
}

function dossierSection(d: DossierReport, options: FormatOptions): string[] {
  const out = dossierHead(d);
  if (!d.valid) return [...out, ...errorItems(d)];
  if (d.currentRating) out.push(`Current rating: ${escapeMarkdown(d.currentRating.tier)}, issued ${d.currentRating.issued}, valid until ${d.currentRating.validUntil}`, '');
  if (d.warnings.length > 0) {
    out.push('**Warnings**', '');
    for (const w of d.warnings) out.push(`- ⚠️ ${escapeMarkdown(locatedMessage(d.file, w))}`);
    out.push('');
  }
  out.push(...obligationsMarkdown(d, escapeMarkdown));
  // The reader's tier first; then a line for each other tier. A new section is one more push here.
  const shown = tiersShown(d, options.tiers);
  for (const tier of d.tiers) if (shown.has(tier)) out.push(...tierSection(d, tier));
  // The plan follows the gaps it closes; the submission's materials follow the tiers.
  out.push(...planMarkdown(d, escapeMarkdown));
  out.push(...otherTiers(d, shown));
  out.push(...materialsMarkdown(d, escapeMarkdown));
  return out;
}

/** What a batch's comment shows of a dossier that fails: its required tier's gaps, or its errors; empty for one that passes. */
function failingSection(d: DossierReport): string {
  if (d.valid && d.pass) return '';
  const required = requiredTierOf(d);
  // A dossier can fail by a breached obligation of its rating year as well as by gaps.
  const body = !d.valid ? errorItems(d) : [...(d.obligationsMet === false ? obligationsMarkdown(d, escapeMarkdown) : []), ...(required && !required.met ? gapItems(required) : [])];
  return tidyPart([...dossierHead(d, '####'), ...body]);
}

/** Blank lines, as a reader sees them: never more than one in a row. */
function tidy(text: string): string {
  return text.replace(/\n{3,}/g, '\n\n');
}

const tidyPart = (lines: string[]): string => printableLines(tidy(lines.join('\n')).trimEnd(), { colour: false });

/** Whether the output is a batch's comment: its summary and the failing dossiers' gaps, cut to fit. */
const isComment = (run: RunOutline, options: FormatOptions): boolean => run.dossiers.length > 1 && options.whole !== true;

export const markdown: Formatter<string | undefined> = {
  // A section without its trailing blank lines and spaces; the document puts one blank line between sections.
  part: (d, options) => tidyPart(dossierSection(d, options)),
  // A batch's comment shows of each dossier only what fails: kept as its note, and left out of a whole report.
  note: (d, options) => (options.whole === true ? undefined : failingSection(d) || undefined),
  assemble: (run, options, notes) =>
    isComment(run, options) ? { head: comment(top(run), rows(run), notes), separator: '', tail: '', omitParts: true } : { head: head(run), separator: '\n\n', tail: '\n' },
};
