/**
 * Certificate rows (rules 1–4). All certificate rows of a tier are one
 * matching problem: each certificate that counts fills at most one slot of
 * one row it satisfies, directly or through replacement, and a "distinct"
 * row takes at most one certificate per accepted type.
 */
import type { Catalogue } from '../catalogue.js';
import { eachCertificateLossDate, type Facts, type HeldCertificate } from '../facts.js';
import { FlowNetwork } from '../max-flow.js';
import type { RequirementOf } from '../model.js';
import { engineerLabel, orList } from '../words.js';
import { rowResult, type KindEvaluator, type RequirementResult, type RowNeed } from './kind.js';

type Row = RequirementOf<'certificates'>;

/** What a row asks of certificates, the same for every dossier of a catalogue. */
interface RowPlan {
  /** Canonical code of a certificate → the accepted codes of the row it stands for (none: absent). */
  via: Map<string, string[]>;
  /** The row's accepted codes, canonical, once each. */
  types: string[];
  label: string;
  /** How many levels the row reaches: 2 for a row of H3CSE-RS, which replaces H3CNE. */
  level: number;
}

const rowPlans = new WeakMap<Catalogue, Map<Row, RowPlan>>();

function rowPlan(catalogue: Catalogue, row: Row): RowPlan {
  let ofCatalogue = rowPlans.get(catalogue);
  if (ofCatalogue === undefined) {
    ofCatalogue = new Map();
    rowPlans.set(catalogue, ofCatalogue);
  }
  let plan = ofCatalogue.get(row);
  if (plan === undefined) {
    const accepted = row.accepts.map((a) => catalogue.codes.get(a.toUpperCase())!);
    const via = new Map<string, string[]>();
    for (const [code, standsFor] of catalogue.standsFor) {
      const through = accepted.filter((a) => standsFor.has(a));
      if (through.length > 0) via.set(code, through);
    }
    plan = {
      via,
      types: [...new Set(accepted)],
      label: acceptedLabel(catalogue, row),
      level: Math.max(...accepted.map((code) => catalogue.standsFor.get(code)?.size ?? 1)),
    };
    ofCatalogue.set(row, plan);
  }
  return plan;
}

const NONE: readonly string[] = [];

/** Accepted codes of the row that a certificate of `code` stands for. */
function acceptedVia(plan: RowPlan, code: string): readonly string[] {
  return plan.via.get(code) ?? NONE;
}

/** "H3CSE-RS or higher"; in a list, "H3CS-IMC, H3CNE-SECURITY (or higher) or H3CNE-X86". */
export function acceptedLabel(catalogue: Catalogue, row: Row): string {
  const accepted = row.accepts.map((a) => catalogue.codes.get(a.toUpperCase())!);
  const hasHigher = (code: string): boolean => [...catalogue.standsFor].some(([other, lower]) => other !== code && lower.has(code));
  if (accepted.length === 1) return accepted[0]! + (hasHigher(accepted[0]!) ? ' or higher' : '');
  return orList(accepted.map((code) => (hasHigher(code) ? `${code} (or higher)` : code)));
}

/** Row indexes, highest level first; rows of one level keep the standard's order. */
function fillOrder(plans: RowPlan[]): number[] {
  return plans.map((_, r) => r).sort((a, b) => plans[b]!.level - plans[a]!.level || a - b);
}

/** How the counting certificates fill the rows: per row, the slots filled and by which certificates (by index into `codes`). */
interface Filling {
  have: number[];
  filledBy: number[][];
}

/** The exact matching: the slots each row fills, by maximum flow. */
function fill(plans: RowPlan[], rows: RowNeed<'certificates'>[], codes: readonly string[]): Filling {
  const net = new FlowNetwork();
  const source = net.node();
  const sink = net.node();
  const rowEdges = rows.map(({ row }, r) => {
    const node = net.node();
    const types = new Map<string, number>();
    if (row.distinct === true) {
      for (const code of plans[r]!.types) {
        const typeNode = net.node();
        net.edge(typeNode, node, 1);
        types.set(code, typeNode);
      }
    }
    return { node, types, toSink: -1 };
  });
  // Which row each certificate ends up filling, through these edges.
  const fillEdges: Array<{ held: number; row: number; edge: number }> = [];
  codes.forEach((code, held) => {
    const certNode = net.node();
    net.edge(source, certNode, 1);
    rows.forEach(({ row }, r) => {
      const via = acceptedVia(plans[r]!, code);
      if (via.length === 0) return;
      const target = rowEdges[r]!;
      if (row.distinct === true) {
        for (const type of via) fillEdges.push({ held, row: r, edge: net.edge(certNode, target.types.get(type)!, 1) });
      } else {
        fillEdges.push({ held, row: r, edge: net.edge(certNode, target.node, 1) });
      }
    });
  });
  // Open the rows to the sink one at a time, highest first, augmenting
  // after each. The total is the same maximum whatever the order (an
  // augmenting path never takes flow back from the sink), but when a
  // certificate could fill a senior or a junior slot, the senior row gets
  // it first, so the gap reads "needs an H3CNE" rather than asking for a
  // second H3CSE the partner does not need.
  for (const r of fillOrder(plans)) {
    rowEdges[r]!.toSink = net.edge(rowEdges[r]!.node, sink, rows[r]!.need);
    net.maxFlow(source, sink);
  }
  const filledBy = rows.map(() => [] as number[]);
  for (const { held, row, edge } of fillEdges) if (net.flow(edge) > 0) filledBy[row]!.push(held);
  return { have: rowEdges.map(({ toSink }) => net.flow(toSink)), filledBy };
}

