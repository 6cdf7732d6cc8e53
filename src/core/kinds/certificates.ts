/**
 * Certificate rows (rules 1–4). All certificate rows of a tier are one
 * matching problem: each certificate that counts fills at most one slot of
 * one row it satisfies, directly or through replacement, and a "distinct"
 * row takes at most one certificate per accepted type.
 */
import { asciiUpper, hasHigher, reachesDown, standingFor, type Catalogue } from '../catalogue.js';
import { eachCertificateLossDate, type Facts, type HeldCertificate } from '../facts.js';
import { FlowNetwork } from '../max-flow.js';
import { remembered } from '../memo.js';
import type { RequirementOf } from '../model.js';
import { engineerLabel, GapSentences, orList } from '../words.js';
import { rowResult, type KindEvaluator, type RequirementResult, type RowNeed } from './kind.js';

type Row = RequirementOf<'certificates'>;

/** What a row asks of certificates, the same for every dossier of a catalogue. */
interface RowPlan {
  /** Canonical code of a certificate → the accepted codes of the row it stands for (none: absent). */
  via: Map<string, string[]>;
  /** The same, as indexes into `types`. */
  viaTypes: Map<string, number[]>;
  /** The row's accepted codes, canonical, once each. */
  types: string[];
  label: string;
  /** How many levels the row reaches: 2 for a row of H3CSE-RS, which replaces H3CNE. */
  level: number;
}

const rowPlans = new WeakMap<Catalogue, Map<Row, RowPlan>>();

function rowPlan(catalogue: Catalogue, row: Row): RowPlan {
  return remembered(rowPlans, catalogue, row, () => {
    const accepted = row.accepts.map((a) => catalogue.codes.get(asciiUpper(a))!);
    const types = [...new Set(accepted)];
    // Per certificate code, the accepted codes it stands for, in the row's order: from each accepted code up to all that replace it.
    const via = new Map<string, string[]>();
    for (const a of accepted) {
      for (const code of standingFor(catalogue, a)) {
        const through = via.get(code);
        if (through === undefined) via.set(code, [a]);
        else through.push(a);
      }
    }
    const viaTypes = new Map<string, number[]>();
    for (const [code, through] of via) viaTypes.set(code, through.map((a) => types.indexOf(a)));
    return {
      via,
      viaTypes,
      types,
      label: acceptedLabel(catalogue, row),
      level: Math.max(...accepted.map((code) => reachesDown(catalogue, code))),
    };
  });
}

const NONE: readonly string[] = [];

/** Accepted codes of the row that a certificate of `code` stands for. */
function acceptedVia(plan: RowPlan, code: string): readonly string[] {
  return plan.via.get(code) ?? NONE;
}

/** "H3CSE-RS or higher"; in a list, "H3CS-IMC, H3CNE-SECURITY (or higher) or H3CNE-X86". */
export function acceptedLabel(catalogue: Catalogue, row: Row): string {
  const accepted = row.accepts.map((a) => catalogue.codes.get(asciiUpper(a))!);
  if (accepted.length === 1) return accepted[0]! + (hasHigher(catalogue, accepted[0]!) ? ' or higher' : '');
  return orList(accepted.map((code) => (hasHigher(catalogue, code) ? `${code} (or higher)` : code)));
}

/** A tier's certificate rows as the matching sees them. */
interface RowsPlan {
  catalogue: Catalogue;
  plans: RowPlan[];
  /** Row indexes, highest level first; rows of one level keep the standard's order. */
  order: number[];
  /** The slots of all rows together. */
  slots: number;
}

const rowsPlans = new WeakMap<RowNeed<'certificates'>[], RowsPlan>();

