/**
 * `--format html`: one self-contained page a partner can attach to the
 * application e-mail. Per dossier: the partner, the verdict and the
 * required tier; the tier the reader needs with its progress, table, gaps
 * and obligations; a line per other tier; a timeline of when each tier
 * lapses. A batch opens with an index linking to each dossier. The tool's
 * details are in the footer. It prints on A4 (print CSS: no heading left at
 * a page's foot, no timeline split) and fits a phone (tables scroll in their
 * own box); test/report/browser.test.ts checks both in Chromium. No external resource of any kind: the
 * styles are inline and nothing is fetched.
 */
import escapeHtml from 'escape-html';
import { printable } from '../core/findings.js';
import { fromDayNumber, toDayNumber } from '../core/dates.js';
import type { TierResult } from '../core/evaluate.js';
import { plural } from '../core/words.js';
import type { RequirementResult } from '../core/kinds/index.js';
import type { DossierOutline, DossierReport, FormatOptions, Formatter, RunOutline } from './run.js';
import { locatedMessage, outcome, owedText, pathChoice, requiredTierOf, rowStatus, show, summaryLine, tierProgress, tiersShown, tierState, verdict, tierRole } from './view.js';
import { materialsHtml } from './materials.js';
import { planHtml } from './plan-section.js';
import { obligationsHtml } from './obligations.js';

const STYLE = `
:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --line: #d0d7de; --muted: #57606a; --soft: #f6f8fa; --owed: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; background: #fff; overflow-wrap: anywhere; }
main { max-width: 1040px; margin: 0 auto; }
header.run { border-bottom: 2px solid var(--line); margin-bottom: 24px; }
header.run h1 { font-size: 22px; margin: 0 0 4px; }
.muted { color: var(--muted); }
section.dossier { border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px; margin-bottom: 28px; }
section.dossier h2 { margin: 0; font-size: 24px; line-height: 1.25; }
h3 { font-size: 17px; margin: 22px 0 8px; }
.verdict { display: inline-block; margin: 10px 0 4px; padding: 4px 12px; border-radius: 14px; font-weight: 600; }
.verdict.PASS { background: #dafbe1; color: var(--ok); }
.verdict.FAIL { background: #ffebe9; color: var(--bad); }
.verdict.INVALID { background: #fff8c5; color: var(--warn); }
.required { font-size: 16px; margin: 4px 0; }
.state.met { color: var(--ok); }
.state.unmet { color: var(--bad); }
.bar { height: 8px; background: #e6e8eb; border-radius: 4px; overflow: hidden; margin: 6px 0 2px; max-width: 420px; }
.bar > span { display: block; height: 100%; background: var(--bad); }
.bar.met > span { background: var(--ok); }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); overflow-wrap: normal; white-space: nowrap; }
td.value { white-space: nowrap; overflow-wrap: normal; }
td.met { color: var(--ok); }
td.gap { color: var(--bad); font-weight: 600; }
td.spare { color: var(--muted); }
td.owed { color: var(--owed); }
.path { font-size: 12px; color: var(--muted); }
ul { margin: 4px 0; padding-left: 22px; }
li { margin: 3px 0; }
.warnings li { color: var(--warn); }
.obligations li.breached { color: var(--bad); }
.obligations li.met { color: var(--ok); }
.errors li { color: var(--bad); }
.timeline .row { display: grid; grid-template-columns: minmax(80px, 120px) 1fr minmax(110px, 200px); gap: 10px; align-items: center; margin: 6px 0; }
.timeline .track { position: relative; height: 12px; background: #e6e8eb; border-radius: 6px; overflow: hidden; }
.timeline .track > span { position: absolute; left: 0; top: 0; bottom: 0; background: var(--ok); }
.timeline .track.never > span { background: repeating-linear-gradient(45deg, var(--ok), var(--ok) 6px, #4ac26b 6px, #4ac26b 12px); }
.timeline .track.lost > span { width: 0; }
.timeline .axis { display: flex; justify-content: space-between; gap: 8px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 2px; }
table.index td { overflow-wrap: normal; }
table.index td.count { white-space: nowrap; }
.outcome.PASS { color: var(--ok); }
.outcome.FAIL { color: var(--bad); }
.outcome.INVALID { color: var(--warn); }
table.index .path { overflow-wrap: anywhere; }
footer { font-size: 12px; color: var(--muted); margin-top: 16px; border-top: 1px solid var(--line); padding-top: 8px; }
@media (max-width: 600px) {
  body { padding: 12px; }
  section.dossier { padding: 14px 12px; }
  .timeline .row { grid-template-columns: 1fr; gap: 2px; }
  .timeline .row > div:first-child:empty { display: none; }
  .timeline .axis { margin-bottom: 6px; }
}
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { padding: 0; font-size: 11pt; }
  main { max-width: none; }
  section.dossier { border: none; border-radius: 0; padding: 0; margin: 0; }
  section.dossier + section.dossier, header.run + section.dossier { break-before: page; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .keep, .timeline, tr, li { break-inside: avoid; page-break-inside: avoid; }
  .scroll { overflow: visible; }
  thead { display: table-header-group; }
}
`;

