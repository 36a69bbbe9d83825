// Activation functions and softmax. relu/sigmoid/tanh run in every training step, so they are written as
// direct loops; the backward of each uses the saved output where PyTorch does (sigmoid, tanh, relu).
import { Node, isGradEnabled } from '../autograd';
import { Tensor, allocate, floats, scratchFloats, isFloatDType } from '../tensor';
import { floatData, normDimChecked, requireFloat, splitAt } from './util';
import { type Float32BackwardKernel, erfValue, exp, unaryFloat } from './unary';
import { sum } from './reduce';
import { constantLike, elementwiseBackward, named, type Derivatives } from './gradOps';
import { mul, sub } from './arith';
import { sigmoidRows, sigmoidScalarTail, sigmoidfLoop } from './sleefExp';
import { vectorRowLength } from './vectorRows';
import { tanhF64, tanhfLoop } from './sleefTanh';
import { softmaxForward, softmaxGrad } from './softmaxKernels';
import {
  eluKernel,
  geluKernel,
  geluBackwardKernel,
  geluTanhKernel,
  logsigmoidKernel,
  mishKernel,
  siluKernel,
  softplusKernel,
} from './activationBits';
import {
  eluBackwardKernel,
  geluTanhBackwardKernel,
  hardswishBackwardKernel,
  mishBackwardKernel,
  siluBackwardKernel,
  softplusBackwardKernel,
} from './activationGradBits';
import { type Float32Kernel, float32Kernel } from './float32Kernels';
import {
  TR_SIGMOID,
  TR_TANH,
  activationBackwardWasm,
  reluBackwardWasm,
  reluWasm,
  transcendentalWasm,
} from '../kernels/elementwise';
import { reluBackwardBits, reluBits } from './reluBits';

export { reluBits, reluBackwardBits };

function recording(t: Tensor): boolean {
  return t.requiresGrad && isGradEnabled();
}

/** relu's node saves its result (PyTorch's threshold_backward reads it), checked against in-place writes. */
function savesResult(r: Tensor): Tensor {
  return r.gradFn === null ? r : r.gradFn.saveOutput(r);
}

export function relu(t: Tensor): Tensor {
  if (!isFloatDType(t.dtype)) {
    const out = t.data.slice();
    for (let i = 0; i < out.length; i++) if (out[i] < 0) out[i] = 0;
    return new Tensor(out, t.shape, t.dtype);
  }
  if (!(t.data instanceof Float32Array)) return reluDouble(t);
  const x = t.data;
  const n = x.length;
  const y = scratchFloats(n); // every element written by reluBits
  if (!reluWasm(x, y)) reluBits(x, y);
  const node = recording(t)
    ? new Node(
        'ReluBackward0',
        [t],
        (g) => {
          const r = scratchFloats(n);
          if (!reluBackwardWasm(y, g, r)) reluBackwardBits(y, g, r);
          return [r];
        },
        reluDiff(t, y),
      )
    : null;
  return savesResult(Tensor.result(y, t.shape, node));
}

/** relu of a float64 tensor: the bit tricks below are float32's; here plain comparisons (NaN and -0 pass through). */
function reluDouble(t: Tensor): Tensor {
  const x = t.data;
  const n = x.length;
  const y = allocate('float64', n) as unknown as Float32Array;
  for (let i = 0; i < n; i++) y[i] = x[i] < 0 ? 0 : x[i];
  const node = recording(t)
    ? new Node(
        'ReluBackward0',
        [t],
        (g) => {
          const r = floats(n);
          for (let i = 0; i < n; i++) r[i] = y[i] <= 0 ? 0 : g[i];
          return [r];
        },
        reluDiff(t, y),
      )
    : null;
  return savesResult(Tensor.result(y, t.shape, node));
}

/** relu's gradient as a recorded op (create_graph): threshold_backward over the saved output y. */
function reluDiff(t: Tensor, y: Float32Array) {
  return (g: Tensor) => [thresholdBackward(g, t, y)];
}

/**
 * g except where relu's output y is <= 0 (a NaN passes g): PyTorch's ThresholdBackwardBackward0, linear in g (its own
 * gradient masks again) and with a zero derivative with respect to the relu input t.
 */
