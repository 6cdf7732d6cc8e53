/**
 * `--format html`: one self-contained page a partner can attach to the
 * application e-mail. Per dossier: the partner and verdict, progress per
 * tier, the requirements table with tiers as columns, the gaps, and a
 * timeline of when each tier lapses. No external resource of any kind: the
 * styles are inline and nothing is fetched.
 */
import escapeHtml from 'escape-html';
import { printable } from '../core/findings.js';
import { fromDayNumber, toDayNumber } from '../core/dates.js';
import type { TierResult } from '../core/evaluate.js';
import { plural } from '../core/words.js';
import type { DossierReport } from './run.js';
import type { Formatter, RunOutline } from './run.js';
import { materialsHtml } from './materials.js';
import { planHtml } from './plan-section.js';
import { obligationsHtml } from './obligations.js';
import { gapsOf, locatedMessage, metPaths, outcome, pathChoice, requirementOrder, show, summaryLine, tierProgress, verdict } from './view.js';

const STYLE = `
:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --line: #d0d7de; --muted: #57606a; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; background: #fff; }
main { max-width: 1040px; margin: 0 auto; }
header.run { border-bottom: 2px solid var(--line); margin-bottom: 24px; }
header.run h1 { font-size: 22px; margin: 0 0 4px; }
.muted { color: var(--muted); }
section.dossier { border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px; margin-bottom: 28px; page-break-inside: avoid; }
section.dossier h2 { margin: 0; font-size: 20px; }
h3 { font-size: 16px; margin: 22px 0 8px; }
.verdict { display: inline-block; margin: 10px 0 0; padding: 4px 12px; border-radius: 14px; font-weight: 600; }
.verdict.PASS { background: #dafbe1; color: var(--ok); }
.verdict.FAIL { background: #ffebe9; color: var(--bad); }
.verdict.INVALID { background: #fff8c5; color: var(--warn); }
.tiers { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
.tier { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: var(--soft); }
.tier .name { font-weight: 600; }
.tier .state.met { color: var(--ok); }
.tier .state.unmet { color: var(--bad); }
.bar { height: 8px; background: #e6e8eb; border-radius: 4px; overflow: hidden; margin: 6px 0 2px; }
.bar > span { display: block; height: 100%; background: var(--bad); }
.bar.met > span { background: var(--ok); }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td.cell { text-align: center; white-space: nowrap; width: 110px; }
td.met { color: var(--ok); }
td.gap { color: var(--bad); font-weight: 600; }
td.spare, td.none { color: var(--muted); }
.path { font-size: 12px; color: var(--muted); }
ul { margin: 4px 0; padding-left: 22px; }
li { margin: 3px 0; }
.warnings li { color: var(--warn); }
.obligations li.breached { color: var(--bad); }
.obligations li.met { color: var(--ok); }
.errors li { color: var(--bad); }
.timeline .row { display: grid; grid-template-columns: 120px 1fr 200px; gap: 10px; align-items: center; margin: 6px 0; }
.timeline .track { position: relative; height: 12px; background: #e6e8eb; border-radius: 6px; overflow: hidden; }
.timeline .track > span { position: absolute; left: 0; top: 0; bottom: 0; background: var(--ok); }
.timeline .track.never > span { background: repeating-linear-gradient(45deg, var(--ok), var(--ok) 6px, #4ac26b 6px, #4ac26b 12px); }
.timeline .track.lost > span { width: 0; }
.timeline .axis { display: flex; justify-content: space-between; font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 2px; }
footer { font-size: 12px; color: var(--muted); margin-top: 16px; }
@media print { body { padding: 0; } section.dossier { border: none; padding: 0; } }
`;

/** Text for the page: escaped as HTML, and printable, so no text-direction mark from a dossier or a standard reverses what a reviewer reads. */
function e(text: string | number): string {
  return escapeHtml(printable(String(text)));
}

function progress(d: DossierReport): string {
  const cards = d.tiers.map((tier) => {
    const { met, needed } = tierProgress(tier);
    const percent = needed === 0 ? 100 : Math.round((met / needed) * 100);
    const state = tier.met ? '<span class="state met">met</span>' : `<span class="state unmet">${e(plural(needed - met, 'gap'))}</span>`;
    const paths = metPaths(tier);
    const via = tier.met && paths !== undefined ? `<div class="muted">via ${e(paths)}</div>` : '';
    return `<div class="tier"><div><span class="name">${e(tier.name)}</span> — ${state}</div><div class="bar${tier.met ? ' met' : ''}"><span style="width: ${percent}%"></span></div><div class="muted">${met} of ${needed} requirements met</div>${via}</div>`;
  });
  return `<h3>Progress per tier</h3><div class="tiers">${cards.join('')}</div>`;
}