/**
 * Whether taking, row by row in fill order, the first certificates that fit
 * fills every slot. A matching found that way is a flow of the full size, so
 * the maximum flow fills every row to its need too, whatever it assigns;
 * only when this falls short does the exact matching have to decide.
 */
function fillsGreedily(plans: RowPlan[], rows: RowNeed<'certificates'>[], codes: readonly string[]): boolean {
  let slots = 0;
  for (const { need } of rows) slots += need;
  // One certificate, one slot.
  if (codes.length < slots) return false;
  const taken = new Array<boolean>(codes.length).fill(false);
  for (const r of fillOrder(plans)) {
    const plan = plans[r]!;
    const distinct = rows[r]!.row.distinct === true;
    const typesTaken: string[] = [];
    let open = rows[r]!.need;
    for (let c = 0; c < codes.length && open > 0; c++) {
      if (taken[c]) continue;
      const via = acceptedVia(plan, codes[c]!);
      if (via.length === 0) continue;
      if (distinct) {
        const type = via.find((t) => !typesTaken.includes(t));
        if (type === undefined) continue;
        typesTaken.push(type);
      }
      taken[c] = true;
      open -= 1;
    }
    if (open > 0) return false;
  }
  return true;
}

export const certificates: KindEvaluator<'certificates'> = {
  evaluate(rows, facts) {
    const { catalogue } = facts;
    const plans = rows.map(({ row }) => rowPlan(catalogue, row));
    const counting = facts.certificates.filter((c) => c.counts);
    const codes = counting.map((c) => c.code);
    // Every row full: nothing in the results depends on which certificate went where.
    if (fillsGreedily(plans, rows, codes)) return rows.map(({ row, need }) => rowResult(row, need, '/engineers', true, need));
    const { have, filledBy } = fill(plans, rows, codes);
    let filledHeld: HeldCertificate[][] | undefined;
    return rows.map(({ row, need }, r): RequirementResult => {
      const filled = have[r]!;
      if (filled >= need) return rowResult(row, need, '/engineers', true, filled);
      filledHeld ??= filledBy.map((list) => list.map((i) => counting[i]!));
      return rowResult(row, need, '/engineers', false, filled, certificateGap(facts, rows, plans, filledHeld, r, filled, need));
    });
  },
  allMet(rows, standing) {
    const plans = rows.map(({ row }) => rowPlan(standing.catalogue, row));
    if (fillsGreedily(plans, rows, standing.counting)) return true;
    const { have } = fill(plans, rows, standing.counting);
    return rows.every(({ need }, r) => have[r]! >= need);
  },
  lossDates: (_rows, dossier, catalogue, add) => eachCertificateLossDate(dossier, catalogue, add),
};

function certificateGap(facts: Facts, rows: RowNeed<'certificates'>[], plans: RowPlan[], filledBy: HeldCertificate[][], r: number, have: number, need: number): string {
  const { catalogue } = facts;
  const row = rows[r]!.row;
  const plan = plans[r]!;
  const what = plan.label;
  const missing = need - have;
  const sentences: string[] = [];
  if (row.distinct === true) {
    const held = [...new Set(filledBy[r]!.flatMap((h) => acceptedVia(plan, h.code)))];
    sentences.push(
      `needs ${missing} more certificate${missing === 1 ? '' : 's'} of ${missing === 1 ? 'a type' : 'types'} not yet counted here, out of ${what}` +
        (held.length > 0 ? ` (counted: ${held.join(', ')})` : ''),
    );
  } else {
    sentences.push(`needs ${missing} more ${what} (has ${have} of ${need})`);
  }
  for (const held of facts.certificates) {
    if (acceptedVia(plan, held.code).length === 0) continue;
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