function thresholdBackward(g: Tensor, t: Tensor, y: Float32Array): Tensor {
  const mask = (src: ArrayLike<number>) => {
    const r = floats(src.length);
    for (let i = 0; i < r.length; i++) r[i] = y[i] <= 0 ? 0 : src[i];
    return r;
  };
  const out = Tensor.result(mask(g.data), t.shape, null);
  if (!(isGradEnabled() && (g.requiresGrad || t.requiresGrad))) return out;
  out.requiresGrad = true;
  out.gradFn = new Node(
    'ThresholdBackwardBackward0',
    [g, t],
    (gg) => [g.requiresGrad ? mask(gg) : null, t.requiresGrad ? floats(gg.length) : null],
    (gg) => [g.requiresGrad ? thresholdBackward(gg, t, y) : null, t.requiresGrad ? constantLike(t, () => 0) : null],
  );
  return out;
}

/** torch.sigmoid; `row`: values per contiguous row as PyTorch's loop walks them (vectorRows.ts). */
export function sigmoid(t: Tensor, row = vectorRowLength(t)): Tensor {
  const x = floatData(t);
  const n = x.length;
  const y = floats(n);
  if (transcendentalWasm(TR_SIGMOID, x, y)) sigmoidScalarTail(x, y);
  else sigmoidLoop(x, y);
  if (row < n && y instanceof Float32Array) sigmoidRows(x, y, row);
  return withSavedOutput(y, t, 'SigmoidBackward0', false);
}

export function tanh(t: Tensor): Tensor {
  const x = floatData(t);
  const n = x.length;
  const y = floats(n);
  // float32: PyTorch's bits (SLEEF's tanhf, sleefTanh.ts), by the wasm kernel or the loop; float64 in double.
  if (!transcendentalWasm(TR_TANH, x, y)) {
    if (isSingle(x) && isSingle(y)) tanhfLoop(x, y);
    else for (let i = 0; i < n; i++) y[i] = tanhF64(x[i]);
  }
  return withSavedOutput(y, t, 'TanhBackward0', true);
}

/** r = sigmoid'(y) * g or tanh'(y) * g from the saved output y, every element written. */
function activationGrad(isTanh: boolean, y: Float32Array, g: Float32Array): Float32Array {
  const r = scratchFloats(y.length);
  if (!activationBackwardWasm(isTanh, y, g, r)) (isTanh ? tanhBackwardLoop : sigmoidBackwardLoop)(g, y, r);
  return r;
}

/**
 * The output of sigmoid or tanh (values y of input t), recorded with a backward from the saved output; its
 * differentiable form is PyTorch's SigmoidBackwardBackward0 / TanhBackwardBackward0 op over (g, output).
 */
function withSavedOutput(y: Float32Array, t: Tensor, name: string, isTanh: boolean): Tensor {
  const out = Tensor.result(y, t.shape, null);
  if (!recording(t)) return out;
  out.requiresGrad = true;
  out.gradFn = new Node(
    name,
    [t],
    (g) => [activationGrad(isTanh, y, g)],
    (g) => [activationBackward(g, out, isTanh)],
  );
  return out.gradFn.saveOutput(out);
}

/**
 * sigmoid_backward(g, y) = g * (1 - y) * y and tanh_backward(g, y) = g * (1 - y^2) as one recorded op:
 * d/dg is the same factor, d/dy is g * (1 - 2y) and -2 g y.
 */
