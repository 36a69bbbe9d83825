// Where the autograd graph view puts each node: one row per layer, the inputs at the top and the loss at
// the bottom, every node as late as its first use allows (a parameter sits right above the op that uses
// it), and the nodes of a row ordered by the positions of their neighbours to keep edges from crossing.
// Pure (no DOM) so node tests it.
import type { GraphNode } from '../../src/protocol';

export interface LaidOut {
  /** Row of each node (0 at the top). */
  row: number[];
  /** Position of each node within its row (0, 1, ...). */
  slot: number[];
  rows: number[][];
}

/** Rows: the loss's depth at the bottom; every other node one row above its earliest consumer. */
function rowsOf(nodes: GraphNode[], edges: [number, number][]): number[] {
  const consumers = nodes.map(() => [] as number[]);
  for (const [from, to] of edges) consumers[from].push(to);
  const row = nodes.map((n) => n.depth);
  // Nodes come inputs first: walking backwards, every consumer's row is final before its inputs'.
  for (let i = nodes.length - 1; i >= 0; i--) {
    if (consumers[i].length > 0) row[i] = Math.min(...consumers[i].map((c) => row[c])) - 1;
  }
  const min = Math.min(...row);
  return row.map((r) => r - min);
}

export function layoutGraph(nodes: GraphNode[], edges: [number, number][]): LaidOut {
  const row = rowsOf(nodes, edges);
  const count = Math.max(0, ...row) + 1;
  const rows: number[][] = Array.from({ length: count }, () => []);
  nodes.forEach((_, i) => rows[row[i]].push(i));
  const inputs = nodes.map(() => [] as number[]);
  const consumers = nodes.map(() => [] as number[]);
  for (const [from, to] of edges) {
    inputs[to].push(from);
    consumers[from].push(to);
  }
  const slot = new Array<number>(nodes.length).fill(0);
  const place = (r: number[]) => r.forEach((n, k) => (slot[n] = k / Math.max(1, r.length - 1)));
  rows.forEach(place);
  const mean = (xs: number[], own: number) => (xs.length ? xs.reduce((a, x) => a + slot[x], 0) / xs.length : own);
  // Two sweeps of the barycentre heuristic: down by inputs, then up by consumers.
  for (let r = 1; r < count; r++) {
    rows[r].sort((a, b) => mean(inputs[a], slot[a]) - mean(inputs[b], slot[b]));
    place(rows[r]);
  }
  for (let r = count - 2; r >= 0; r--) {
    rows[r].sort((a, b) => mean(consumers[a], slot[a]) - mean(consumers[b], slot[b]));
    place(rows[r]);
  }
  const index = new Array<number>(nodes.length).fill(0);
  rows.forEach((r) => r.forEach((n, k) => (index[n] = k)));
  return { row, slot: index, rows };
}