/** The plan of a tier's rows, kept for as long as the rows themselves (a tier plan's rows live as long as the catalogue). */
function rowsPlan(catalogue: Catalogue, rows: RowNeed<'certificates'>[]): RowsPlan {
  let planned = rowsPlans.get(rows);
  if (planned === undefined || planned.catalogue !== catalogue) {
    const plans = rows.map(({ row }) => rowPlan(catalogue, row));
    const order = plans.map((_, r) => r).sort((a, b) => plans[b]!.level - plans[a]!.level || a - b);
    planned = { catalogue, plans, order, slots: rows.reduce((sum, { need }) => sum + need, 0) };
    rowsPlans.set(rows, planned);
  }
  return planned;
}

/** How the counting certificates fill the rows: per row, the slots filled and by which certificates (by index into `codes`). */
interface Filling {
  have: number[];
  filledBy: number[][];
}

/**
 * The exact matching: the slots each row fills, by maximum flow. Certificates
 * of one code are interchangeable, so the network has a node per code held,
 * its capacity how many count, rather than a node per certificate: a dossier
 * of 27,000 certificates against 100 rows was a network of millions of edges
 * and tens of thousands of augmenting searches (over a minute); by code it is
 * at most the catalogue's codes times the rows. Which certificates of a code
 * fill a row is then read off in dossier order.
 */
function fill({ plans, order }: RowsPlan, rows: RowNeed<'certificates'>[], codes: readonly string[]): Filling {
  const net = new FlowNetwork();
  const source = net.node();
  const sink = net.node();
  const rowNodes: number[] = [];
  // Per distinct row, the node of each accepted type: one certificate per type.
  const typeNodes: number[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const node = net.node();
    rowNodes.push(node);
    const nodes: number[] = [];
    if (rows[r]!.row.distinct === true) {
      for (let t = 0; t < plans[r]!.types.length; t++) {
        const typeNode = net.node();
        net.edge(typeNode, node, 1);
        nodes.push(typeNode);
      }
    }
    typeNodes.push(nodes);
  }
  // The certificates of each code, by index into `codes`, in dossier order.
  const byCode = new Map<string, number[]>();
  for (let held = 0; held < codes.length; held++) {
    const same = byCode.get(codes[held]!);
    if (same === undefined) byCode.set(codes[held]!, [held]);
    else same.push(held);
  }
  // Which row each code's certificates end up filling, through these edges: code, row, edge.
  const fillEdges: Array<{ code: string; row: number; edge: number }> = [];
  for (const [code, held] of byCode) {
    const codeNode = net.node();
    net.edge(source, codeNode, held.length);
    for (let r = 0; r < rows.length; r++) {
      const via = plans[r]!.viaTypes.get(code);
      if (via === undefined) continue;
      if (rows[r]!.row.distinct === true) {
        for (const type of via) fillEdges.push({ code, row: r, edge: net.edge(codeNode, typeNodes[r]![type]!, 1) });
      } else {
        fillEdges.push({ code, row: r, edge: net.edge(codeNode, rowNodes[r]!, held.length) });
      }
    }
  }
  // Open the rows to the sink one at a time, highest first, augmenting
  // after each. The total is the same maximum whatever the order (an
  // augmenting path never takes flow back from the sink), but when a
  // certificate could fill a senior or a junior slot, the senior row gets
  // it first, so the gap reads "needs an H3CNE" rather than asking for a
  // second H3CSE the partner does not need.
  const toSink = new Array<number>(rows.length);
  for (const r of order) {
    toSink[r] = net.edge(rowNodes[r]!, sink, rows[r]!.need);
    net.maxFlow(source, sink);
  }
  const filledBy = rows.map(() => [] as number[]);
  const taken = new Map<string, number>();
  for (const { code, row, edge } of fillEdges) {
    const flow = net.flow(edge);
    if (flow === 0) continue;
    const from = taken.get(code) ?? 0;
    filledBy[row]!.push(...byCode.get(code)!.slice(from, from + flow));
    taken.set(code, from + flow);
  }
  for (const list of filledBy) list.sort((a, b) => a - b);
  return { have: toSink.map((edge) => net.flow(edge)), filledBy };
}

