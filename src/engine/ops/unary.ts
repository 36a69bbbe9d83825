// Elementwise math of one tensor: exp, log, sqrt, abs, clamp, trigonometry, rounding. Integer inputs
// of the transcendental functions compute in float32, as PyTorch does.
import { Node, isGradEnabled } from '../autograd';
import { Tensor, allocate, floats, isFloatDType } from '../tensor';
import { dtypeName, floatData } from './util';
import { pyError } from '../errors';
import { TR_EXP, transcendentalWasm } from '../kernels/elementwise';
import { add, div, mul, neg, pow, sub } from './arith';
import { constantLike } from './gradOps';
import { fmaf } from '../random';
import { erff } from './erff';
import { sleefErff } from './sleefErf';
import { expfLoop } from './sleefExp';
import { log10f, log1pf, log2f, logf } from './sleefLog';
import { float32Kernel, vectorizedLoop } from './float32Kernels';
import { coshf, expm1f, sinhf } from './sleefExpm1';
import { glibcCoshf, glibcSinhf } from './glibcFloat';
import { acosf, asinf, atanf, cosKernel, sinKernel, tanKernel } from './sleefTrig';

/** The input gradient of a unary op as recorded ops, from the output gradient g, input x and output y. */
export type UnaryDiff = (g: Tensor, x: Tensor, y: Tensor) => Tensor;

/**
 * Forward `f` elementwise; when recording, `df(x, y)` is dy/dx at each element (x input, y output), and
 * `diff` the same gradient as recorded ops (for create_graph). `kernel`, when given, may compute the same
 * values faster (a wasm kernel) and says whether it did.
 */
/**
 * r = g * f'(x) in the float32 steps of PyTorch's backward kernel (x the input, y the output); false, having
 * written nothing, where it does not apply (float64, say) and the double-precision derivative is used.
 */
export type Float32BackwardKernel = (
  g: ArrayLike<number>,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  r: Float32Array,
) => boolean;

export function unaryFloat(
  t: Tensor,
  name: string,
  f: (x: number) => number,
  df: ((x: number, y: number) => number) | null,
  kernel?: ((x: Float32Array, y: Float32Array) => boolean) | null,
  diff?: UnaryDiff,
  backwardKernel?: Float32BackwardKernel | null,
): Tensor {
  const x = floatData(t);
  const n = x.length;
  const y = floats(n);
  if (!kernel?.(x, y)) for (let i = 0; i < n; i++) y[i] = f(x[i]);
  if (!(df && t.requiresGrad && isGradEnabled())) return Tensor.result(y, t.shape, null);
  // The differentiable form may use the output itself (exp, sqrt: PyTorch saves the result), with its graph.
  const out: Tensor = Tensor.result(y, t.shape, null);
  const node = new Node(
    name,
    [t],
    (g) => {
      const r = floats(n);
      if (!backwardKernel?.(g, x, y, r)) for (let i = 0; i < n; i++) r[i] = g[i] * df(x[i], y[i]);
      return [r];
    },
    diff ? (g) => [diff(g, t, out)] : null,
  );
  out.requiresGrad = true;
  out.gradFn = node;
  // PyTorch's saved tensor (its version is checked by backward): the result where the derivative is written
  // from it, nothing for frac, the input otherwise (log, sin, abs, the activations...).
  if (SAVES_RESULT.has(name)) node.saveOutput(out);
  else if (name !== 'FracBackward0') node.save(t);
  return out;
}

/** The unary nodes whose backward PyTorch 1.13 computes from the result (derivatives.yaml). */
const SAVES_RESULT = new Set([
  'ExpBackward0',
  'Exp2Backward0',
  'Expm1Backward0',
  'SqrtBackward0',
  'RsqrtBackward0',
  'ReciprocalBackward0',
  'TanBackward0',
]);

/** Ops whose gradient is zero everywhere it exists (round, floor, sign...): keep the input dtype. */
function piecewiseConstant(t: Tensor, name: string, f: (x: number) => number): Tensor {
  const x = t.data;
  const out = allocate(t.dtype, x.length);
  for (let i = 0; i < x.length; i++) out[i] = f(x[i]);
  if (!isFloatDType(t.dtype)) return new Tensor(out, t.shape, t.dtype);
  const node =
    t.requiresGrad && isGradEnabled()
      ? new Node(
          name,
          [t],
          (g) => [floats(g.length)],
          () => [constantLike(t, () => 0)],
        )
      : null;
  return Tensor.result(out as Float32Array, t.shape, node);
}

