// The tape: each op that needs gradients records a Node holding its inputs and a closure that maps the
// output's gradient to its inputs' gradients. `backward` walks the nodes in reverse topological order.
import type { Tensor } from './tensor';
import { POOLED_MIN_LENGTH, recycleFloats, setFloat64Mode } from './buffers';
import { Saved, checkSaved } from './savedVersions';
import { savedInference } from './inference';

/** Maps the gradient of an op's output to the gradients of its inputs (null where an input needs none). */
export type BackwardFn = (gradOut: Float32Array) => (Float32Array | null)[];

/**
 * The same map written with the engine's differentiable ops, for `create_graph=True`: run with grad mode
 * on, the input gradients it returns record a graph of their own (higher-order derivatives).
 */
export type DiffBackwardFn = (gradOut: Tensor) => (Tensor | null)[];

/** Nodes made so far: each node's `seq`, PyTorch's sequence_nr. */
let nodesMade = 0;

// Saved-tensor hooks (savedTensorHooks.ts): while a `saved_tensors_hooks` context is open, every node made is
// listed here until its saved tensors are packed. Off, a node costs one flag test.
let listingNodes = false;
const nodesToPack: Node[] = [];

/** Starts or stops listing the nodes made (savedTensorHooks.ts). */
export function setListingNodes(on: boolean): void {
  listingNodes = on;
}

/** The nodes made since the last call while listing was on, oldest first; the list is emptied. */
export function takeListedNodes(): Node[] {
  return nodesToPack.splice(0);
}

/** A sequence number for a node made later that PyTorch would have made now (see Node.rewire). */
export function reserveNodeSeq(): number {
  return ++nodesMade;
}

export class Node {
  /**
   * When the node was made, counting every node (those a create_graph backward makes too): PyTorch's engine
   * runs ready nodes latest-made first, which decides the order in which a tensor's gradients add up.
   */
  seq = ++nodesMade;

  /**
   * Run once, before the next backward pass walks this node's inputs: where an op's graph takes PyTorch's
   * shape only once a create_graph pass has made it (linear's weight.t(), matmul.ts), it swaps inputs here.
   */
  rewire: (() => void) | null = null;

  constructor(
    /** PyTorch's grad_fn class name, e.g. `AddmmBackward0`: shown when a tensor is printed. */
    readonly name: string,
    readonly inputs: readonly (Tensor | null)[],
    readonly backward: BackwardFn,
    /**
     * The differentiable form of `backward`, or null where the op has none yet (autogradGraph.ts says so).
     * Set after construction where that reads better beside the op; cleared when the node is released.
     */
    public diff: DiffBackwardFn | null = null,
  ) {
    if (listingNodes) nodesToPack.push(this);
  }

  /** Run when the node is released (savedTensorHooks.ts frees what the pack hooks made); null when nothing. */
  onRelease: (() => void) | null = null;

  /** What the backward reads (PyTorch's SavedVariables), checked by savedVersions.ts; null when nothing. */
  saved: Saved[] | null = null;
  /** The version of each saved tensor when it was saved. */
  savedVersions: number[] | null = null;
  /** Bit i set: saved[i] is this node's own output (the error names this node). */
  savedOutputs = 0;

  /** Saves `t` (an input, or a view of one) for the version check when `when` (PyTorch's should_compute_output). */
  save(t: Saved | null | undefined, when = true): this {
    if (t && when) {
      if (t.inference) throw savedInference();
      (this.saved ??= []).push(t);
      (this.savedVersions ??= []).push(t.version);
    }
    return this;
  }

  /** Saves the node's output `t` (exp, sigmoid, relu read their result) and returns it. */
  saveOutput<T extends Tensor>(t: T): T {
    this.save(t);
    this.savedOutputs |= 1 << (this.saved!.length - 1);
    return t;
  }

  /**
   * An in-place op ran as its out-of-place form into `from`, whose values now live in `to`: the saved output
   * is `to` at its current version (x.exp_() saves x as written).
   */
  retargetOutput(from: Tensor, to: Tensor): void {
    const saved = this.saved;
    if (saved === null) return;
    for (let i = 0; i < saved.length; i++) {
      if (saved[i] === from) {
        saved[i] = to;
        this.savedVersions![i] = to.version;
      }
    }
  }
}