/**
 * Whether taking, row by row in fill order, the first certificates that fit
 * fills every slot. A matching found that way is a flow of the full size, so
 * the maximum flow fills every row to its need too, whatever it assigns;
 * only when this falls short does the exact matching have to decide.
 */
function fillsGreedily({ plans, order, slots }: RowsPlan, rows: RowNeed<'certificates'>[], codes: readonly string[]): boolean {
  // One certificate, one slot.
  if (codes.length < slots) return false;
  const taken = new Array<boolean>(codes.length).fill(false);
  for (const r of order) {
    const plan = plans[r]!;
    const distinct = rows[r]!.row.distinct === true;
    const typesTaken: number[] = [];
    let open = rows[r]!.need;
    for (let c = 0; c < codes.length && open > 0; c++) {
      if (taken[c]) continue;
      const via = plan.viaTypes.get(codes[c]!);
      if (via === undefined) continue;
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
    const planned = rowsPlan(facts.catalogue, rows);
    const { counting } = facts;
    const codes = counting.map((c) => c.code);
    // Every row full: nothing in the results depends on which certificate went where.
    if (fillsGreedily(planned, rows, codes)) return rows.map(({ row, need }) => rowResult(row, need, '/engineers', true, need));
    const { have, filledBy } = fill(planned, rows, codes);
    let filledHeld: HeldCertificate[][] | undefined;
    let rowOf: Map<HeldCertificate, number> | undefined;
    let worthNoting: Map<string, number> | undefined;
    // The codes of certificates that do not count on the date.
    let lapsing: Set<string> | undefined;
    return rows.map(({ row, need }, r): RequirementResult => {
      const filled = have[r]!;
      if (filled >= need) return rowResult(row, need, '/engineers', true, filled);
      filledHeld ??= filledBy.map((list) => list.map((i) => counting[i]!));
      rowOf ??= new Map(filledHeld.flatMap((list, i) => list.map((held) => [held, i] as const)));
      worthNoting ??= notedByCode(facts.certificates, rowOf);
      lapsing ??= new Set(facts.certificates.flatMap((held) => (held.reason !== undefined ? [held.code] : [])));
      const gap = certificateGap(facts, rows, planned.plans, filledHeld, rowOf, worthNoting, r, filled, need);
      return rowResult(row, need, nearestCertificate(facts, planned.plans[r]!, rowOf, r, lapsing), false, filled, gap);
    });
  },
  allMet(rows, standing) {
    const planned = rowsPlan(standing.catalogue, rows);
    if (fillsGreedily(planned, rows, standing.counting)) return true;
    const { have } = fill(planned, rows, standing.counting);
    return rows.every(({ need }, r) => have[r]! >= need);
  },
  lossDates: (_rows, dossier, catalogue, add) => eachCertificateLossDate(dossier, catalogue, add),
};

/**
 * Where the gap of row `r` is located: at the certificate that nearly counts
 * for it — the first the row accepts that does not count on the date (it
 * lapses, is not issued yet, its holder left), else the first the row
 * accepts that fills another row or repeats a type already counted — and
 * at the engineers when the row accepts none of theirs.
 */
function nearestCertificate(facts: Facts, plan: RowPlan, rowOf: ReadonlyMap<HeldCertificate, number>, r: number, lapsing: ReadonlySet<string>): string {
  // When none of the row's codes has a certificate that does not count, the first spare is the answer: no need to look further.
  const anyLapsing = [...plan.via.keys()].some((code) => lapsing.has(code));
  let spare: string | undefined;
  for (const held of facts.certificates) {
    if (acceptedVia(plan, held.code).length === 0) continue;
    if (held.reason !== undefined) return held.pointer;
    if (rowOf.get(held) !== r) {
      spare ??= held.pointer;
      if (!anyLapsing) return spare;
    }
  }
  return spare ?? '/engineers';
}

/**
 * Per code, the certificates a row's gap would note if the row accepts the
 * code and they fill no slot of that row: those that do not count, and
 * those filling a slot of some row.
 */
function notedByCode(certificates: readonly HeldCertificate[], rowOf: ReadonlyMap<HeldCertificate, number>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const held of certificates) if (held.reason !== undefined || rowOf.has(held)) counts.set(held.code, (counts.get(held.code) ?? 0) + 1);
  return counts;
}