// float32: PyTorch's own e^x bits (sleefExp.ts), by the wasm kernel or the loop; float64 falls to Math.exp.
function expKernel(x: Float32Array, y: Float32Array): boolean {
  if (transcendentalWasm(TR_EXP, x, y)) return true;
  if (y instanceof Float32Array) expfLoop(x, y);
  else return false;
  return true;
}

export function exp(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'ExpBackward0',
    Math.exp,
    (_x, y) => y,
    expKernel,
    (g, _x, y) => mul(g, y),
  );
}
export function log(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'LogBackward0',
    Math.log,
    (x) => 1 / x,
    float32Kernel(logf),
    (g, x) => div(g, x),
  );
}
export function log2(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'Log2Backward0',
    Math.log2,
    (x) => 1 / (x * Math.LN2),
    float32Kernel(log2f),
    (g, x) => div(g, mul(x, Math.LN2)),
  );
}
export function log10(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'Log10Backward0',
    Math.log10,
    (x) => 1 / (x * Math.LN10),
    float32Kernel(log10f),
    (g, x) => div(g, mul(x, Math.LN10)),
  );
}
export function log1p(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'Log1PBackward0',
    Math.log1p,
    (x) => 1 / (1 + x),
    float32Kernel(log1pf),
    (g, x) => div(g, add(x, 1)),
  );
}
export function expm1(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'Expm1Backward0',
    Math.expm1,
    (_x, y) => y + 1,
    float32Kernel(expm1f),
    (g, _x, y) => mul(g, add(y, 1)),
  );
}
export function sqrt(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'SqrtBackward0',
    Math.sqrt,
    (_x, y) => 1 / (2 * y),
    null,
    (g, _x, y) => div(g, mul(y, 2)),
  );
}
/**
 * 1 / sqrt(x) as PyTorch computes it in float32 (vectorised and scalar code alike): the square root rounded to
 * float32, then the division rounded again (rounding the exact value once differs in about a quarter of values).
 */
const rsqrtf = (x: number) => 1 / Math.fround(Math.sqrt(x));
export function rsqrt(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'RsqrtBackward0',
    (x) => 1 / Math.sqrt(x),
    (x, y) => (-0.5 * y) / x,
    float32Kernel(rsqrtf),
    (g, _x, y) => mul(mul(g, pow(y, 3)), -0.5),
  );
}
export function reciprocal(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'ReciprocalBackward0',
    (x) => 1 / x,
    (_x, y) => -y * y,
    null,
    (g, _x, y) => mul(g, neg(mul(y, y))),
  );
}
export function sin(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'SinBackward0',
    Math.sin,
    (x) => Math.cos(x),
    sinKernel,
    (g, x) => mul(g, cos(x)),
  );
}
export function cos(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'CosBackward0',
    Math.cos,
    (x) => -Math.sin(x),
    cosKernel,
    (g, x) => mul(g, neg(sin(x))),
  );
}
export function tan(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'TanBackward0',
    Math.tan,
    (_x, y) => 1 + y * y,
    tanKernel,
    (g, _x, y) => mul(g, add(mul(y, y), 1)),
  );
}
export function asin(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'AsinBackward0',
    Math.asin,
    (x) => 1 / Math.sqrt(1 - x * x),
    float32Kernel(asinf),
    (g, x) => mul(g, rsqrt(sub(1, mul(x, x)))),
  );
}
export function acos(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'AcosBackward0',
    Math.acos,
    (x) => -1 / Math.sqrt(1 - x * x),
    float32Kernel(acosf),
    (g, x) => mul(g, neg(rsqrt(sub(1, mul(x, x))))),
  );
}
export function atan(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'AtanBackward0',
    Math.atan,
    (x) => 1 / (1 + x * x),
    float32Kernel(atanf),
    (g, x) => div(g, add(mul(x, x), 1)),
  );
}
export function sinh(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'SinhBackward0',
    Math.sinh,
    (x) => Math.cosh(x),
    vectorizedLoop(sinhf, glibcSinhf),
    (g, x) => mul(g, cosh(x)),
  );
}
export function cosh(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'CoshBackward0',
    Math.cosh,
    (x) => Math.sinh(x),
    vectorizedLoop(coshf, glibcCoshf),
    (g, x) => mul(g, sinh(x)),
  );
}

/** 2^x; the gradient is y * ln 2. */
export function exp2(t: Tensor): Tensor {
  return unaryFloat(
    t,
    'Exp2Backward0',
    (x) => Math.pow(2, x),
    (_x, y) => y * Math.LN2,
    null,
    (g, _x, y) => mul(g, mul(y, Math.LN2)),
  );
}