/** Text for the page: escaped as HTML, and printable, so no text-direction mark from a dossier or a standard reverses what a reviewer reads. */
function e(text: string | number): string {
  return escapeHtml(printable(String(text)));
}

/**
 * The id of a dossier's section, which the batch's index links to: made from
 * its file name alone (the part and the index each make it), readable, and
 * told apart by a hash where two names read alike once reduced to letters.
 */
export function sectionId(file: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) hash = Math.imul(hash ^ file.charCodeAt(i), 0x01000193);
  const readable = file.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(-60);
  return `dossier-${readable}-${(hash >>> 0).toString(36)}`;
}

/** A section kept whole on paper, its heading with what follows; nothing for an empty one. */
function keep(section: string): string {
  return section === '' ? '' : `<div class="keep">${section}</div>`;
}

function stateSpan(tier: TierResult): string {
  return `<span class="state ${tier.met ? 'met' : 'unmet'}">${e(tierState(tier))}</span>`;
}

function requirementRow(tier: TierResult, r: RequirementResult): string {
  const label = `<td>${e(r.label)}${r.path ? ` <span class="path">[${e(r.path)}]</span>` : ''}</td>`;
  const status = rowStatus(tier, r);
  if (status === 'owed') return `<tr>${label}<td class="owed" colspan="3">${e(owedText(r))}</td></tr>`;
  const mark = { met: '✔ met', gap: '✗ gap', alternative: '– another path' }[status];
  return `<tr>${label}<td class="value">${e(show(r.have))}</td><td class="value">${e(show(r.need))}</td><td class="value ${status === 'alternative' ? 'spare' : status}">${mark}</td></tr>`;
}

/** A tier in full: heading and progress kept with its table, then its gaps and what it owes. */
function tierSection(d: DossierReport, tier: TierResult): string {
  const { met, needed } = tierProgress(tier);
  const percent = needed === 0 ? 100 : Math.round((met / needed) * 100);
  const choice = pathChoice(tier);
  const head = `<h3>${e(tier.name)}${e(tierRole(d, tier))} — ${stateSpan(tier)}</h3><div class="bar${tier.met ? ' met' : ''}"><span style="width: ${percent}%"></span></div><div class="muted">${met} of ${needed} requirements met</div>${choice ? `<p class="muted">Paths: ${e(choice)}.</p>` : ''}`;
  const table = `<div class="scroll"><table class="requirements"><thead><tr><th>Requirement</th><th>Have</th><th>Need</th><th></th></tr></thead><tbody>${tier.requirements.map((r) => requirementRow(tier, r)).join('')}</tbody></table></div>`;
  const gaps = tier.requirements
    .filter((r) => rowStatus(tier, r) === 'gap')
    .map((r) => `<li><strong>${e(r.label)}</strong>${r.path ? ` <span class="path">[${e(r.path)}]</span>` : ''}: ${e(r.gap ?? 'not met')}</li>`);
  const owed = tier.requirements.filter((r) => r.note !== undefined).map((r) => `<li><strong>${e(r.label)}</strong>: ${e(r.owed !== undefined ? `${owedText(r)} — ${r.note}` : r.note!)}</li>`);
  return `<section class="tier"><div class="keep">${head}${table}</div>${gaps.length > 0 ? `<ul class="gaps">${gaps.join('')}</ul>` : ''}${owed.length > 0 ? `<ul class="obligations">${owed.join('')}</ul>` : ''}</section>`;
}

/** The tiers not shown in full, a line each. */
function otherTiers(d: DossierReport, shown: ReadonlySet<TierResult>): string {
  const others = d.tiers.filter((t) => !shown.has(t));
  if (others.length === 0) return '';
  return `<div class="keep"><h3>Other tiers</h3><ul class="others">${others.map((t) => `<li>${e(t.name)}${e(tierRole(d, t))} — ${stateSpan(t)}</li>`).join('')}</ul></div>`;
}

/** Bars from the application date to the last day each tier holds, on one scale. */
function timeline(d: DossierReport): string {
  const start = toDayNumber(d.asOf!);
  const ends = d.tiers.flatMap((t) => (typeof t.holdsUntil === 'string' ? [toDayNumber(t.holdsUntil)] : []));
  const end = Math.max(...ends, start + 365);
  const span = end - start;
  const rows = d.tiers.map((tier) => {
    let track: string;
    let label: string;
    if (!tier.met) {
      track = '<div class="track lost"><span></span></div>';
      label = 'not met';
    } else if (typeof tier.holdsUntil === 'string') {
      const width = Math.max(1, Math.round(((toDayNumber(tier.holdsUntil) - start) / span) * 100));
      track = `<div class="track"><span style="width: ${width}%"></span></div>`;
      label = `holds until ${e(tier.holdsUntil)}`;
    } else {
      track = '<div class="track never"><span style="width: 100%"></span></div>';
      label = 'nothing it needs lapses';
    }
    return `<div class="row"><div>${e(tier.name)}</div>${track}<div class="muted">${label}</div></div>`;
  });
  const axis = `<div class="row"><div></div><div class="axis"><span>${e(d.asOf!)}</span><span>${e(fromDayNumber(end))}</span></div><div></div></div>`;
  return `<div class="timeline keep"><h3>When each tier lapses</h3><p class="muted">From the application date, with the dossier as it is: the last day each tier is still met.</p>${rows.join('')}${axis}</div>`;
}