/**
 * The gap of row `r`; `rowOf` is the row each certificate that fills one
 * fills (one certificate, one slot), `worthNoting` is notedByCode's. Past
 * the sentences a gap names, the rest are counted from `worthNoting` rather
 * than found one by one: a hostile dossier of 16,000 certificates against
 * 990 unmet rows went through every certificate for every row (2 of a
 * check's 3 seconds).
 */
function certificateGap(
  facts: Facts,
  rows: RowNeed<'certificates'>[],
  plans: RowPlan[],
  filledBy: HeldCertificate[][],
  rowOf: ReadonlyMap<HeldCertificate, number>,
  worthNoting: ReadonlyMap<string, number>,
  r: number,
  have: number,
  need: number,
): string {
  const { catalogue } = facts;
  const row = rows[r]!.row;
  const plan = plans[r]!;
  const what = plan.label;
  const missing = need - have;
  let first: string;
  if (row.distinct === true) {
    const held = [...new Set(filledBy[r]!.flatMap((h) => acceptedVia(plan, h.code)))];
    first = (
      `needs ${missing} more certificate${missing === 1 ? '' : 's'} of ${missing === 1 ? 'a type' : 'types'} not yet counted here, out of ${what}` +
        (held.length > 0 ? ` (counted: ${held.join(', ')})` : '')
    );
  } else {
    first = `needs ${missing} more ${what} (has ${have} of ${need})`;
  }
  const sentences = new GapSentences(first);
  let noted = 0;
  for (const held of facts.certificates) {
    if (acceptedVia(plan, held.code).length === 0) continue;
    if (!sentences.open) {
      // Every certificate the row accepts that would be noted, less those noted already and those filling this row's slots (noted by none of the tests below).
      let all = -filledBy[r]!.length;
      for (const code of plan.via.keys()) all += worthNoting.get(code) ?? 0;
      sentences.counted(all - noted);
      break;
    }
    const other = rowOf.get(held);
    // A certificate that counts is noted only when it fills another row.
    if (held.reason === undefined && (other ?? r) === r) continue;
    noted += 1;
    const who = (): string => engineerLabel(held.engineer);
    const cert = held.certificate;
    if (held.reason === 'expires-too-soon') {
      sentences.note(() => `${who()}: ${held.code} expires ${cert.expires}, not more than ${catalogue.validityMonths} months after ${facts.date} — renew it or add another ${what} holder`);
    } else if (held.reason === 'not-yet-issued') {
      sentences.note(() => `${who()}: ${held.code} is issued ${cert.issued}, after ${facts.date}, so it does not count yet`);
    } else if (held.reason === 'engineer-left') {
      sentences.note(() => `${who()}: ${held.code} no longer counts, the engineer left on ${held.engineer.leftOn}`);
    } else if (held.reason === 'not-yet-joined') {
      sentences.note(() => `${who()}: ${held.code} does not count yet, the engineer joins on ${held.engineer.joinedOn}`);
    } else {
      sentences.note(() => `${who()}: ${held.code} already fills "${rows[other!]!.row.label}"`);
    }
  }
  return sentences.toString();
}

/**
 * The slots the exact matching fills per row, given the canonical codes of
 * the certificates that count: what the planner asks of a candidate set of
 * certificates, by the same matching the evaluation uses.
 */
export function filledSlots(catalogue: Catalogue, rows: RowNeed<'certificates'>[], codes: readonly string[]): number[] {
  const planned = rowsPlan(catalogue, rows);
  if (fillsGreedily(planned, rows, codes)) return rows.map(({ need }) => need);
  return fill(planned, rows, codes).have;
}
