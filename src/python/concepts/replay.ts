// A loss's autograd graph turned back into a program that computes it: every node's forward op (found by
// replayOps.ts and checked against the value the step recorded), in order. Run again with other values in
// place of some tensors it gives what the training step would have given: the loss with other parameter
// values (the landscape), the model's output for other inputs (a grid for the decision boundary), with
// dropout left out. It runs the engine's own ops on the engine's own tensors, with no Python and no random
// numbers, so it changes nothing the learner's script can see.
import { noGrad, setGradEnabled, isGradEnabled } from '../../engine/autograd';
import { Tensor } from '../../engine/tensor';
import type { LossGraph } from './graphWalk';
import { BUILDERS, type OpFn, type ReplayContext } from './replayOps';

export type { ReplayContext } from './replayOps';

interface Step {
  /** Slot of the output; `args` the slots of the inputs (null inputs are passed as undefined). */
  out: number;
  args: number[];
  fn: OpFn;
}

export const RECORDED: ReplayContext = { batch: null, eval: false };

/** True when two tensors hold the same values (NaN equal to NaN) up to float rounding. */
export function closeTo(a: Tensor, b: Tensor, rtol = 1e-4, atol = 1e-6): boolean {
  if (a.data.length !== b.data.length) return false;
  for (let i = 0; i < a.data.length; i++) {
    const x = Number(a.data[i]);
    const y = Number(b.data[i]);
    if (x === y || (Number.isNaN(x) && Number.isNaN(y))) continue;
    if (!(Math.abs(x - y) <= atol + rtol * Math.abs(y))) return false;
  }
  return true;
}

/** The index of the first candidate that computes `out` from `args`, or -1. */
function firstMatching(fns: OpFn[], args: Tensor[], out: Tensor): number {
  for (let k = 0; k < fns.length; k++) {
    try {
      const got = fns[k](args, RECORDED);
      if (got.shape.length === out.shape.length && got.shape.every((d, i) => d === out.shape[i]) && closeTo(got, out))
        return k;
    } catch {
      /* not this candidate */
    }
  }
  return -1;
}

export class Program {
  private readonly slotOf = new Map<Tensor, number>();
  private readonly steps: Step[] = [];
  private readonly neededCache = new Map<string, Uint8Array>();
  /** The tensor each slot held at the recorded step (leaves are read from here when not replaced). */
  readonly tensors: Tensor[] = [];

  private constructor(readonly graph: LossGraph) {}

  /** Which candidate each node's op is (replayOps.ts's order): a graph of the same ops can reuse them unchecked. */
  readonly choices: number[] = [];

  /**
   * The program of a loss's graph, or the name of the first node it cannot compute. Each node's op is checked
   * against the value the node recorded, unless `choices` (of an earlier graph with the same ops) says which
   * it is: a graph whose parameters have changed since its forward pass (the last step, at the end of a run)
   * can no longer be checked.
   */
  static compile(graph: LossGraph, choices?: readonly number[]): Program | string {
    const p = new Program(graph);
    return noGrad(() => p.build(choices));
  }

  private build(choices?: readonly number[]): Program | string {
    for (const t of this.graph.order) {
      const slot = this.tensors.length;
      this.slotOf.set(t, slot);
      this.tensors.push(t);
      const node = t.gradFn;
      if (!node) continue;
      const inputs = node.inputs.map((x) => x ?? undefined) as Tensor[];
      const builder = BUILDERS[node.name];
      if (!builder || inputs.some((x) => x === undefined)) return node.name;
      let fns: OpFn[];
      try {
        fns = builder(inputs, t);
      } catch {
        fns = [];
      }
      const choice = choices ? choices[this.steps.length] : firstMatching(fns, inputs, t);
      const fn = choice === undefined || choice < 0 ? undefined : fns[choice];
      if (!fn) return node.name;
      this.choices.push(choice!);
      this.steps.push({ out: slot, args: inputs.map((x) => this.slotOf.get(x)!), fn });
    }
    return this;
  }

