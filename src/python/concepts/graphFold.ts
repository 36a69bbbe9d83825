// Keeps a big autograd graph readable: a block of nodes repeated along the graph's main chain (a deep MLP's
// AddmmBackward0 > ReluBackward0 ten times) is folded into one `repeat` node between its first and last
// copies, with the parameters only the folded copies use; what is still too big keeps the nodes nearest
// the loss. Works on the GraphEvent's plain node and edge lists.
import type { GraphNode } from '../../protocol';

/** Graphs with more nodes than this are folded. */
export const FOLD_ABOVE = 24;
/** Most nodes sent. */
export const MAX_NODES = 100;
const MAX_PERIOD = 6;

export interface PlainGraph {
  nodes: GraphNode[];
  edges: [number, number][];
  hidden: number;
}

/** Layer of each node: 0 for nodes without inputs, else one more than its deepest input. */
export function depths(nodes: GraphNode[], edges: [number, number][]): void {
  const inputs = nodes.map(() => [] as number[]);
  for (const [from, to] of edges) inputs[to].push(from);
  const memo = new Array<number>(nodes.length).fill(-1);
  const depthOf = (i: number): number => {
    // Nodes are in topological order (inputs first), so the inputs' depths are known already.
    if (memo[i] < 0)
      memo[i] = inputs[i].length === 0 ? 0 : Math.max(...inputs[i].map((j) => (memo[j] >= 0 ? memo[j] : 0))) + 1;
    return memo[i];
  };
  nodes.forEach((n, i) => (n.depth = depthOf(i)));
}

/** The main chain: from the loss (the last node) back through each node's deepest op input; returned inputs-first. */
function spine(g: PlainGraph): number[] {
  const inputs = g.nodes.map(() => [] as number[]);
  for (const [from, to] of g.edges) inputs[to].push(from);
  const chain: number[] = [];
  let at = g.nodes.length - 1;
  while (at >= 0 && g.nodes[at].kind === 'op') {
    chain.push(at);
    const ops = inputs[at].filter((j) => g.nodes[j].kind === 'op' || g.nodes[j].kind === 'repeat');
    if (ops.length === 0) break;
    at = ops.reduce((a, b) => (g.nodes[b].depth > g.nodes[a].depth ? b : a));
  }
  return chain.reverse();
}

/** The longest run of a block repeated at least 3 times along `names`: [start, period, repeats], or null. */
function longestRepeat(names: string[]): [number, number, number] | null {
  let best: [number, number, number] | null = null;
  for (let p = 1; p <= MAX_PERIOD; p++) {
    for (let i = 0; i + 2 * p <= names.length; i++) {
      let r = 1;
      while (
        i + (r + 1) * p <= names.length &&
        names.slice(i + r * p, i + (r + 1) * p).every((n, k) => n === names[i + k])
      )
        r++;
      if (r >= 3 && (!best || (r - 2) * p > (best[2] - 2) * best[1])) best = [i, p, r];
    }
  }
  return best;
}

/** Removes `gone` and every node used only by removed nodes; `extra` is a node put between `from` and `to`. */
function removeNodes(
  g: PlainGraph,
  gone: Set<number>,
  extra: { node: GraphNode; from: number; to: number } | null,
): PlainGraph {
  const consumers = g.nodes.map(() => [] as number[]);
  for (const [from, to] of g.edges) consumers[from].push(to);
  let changed = true;
  while (changed) {
    changed = false;
    g.nodes.forEach((_, i) => {
      if (extra && i === extra.from) return;
      if (!gone.has(i) && consumers[i].length > 0 && consumers[i].every((c) => gone.has(c))) {
        gone.add(i);
        changed = true;
      }
    });
  }
  const index = new Map<number, number>();
  const nodes: GraphNode[] = [];
  g.nodes.forEach((n, i) => {
    if (gone.has(i)) return;
    if (extra && i === extra.to) {
      index.set(-1, nodes.length);
      nodes.push(extra.node);
    }
    index.set(i, nodes.length);
    nodes.push(n);
  });
  const edges: [number, number][] = g.edges
    .filter(([a, b]) => !gone.has(a) && !gone.has(b))
    .map(([a, b]) => [index.get(a)!, index.get(b)!]);
  if (extra) edges.push([index.get(extra.from)!, index.get(-1)!], [index.get(-1)!, index.get(extra.to)!]);
  return { nodes, edges, hidden: g.hidden + gone.size - (extra ? 1 : 0) };
}

/** Folds repeated blocks of the main chain while the graph is big, then keeps at most MAX_NODES nearest the loss. */
export function foldGraph(g: PlainGraph): PlainGraph {
  let out = g;
  for (let round = 0; round < 4 && out.nodes.length > FOLD_ABOVE; round++) {
    const chain = spine(out);
    const rep = longestRepeat(chain.map((i) => out.nodes[i].name));
    if (!rep) break;
    const [start, period, repeats] = rep;
    const folded = chain.slice(start + period, start + (repeats - 1) * period);
    const names = chain.slice(start, start + period).map((i) => out.nodes[i].name);
    const node: GraphNode = {
      name: 'repeat',
      kind: 'repeat',
      label: names.join(', '),
      shape: [],
      value: null,
      grad: null,
      depth: 0,
      count: repeats - 2,
    };
    const from = chain[start + period - 1];
    const to = chain[start + (repeats - 1) * period];
    out = removeNodes(out, new Set(folded), { node, from, to });
    depths(out.nodes, out.edges);
  }
  if (out.nodes.length > MAX_NODES) {
    const keep = new Set(out.nodes.map((_, i) => i).slice(out.nodes.length - MAX_NODES));
    const gone = new Set(out.nodes.map((_, i) => i).filter((i) => !keep.has(i)));
    out = removeNodes(out, gone, null);
    depths(out.nodes, out.edges);
  }
  return out;
}