let gradEnabled = true;

export function isGradEnabled(): boolean {
  return gradEnabled;
}

export function setGradEnabled(enabled: boolean): boolean {
  const previous = gradEnabled;
  gradEnabled = enabled;
  return previous;
}

/** Runs fn with gradient recording off, like `with torch.no_grad():`. */
export function noGrad<T>(fn: () => T): T {
  const previous = setGradEnabled(false);
  try {
    return fn();
  } finally {
    setGradEnabled(previous);
  }
}

/** True when an op over these inputs must record a Node. */
export function needsGrad(...inputs: (Tensor | null | undefined)[]): boolean {
  if (!gradEnabled) return false;
  for (const t of inputs) if (t && t.requiresGrad) return true;
  return false;
}

export interface BackwardListener {
  (root: Tensor): void;
}
const backwardListeners: BackwardListener[] = [];

/** Instrumentation: called after every completed backward pass (the runtime streams gradients from it). */
export function onBackward(listener: BackwardListener): () => void {
  backwardListeners.push(listener);
  return () => {
    const i = backwardListeners.indexOf(listener);
    if (i >= 0) backwardListeners.splice(i, 1);
  };
}

const beforeBackwardListeners: BackwardListener[] = [];

/** Instrumentation: called when a backward pass starts, before any gradient is computed (the loss is known). */
export function onBeforeBackward(listener: BackwardListener): () => void {
  beforeBackwardListeners.push(listener);
  return () => {
    const i = beforeBackwardListeners.indexOf(listener);
    if (i >= 0) beforeBackwardListeners.splice(i, 1);
  };
}

/** `done` is false just before the write and true right after it. */
export type InplaceListener = (target: Tensor, done: boolean) => void;
const inplaceListeners: InplaceListener[] = [];

/**
 * Instrumentation: called just before an in-place op that autograd does not record writes into a tensor's
 * values (`w -= lr * w.grad` under no_grad, `p.data.sub_(...)`, `copy_`): a hand-written update.
 */
export function onUntrackedInplace(listener: InplaceListener): () => void {
  inplaceListeners.push(listener);
  return () => {
    const i = inplaceListeners.indexOf(listener);
    if (i >= 0) inplaceListeners.splice(i, 1);
  };
}

/** Called by in-place ops (ops/inplace.ts) before (`done` false) and after they write into `target` without recording. */
export function notifyUntrackedInplace(target: Tensor, done: boolean): void {
  for (const listener of inplaceListeners) listener(target, done);
}

/** Reverse-mode pass from `root`, accumulating into `.grad` of leaves (and of non-leaves that retain it). */
export function runBackward(root: Tensor, gradient: Float32Array, retainGraph = false): void {
  const mode = setFloat64Mode(false);
  try {
    notifyBackward(root, false);
    backwardPass(topologicalOrder([root]), [root], [gradient], retainGraph, null);
  } finally {
    setFloat64Mode(mode);
  }
  notifyBackward(root, true);
}

/**
 * `torch.autograd.backward(tensors, grad_tensors)`: one reverse-mode pass from several roots at once, so that
 * a graph they share is walked once (as PyTorch's engine does), accumulating into `.grad`. It runs no
 * backward listeners: a learner's training step is a `loss.backward()` (runBackward), and this is also the
 * pass a checkpoint's recomputed segment runs from inside another backward.
 */
export function runBackwardRoots(
  roots: readonly Tensor[],
  gradients: readonly Float32Array[],
  retainGraph = false,
): void {
  const mode = setFloat64Mode(false);
  try {
    backwardPass(topologicalOrder(roots), roots, gradients, retainGraph, null);
  } finally {
    setFloat64Mode(mode);
  }
}

/** Runs the instrumentation listeners of a backward pass from `root`: before it (`done` false) or after. */
export function notifyBackward(root: Tensor, done: boolean): void {
  for (const listener of done ? backwardListeners : beforeBackwardListeners) listener(root);
}

/**
 * `torch.autograd.grad`: the gradients of `roots` (seeded with `gradients`) with respect to `inputs`,
 * returned instead of accumulated: no `.grad` changes. null for an input the roots do not depend on.
 */
