/**
 * Certificate rows (rules 1–4). All certificate rows of a tier are one
 * matching problem: each certificate that counts fills at most one slot of
 * one row it satisfies, directly or through replacement, and a "distinct"
 * row takes at most one certificate per accepted type.
 */
import type { Catalogue } from '../catalogue.js';
import { certificateLossDates, type Facts, type HeldCertificate } from '../facts.js';
import { FlowNetwork } from '../max-flow.js';
import type { RequirementOf } from '../model.js';
import { engineerLabel, orList } from '../words.js';
import { baseResult, type KindEvaluator, type RequirementResult, type RowNeed } from './kind.js';

type Row = RequirementOf<'certificates'>;

/** Accepted codes of the row that a certificate of `code` stands for. */
function acceptedVia(catalogue: Catalogue, code: string, row: Row): string[] {
  const standsFor = catalogue.standsFor.get(code);
  return row.accepts.map((a) => catalogue.codes.get(a.toUpperCase())!).filter((a) => standsFor?.has(a));
}

/** "H3CSE-RS or higher"; in a list, "H3CS-IMC, H3CNE-SECURITY (or higher) or H3CNE-X86". */
export function acceptedLabel(catalogue: Catalogue, row: Row): string {
  const accepted = row.accepts.map((a) => catalogue.codes.get(a.toUpperCase())!);
  const hasHigher = (code: string): boolean => [...catalogue.standsFor].some(([other, lower]) => other !== code && lower.has(code));
  if (accepted.length === 1) return accepted[0]! + (hasHigher(accepted[0]!) ? ' or higher' : '');
  return orList(accepted.map((code) => (hasHigher(code) ? `${code} (or higher)` : code)));
}

/** How many levels a row reaches: 2 for a row of H3CSE-RS, which replaces H3CNE. */
function rowLevel(catalogue: Catalogue, row: Row): number {
  return Math.max(...row.accepts.map((a) => catalogue.standsFor.get(catalogue.codes.get(a.toUpperCase())!)?.size ?? 1));
}

/** Row indexes, highest level first; rows of one level keep the standard's order. */
function fillOrder(catalogue: Catalogue, rows: RowNeed<'certificates'>[]): number[] {
  return rows.map((_, r) => r).sort((a, b) => rowLevel(catalogue, rows[b]!.row) - rowLevel(catalogue, rows[a]!.row) || a - b);
}

export const certificates: KindEvaluator<'certificates'> = {
  evaluate(rows, facts) {
    const { catalogue } = facts;
    const counting = facts.certificates.filter((c) => c.counts);
    const net = new FlowNetwork();
    const source = net.node();
    const sink = net.node();
    const rowEdges = rows.map(({ row }) => {
      const node = net.node();
      const types = new Map<string, number>();
      if (row.distinct === true) {
        for (const code of row.accepts) {
          const canonical = catalogue.codes.get(code.toUpperCase())!;
          if (types.has(canonical)) continue;
          const typeNode = net.node();
          net.edge(typeNode, node, 1);
          types.set(canonical, typeNode);
        }
      }
      return { node, types, toSink: -1 };
    });
    // Which row each certificate ends up filling, through these edges.
    const fillEdges: Array<{ held: HeldCertificate; row: number; edge: number }> = [];
    for (const held of counting) {
      const certNode = net.node();
      net.edge(source, certNode, 1);
      rows.forEach(({ row }, r) => {
        const via = acceptedVia(catalogue, held.code, row);
        if (via.length === 0) return;
        const target = rowEdges[r]!;
        if (row.distinct === true) {
          for (const code of via) fillEdges.push({ held, row: r, edge: net.edge(certNode, target.types.get(code)!, 1) });
        } else {
          fillEdges.push({ held, row: r, edge: net.edge(certNode, target.node, 1) });
        }
      });
    }
    // Open the rows to the sink one at a time, highest first, augmenting
    // after each. The total is the same maximum whatever the order (an
    // augmenting path never takes flow back from the sink), but when a
    // certificate could fill a senior or a junior slot, the senior row gets
    // it first, so the gap reads "needs an H3CNE" rather than asking for a
    // second H3CSE the partner does not need.
    for (const r of fillOrder(catalogue, rows)) {
      rowEdges[r]!.toSink = net.edge(rowEdges[r]!.node, sink, rows[r]!.need);
      net.maxFlow(source, sink);
    }
    const filledBy = rows.map(() => [] as HeldCertificate[]);
    for (const { held, row, edge } of fillEdges) if (net.flow(edge) > 0) filledBy[row]!.push(held);

    return rows.map(({ row, need }, r): RequirementResult => {
      const have = net.flow(rowEdges[r]!.toSink);
      const base = baseResult(row, need, '/engineers');
      if (have >= need) return { ...base, met: true, have };
      return { ...base, met: false, have, gap: certificateGap(facts, rows, filledBy, r, have, need) };
    });
  },
  lossDates: (_rows, dossier, catalogue) => certificateLossDates(dossier, catalogue),
};

function certificateGap(facts: Facts, rows: RowNeed<'certificates'>[], filledBy: HeldCertificate[][], r: number, have: number, need: number): string {
  const { catalogue } = facts;
  const row = rows[r]!.row;
  const what = acceptedLabel(catalogue, row);
  const missing = need - have;
  const sentences: string[] = [];
  if (row.distinct === true) {
    const held = [...new Set(filledBy[r]!.flatMap((h) => acceptedVia(catalogue, h.code, row)))];
    sentences.push(
      `needs ${missing} more certificate${missing === 1 ? '' : 's'} of ${missing === 1 ? 'a type' : 'types'} not yet counted here, out of ${what}` +
        (held.length > 0 ? ` (counted: ${held.join(', ')})` : ''),
    );
  } else {
    sentences.push(`needs ${missing} more ${what} (has ${have} of ${need})`);
  }
  const candidates = facts.certificates.filter((h) => acceptedVia(catalogue, h.code, row).length > 0);
  for (const held of candidates) {
    const who = engineerLabel(held.engineer);
    const cert = held.certificate;
    if (held.reason === 'expires-too-soon') {
      sentences.push(`${who}: ${held.code} expires ${cert.expires}, not more than ${catalogue.validityMonths} months after ${facts.date} — renew it or add another ${what} holder`);
    } else if (held.reason === 'not-yet-issued') {
      sentences.push(`${who}: ${held.code} is issued ${cert.issued}, after ${facts.date}, so it does not count yet`);
    } else if (held.reason === 'engineer-left') {
      sentences.push(`${who}: ${held.code} no longer counts, the engineer left on ${held.engineer.leftOn}`);
    } else {
      const other = filledBy.findIndex((list, i) => i !== r && list.includes(held));
      if (other >= 0) sentences.push(`${who}: ${held.code} already fills "${rows[other]!.row.label}"`);
    }
  }
  return sentences.join('. ') + '.';
}