function activationBackward(g: Tensor, y: Tensor, isTanh: boolean): Tensor {
  const r = activationGrad(isTanh, y.data as Float32Array, g.data as Float32Array);
  const out = Tensor.result(r.slice(), y.shape, null);
  if (!(isGradEnabled() && (g.requiresGrad || y.requiresGrad))) return out;
  // PyTorch's formulas for the output's gradient, in its order: gg * (g * (-2 y)) for tanh and
  // (gg * g) * (1 - 2 y) for sigmoid (each product rounded to float32, as measured against PyTorch 1.13).
  const dOutput = (gg: Tensor) => (isTanh ? mul(gg, mul(g, mul(y, -2))) : mul(mul(gg, g), sub(1, mul(y, 2))));
  const name = isTanh ? 'TanhBackwardBackward0' : 'SigmoidBackwardBackward0';
  out.requiresGrad = true;
  out.gradFn = new Node(
    name,
    [g, y],
    (gg) => {
      const yd = y.data as Float32Array;
      const gd = g.data;
      const ga = g.requiresGrad ? activationGrad(isTanh, yd, gg).slice() : null;
      let gy: Float32Array | null = null;
      if (y.requiresGrad) {
        gy = floats(gg.length);
        const f = gy instanceof Float32Array ? Math.fround : (v: number) => v;
        if (isTanh) for (let i = 0; i < gy.length; i++) gy[i] = gg[i] * f(gd[i] * (-2 * yd[i]));
        else for (let i = 0; i < gy.length; i++) gy[i] = f(gg[i] * gd[i]) * f(1 - 2 * yd[i]);
      }
      return [ga, gy];
    },
    (gg) => [g.requiresGrad ? activationBackward(gg, y, isTanh) : null, y.requiresGrad ? dOutput(gg) : null],
  );
  return out;
}

// The backward loops live in top-level functions: V8 optimizes a loop inside a per-call closure (context
// loads of y and n each iteration) about 3x worse than the same loop over arguments.

/** r = g * (1 - y) * y, every element written. */
/** y = 1 / (1 + e^-x): float32 as PyTorch's kernels (sleefExp.ts), float64 in double. */
function sigmoidLoop(x: Float32Array, y: Float32Array): void {
  if (isSingle(y)) sigmoidfLoop(x, y);
  else for (let i = 0; i < y.length; i++) y[i] = 1 / (1 + Math.exp(-x[i]));
}

/** Whether a buffer holds float32 (a float64 tensor's buffer can reach these loops typed as Float32Array). */
function isSingle(a: ArrayLike<number>): boolean {
  return a instanceof Float32Array;
}

/** r = g * (1 - y) * y, every element written; float32 rounds each step, as PyTorch's sigmoid_backward. */
function sigmoidBackwardLoop(g: Float32Array, y: Float32Array, r: Float32Array): void {
  const n = r.length;
  if (isSingle(r)) for (let i = 0; i < n; i++) r[i] = Math.fround(g[i] * Math.fround(1 - y[i])) * y[i];
  else for (let i = 0; i < n; i++) r[i] = g[i] * (1 - y[i]) * y[i];
}

/**
 * r = g * (1 - y * y), every element written. float32 rounds 1 - y * y once (PyTorch's AVX2 tanh_backward
 * fuses it) and then the product.
 */
function tanhBackwardLoop(g: Float32Array, y: Float32Array, r: Float32Array): void {
  const n = r.length;
  if (isSingle(r)) {
    for (let i = 0; i < n; i++) r[i] = g[i] * Math.fround(1 - y[i] * y[i]);
  } else {
    for (let i = 0; i < n; i++) r[i] = g[i] * (1 - y[i] * y[i]);
  }
}

/**
 * Elementwise activation with closures (the less common ones), float inputs only; df(x, y) = dy/dx. With
 * `derivs` (the first, second... derivatives in x) its gradient is differentiable (create_graph), as the op
 * `gradName` that PyTorch's first derivative prints (XBackwardBackward0 by default). `kernel` computes float32
 * values as PyTorch's kernel does (activationBits.ts).
 */
function activation(
  t: Tensor,
  op: string,
  name: string,
  f: (x: number) => number,
  df: (x: number, y: number) => number,
  derivs?: Derivatives,
  gradName = name.replace(/Backward0$/, 'BackwardBackward0'),
  kernel: Float32Kernel | null = null,
  backwardKernel: Float32BackwardKernel | null = null,
): Tensor {
  requireFloat(t, op);
  const diff = derivs ? (g: Tensor, x: Tensor) => elementwiseBackward(gradName, g, x, derivs) : undefined;
  return unaryFloat(t, name, f, df, kernel, diff, backwardKernel);
}