export function gradientsOf(
  roots: readonly Tensor[],
  gradients: readonly Float32Array[],
  inputs: readonly Tensor[],
  retainGraph = false,
  allowUnused = false,
): (Float32Array | null)[] {
  const order = reachableOrder(roots, inputs, allowUnused);
  const capture = new Map<Tensor, Float32Array | null>();
  for (const t of inputs) capture.set(t, null);
  const mode = setFloat64Mode(false);
  try {
    backwardPass(order, roots, gradients, retainGraph, capture);
  } finally {
    setFloat64Mode(mode);
  }
  return inputs.map((t) => capture.get(t) ?? null);
}

/** topologicalOrder(roots), refusing (unless `allowUnused`) an input that the roots do not reach. */
export function reachableOrder(roots: readonly Tensor[], inputs: readonly Tensor[], allowUnused: boolean): Tensor[] {
  const order = topologicalOrder(roots);
  const reachable = new Set(order);
  if (!allowUnused && inputs.some((t) => !reachable.has(t))) {
    const err = new Error(
      'One of the differentiated Tensors appears to not have been used in the graph. ' +
        'Set allow_unused=True if this is the desired behavior.',
    );
    err.name = 'RuntimeError';
    throw err;
  }
  return order;
}

/**
 * Every tensor that requires grad reachable from `roots`, each after all the tensors it depends on, in the
 * order of their nodes' making (leaves first): walked backwards, that is PyTorch's engine's order (latest-made
 * ready node first), so that the gradients reaching a tensor from several uses add up in PyTorch's order, bit
 * for bit. Should a node ever be older than a node it takes input from, the plain depth-first order stands.
 */
export function topologicalOrder(roots: readonly Tensor[]): Tensor[] {
  const visited = new Set<Tensor>();
  const order = depthFirstOrder(roots, visited);
  const sorted = sortedBySeq(order);
  // Node numbers rise along every edge unless a node took a reserved number (linear's w.t(), matmul.ts) or a
  // tensor took a newer node after being used (in-place ops): only an edge whose input is not older than its
  // consumer can break the sorted order, so only that case needs the positions (an input outside the walk
  // has none and never breaks it).
  for (const t of order) {
    const node = t.gradFn;
    if (node === null) continue;
    for (const input of node.inputs) {
      if (input !== null && input.gradFn !== null && input.gradFn.seq >= node.seq && visited.has(input)) {
        return inSortedOrder(sorted) ? sorted : order;
      }
    }
  }
  return sorted;
}

/** Whether every input of each tensor comes before it in `sorted`. */
function inSortedOrder(sorted: readonly Tensor[]): boolean {
  const position = new Map<Tensor, number>();
  sorted.forEach((t, i) => position.set(t, i));
  for (let i = 0; i < sorted.length; i++) {
    for (const input of sorted[i].gradFn?.inputs ?? []) {
      if (input && (position.get(input) ?? -1) > i) return false;
    }
  }
  return true;
}

/** `order` stably sorted by node number (leaves, numbered 0, first). */
function sortedBySeq(order: readonly Tensor[]): Tensor[] {
  const n = order.length;
  let maxSeq = 0;
  for (const t of order) if (t.gradFn !== null && t.gradFn.seq > maxSeq) maxSeq = t.gradFn.seq;
  // One numeric key per tensor, seq * n + position, sorts as (seq, position) without a comparator while
  // the keys are exact doubles.
  if ((maxSeq + 1) * n > Number.MAX_SAFE_INTEGER) {
    const seq = (t: Tensor) => (t.gradFn ? t.gradFn.seq : 0);
    return order.slice().sort((a, b) => seq(a) - seq(b));
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const node = order[i].gradFn;
    keys[i] = (node === null ? 0 : node.seq) * n + i;
  }
  keys.sort();
  const sorted = new Array<Tensor>(n);
  for (let i = 0; i < n; i++) sorted[i] = order[keys[i] % n];
  return sorted;
}