/** erf(x); the gradient is 2 / sqrt(pi) * exp(-x^2). */
export function erf(t: Tensor): Tensor {
  const k = 2 / Math.sqrt(Math.PI);
  return unaryFloat(
    t,
    'ErfBackward0',
    erfValue,
    (x) => k * Math.exp(-x * x),
    float32Kernel(sleefErff),
    (g, x) => mul(g, mul(exp(neg(mul(x, x))), k)),
  );
}

/** x - trunc(x), keeping the sign of x; the gradient is 1. Float tensors only, as PyTorch's kernel. */
export function frac(t: Tensor): Tensor {
  if (!isFloatDType(t.dtype)) throw pyError('RuntimeError', `"frac_cpu" not implemented for '${dtypeName(t.dtype)}'`);
  return unaryFloat(
    t,
    'FracBackward0',
    (x) => x - Math.trunc(x),
    () => 1,
    null,
    (g) => g,
  );
}

/** erf to double precision: Maclaurin series near 0, continued fraction for erfc in the tails. */
export function erfValue(x: number): number {
  const ax = Math.abs(x);
  if (ax < 3) {
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 100; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  if (ax > 6) return Math.sign(x);
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), evaluated bottom-up.
  let f = ax;
  for (let k = 60; k >= 1; k--) f = ax + k / 2 / f;
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  return Math.sign(x) * (1 - erfc);
}

/** x * x; PyTorch implements square as pow(x, 2), hence PowBackward0. */
export function square(t: Tensor): Tensor {
  if (!isFloatDType(t.dtype)) {
    const out = allocate(t.dtype === 'bool' ? 'int64' : t.dtype, t.data.length);
    for (let i = 0; i < out.length; i++) out[i] = t.data[i] * t.data[i];
    return new Tensor(out, t.shape);
  }
  return unaryFloat(
    t,
    'PowBackward0',
    (x) => x * x,
    (x) => 2 * x,
    null,
    (g, x) => mul(g, mul(x, 2)),
  );
}

export function abs(t: Tensor): Tensor {
  if (!isFloatDType(t.dtype)) {
    const out = allocate(t.dtype, t.data.length);
    for (let i = 0; i < out.length; i++) out[i] = Math.abs(t.data[i]);
    return new Tensor(out, t.shape, t.dtype);
  }
  return unaryFloat(
    t,
    'AbsBackward0',
    Math.abs,
    (x) => (x > 0 ? 1 : x < 0 ? -1 : 0),
    null,
    (g, x) => mul(g, sgn(x)),
  );
}

/** Round half to even, as torch.round (and NumPy) do; `decimals` scales by 10^decimals first. */
export function round(t: Tensor, decimals = 0): Tensor {
  const half = (x: number) => {
    const r = Math.round(x);
    return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
  };
  if (decimals === 0) return piecewiseConstant(t, 'RoundBackward0', half);
  const scale = Math.fround(Math.pow(10, decimals));
  return piecewiseConstant(t, 'RoundBackward1', (x) => Math.fround(half(Math.fround(x * scale))) / scale);
}
export function floor(t: Tensor): Tensor {
  return piecewiseConstant(t, 'FloorBackward0', Math.floor);
}
export function ceil(t: Tensor): Tensor {
  return piecewiseConstant(t, 'CeilBackward0', Math.ceil);
}
export function trunc(t: Tensor): Tensor {
  return piecewiseConstant(t, 'TruncBackward0', Math.trunc);
}
export function sign(t: Tensor): Tensor {
  return piecewiseConstant(t, 'SignBackward0', (x) => (x > 0 ? 1 : x < 0 ? -1 : x));
}
/** torch.sgn: sign for real tensors, its own node name (SgnBackward0). */
export function sgn(t: Tensor): Tensor {
  return piecewiseConstant(t, 'SgnBackward0', (x) => (x > 0 ? 1 : x < 0 ? -1 : x));
}

/**
 * clamp(min, max) with scalar bounds: ClampBackward1 (clamp_min and clamp_max are ops of their own in PyTorch,
 * named ClampMinBackward0 and ClampMaxBackward0); the gradient passes where min <= x <= max.
 */
