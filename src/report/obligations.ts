/**
 * The rating year's obligations as a section of their own, for every
 * formatter that shows them (text, markdown, html here; sarif, junit and
 * github take the items). Each renderer gets its format's own escaping, so
 * this file imports no formatter.
 */
import type { ChalkInstance } from 'chalk';
import type { DossierReport } from './run.js';

type Located = NonNullable<DossierReport['obligations']>[number];

export const OBLIGATIONS_TITLE = 'Obligations of the rating year';

const STATUS_WORD = { met: 'met', open: 'open', breached: 'BREACHED' } as const;

/** "2 obligations: 1 met, 1 open" — the section's heading after its title. */
export function obligationsSummary(obligations: readonly Located[]): string {
  if (obligations.length === 0) return 'nothing owed';
  const count = (status: Located['status']): number => obligations.filter((o) => o.status === status).length;
  const parts = (['breached', 'open', 'met'] as const).filter((s) => count(s) > 0).map((s) => `${count(s)} ${s}`);
  return parts.join(', ');
}

/** The line of one obligation: "exit report, E03, due 2026-11-11: <message>". */
export function obligationText(o: Located): string {
  return `${o.code === 'exit-report' ? 'exit report' : 'vacancy'}, ${o.engineer}, due ${o.due}: ${o.message}`;
}

/** The section in a text report, or nothing for a dossier without a rating year. */
export function obligationsText(d: DossierReport, c: ChalkInstance, wrapped: (text: string, width: number, indent: string) => string, width: number): string[] {
  if (d.obligations === undefined) return [];
  const out = ['', `${c.bold(OBLIGATIONS_TITLE)} — ${obligationsSummary(d.obligations)}`];
  for (const o of d.obligations) {
    const mark = o.status === 'met' ? c.green('✔') : o.status === 'open' ? c.yellow('…') : c.red('✗');
    out.push(`  ${mark} ${wrapped(`${STATUS_WORD[o.status]} ${obligationText(o)}`, width - 4, '    ')}`);
  }
  return out;
}

const MARKDOWN_MARK = { met: '✅', open: '⏳', breached: '❌' } as const;

/** The section in a Markdown report; `escape` is the format's own. */
export function obligationsMarkdown(d: DossierReport, escape: (text: string) => string): string[] {
  if (d.obligations === undefined) return [];
  const out = [`#### ${OBLIGATIONS_TITLE}: ${escape(obligationsSummary(d.obligations))}`, ''];
  for (const o of d.obligations) out.push(`- ${MARKDOWN_MARK[o.status]} **${STATUS_WORD[o.status]}** ${escape(obligationText(o))}`);
  if (d.obligations.length > 0) out.push('');
  return out;
}

/** The section in an HTML report; `escape` is the format's own. */
export function obligationsHtml(d: DossierReport, escape: (text: string) => string): string {
  if (d.obligations === undefined) return '';
  const items = d.obligations.map((o) => `<li class="${o.status === 'breached' ? 'breached' : o.status}"><strong>${STATUS_WORD[o.status]}</strong> ${escape(obligationText(o))}</li>`);
  return `<h3>${OBLIGATIONS_TITLE}</h3><p class="muted">${escape(obligationsSummary(d.obligations))}</p>${items.length > 0 ? `<ul class="obligations">${items.join('')}</ul>` : ''}`;
}

/** The obligations not met, for the formats that list problems (sarif, junit, github): breached first is the caller's choice. */
export function unmetObligations(d: DossierReport): Located[] {
  return (d.obligations ?? []).filter((o) => o.status !== 'met');
}
