/**
 * Lab rows (rule 6): like certificates, but the pool is equipment units. A
 * unit fills one slot of a row whose category its own category satisfies
 * (a high-end router fills a router slot), and only one.
 */
import { FlowNetwork } from '../max-flow.js';
import { baseResult, type KindEvaluator } from './kind.js';

export const lab: KindEvaluator<'lab'> = {
  evaluate(rows, facts) {
    const { catalogue } = facts;
    const items = facts.dossier.lab ?? [];
    const net = new FlowNetwork();
    const source = net.node();
    const sink = net.node();
    const rowNodes = rows.map(({ need }) => {
      const node = net.node();
      return { node, toSink: net.edge(node, sink, need) };
    });
    const uses: Array<{ item: number; row: number; edge: number }> = [];
    items.forEach((item, i) => {
      const fills = catalogue.fills.get(item.category);
      if (!fills) return;
      const itemNode = net.node();
      net.edge(source, itemNode, item.quantity ?? 1);
      rows.forEach(({ row }, r) => {
        if (fills.has(row.category)) uses.push({ item: i, row: r, edge: net.edge(itemNode, rowNodes[r]!.node, Number.MAX_SAFE_INTEGER) });
      });
    });
    net.maxFlow(source, sink);

    return rows.map(({ row, need }, r) => {
      const have = net.flow(rowNodes[r]!.toSink);
      const base = baseResult(row, need, '/lab');
      if (have >= need) return { ...base, met: true, have };
      const name = catalogue.categoryNames.get(row.category) ?? row.category;
      const sentences = [`needs ${need - have} more ${name} (has ${have} of ${need})`];
      for (const use of uses) {
        if (use.row === r) continue;
        const item = items[use.item]!;
        const fillsThisRow = catalogue.fills.get(item.category)?.has(row.category);
        if (fillsThisRow && net.flow(use.edge) > 0) {
          sentences.push(`${item.model} (${catalogue.categoryNames.get(item.category)}) already fills "${rows[use.row]!.row.label}"`);
        }
      }
      return { ...base, met: false, have, gap: sentences.join('. ') + '.' };
    });
  },
};
