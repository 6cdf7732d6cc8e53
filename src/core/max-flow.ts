/**
 * Maximum flow (Dinic) on a directed graph.
 *
 * Filling requirement slots is a matching problem: a certificate that could
 * fill two rows must go where it leaves nothing unfilled. Taking the first
 * fit greedily gets that wrong, so every slot question goes through here.
 * Searches over edges in insertion order make the chosen assignment
 * deterministic for a given input order.
 *
 * Dinic rather than Edmonds–Karp: one breadth-first search grades the nodes
 * by distance, then depth-first searches along the grades push every
 * shortest augmenting path it allows, each edge passed over at most once per
 * grading. Edmonds–Karp searched the whole network again for every unit of
 * flow; a dossier of thousands of certificates against a standard of many
 * "distinct" rows (thousands of unit paths) took over a minute that way.
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
    if (searchLevel.length < nodes) {
      const size = Math.max(nodes, 2 * searchLevel.length);
      searchLevel = new Int32Array(size);
      searchQueue = new Int32Array(size);
      searchArc = new Int32Array(size);
      searchPath = new Int32Array(size);
    }
    const level = searchLevel;
    const queue = searchQueue;
    const arc = searchArc;
    const path = searchPath;
    for (;;) {
      // Grade the nodes by their distance from the source over edges with room,
      // up to the sink: every node nearer than the sink is graded by then, and
      // a path along the grades never goes on from a node as far as the sink.
      level.fill(-1, 0, nodes);
      level[source] = 0;
      queue[0] = source;
      let tail = 1;
      grade: for (let head = 0; head < tail; head++) {
        const node = queue[head]!;
        for (let e = first[node]!; e !== -1; e = next[e]!) {
          const other = to[e]!;
          if (capacity[e]! > 0 && level[other] === -1) {
            level[other] = level[node]! + 1;
            if (other === sink) break grade;
            queue[tail++] = other;
          }
        }
      }
      if (level[sink] === -1) return total;
      for (let node = 0; node < nodes; node++) arc[node] = first[node]!;
      // Push along the grades until no path is left: `arc` is each node's next edge to try, `path` the edges taken.
      let depth = 0;
      let at = source;
      for (;;) {
        if (at === sink) {
          let push = Infinity;
          for (let i = 0; i < depth; i++) push = Math.min(push, capacity[path[i]!]!);
          for (let i = 0; i < depth; i++) {
            capacity[path[i]!]! -= push;
            capacity[path[i]! ^ 1]! += push;
          }
          total += push;
          depth = 0;
          at = source;
          continue;
        }
        let e = arc[at]!;
        while (e !== -1 && !(capacity[e]! > 0 && level[to[e]!] === level[at]! + 1)) e = next[e]!;
        arc[at] = e;
        if (e !== -1) {
          path[depth++] = e;
          at = to[e]!;
          continue;
        }
        // A dead end: no path goes on from here in this grading.
        level[at] = -1;
        if (depth === 0) break;
        at = to[path[--depth]! ^ 1]!;
        arc[at] = next[arc[at]!]!;
      }
    }
  }
}

/**
 * Each node's grade, the grading's queue (each node is queued at most once),
 * each node's next edge to try and the path being pushed along: shared by
 * every network, as a search runs to its end before any other starts, and
 * grown to the largest network seen, so a batch allocates them a few times,
 * not for every network of every tier of every dossier.
 */
let searchLevel = new Int32Array(64);
let searchQueue = new Int32Array(64);
let searchArc = new Int32Array(64);
let searchPath = new Int32Array(64);