function requirementCell(tier: TierResult, id: string): string {
  const r = tier.requirements.find((x) => x.id === id);
  if (!r) return '<td class="cell none">–</td>';
  const value = `${e(show(r.have))} / ${e(show(r.need))}`;
  if (r.met) return `<td class="cell met">✔ ${value}</td>`;
  // In a met tier an unmet row belongs to an alternative path it did not need.
  return tier.met ? `<td class="cell spare">${value}</td>` : `<td class="cell gap">✗ ${value}</td>`;
}

function requirementsTable(d: DossierReport): string {
  const head = `<tr><th>Requirement</th>${d.tiers.map((t) => `<th>${e(t.name)}<br><span class="muted">have / need</span></th>`).join('')}</tr>`;
  const rows = requirementOrder(d).map(
    (row) => `<tr><td>${e(row.label)}${row.path ? ` <span class="path">[${e(row.path)}]</span>` : ''}</td>${d.tiers.map((t) => requirementCell(t, row.id)).join('')}</tr>`,
  );
  return `<h3>Requirements</h3><table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function gapList(d: DossierReport): string {
  const gaps = gapsOf(d);
  if (gaps.length === 0) return '';
  const byTier = d.tiers
    .filter((tier) => gaps.some((g) => g.tier === tier))
    .map((tier) => {
      const items = gaps
        .filter((g) => g.tier === tier)
        .map(({ requirement: r }) => `<li><strong>${e(r.label)}</strong>${r.path ? ` <span class="path">[${e(r.path)}]</span>` : ''}: ${e(r.gap ?? 'not met')}</li>`);
      const choice = pathChoice(tier);
      return `<h4>To ${e(tier.name.toLowerCase())}${tier.id === d.requiredTier ? ' (the required tier)' : ''}: ${e(plural(tier.gaps, 'gap'))}</h4>${choice ? `<p class="muted">Through ${e(choice)}.</p>` : ''}<ul>${items.join('')}</ul>`;
    });
  return `<h3>Gaps</h3>${byTier.join('')}`;
}

/** What the partner owes although it is no gap, once per requirement. */
function noteList(d: DossierReport): string {
  const notes = new Map<string, string>();
  for (const tier of d.tiers) for (const r of tier.requirements) if (r.note !== undefined && !notes.has(r.id)) notes.set(r.id, `<li><strong>${e(r.label)}</strong>: ${e(r.note)}</li>`);
  return notes.size > 0 ? `<h3>Obligations</h3><ul>${[...notes.values()].join('')}</ul>` : '';
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
  return `<h3>When each tier lapses</h3><p class="muted">From the application date, with the dossier as it is: the last day each tier is still met.</p><div class="timeline">${rows.join('')}${axis}</div>`;
}

function dossierSection(d: DossierReport): string {
  const title = d.partner ?? d.file;
  const meta = d.valid ? `${e(d.file)} · ${e(d.standard ?? '')} standard · application date ${e(d.asOf ?? '')} · required tier ${e(d.requiredTier ?? '')}` : e(d.file);
  const summary = d.valid ? verdict(d) : plural(d.errors.length, 'error');
  const head = `<h2>${e(title)}</h2><div class="muted">${meta}</div><div class="verdict ${outcome(d)}">${outcome(d)} · ${e(summary)}</div>`;
  if (!d.valid) {
    return `<section class="dossier">${head}<h3>Errors</h3><ul class="errors">${d.errors.map((x) => `<li>${e(locatedMessage(d.file, x))}</li>`).join('')}</ul></section>`;
  }
  const rating = d.currentRating ? `<p>Current rating: ${e(d.currentRating.tier)}, issued ${e(d.currentRating.issued)}, valid until ${e(d.currentRating.validUntil)}</p>` : '';
  const warnings = d.warnings.length > 0 ? `<h3>Warnings</h3><ul class="warnings">${d.warnings.map((w) => `<li>${e(w.message)}</li>`).join('')}</ul>` : '';
  return `<section class="dossier">${head}${rating}${warnings}${obligationsHtml(d, e)}${progress(d)}${requirementsTable(d)}${gapList(d)}${planHtml(d, e)}${noteList(d)}${materialsHtml(d, e)}${timeline(d)}</section>`;
}

function pageTitle(run: RunOutline): string {
  const [only] = run.dossiers;
  return run.dossiers.length === 1 && only?.partner ? `${only.partner} — star-rated service eligibility` : 'Star-rated service eligibility';
}

export const html: Formatter = {
  part: dossierSection,
  assemble: (run) => ({
    head: `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(pageTitle(run))}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header class="run"><h1>${e(pageTitle(run))}</h1><p class="muted">${e(summaryLine(run.summary))} · checked by ${e(run.tool.name)} ${e(run.tool.version)}</p></header>
`,
    separator: '\n',
    tail: `
<footer>H3C partner star-rated service certification. A certificate counts only while it expires more than the standard's margin after the application date; the dates above assume the dossier stays as it is.</footer>
</main>
</body>
</html>
`,
  }),
};
