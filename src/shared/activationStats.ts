// What the activations view shows of each module's forward output: a histogram of its values and, for the
// non-linear activations of the study notes, how much of the layer is not learning. A ReLU unit whose output
// is exactly 0 passes no gradient back ("dead" for this input); a Sigmoid/Tanh output near its bounds has a
// derivative near 0 ("saturated"). Shared code (src/shared): the panel and node tests use it.
import type { ModuleInfo, RunSnapshot } from '../protocol';
import { histogram, type Histogram } from './paramStats';

type Outputs = NonNullable<RunSnapshot['activations']>['outputs'];

/**
 * Functional activations the Python shim reports (torch/_activation_probe.py) and the module class each one
 * is the function of: `F.relu(x)` behaves as `nn.ReLU()(x)`, so it gets ReLU's dead share.
 */
const FUNCTIONAL_MODULE_TYPES: Record<string, string> = {
  relu: 'ReLU',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  leaky_relu: 'LeakyReLU',
  elu: 'ELU',
  gelu: 'GELU',
  silu: 'SiLU',
  softplus: 'Softplus',
  softmax: 'Softmax',
  log_softmax: 'LogSoftmax',
};

/** A functional activation's output path: `<module path>:<function>#<n>`, or `<function>#<n>` in the root's forward. */
const FUNCTIONAL_PATH = /^(?:([^:]*):)?([a-z_]+)#([1-9][0-9]*)$/;

export interface FunctionalActivation {
  /** Dotted path of the module whose forward made the call ('' for the root). */
  module: string;
  /** The function's name (relu, tanh, ...). */
  fn: string;
  /** 1 for the module's first call of `fn` in a forward pass, 2 for the second, ... */
  index: number;
  /** The module class computing the same function (ReLU for relu). */
  moduleType: string;
  /** What the panel calls it: `ReLU (functional)`. */
  label: string;
}

/** Reads an activation output path as a functional call, or null for a module's own path. */
export function functionalActivation(path: string): FunctionalActivation | null {
  const m = FUNCTIONAL_PATH.exec(path);
  if (!m || !Object.prototype.hasOwnProperty.call(FUNCTIONAL_MODULE_TYPES, m[2])) return null;
  const moduleType = FUNCTIONAL_MODULE_TYPES[m[2]];
  return { module: m[1] ?? '', fn: m[2], index: Number(m[3]), moduleType, label: `${moduleType} (functional)` };
}

/** Module types whose zeros are dead units (their gradient there is 0). */
const RELU_FAMILY = new Set(['ReLU', 'ReLU6']);
/** |tanh(x)| above this: derivative 1 - tanh² below 0.02. */
export const TANH_SATURATION = 0.99;
/** sigmoid(x) below this or above 1 - this: derivative below 0.01. */
export const SIGMOID_SATURATION = 0.01;

export interface ActivationSummary {
  path: string;
  /** Class name from the model event, `ReLU (functional)` for an F.relu call, '' when unknown. */
  type: string;
  shape: number[];
  hist: Histogram;
  /** Which fraction below means what (null for modules that are not such activations). */
  kind: 'dead' | 'saturated' | null;
  /** Fraction of output values that are dead (ReLU family) or saturated (Sigmoid, Tanh); NaN when kind is null. */
  fraction: number;
}

/** Fraction of finite values for which `test` holds (NaN for none). */
function fractionOf(data: Float32Array, test: (v: number) => boolean): number {
  let n = 0;
  let hits = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!Number.isFinite(v)) continue;
    n++;
    if (test(v)) hits++;
  }
  return n > 0 ? hits / n : NaN;
}

export function deadOrSaturated(
  type: string,
  data: Float32Array,
): { kind: ActivationSummary['kind']; fraction: number } {
  if (RELU_FAMILY.has(type)) return { kind: 'dead', fraction: fractionOf(data, (v) => v === 0) };
  if (type === 'Tanh') return { kind: 'saturated', fraction: fractionOf(data, (v) => Math.abs(v) > TANH_SATURATION) };
  if (type === 'Sigmoid')
    return {
      kind: 'saturated',
      fraction: fractionOf(data, (v) => v < SIGMOID_SATURATION || v > 1 - SIGMOID_SATURATION),
    };
  return { kind: null, fraction: NaN };
}

/**
 * One summary per output, in the order the recorder sent them (the order their forward calls returned; a
 * functional activation's output comes right after the output of the layer it was applied to).
 */
export function summarizeActivations(
  outputs: Outputs,
  modules: ModuleInfo[],
  bins = 24,
  target: Float32Array | null = null,
): ActivationSummary[] {
  const types = new Map(modules.map((m) => [m.path, m.type]));
  const modelOutput = modelOutputIndex(outputs);
  return outputs.map((o, i) => {
    const moduleType = types.get(o.path);
    const functional = moduleType === undefined ? functionalActivation(o.path) : null;
    const type = moduleType ?? functional?.label ?? '';
    const n = Math.max(6, Math.min(bins, Math.round(Math.sqrt(o.data.length) * 2)));
    const fn = functional ? functional.moduleType : type;
    const share =
      i === modelOutput && fn === 'Sigmoid' && target && target.length > 0
        ? { kind: 'saturated' as const, fraction: wronglySaturated(o.data, target) }
        : deadOrSaturated(fn, o.data);
    return { path: o.path, type, shape: o.shape, hist: histogram(o.data, n), ...share };
  });
}

/** The output that is the model's own output (the root's, `''`): the last one before it with its values. */
function modelOutputIndex(outputs: Outputs): number {
  const rootIndex = outputs.findIndex((o) => o.path === '');
  const rootOut = rootIndex >= 0 ? outputs[rootIndex].data : null;
  for (let i = outputs.length - 1; i >= 0; i--) {
    if (i === rootIndex) continue;
    const d = outputs[i].data;
    if (!rootOut) return i;
    if (d.length === rootOut.length && d.every((v, k) => Object.is(v, rootOut[k]))) return i;
  }
  return -1;
}

/**
 * An output Sigmoid saturated at the right answer (0.999 for a target of 1) is a solved problem, not a
 * stuck unit: only values saturated on the wrong side of their target count (over the rows with targets).
 */
function wronglySaturated(data: Float32Array, target: Float32Array): number {
  const n = Math.min(data.length, target.length);
  let wrong = 0;
  for (let i = 0; i < n; i++) {
    const v = data[i];
    const saturated = v < SIGMOID_SATURATION || v > 1 - SIGMOID_SATURATION;
    if (saturated && Math.abs(v - target[i]) > 0.5) wrong++;
  }
  return n > 0 ? wrong / n : NaN;
}