  slot(t: Tensor): number | undefined {
    return this.slotOf.get(t);
  }

  /**
   * Computes the slots `wanted` again with `replace` standing in for some tensors (by slot); returns every
   * computed value by slot. Only the steps the wanted slots depend on run. With `grad` the ops record a graph
   * (the autograd view's gradients), else none is recorded.
   */
  run(replace: Map<number, Tensor>, wanted: number[], ctx: ReplayContext = RECORDED, grad = false): Tensor[] {
    const needed = this.needed(wanted);
    const values = this.tensors.slice();
    for (const [slot, t] of replace) values[slot] = t;
    const previous = isGradEnabled();
    setGradEnabled(grad);
    try {
      for (const step of this.steps) {
        if (!needed[step.out] || replace.has(step.out)) continue;
        values[step.out] = step.fn(
          step.args.map((a) => values[a]),
          ctx,
        );
      }
    } finally {
      setGradEnabled(previous);
    }
    return values;
  }

  /** Slots the wanted ones are computed from. */
  private needed(wanted: number[]): Uint8Array {
    const key = wanted.join(',');
    const cached = this.neededCache.get(key);
    if (cached) return cached;
    const mark = new Uint8Array(this.tensors.length);
    const stack = wanted.slice();
    const argsOf = new Map(this.steps.map((s) => [s.out, s.args]));
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (mark[s]) continue;
      mark[s] = 1;
      for (const a of argsOf.get(s) ?? []) stack.push(a);
    }
    this.neededCache.set(key, mark);
    return mark;
  }

  /**
   * Every slot's value with the leaves as they are now, and the gradient of the loss with respect to it
   * (null where none flows), from a forward and backward pass over a replay: the run's own `.grad`s and
   * graph are not touched.
   */
  replayWithGradients(): { values: Tensor[]; grads: (Float32Array | null)[] } {
    const root = this.tensors.length - 1;
    const values = this.run(new Map(), [root], RECORDED, true);
    const out = values[root];
    if (out.data.length !== 1 || !out.requiresGrad) return { values, grads: values.map(() => null) };
    const grads = backwardOf(out);
    return { values, grads: values.map((v) => grads.get(v) ?? null) };
  }

  /** The loss (the root) with `replace` in place of some leaves, as a number. */
  loss(replace: Map<number, Tensor>): number {
    const root = this.tensors.length - 1;
    const v = this.run(replace, [root])[root];
    return v.data.length === 1 ? Number(v.data[0]) : NaN;
  }
}

/** A float tensor of `shape` holding `values` (a stand-in for a leaf in a replay). */
export function leafLike(shape: readonly number[], values: Float32Array): Tensor {
  return new Tensor(values, shape.slice(), 'float32');
}

/** Reverse-mode gradients of a scalar `root` for every tensor of its graph, kept in a map (no leaf's `.grad` changes). */
function backwardOf(root: Tensor): Map<Tensor, Float32Array> {
  const order: Tensor[] = [];
  const visited = new Set<Tensor>([root]);
  const stack: [Tensor, number][] = [[root, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const inputs = top[0].gradFn?.inputs ?? [];
    if (top[1] < inputs.length) {
      const child = inputs[top[1]++];
      if (child && child.requiresGrad && !visited.has(child)) {
        visited.add(child);
        stack.push([child, 0]);
      }
      continue;
    }
    stack.pop();
    order.push(top[0]);
  }
  const grads = new Map<Tensor, Float32Array>([[root, Float32Array.of(1)]]);
  for (let i = order.length - 1; i >= 0; i--) {
    const t = order[i];
    const g = grads.get(t);
    const node = t.gradFn;
    if (!g || !node) continue;
    const inputGrads = node.backward(g);
    node.inputs.forEach((input, k) => {
      const ig = inputGrads[k];
      if (!input || !ig || !input.requiresGrad) return;
      const prev = grads.get(input);
      if (prev) for (let j = 0; j < prev.length; j++) prev[j] += ig[j];
      else grads.set(input, ig.slice());
    });
  }
  return grads;
}