/** topologicalOrder's fallback: depth-first post-order from the roots; `visited` receives every tensor. */
function depthFirstOrder(roots: readonly Tensor[], visited: Set<Tensor>): Tensor[] {
  // Iterative DFS (post-order): deep chains (long training graphs) must not overflow the stack.
  const order: Tensor[] = [];
  for (const root of roots) {
    if (visited.has(root)) continue;
    visited.add(root);
    rewireOnce(root);
    const stack: [Tensor, number][] = [[root, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const node = top[0].gradFn;
      const inputs = node ? node.inputs : NO_INPUTS;
      if (top[1] < inputs.length) {
        const child = inputs[top[1]++];
        if (child && child.requiresGrad && !visited.has(child)) {
          visited.add(child);
          rewireOnce(child);
          stack.push([child, 0]);
        }
      } else {
        stack.pop();
        order.push(top[0]);
      }
    }
  }
  return order;
}

const NO_INPUTS: readonly (Tensor | null)[] = [];

/** Runs a node's pending rewire (Node.rewire) before the walk reads its inputs. */
function rewireOnce(t: Tensor): void {
  const node = t.gradFn;
  if (node !== null && node.rewire !== null) {
    const rewire = node.rewire;
    node.rewire = null;
    rewire();
  }
}

/**
 * Walks the graph from `roots` in reverse topological `order`. Without `capture`, gradients land in `.grad`
 * (leaves, and non-leaves that retain it); with it, only the captured tensors' gradients are kept, there.
 */
function backwardPass(
  order: readonly Tensor[],
  roots: readonly Tensor[],
  gradients: readonly Float32Array[],
  retainGraph: boolean,
  capture: Map<Tensor, Float32Array | null> | null,
): void {
  const grads = new Map<Tensor, Float32Array>();
  roots.forEach((root, i) => addGrad(grads, root, gradients[i], false));
  const seeds = new Set(gradients);
  // A gradient buffer came from a backward closure (or is a root's, which is never recycled). Once
  // accumulated into a leaf's .grad (added or copied) or consumed by t's node without being passed on,
  // nothing references it: large ones go back to the buffer pool. Not with retain_graph, where a closure
  // may hand out the same captured buffer again.
  const recyclable = (g: Float32Array) => !retainGraph && !seeds.has(g) && g.length > POOLED_MIN_LENGTH;
  const reach = capturePaths(order, capture);
  for (let i = order.length - 1; i >= 0; i--) {
    const t = order[i];
    let g = grads.get(t);
    if (!g) continue;
    grads.delete(t);
    const node = t.gradFn;
    // A non-leaf's retained .grad is the gradient as it stood when retain_grad() was called (PyTorch 1.13:
    // hooks registered before it change it, later ones do not); a leaf's .grad comes after every hook.
    const retainAt = capture || !node || !t.retainsGrad ? -1 : t.retainAfterHooks;
    if (t.hooks !== null) g = runHooks(t, g, retainAt);
    else if (retainAt >= 0) t.accumulateGrad(g);
    if (capture) {
      if (capture.has(t)) capture.set(t, g.slice());
    } else if (!node) t.accumulateGrad(g);
    if (!node) {
      if (recyclable(g)) recycleFloats(g);
      continue;
    }
    checkNotReleased(node);
    if (node.saved !== null && (reach === null || leadsTo(node, reach))) checkSaved(node);
    // A float64 node computes its gradients in float64 (the buffers its closure allocates follow the mode).
    setFloat64Mode(t.dtype === 'float64');
    const inputGrads = node.backward(g);
    checkNanGrads(node, inputGrads);
    if (!retainGraph) {
      releaseNode(node);
      if (recyclable(g) && !passesOn(inputGrads, g)) recycleFloats(g);
    }
    for (let k = 0; k < node.inputs.length; k++) {
      const input = node.inputs[k];
      const ig = inputGrads[k];
      if (!input || !ig || !input.requiresGrad) continue;
      // A buffer handed to two inputs (add(x, y) returns g for both) is copied for the second.
      addGrad(grads, input, ig, inputGrads.indexOf(ig) !== k);
    }
  }
}

/** Adds `ig` into `input`'s pending gradient, in the input's dtype (a mixed-dtype op casts each input's). */
function addGrad(grads: Map<Tensor, Float32Array>, input: Tensor, ig: Float32Array, shared: boolean): void {
  if ((input.dtype === 'float64') !== !(ig instanceof Float32Array)) ig = castGrad(ig, input.dtype === 'float64');
  const prev = grads.get(input);
  if (prev) {
    for (let j = 0; j < prev.length; j++) prev[j] += ig[j];
  } else {
    // Passing `ig` itself on is safe: its producer does not read it again. Sums land in place, hence the copy.
    grads.set(input, shared ? ig.slice() : ig);
  }
}

/**
 * `Tensor.register_hook`'s hooks, in order: each may replace the gradient the next one and the graph
 * receive. `.grad` is kept before hook number `retainAt` (after all of them when it is past the end).
 */
function runHooks(t: Tensor, g: Float32Array, retainAt: number): Float32Array {
  const hooks = t.hooks ?? [];
  for (let k = 0; k < hooks.length; k++) {
    if (k === retainAt) t.accumulateGrad(g);
    g = hooks[k](g) ?? g;
  }
  if (retainAt >= hooks.length) t.accumulateGrad(g);
  return g;
}

function castGrad(g: Float32Array, toDouble: boolean): Float32Array {
  return (toDouble ? Float64Array.from(g) : Float32Array.from(g)) as Float32Array;
}

const RELEASED: BackwardFn = () => [];

/** Frees a node's saved values after a backward pass without retain_graph: a second pass through it fails. */
export function releaseNode(node: Node): void {
  (node as { backward: BackwardFn }).backward = RELEASED;
  node.diff = null;
  node.saved = null;
  node.savedVersions = null;
  const onRelease = node.onRelease;
  if (onRelease !== null) {
    node.onRelease = null;
    onRelease();
  }
}

/**
 * For `torch.autograd.grad`: the tensors of `order` that are captured inputs or lead to one. PyTorch runs only
 * the nodes that lead to an input (leadsTo), so only those check their saved tensors; null without capture.
 */
export function capturePaths(order: readonly Tensor[], capture: Map<Tensor, unknown> | null): Set<Tensor> | null {
  if (capture === null) return null;
  const reach = new Set<Tensor>();
  // Topological order: every input of a tensor's node comes before it.
  for (const t of order) if (capture.has(t) || (t.gradFn !== null && leadsTo(t.gradFn, reach))) reach.add(t);
  return reach;
}

/** Whether one of the node's inputs is in `reach` (capturePaths). */
export function leadsTo(node: Node, reach: Set<Tensor>): boolean {
  for (const x of node.inputs) if (x !== null && reach.has(x)) return true;
  return false;
}

// torch.autograd.set_detect_anomaly(True) (check_nan on): every gradient a node returns is checked for NaN.
let anomalyNanCheck = false;

/** Turns anomaly mode's NaN check on or off (torch/_anomaly_mode.py). */
export function setAnomalyNanCheck(on: boolean): void {
  anomalyNanCheck = on;
}

/**
 * Under anomaly mode, PyTorch's error for a node whose backward returned NaN in a gradient it was asked for
 * (an input that requires grad), numbered by input as PyTorch numbers the node's outputs.
 */
export function checkNanGrads(node: Node, grads: readonly (ArrayLike<number> | null)[]): void {
  if (!anomalyNanCheck) return;
  for (let k = 0; k < node.inputs.length; k++) {
    const g = grads[k];
    if (!g || !node.inputs[k]?.requiresGrad) continue;
    for (let i = 0; i < g.length; i++) {
      if (g[i] !== g[i]) {
        const err = new Error(`Function '${node.name}' returned nan values in its ${k}th output.`);
        err.name = 'RuntimeError';
        throw err;
      }
    }
  }
}

export function checkNotReleased(node: Node): void {
  if (node.backward !== RELEASED) return;
  const err = new Error(
    'Trying to backward through the graph a second time (or directly access saved tensors after they have ' +
      'already been freed). Saved intermediate values of the graph are freed when you call .backward() or ' +
      'autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or ' +
      'if you need to access saved tensors after calling backward.',
  );
  err.name = 'RuntimeError';
  throw err;
}

/** Whether a node handed its output gradient on (view/add backward return g itself or a view of it). */
function passesOn(inputGrads: (Float32Array | null)[], g: Float32Array): boolean {
  for (const ig of inputGrads) if (ig !== null && ig.buffer === g.buffer) return true;
  return false;
}
