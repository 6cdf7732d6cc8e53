/**
 * Lab rows (rule 6): like certificates, but the pool is equipment units. A
 * unit fills one slot of a row whose category its own category satisfies
 * (a high-end router fills a router slot), and only one.
 */
import { fillersOf, type Catalogue } from '../catalogue.js';
import { FlowNetwork } from '../max-flow.js';
import type { Dossier } from '../model.js';
import { GapSentences } from '../words.js';
import { rowResult, type KindEvaluator, type RowNeed } from './kind.js';

type Item = NonNullable<Dossier['lab']>[number];

/** The exact matching of units to slots, by maximum flow. */
function fill(rows: RowNeed<'lab'>[], items: readonly Item[], catalogue: Catalogue) {
  const net = new FlowNetwork();
  const source = net.node();
  const sink = net.node();
  const rowNodes: number[] = [];
  const toSink: number[] = [];
  for (const { need } of rows) {
    const node = net.node();
    rowNodes.push(node);
    toSink.push(net.edge(node, sink, need));
  }
  // Which rows each item's units go to, through these edges: item, row, edge, in threes.
  const uses: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (!catalogue.categoryNames.has(item.category)) continue;
    const itemNode = net.node();
    net.edge(source, itemNode, item.quantity ?? 1);
    for (let r = 0; r < rows.length; r++) {
      if (fillersOf(catalogue, rows[r]!.row.category).has(item.category)) uses.push(i, r, net.edge(itemNode, rowNodes[r]!, Number.MAX_SAFE_INTEGER));
    }
  }
  net.maxFlow(source, sink);
  return { net, toSink, uses };
}

/**
 * Whether giving each row, in order, the first units that fit fills every
 * slot. Units placed that way are a flow of the full size, so the maximum
 * flow fills every row to its need too, whatever it assigns; only when this
 * falls short does the exact matching have to decide.
 */
function fillsGreedily(rows: RowNeed<'lab'>[], items: readonly Item[], catalogue: Catalogue): boolean {
  const left = items.map((item) => item.quantity ?? 1);
  for (const { row, need } of rows) {
    let open = need;
    const fillers = fillersOf(catalogue, row.category);
    for (let i = 0; i < items.length && open > 0; i++) {
      if (left[i]! <= 0 || !fillers.has(items[i]!.category)) continue;
      const take = Math.min(open, left[i]!);
      left[i]! -= take;
      open -= take;
    }
    if (open > 0) return false;
  }
  return true;
}

export const lab: KindEvaluator<'lab'> = {
  evaluate(rows, facts) {
    const { catalogue } = facts;
    const items = facts.dossier.lab ?? [];
    // Every row full: nothing in the results depends on which unit went where.
    if (fillsGreedily(rows, items, catalogue)) return rows.map(({ row, need }) => rowResult(row, need, '/lab', true, need));
    const { net, toSink, uses } = fill(rows, items, catalogue);
    return rows.map(({ row, need }, r) => {
      const have = net.flow(toSink[r]!);
      if (have >= need) return rowResult(row, need, '/lab', true, have);
      const name = catalogue.categoryNames.get(row.category) ?? row.category;
      const sentences = new GapSentences(`needs ${need - have} more ${name} (has ${have} of ${need})`);
      const fillers = fillersOf(catalogue, row.category);
      for (let u = 0; u < uses.length; u += 3) {
        const other = uses[u + 1]!;
        if (other === r) continue;
        const item = items[uses[u]!]!;
        if (fillers.has(item.category) && net.flow(uses[u + 2]!) > 0) {
          sentences.note(() => `${item.model} (${catalogue.categoryNames.get(item.category)}) already fills "${rows[other]!.row.label}"`);
        }
      }
      if (facts.dossier.lab === undefined) return rowResult(row, need, '', false, have, `${sentences.toString().slice(0, -1)}; no lab is listed — add a lab list.`);
      return rowResult(row, need, '/lab', false, have, sentences.toString());
    });
  },
  allMet(rows, standing) {
    const items = standing.dossier.lab ?? [];
    if (fillsGreedily(rows, items, standing.catalogue)) return true;
    const { net, toSink } = fill(rows, items, standing.catalogue);
    return rows.every(({ need }, r) => net.flow(toSink[r]!) >= need);
  },
};