const zero = () => 0;
/** The derivatives of a piecewise-linear function whose slope is `slope(x)`. */
const piecewiseLinear = (slope: (x: number) => number): Derivatives => [slope, zero, zero];
/** The logistic sigmoid in double. */
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

export function leaky_relu(t: Tensor, negativeSlope = 0.01): Tensor {
  const s = Math.fround(negativeSlope);
  return activation(
    t,
    'leaky_relu',
    'LeakyReluBackward0',
    (x) => (x > 0 ? x : x * s),
    (x) => (x > 0 ? 1 : s),
    piecewiseLinear((x) => (x > 0 ? 1 : s)),
  );
}

export function elu(t: Tensor, alpha = 1): Tensor {
  const a = Math.fround(alpha);
  return activation(
    t,
    'elu',
    'EluBackward0',
    (x) => (x > 0 ? x : a * Math.expm1(x)),
    (x, y) => (x > 0 ? 1 : y + a),
    [(x) => (x > 0 ? 1 : a * Math.exp(x)), eluCurve(a), eluCurve(a)],
    undefined,
    eluKernel(alpha, 1, 1),
    eluBackwardKernel(alpha, 1, 1),
  );
}

/** elu's second (and third) derivative: a e^x below 0, 0 above. */
function eluCurve(a: number): (x: number) => number {
  return (x) => (x > 0 ? 0 : a * Math.exp(x));
}

export function selu(t: Tensor): Tensor {
  const alpha = 1.6732632423543772;
  const scale = 1.0507009873554805;
  return activation(
    t,
    'selu',
    'EluBackward0',
    (x) => scale * (x > 0 ? x : alpha * Math.expm1(x)),
    (x, y) => (x > 0 ? scale : y + scale * alpha),
    undefined,
    undefined,
    eluKernel(alpha, scale, 1),
    eluBackwardKernel(alpha, scale, 1),
  );
}

export function celu(t: Tensor, alpha = 1): Tensor {
  return activation(
    t,
    'celu',
    'CeluBackward0',
    (x) => (x > 0 ? x : alpha * Math.expm1(x / alpha)),
    (x, y) => (x > 0 ? 1 : y / alpha + 1),
    undefined,
    undefined,
    eluKernel(alpha, 1, 1 / alpha),
    eluBackwardKernel(alpha, 1, 1 / alpha),
  );
}

/** GELU, exact (erf) by default or PyTorch's tanh approximation. */
export function gelu(t: Tensor, approximate: 'none' | 'tanh' = 'none'): Tensor {
  if (approximate === 'tanh') {
    const k = Math.sqrt(2 / Math.PI);
    return activation(
      t,
      'gelu',
      'GeluBackward0',
      (x) => 0.5 * x * (1 + Math.tanh(k * (x + 0.044715 * x * x * x))),
      (x) => {
        const u = k * (x + 0.044715 * x * x * x);
        const th = Math.tanh(u);
        return 0.5 * (1 + th) + 0.5 * x * (1 - th * th) * k * (1 + 3 * 0.044715 * x * x);
      },
      geluTanhDerivatives(k),
      undefined,
      geluTanhKernel,
      geluTanhBackwardKernel,
    );
  }
  const invSqrt2 = Math.SQRT1_2;
  const invSqrt2Pi = 1 / Math.sqrt(2 * Math.PI);
  return activation(
    t,
    'gelu',
    'GeluBackward0',
    (x) => 0.5 * x * (1 + erfValue(x * invSqrt2)),
    (x) => 0.5 * (1 + erfValue(x * invSqrt2)) + x * invSqrt2Pi * Math.exp(-0.5 * x * x),
    [
      (x) => 0.5 * (1 + erfValue(x * invSqrt2)) + x * invSqrt2Pi * Math.exp(-0.5 * x * x),
      (x) => invSqrt2Pi * Math.exp(-0.5 * x * x) * (2 - x * x),
      (x) => invSqrt2Pi * Math.exp(-0.5 * x * x) * x * (x * x - 4),
    ],
    undefined,
    geluKernel,
    geluBackwardKernel,
  );
}