function dossierSection(d: DossierReport, options: FormatOptions): string {
  const title = d.partner ?? d.file;
  const required = requiredTierOf(d);
  const lead = d.valid && required ? `<p class="required">Required tier: <strong>${e(required.name)}</strong> — ${stateSpan(required)}</p>` : '';
  const meta = d.valid ? `${e(d.file)} · ${e(d.standard ?? '')} standard · application date ${e(d.asOf ?? '')}` : e(d.file);
  const summary = d.valid ? verdict(d) : plural(d.errors.length, 'error');
  const head = `<header class="keep"><h2>${e(title)}</h2><div class="verdict ${outcome(d)}">${outcome(d)} · ${e(summary)}</div>${lead}<div class="muted">${meta}</div></header>`;
  const open = `<section class="dossier" id="${sectionId(d.file)}">`;
  if (!d.valid) {
    return `${open}${head}<div class="keep"><h3>Errors</h3><ul class="errors">${d.errors.map((x) => `<li>${e(locatedMessage(d.file, x))}</li>`).join('')}</ul></div></section>`;
  }
  const rating = d.currentRating ? `<p>Current rating: ${e(d.currentRating.tier)}, issued ${e(d.currentRating.issued)}, valid until ${e(d.currentRating.validUntil)}</p>` : '';
  const warnings = d.warnings.length > 0 ? `<div class="keep"><h3>Warnings</h3><ul class="warnings">${d.warnings.map((w) => `<li>${e(w.message)}</li>`).join('')}</ul></div>` : '';
  // The reader's tier first; then a line for each other tier. A new section is one more entry here.
  const shown = tiersShown(d, options.tiers);
  // The rating year's obligations, their heading kept with them on paper.
  const obligations = obligationsHtml(d, e);
  const sections = [head, rating, warnings, keep(obligations), ...d.tiers.filter((t) => shown.has(t)).map((t) => tierSection(d, t)), keep(planHtml(d, e)), otherTiers(d, shown), keep(materialsHtml(d, e)), timeline(d)];
  return `${open}${sections.join('')}</section>`;
}

function pageTitle(run: RunOutline): string {
  const [only] = run.dossiers;
  return run.dossiers.length === 1 && only?.partner ? `${only.partner} — star-rated service eligibility` : 'Star-rated service eligibility';
}

/** The gaps an index row gives: those of the required tier (none when it is met), or the errors of an invalid dossier. */
function indexGaps(d: DossierOutline): string {
  if (!d.valid) return plural(d.errors.length, 'error');
  const gaps = d.tiers.find((t) => t.id === d.requiredTier)?.gaps ?? 0;
  return d.pass ? '–' : plural(gaps, 'gap');
}

/** A batch opens with an index: a row per dossier, linking to its section. Made a row at a time from the outlines. */
function* batchHead(run: RunOutline): Generator<string> {
  yield `<header class="run"><h1>${e(pageTitle(run))}</h1><p class="muted">${e(summaryLine(run.summary))}${run.standard.id !== null ? ` · ${e(run.standard.title)}` : ''}</p>`;
  yield '<div class="scroll"><table class="index"><thead><tr><th>Partner</th><th>Verdict</th><th>Gaps</th></tr></thead><tbody>';
  for (const d of run.dossiers) {
    yield `\n<tr><td><a href="#${sectionId(d.file)}">${e(d.partner ?? d.file)}</a><br><span class="path">${e(d.file)}</span></td><td><strong class="outcome ${outcome(d)}">${outcome(d)}</strong> ${e(verdict(d))}</td><td class="count">${e(indexGaps(d))}</td></tr>`;
  }
  yield '</tbody></table></div></header>\n';
}

function pageHead(run: RunOutline): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(pageTitle(run))}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
`;
}

export const html: Formatter = {
  part: dossierSection,
  assemble: (run) => ({
    // One dossier's page is that dossier from its first line; a batch's opens with its index.
    head: run.dossiers.length > 1 ? [pageHead(run), ...batchHead(run)] : pageHead(run),
    separator: '\n',
    tail: `
<footer>Checked by ${e(run.tool.name)} ${e(run.tool.version)} against ${run.standard.id !== null ? e(run.standard.title) : 'the H3C partner star-rated service certification standard'}. A certificate counts only while it expires more than the standard's margin after the application date; the dates above assume the dossier stays as it is.</footer>
</main>
</body>
</html>
`,
  }),
};
