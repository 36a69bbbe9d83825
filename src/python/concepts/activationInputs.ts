// What each activation function of the model received at the step: for every activation node of the
// loss's graph (nn.Tanh, F.relu, torch.sigmoid, ...) a histogram of its input, and how much of it fell where
// the function is flat (a dead ReLU's negative side, a saturated Sigmoid's tails), so the explorer can draw
// the inputs under the curve and its derivative.
import type { Tensor } from '../../engine/tensor';
import type { ActivationInput } from '../../protocol';
import { ACTIVATION_FUNCTIONS, ACTIVATION_NODES } from '../../shared/activationFunctions';
import type { LossGraph } from './graphWalk';

const BINS = 40;
/** Most activations reported (the first ones in forward order). */
const MAX_ITEMS = 12;

/** The function's parameter read off its input and output (LeakyReLU's slope, ELU's alpha), or null. */
function parameterOf(fn: string, x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  if (fn !== 'leaky_relu' && fn !== 'elu') return fn === 'celu' ? 1 : null;
  for (let i = 0; i < x.length; i++) {
    if (x[i] < -1e-3) return fn === 'leaky_relu' ? y[i] / x[i] : y[i] / Math.expm1(x[i]);
  }
  return fn === 'leaky_relu' ? 0.01 : 1;
}

function describe(fn: string, input: Tensor, output: Tensor, path: string | null): ActivationInput {
  const x = input.data;
  const param = parameterOf(fn, x, output.data);
  const f = ACTIVATION_FUNCTIONS[fn];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) continue;
    min = Math.min(min, x[i]);
    max = Math.max(max, x[i]);
  }
  if (!(min <= max)) [min, max] = [0, 0];
  const counts = new Float32Array(BINS);
  const width = (max - min) / BINS;
  const units = input.shape.length > 0 ? input.shape[input.shape.length - 1] : 1;
  const unitLive = new Uint8Array(units);
  let flat = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!Number.isFinite(v)) continue;
    counts[width > 0 ? Math.min(BINS - 1, Math.floor((v - min) / width)) : BINS >> 1]++;
    if (f.flat(v, param)) flat++;
    else unitLive[i % units] = 1;
  }
  const deadUnits = input.shape.length >= 2 ? unitLive.reduce((n, live) => n + (live ? 0 : 1), 0) : 0;
  return {
    path,
    fn,
    param,
    shape: input.shape.slice(),
    min,
    max,
    counts,
    flat: x.length > 0 ? flat / x.length : 0,
    deadUnits,
    units: input.shape.length >= 2 ? units : 0,
  };
}

/**
 * One item per activation in the graph, in forward order; `pathOf` names a tensor as the module (or
 * functional call) that returned it, as the `activations` event does.
 */
export function activationInputs(
  graph: LossGraph,
  pathOf: ReadonlyMap<Tensor, string>,
  current: (t: Tensor) => Tensor = (t) => t,
): ActivationInput[] {
  const items: ActivationInput[] = [];
  for (const t of graph.order) {
    const node = t.gradFn;
    const fn = node ? ACTIVATION_NODES[node.name] : undefined;
    const input = node?.inputs[0];
    if (!fn || !input || input.dtype !== 'float32') continue;
    items.push(describe(fn, current(input), current(t), pathOf.get(t) ?? null));
    if (items.length >= MAX_ITEMS) break;
  }
  return items;
}