/** The first two derivatives of the tanh-approximated GELU 0.5 x (1 + tanh(u)), u = k (x + 0.044715 x^3). */
function geluTanhDerivatives(k: number): Derivatives {
  const c = 0.044715;
  const parts = (x: number) => {
    const th = Math.tanh(k * (x + c * x * x * x));
    return { th, sech2: 1 - th * th, du: k * (1 + 3 * c * x * x) };
  };
  return [
    (x) => {
      const { th, sech2, du } = parts(x);
      return 0.5 * (1 + th) + 0.5 * x * sech2 * du;
    },
    (x) => {
      const { th, sech2, du } = parts(x);
      return sech2 * du - x * th * sech2 * du * du + 3 * k * c * x * x * sech2;
    },
  ];
}

export function silu(t: Tensor): Tensor {
  return activation(
    t,
    'silu',
    'SiluBackward0',
    (x) => x / (1 + Math.exp(-x)),
    (x) => {
      const s = 1 / (1 + Math.exp(-x));
      return s * (1 + x * (1 - s));
    },
    [
      (x) => logistic(x) * (1 + x * (1 - logistic(x))),
      (x) => {
        const s = logistic(x);
        return s * (1 - s) * (2 + x * (1 - 2 * s));
      },
      (x) => {
        const s = logistic(x);
        const ds = s * (1 - s);
        return ds * (1 - 2 * s) * (2 + x * (1 - 2 * s)) + ds * (1 - 2 * s - 2 * x * ds);
      },
    ],
    // PyTorch composes silu's backward from ops; its first derivative prints MulBackward0.
    'MulBackward0',
    siluKernel,
    siluBackwardKernel,
  );
}

export function mish(t: Tensor): Tensor {
  const sp = (x: number) => (x > 20 ? x : Math.log1p(Math.exp(x)));
  return activation(
    t,
    'mish',
    'MishBackward0',
    (x) => x * Math.tanh(sp(x)),
    (x) => {
      const th = Math.tanh(sp(x));
      const s = 1 / (1 + Math.exp(-x));
      return th + x * (1 - th * th) * s;
    },
    undefined,
    undefined,
    mishKernel,
    mishBackwardKernel,
  );
}

/** softplus(x) = log(1 + exp(beta x)) / beta, linear above `threshold` (in units of beta x). */
export function softplus(t: Tensor, beta = 1, threshold = 20): Tensor {
  return activation(
    t,
    'softplus',
    'SoftplusBackward0',
    (x) => (x * beta > threshold ? x : Math.log1p(Math.exp(x * beta)) / beta),
    (x) => {
      if (x * beta > threshold) return 1;
      const z = Math.exp(x * beta);
      return z / (z + 1);
    },
    softplusDerivatives(beta, threshold),
    undefined,
    softplusKernel(beta, threshold),
    softplusBackwardKernel(beta, threshold),
  );
}

/** The first three derivatives of softplus: the logistic of beta x and its derivatives (constant beyond `threshold`). */
function softplusDerivatives(beta: number, threshold: number): Derivatives {
  const s = (x: number) => (x * beta > threshold ? 1 : logistic(x * beta));
  return [s, (x) => beta * s(x) * (1 - s(x)), (x) => beta * beta * s(x) * (1 - s(x)) * (1 - 2 * s(x))];
}

export function hardtanh(t: Tensor, minVal = -1, maxVal = 1): Tensor {
  return activation(
    t,
    'hardtanh',
    'HardtanhBackward0',
    // PyTorch's clamp (std::min(std::max(x, min), max): -0 and NaN stay) and hardtanh_backward, which zeroes
    // g only where x <= min or x >= max, so a NaN input passes its gradient.
    (x) => {
      const lo = x < minVal ? minVal : x;
      return lo > maxVal ? maxVal : lo;
    },
    (x) => (x <= minVal || x >= maxVal ? 0 : 1),
    piecewiseLinear((x) => (x <= minVal || x >= maxVal ? 0 : 1)),
  );
}

