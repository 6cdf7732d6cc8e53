/**
 * Maximum flow (Edmonds–Karp) on a small directed graph.
 *
 * Filling requirement slots is a matching problem: a certificate that could
 * fill two rows must go where it leaves nothing unfilled. Taking the first
 * fit greedily gets that wrong, so every slot question goes through here.
 * Breadth-first search over edges in insertion order makes the chosen
 * assignment deterministic for a given input order.
 *
 * Each node's edges are a list threaded through `next`, in insertion order,
 * rather than an array per node: every tier of every dossier builds a network
 * or two, and the fewer objects one takes, the less the collector has to do.
 */
export class FlowNetwork {
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  /** The edge after each edge in its tail node's list, or -1. */
  private readonly next: number[] = [];
  /** The first and last edge leaving each node, or -1. */
  private readonly first: number[] = [];
  private readonly last: number[] = [];

  /** Adds a node and returns its index. */
  node(): number {
    this.first.push(-1);
    this.last.push(-1);
    return this.first.length - 1;
  }

  /** Adds an edge and returns its index, for reading its flow later. */
  edge(from: number, to: number, capacity: number): number {
    const index = this.to.length;
    this.to.push(to, from);
    this.capacity.push(capacity, 0);
    this.next.push(-1, -1);
    this.append(from, index);
    this.append(to, index + 1);
    return index;
  }

  private append(node: number, edge: number): void {
    const last = this.last[node]!;
    if (last === -1) this.first[node] = edge;
    else this.next[last] = edge;
    this.last[node] = edge;
  }

  /** Flow through an edge after `maxFlow` (the residual of its reverse edge). */
  flow(edge: number): number {
    return this.capacity[edge + 1]!;
  }

  maxFlow(source: number, sink: number): number {
    const { to, capacity, next, first } = this;
    const nodes = first.length;
    let total = 0;
    if (searchVia.length < nodes) {
      searchVia = new Int32Array(Math.max(nodes, 2 * searchVia.length));
      searchQueue = new Int32Array(searchVia.length);
    }
    const via = searchVia;
    const queue = searchQueue;
    for (;;) {
      via.fill(-1, 0, nodes);
      queue[0] = source;
      let tail = 1;
      let found = false;
      for (let head = 0; head < tail && !found; head++) {
        for (let e = first[queue[head]!]!; e !== -1; e = next[e]!) {
          const node = to[e]!;
          if (capacity[e]! > 0 && via[node] === -1 && node !== source) {
            via[node] = e;
            if (node === sink) {
              found = true;
              break;
            }
            queue[tail++] = node;
          }
        }
      }
      if (!found) return total;
      let push = Infinity;
      for (let at = sink; at !== source; at = to[via[at]! ^ 1]!) push = Math.min(push, capacity[via[at]!]!);
      for (let at = sink; at !== source; at = to[via[at]! ^ 1]!) {
        capacity[via[at]!]! -= push;
        capacity[via[at]! ^ 1]! += push;
      }
      total += push;
    }
  }
}

/**
 * The edge each node was reached by in a search, and the search's queue
 * (each node is queued at most once per search): shared by every network,
 * as a search runs to its end before any other starts, and grown to the
 * largest network seen, so a batch allocates them a few times, not for
 * every network of every tier of every dossier.
 */
let searchVia = new Int32Array(64);
let searchQueue = new Int32Array(64);