export function clamp(
  t: Tensor,
  min: number | null = null,
  max: number | null = null,
  name = 'ClampBackward1',
): Tensor {
  if (min === null && max === null) {
    const err = new Error("torch.clamp: At least one of 'min' or 'max' must not be None");
    err.name = 'RuntimeError';
    throw err;
  }
  const lo = min === null ? -Infinity : t.dtype === 'float32' ? Math.fround(min) : min;
  const hi = max === null ? Infinity : t.dtype === 'float32' ? Math.fround(max) : max;
  const x = t.data;
  const n = x.length;
  const intOut =
    !isFloatDType(t.dtype) && Number.isInteger(lo === -Infinity ? 0 : lo) && Number.isInteger(hi === Infinity ? 0 : hi);
  const dtype = intOut ? (t.dtype === 'bool' ? 'int64' : t.dtype) : t.dtype === 'float64' ? 'float64' : 'float32';
  const out = allocate(dtype, n);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    // PyTorch's std::min(std::max(v, min), max): min first, so with min > max every element becomes max, and
    // std::max(-0, 0) keeps -0 where Math.max would not.
    const up = v < lo ? lo : v;
    out[i] = up > hi ? hi : up;
  }
  if (!isFloatDType(dtype) || !isFloatDType(t.dtype)) return new Tensor(out, t.shape, dtype);
  const node =
    t.requiresGrad && isGradEnabled()
      ? new Node(
          name,
          [t],
          (g) => {
            const r = floats(n);
            for (let i = 0; i < n; i++) r[i] = x[i] >= lo && x[i] <= hi ? g[i] : 0;
            return [r];
          },
          (g) => [
            mul(
              g,
              constantLike(t, (i) => (x[i] >= lo && x[i] <= hi ? 1 : 0)),
            ),
          ],
        ).save(t)
      : null;
  return Tensor.result(out as Float32Array, t.shape, node);
}

export function clamp_min(t: Tensor, min: number): Tensor {
  return clamp(t, min, null, 'ClampMinBackward0');
}
export function clamp_max(t: Tensor, max: number): Tensor {
  return clamp(t, null, max, 'ClampMaxBackward0');
}

const ERFINV_A = [0.886226899, -1.645349621, 0.914624893, -0.140543331].map(Math.fround);
const ERFINV_B = [-2.118377725, 1.442710462, -0.329097515, 0.012229801].map(Math.fround);
const ERFINV_C = [-1.970840454, -1.624906493, 3.429567803, 1.641345311].map(Math.fround);
const ERFINV_D = [3.5438892, 1.6370678].map(Math.fround);

/** c0 + z (c1 + z (c2 + z c3)) as fused multiply-adds (`fma`), highest coefficient first. */
function horner(coeffs: readonly number[], z: number, fma: (a: number, b: number, c: number) => number): number {
  let acc = coeffs[coeffs.length - 1];
  for (let i = coeffs.length - 2; i >= 0; i--) acc = fma(acc, z, coeffs[i]);
  return acc;
}

/**
 * ATen's calc_erfinv: a rational first guess, then two Newton steps. float32 rounds every step, with the
 * polynomials contracted to fused multiply-adds as the AVX2 build compiles them; nn.init.trunc_normal_ goes
 * through it.
 */
export function erfinvValue(y: number, float32 = true): number {
  const ay = Math.abs(y);
  if (ay > 1) return NaN;
  if (ay === 1) return y > 0 ? Infinity : -Infinity;
  const round = float32 ? Math.fround : (v: number) => v;
  const fma = float32 ? fmaf : (a: number, b: number, c: number) => a * b + c;
  let x: number;
  if (ay <= round(0.7)) {
    const z = round(y * y);
    const num = horner(ERFINV_A, z, fma);
    const dem = fma(horner(ERFINV_B, z, fma), z, 1);
    x = round(round(y * num) / dem);
  } else {
    const z = round(Math.sqrt(round(-round(Math.log(round(round(1 - ay) / 2))))));
    const num = horner(ERFINV_C, z, fma);
    const dem = fma(horner(ERFINV_D, z, fma), z, 1);
    x = round((y < 0 ? -num : num) / dem);
  }
  const k = round(2 / round(Math.sqrt(Math.PI)));
  for (let step = 0; step < 2; step++) {
    const e = round((float32 ? erff(x) : erfValue(x)) - y);
    x = round(x - round(e / round(k * round(Math.exp(round(-x * x))))));
  }
  return x;
}

/** erfinv(x); the gradient is sqrt(pi) / 2 * exp(erfinv(x)^2). */
export function erfinv(t: Tensor): Tensor {
  const k = Math.sqrt(Math.PI) / 2;
  return unaryFloat(
    t,
    'ErfinvBackward0',
    (x) => erfinvValue(x, t.dtype !== 'float64'),
    (_x, y) => k * Math.exp(y * y),
    null,
    (g, _x, y) => mul(g, mul(exp(mul(y, y)), k)),
  );
}
