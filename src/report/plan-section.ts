/**
 * The plan to a tier and the renewals that keep one, as each formatter
 * shows them after the required tier's gaps: the words here, the markup in
 * the small renderers below, each taking its format's escaping.
 */
import { plural } from '../core/words.js';
import type { DossierReport } from './run.js';

interface Section {
  title: string;
  items: string[];
}

/** "Plan to four-star (2 actions)", or with a path and, should it be so, "not proven smallest". */
export function planSection(d: DossierReport): Section | undefined {
  const { plan } = d;
  if (plan === undefined) return undefined;
  const path = plan.path === null ? '' : ` through ${d.tiers.find((t) => t.id === plan.tier)?.paths?.find((p) => p.id === plan.path)?.name ?? plan.path}`;
  const proven = plan.proven ? '' : ', not proven smallest: the engine met the tier only after more actions than the lower bound';
  return { title: `Plan to ${plan.tier}${path} (${plural(plan.size, 'action')}${proven})`, items: plan.actions.map((a) => a.text) };
}

/** "Renewals that keep three-star through 2027-12-01", in date order. */
export function keepSection(d: DossierReport): Section | undefined {
  const keep = d.keep ?? [];
  if (keep.length === 0) return undefined;
  // A report read back from JSON has the contract's fields only: the words then come from those.
  const through = keep[0]!.through === undefined ? '' : ` through ${keep[0]!.through}`;
  return { title: `Renewals that keep ${keep[0]!.tier}${through}`, items: keep.map(keepText) };
}

/** A renewal in words: the engine's, or, for a report read back from JSON (the contract's fields only), made from those. */
export function keepText(k: NonNullable<DossierReport['keep']>[number]): string {
  return k.text ?? `Renew the ${k.type} of ${k.engineer} by ${k.by}.`;
}

const sections = (d: DossierReport): Section[] => [planSection(d), keepSection(d)].filter((s): s is Section => s !== undefined);

/** For the text report: a heading line and one wrapped item per action. */
export function planText(d: DossierReport, line: (text: string) => string): string[] {
  return sections(d).flatMap((s) => ['', line(s.title), ...s.items.map((item, i) => `  ${i + 1}. ${line(item)}`)]);
}

/** For Markdown: a bold heading and a numbered list. */
export function planMarkdown(d: DossierReport, escape: (text: string) => string): string[] {
  return sections(d).flatMap((s) => [`**${escape(s.title)}**`, '', ...s.items.map((item, i) => `${i + 1}. ${escape(item)}`), '']);
}

/** For HTML: a heading and an ordered list. */
export function planHtml(d: DossierReport, escape: (text: string) => string): string {
  return sections(d)
    .map((s) => `<h3>${escape(s.title)}</h3><ol>${s.items.map((item) => `<li>${escape(item)}</li>`).join('')}</ol>`)
    .join('');
}
