/**
 * Maximum flow (Edmonds–Karp) on a small directed graph.
 *
 * Filling requirement slots is a matching problem: a certificate that could
 * fill two rows must go where it leaves nothing unfilled. Taking the first
 * fit greedily gets that wrong, so every slot question goes through here.
 * Breadth-first search over edges in insertion order makes the chosen
 * assignment deterministic for a given input order.
 */
export class FlowNetwork {
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly adjacency: number[][] = [];

  /** Adds a node and returns its index. */
  node(): number {
    this.adjacency.push([]);
    return this.adjacency.length - 1;
  }

  /** Adds an edge and returns its index, for reading its flow later. */
  edge(from: number, to: number, capacity: number): number {
    const index = this.to.length;
    this.to.push(to, from);
    this.capacity.push(capacity, 0);
    this.adjacency[from]!.push(index);
    this.adjacency[to]!.push(index + 1);
    return index;
  }

  /** Flow through an edge after `maxFlow` (the residual of its reverse edge). */
  flow(edge: number): number {
    return this.capacity[edge + 1]!;
  }

  maxFlow(source: number, sink: number): number {
    let total = 0;
    const via = new Array<number>(this.adjacency.length);
    for (;;) {
      via.fill(-1);
      const queue = [source];
      let found = false;
      for (let head = 0; head < queue.length && !found; head++) {
        const at = queue[head]!;
        for (const e of this.adjacency[at]!) {
          const next = this.to[e]!;
          if (this.capacity[e]! > 0 && via[next] === -1 && next !== source) {
            via[next] = e;
            if (next === sink) {
              found = true;
              break;
            }
            queue.push(next);
          }
        }
      }
      if (!found) return total;
      let push = Infinity;
      for (let at = sink; at !== source; at = this.to[via[at]! ^ 1]!) push = Math.min(push, this.capacity[via[at]!]!);
      for (let at = sink; at !== source; at = this.to[via[at]! ^ 1]!) {
        this.capacity[via[at]!]! -= push;
        this.capacity[via[at]! ^ 1]! += push;
      }
      total += push;
    }
  }
}