/**
 * hardswish(x) = x relu6(x + 3) / 6, its own op as in PyTorch (grad_fn HardswishBackward0, whose backward kernel
 * activationGradBits.ts replays); float32 as PyTorch's kernel, (x min(max(x + 3, 0), 6)) / 6 rounding each step.
 */
export function hardswish(t: Tensor): Tensor {
  requireFloat(t, 'hardswish');
  const slope = (x: number) => (x < -3 ? 0 : x <= 3 ? x / 3 + 0.5 : 1);
  const derivs: Derivatives = [slope, (x) => (x > -3 && x < 3 ? 1 / 3 : 0), zero];
  // Under create_graph PyTorch's first derivative is still the hardswish_backward kernel: its float32 values.
  const diff = (g: Tensor, x: Tensor) => {
    const r = elementwiseBackward('HardswishBackwardBackward0', g, x, derivs);
    if (r.data instanceof Float32Array) hardswishBackwardKernel(g.data, x.data, r.data, r.data);
    return r;
  };
  return unaryFloat(
    t,
    'HardswishBackward0',
    (x) => (x * Math.min(Math.max(x + 3, 0), 6)) / 6,
    slope,
    float32Kernel((v) => Math.fround(v * Math.min(Math.max(Math.fround(v + 3), 0), 6)) / 6),
    diff,
    hardswishBackwardKernel,
  );
}

export function relu6(t: Tensor): Tensor {
  return hardtanh(t, 0, 6);
}

export function logsigmoid(t: Tensor): Tensor {
  // log sigmoid(x) = -softplus(-x), computed without overflow on either side.
  return activation(
    t,
    'log_sigmoid',
    'LogSigmoidBackward0',
    (x) => Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x))),
    (x) => 1 / (1 + Math.exp(x)),
    undefined,
    undefined,
    logsigmoidKernel,
  );
}

/** The dim softmax picks when none is given (PyTorch's legacy rule, which also warns). */
export function implicitSoftmaxDim(ndim: number): number {
  return ndim === 0 || ndim === 1 || ndim === 3 ? 0 : 1;
}

function softmaxCore(t: Tensor, dim: number | null | undefined, log: boolean): Tensor {
  requireFloat(t, log ? 'log_softmax' : 'softmax');
  const d = normDimChecked(dim ?? implicitSoftmaxDim(t.ndim), t.ndim);
  const { outer, size, inner } = splitAt(t.shape, d);
  const layout = { outer, size, inner, lastDim: d === t.ndim - 1 || t.ndim === 0 };
  const x = t.data as Float32Array;
  const y = floats(x.length);
  softmaxForward(x, y, layout, log);
  const out = Tensor.result(y, t.shape, null);
  const node = recording(t)
    ? new Node(log ? 'LogSoftmaxBackward0' : 'SoftmaxBackward0', [t], (g) => {
        const r = floats(g.length);
        softmaxGrad(g, y, r, layout, log);
        return [r];
      })
    : null;
  if (!node) return out;
  node.diff = softmaxDiff(out, d, log);
  out.requiresGrad = true;
  out.gradFn = node;
  return node.saveOutput(out);
}

/** The differentiable backward of softmax or log_softmax over dim, from its output y (create_graph). */
function softmaxDiff(y: Tensor, dim: number, log: boolean) {
  return (g: Tensor) => [softmaxBackward(g, y, dim, log)];
}

/**
 * softmax's gradient y (g - sum(g y)) and log_softmax's g - exp(y) sum(g) as recorded ops over the output y:
 * PyTorch's _softmax_backward_data, whose grad_fn name it prints (cross_entropy's input gradient reuses it).
 */
export function softmaxBackward(g: Tensor, y: Tensor, dim: number, log: boolean): Tensor {
  if (log) return named(sub(g, mul(exp(y), sum(g, [dim], true))), 'LogSoftmaxBackwardDataBackward0');
  return named(mul(y, sub(g, sum(mul(g, y), [dim], true))), 'SoftmaxBackwardDataBackward0');
}

export function softmax(t: Tensor, dim?: number | null): Tensor {
  return softmaxCore(t, dim, false);
}

export function log_softmax(t: Tensor, dim?: number | null): Tensor {
  return softmaxCore(t, dim, true);
}
