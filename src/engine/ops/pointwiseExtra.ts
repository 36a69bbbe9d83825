// Elementwise ops of two or three tensors that tutorials and hand-written optimizers reach for: addcmul and
// addcdiv (self + value * t1 * t2, self + value * t1 / t2), hypot, logaddexp/logaddexp2, xlogy, fmax/fmin,
// heaviside, and the unary sinc and logit. Values follow PyTorch 1.13's CPU kernels step by step in float32
// (aten/src/ATen/native/cpu/PointwiseOpsKernel.cpp, BinaryOpsKernel.cpp, UnaryOpsKernel.cpp): contiguous
// operands take the vectorised code over blocks of 16 values (SLEEF's functions) and the scalar code (glibc's)
// over the rest, as float32Kernels.ts describes. Each records PyTorch's node (AddcmulBackward0, ...) whose
// backward is derivatives.yaml's formula written with recorded ops (so create_graph differentiates it again).
import { pyError } from '../errors';
import { Tensor, DType, allocate, isFloatDType } from '../tensor';
import { defaultFloatDType } from '../buffers';
import { numel, sameShape } from '../shape';
import { fmaDouble, fmaf } from '../random';
import { add, div, mul, neg, pow, rsub, sub } from './arith';
import { eq, ge, isnan, le, logical_not, logical_or, lt, gt, masked_fill, where } from './compare';
import { cos, exp, reciprocal, sin } from './unary';
import { diffNode, sumTo } from './gradOps';
import { commit } from './inplace';
import { notImplemented } from './modulo';
import { isGradEnabled } from '../autograd';
import {
  TensorLike,
  asTensor,
  broadcast,
  broadcastOffsets,
  combineCategories,
  dtypeName,
  isScalarOperand,
  promote,
} from './util';
import { BLOCK } from './float32Kernels';
import { expf } from './sleefExp';
import { log2f, logf } from './sleefLog';
import { powf } from './sleefPow';
import { glibcLogf } from './glibcLogf';
import { glibcAtan2f } from './glibcAtan2f';
import { atan2f } from './sleefTrig';
import { glibcLog2f } from './glibcLog2f';

const f32 = Math.fround;

/** The operands of an elementwise op walked together: their broadcast shape and per-operand offsets. */
interface Walk {
  shape: number[];
  n: number;
  /** Offsets into each operand per output element; null where the operand has the output's shape. */
  offsets: (Int32Array | null)[];
  /** The length of the rows PyTorch's loop runs over (its innermost dim once the dims that can merge have). */
  inner: number;
  /** Whether its vectorised loop runs over those rows (every operand contiguous, or all but one, which repeats one value). */
  vectorised: boolean;
}

function walk(ts: readonly Tensor[], op: string): Walk {
  let shape = ts[0].shape.slice();
  for (let k = 1; k < ts.length; k++) shape = broadcast(shape, ts[k].shape, op);
  const n = numel(shape);
  const offsets = ts.map((t) => (sameShape(t.shape, shape) ? null : broadcastOffsets(t.shape, shape, n)));
  const { inner, strides } = innerRows(ts, shape);
  const scalars = strides.filter((s) => s === 0).length;
  const vectorised = strides.every((s) => s === 0 || s === 1) && (scalars === 0 || (scalars === 1 && ts.length > 1));
  return { shape, n, offsets, inner, vectorised };
}

/**
 * TensorIterator's innermost row: dims of size 1 dropped, then neighbouring dims merged while every operand
 * steps through them as through one dim; each operand's element stride along that row (0: one value repeated).
 */
function innerRows(ts: readonly Tensor[], shape: readonly number[]): { inner: number; strides: number[] } {
  const dims = shape.map((_, d) => d).filter((d) => shape[d] !== 1);
  if (dims.length === 0) return { inner: 1, strides: ts.map(() => 1) };
  const strideOf = (t: Tensor, d: number) => {
    const k = d - (shape.length - t.shape.length);
    if (k < 0 || t.shape[k] === 1) return 0;
    let s = 1;
    for (let j = k + 1; j < t.shape.length; j++) s *= t.shape[j];
    return s;
  };
  const last = dims[dims.length - 1];
  let inner = shape[last];
  const strides = ts.map((t) => strideOf(t, last));
  for (let j = dims.length - 2; j >= 0; j--) {
    const d = dims[j];
    if (!ts.every((t, k) => strideOf(t, d) === strides[k] * inner)) break;
    inner *= shape[d];
  }
  return { inner, strides };
}

const at = (t: Tensor, w: Walk, k: number, i: number) => t.data[w.offsets[k] ? w.offsets[k]![i] : i];

/** Values per element: `vec` over whole blocks of 16 when vectorised, `scalar` elsewhere (float32 only). */
function fill(
  ts: readonly Tensor[],
  w: Walk,
  dtype: DType,
  vec: (...v: number[]) => number,
  scalar: (...v: number[]) => number,
  double: (...v: number[]) => number,
) {
  const out = allocate(dtype, w.n);
  // Per row: whole blocks of 16 through the vectorised code, the rest (and every value without it) scalar.
  const full = dtype === 'float32' && w.vectorised ? w.inner - (w.inner % BLOCK) : 0;
  const fn = (i: number) => (dtype !== 'float32' ? double : i % w.inner < full ? vec : scalar);
  const v = new Array<number>(ts.length);
  for (let i = 0; i < w.n; i++) {
    for (let k = 0; k < ts.length; k++) v[k] = at(ts[k], w, k, i);
    out[i] = fn(i)(...v);
  }
  return out;
}

/**
 * The dtype of an op over several tensors (torch.result_type): dimensioned tensors decide, 0-d ones only lift
 * the category; lifted to the default float dtype when `toFloat` (xlogy, sinc, logit of integers).
 */
function resultDType(ts: readonly Tensor[], toFloat: boolean): DType {
  let dims: DType | null = null;
  let zeros: DType | null = null;
  for (const t of ts) {
    if (t.shape.length > 0) dims = dims === null ? t.dtype : promote(dims, t.dtype);
    else zeros = zeros === null ? t.dtype : promote(zeros, t.dtype);
  }
  const d = dims === null ? zeros! : zeros === null ? dims : combineCategories(dims, zeros);
  return toFloat && !isFloatDType(d) ? defaultFloatDType() : d;
}

function requireFloat(d: DType, kernel: string): void {
  if (!isFloatDType(d)) throw pyError('RuntimeError', `"${kernel}" not implemented for '${dtypeName(d)}'`);
}

// ---- addcmul / addcdiv -------------------------------------------------------------------------------

/** The checks and the walk shared by addcmul and addcdiv. */
function ternary(self: Tensor, t1: Tensor, t2: Tensor, op: string): { w: Walk; dtype: DType } {
  const w = walk([self, t1, t2], op);
  return { w, dtype: resultDType([self, t1, t2], false) };
}

/**
 * torch.addcmul: self + value * t1 * t2, in float32 as PyTorch's AVX2 kernel computes it: the compiler fuses
 * the last multiply with the add, fma(value * t1, t2, self) (the optimizers' exp_avg_sq updates rely on it).
 */
export function addcmul(self: Tensor, t1: Tensor, t2: Tensor, value = 1): Tensor {
  const { w, dtype } = ternary(self, t1, t2, 'addcmul');
  const ts = [self, t1, t2];
  const vF = f32(value);
  const single = (s: number, a: number, b: number) => fmaf(f32(vF * a), b, s);
  const double = isFloatDType(dtype)
    ? (s: number, a: number, b: number) => fmaDouble(value * a, b, s)
    : (s: number, a: number, b: number) => s + Math.trunc(value) * a * b;
  const out = new Tensor(fill(ts, w, dtype, single, single, double), w.shape, dtype);
  return diffNode('AddcmulBackward0', ts, out, (g) => [
    self.requiresGrad ? sumTo(g, self.shape) : null,
    t1.requiresGrad ? sumTo(mul(g, mul(t2, value)), t1.shape) : null,
    t2.requiresGrad ? sumTo(mul(g, mul(t1, value)), t2.shape) : null,
  ]);
}

/** torch.addcdiv: self + value * t1 / t2 (each step rounded to float32: a division does not fuse). */
export function addcdiv(self: Tensor, t1: Tensor, t2: Tensor, value = 1): Tensor {
  if (!isFloatDType(t1.dtype) && !isFloatDType(t2.dtype)) {
    throw pyError(
      'RuntimeError',
      'Integer division with addcdiv is no longer supported, and in a future release addcdiv will perform ' +
        'a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as ' +
        '(input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as ' +
        '(input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter ' +
        'implementation: (input + value * tensor1 / tensor2), for all dtypes.',
    );
  }
  const { w, dtype } = ternary(self, t1, t2, 'addcdiv');
  const ts = [self, t1, t2];
  const vF = f32(value);
  const single = (s: number, a: number, b: number) => f32(s + f32(f32(vF * a) / b));
  const double = (s: number, a: number, b: number) => s + (value * a) / b;
  const out = new Tensor(fill(ts, w, dtype, single, single, double), w.shape, dtype);
  return diffNode('AddcdivBackward0', ts, out, (g) => [
    self.requiresGrad ? sumTo(g, self.shape) : null,
    t1.requiresGrad ? sumTo(mul(g, div(value, t2)), t1.shape) : null,
    t2.requiresGrad ? sumTo(mul(neg(g), div(mul(t1, value), mul(t2, t2))), t2.shape) : null,
  ]);
}

export function addcmul_(t: Tensor, t1: Tensor, t2: Tensor, value = 1): Tensor {
  return commit(t, [t1, t2], (x, same) => addcmul(x, same(t1) as Tensor, same(t2) as Tensor, value));
}

export function addcdiv_(t: Tensor, t1: Tensor, t2: Tensor, value = 1): Tensor {
  return commit(t, [t1, t2], (x, same) => addcdiv(x, same(t1) as Tensor, same(t2) as Tensor, value));
}

// ---- binary ops ----------------------------------------------------------------------------------------

/** The tensor operands of a binary op (a Python number becomes a 0-d tensor of its dtype beside the other). */
function operands(a: TensorLike, b: TensorLike): [Tensor, Tensor] {
  return [asTensor(a, b), asTensor(b, a)];
}

/** Only the operands that are tensors of the learner's (a Python number gets no gradient slot). */
function gradInputs(a: TensorLike, b: TensorLike, A: Tensor, B: Tensor): Tensor[] {
  return [...(isScalarOperand(a) ? [] : [A]), ...(isScalarOperand(b) ? [] : [B])];
}

/** A binary op's node over its tensor operands, from the gradients of both (null where not needed). */
function binaryNode(
  name: string,
  a: TensorLike,
  b: TensorLike,
  A: Tensor,
  B: Tensor,
  out: Tensor,
  grads: (g: Tensor) => [Tensor | null, Tensor | null],
): Tensor {
  const inputs = gradInputs(a, b, A, B);
  return diffNode(name, inputs, out, (g) => {
    const [ga, gb] = grads(g);
    const r: (Tensor | null)[] = [];
    if (!isScalarOperand(a)) r.push(A.requiresGrad && ga ? sumTo(ga, A.shape) : null);
    if (!isScalarOperand(b)) r.push(B.requiresGrad && gb ? sumTo(gb, B.shape) : null);
    return r;
  });
}

/** torch.hypot: sqrt(a^2 + b^2) without overflow, correctly rounded (SLEEF's hypotf_u05, glibc's hypotf). */
export function hypot(a: TensorLike, b: TensorLike): Tensor {
  const [A, B] = operands(a, b);
  const dtype = resultDType([A, B], false);
  requireFloat(dtype, 'hypot_cpu');
  const w = walk([A, B], 'hypot');
  const h = (x: number, y: number) => f32(Math.hypot(x, y));
  const out = new Tensor(fill([A, B], w, dtype, h, h, Math.hypot), w.shape, dtype);
  return binaryNode('HypotBackward0', a, b, A, B, out, (g) => [div(mul(g, A), out), div(mul(g, B), out)]);
}

/**
 * torch.atan2(y, x): the angle of the point (x, y), in (-pi, pi]; integer operands give the default float dtype.
 * SLEEF's atan2f_u10 over whole blocks, glibc's atan2f elsewhere (each operand first cast to float32).
 */
export function atan2(a: TensorLike, b: TensorLike): Tensor {
  const [A, B] = operands(a, b);
  const dtype = resultDType([A, B], true);
  const w = walk([A, B], 'atan2');
  const vec = (y: number, x: number) => atan2f(f32(y), f32(x));
  const scalar = (y: number, x: number) => glibcAtan2f(f32(y), f32(x));
  const out = new Tensor(fill([A, B], w, dtype, vec, scalar, Math.atan2), w.shape, dtype);
  return binaryNode('Atan2Backward0', a, b, A, B, out, (g) => {
    // atan2_backward: both gradients share 1 / (y^2 + x^2).
    const recip = reciprocal(add(mul(A, A), mul(B, B)));
    return [mul(mul(g, B), recip), mul(mul(g, neg(A)), recip)];
  });
}

/** log(e^a + e^b) as max(a, b) + log(1 + e^-|a - b|); equal infinities give themselves. */
export function logaddexp(a: TensorLike, b: TensorLike): Tensor {
  return logAddExpOf(a, b, false);
}

/** log2(2^a + 2^b) as max(a, b) + log2(1 + 2^-|a - b|). */
export function logaddexp2(a: TensorLike, b: TensorLike): Tensor {
  return logAddExpOf(a, b, true);
}

function logAddExpOf(a: TensorLike, b: TensorLike, base2: boolean): Tensor {
  const [A, B] = operands(a, b);
  const dtype = resultDType([A, B], false);
  requireFloat(dtype, base2 ? 'logaddexp2_cpu' : 'logaddexp_cpu');
  const w = walk([A, B], base2 ? 'logaddexp2' : 'logaddexp');
  const special = (x: number, y: number) => Math.abs(x) === Infinity && x === y;
  const maxOf = (x: number, y: number) => (x !== x || y !== y ? NaN : x > y ? x : y);
  // PyTorch 1.13 adds 1 before the log: m + log(1 + e^-|a - b|), m + log2(1 + 2^-|a - b|).
  const vec = base2
    ? (x: number, y: number) => (special(x, y) ? x : f32(maxOf(x, y) + log2f(f32(1 + powf(2, -Math.abs(f32(x - y)))))))
    : (x: number, y: number) => (special(x, y) ? x : f32(maxOf(x, y) + logf(f32(1 + expf(-Math.abs(f32(x - y)))))));
  const scalar = base2
    ? (x: number, y: number) =>
        special(x, y) ? x : f32(maxOf(x, y) + glibcLog2f(f32(1 + f32(Math.pow(2, -Math.abs(f32(x - y)))))))
    : (x: number, y: number) =>
        special(x, y) ? x : f32(maxOf(x, y) + glibcLogf(f32(1 + f32(Math.exp(-Math.abs(f32(x - y)))))));
  const double = base2
    ? (x: number, y: number) => (special(x, y) ? x : maxOf(x, y) + Math.log2(1 + Math.pow(2, -Math.abs(x - y))))
    : (x: number, y: number) => (special(x, y) ? x : maxOf(x, y) + Math.log(1 + Math.exp(-Math.abs(x - y))));
  const out = new Tensor(fill([A, B], w, dtype, vec, scalar, double), w.shape, dtype);
  const grow = (d: Tensor) => add(base2 ? pow(2, d) : exp(d), 1);
  return binaryNode(base2 ? 'Logaddexp2Backward0' : 'LogaddexpBackward0', a, b, A, B, out, (g) => [
    div(g, grow(sub(B, A))),
    div(g, grow(sub(A, B))),
  ]);
}

/** x * log(y), 0 where x is 0 (and y is not NaN): XlogyBackward0, 1 (number x) or 2 (number y). */
export function xlogy(a: TensorLike, b: TensorLike): Tensor {
  const [A, B] = operands(a, b);
  const dtype = resultDType([A, B], true);
  const w = walk([A, B], 'xlogy');
  const single = (x: number, y: number) => (y !== y ? NaN : x === 0 ? 0 : f32(x * glibcLogf(y)));
  const double = (x: number, y: number) => (y !== y ? NaN : x === 0 ? 0 : x * Math.log(y));
  const out = new Tensor(fill([A, B], w, dtype, single, single, double), w.shape, dtype);
  const name = isScalarOperand(a) ? 'XlogyBackward1' : isScalarOperand(b) ? 'XlogyBackward2' : 'XlogyBackward0';
  // PyTorch 1.13's derivatives.yaml: xlogy(g, y) for x (its scalar glibc-log kernel, not torch.log's), 0 where
  // x is 0 and y <= 0; g * x / y for y.
  const xGrad = (g: Tensor) => masked_fill(xlogy(g, B), logical_not(logical_or(logical_not(eq(A, 0)), gt(B, 0))), 0);
  return binaryNode(name, a, b, A, B, out, (g) => [xGrad(g), div(mul(g, A), B)]);
}

/** torch.fmax/fmin: the larger (smaller) value, a NaN losing to a number; ties send the gradient to a. */
export function fmax(a: TensorLike, b: TensorLike): Tensor {
  return fextremum(a, b, true);
}

export function fmin(a: TensorLike, b: TensorLike): Tensor {
  return fextremum(a, b, false);
}

function fextremum(a: TensorLike, b: TensorLike, isMax: boolean): Tensor {
  const [A, B] = operands(a, b);
  const dtype = resultDType([A, B], false);
  if (dtype === 'bool') throw pyError('RuntimeError', `"${isMax ? 'fmax' : 'fmin'}_cpu" not implemented for 'Bool'`);
  const w = walk([A, B], isMax ? 'fmax' : 'fmin');
  // On ties (0 and -0) PyTorch's kernel returns a.
  const pick = (x: number, y: number) => (x !== x ? y : y !== y ? x : isMax ? (x < y ? y : x) : y < x ? y : x);
  const out = new Tensor(fill([A, B], w, dtype, pick, pick, pick), w.shape, dtype);
  if (!isFloatDType(dtype)) return out;
  // derivatives.yaml: a keeps g where a >= b (a <= b) or b is NaN, b takes the rest.
  const toA = () => logical_or(isMax ? ge(A, B) : le(A, B), isnan(B));
  return binaryNode(isMax ? 'FmaxBackward0' : 'FminBackward0', a, b, A, B, out, (g) => [
    masked_fill(g, logical_not(toA()), 0),
    masked_fill(g, toA(), 0),
  ]);
}

/** torch.heaviside(x, values): 0 below zero, 1 above, `values` at zero; PyTorch has no derivative for it. */
export function heaviside(x: Tensor, values: Tensor): Tensor {
  if (x.dtype !== values.dtype) {
    throw pyError('RuntimeError', 'heaviside is not yet implemented for tensors with different dtypes');
  }
  const w = walk([x, values], 'heaviside');
  const step = (v: number, at0: number) => (v === 0 ? at0 : v > 0 ? 1 : 0);
  const out = new Tensor(fill([x, values], w, x.dtype, step, step, step), w.shape, x.dtype);
  if (!isFloatDType(x.dtype) || !isGradEnabled() || !(x.requiresGrad || values.requiresGrad)) return out;
  return Tensor.result(out.data as Float32Array, out.shape, notImplemented('heaviside', [x, values]));
}

// ---- unary ops -----------------------------------------------------------------------------------------

const PI_F = f32(Math.PI);

/** sin(pi x) / (pi x), 1 at 0 (a scalar kernel: glibc's sinf on pi x rounded to float32). */
export function sinc(t: Tensor): Tensor {
  const dtype = isFloatDType(t.dtype) ? t.dtype : defaultFloatDType();
  const w = walk([t], 'sinc');
  const single = (x: number) => {
    if (x === 0) return 1;
    const p = f32(PI_F * x);
    return f32(f32(Math.sin(p)) / p);
  };
  const double = (x: number) => (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x));
  const out = new Tensor(fill([t], w, dtype, single, single, double), w.shape, dtype);
  return diffNode('SincBackward0', [t], out, (g) => {
    const xpi = mul(t, Math.PI);
    const x2pi = mul(mul(t, t), Math.PI);
    const r = div(mul(g, sub(mul(xpi, cos(xpi)), sin(xpi))), x2pi);
    return [where(eq(x2pi, 0), 0, r)];
  });
}

/** log(x / (1 - x)), x first clamped to [eps, 1 - eps] when eps is given. */
export function logit(t: Tensor, eps: number | null = null): Tensor {
  const dtype = isFloatDType(t.dtype) ? t.dtype : defaultFloatDType();
  const w = walk([t], 'logit');
  const lo = eps === null || eps < 0 ? null : dtype === 'float32' ? f32(eps) : eps;
  const hi = lo === null ? null : dtype === 'float32' ? f32(1 - lo) : 1 - lo;
  const clamp = (x: number) => (lo === null ? x : x < lo ? lo : x > hi! ? hi! : x);
  const vec = (v: number) => {
    const x = clamp(v);
    return logf(f32(x / f32(1 - x)));
  };
  const scalar = (v: number) => {
    const x = clamp(v);
    return x === 1 ? Infinity : glibcLogf(f32(x / f32(1 - x)));
  };
  const double = (v: number) => {
    const x = clamp(v);
    return x === 1 ? Infinity : Math.log(x / (1 - x));
  };
  const out = new Tensor(fill([t], w, dtype, vec, scalar, double), w.shape, dtype);
  return diffNode('LogitBackward0', [t], out, (g) => {
    // logit_backward: g / (x (1 - x)) inside the range, NaN outside [0, 1] (no eps) or 0 outside [eps, 1 - eps].
    const r = div(g, mul(t, rsub(t, 1)));
    const outside = logical_or(lt(t, lo ?? 0), gt(t, hi ?? 1));
    return [where(outside, lo === null ? NaN : 0, r)];
  });
}

/** The in-place forms of the elementwise ops here (x.hypot_(y), x.sinc_(), x.logit_(eps), ...). */
export const pointwiseInplace = {
  hypot_: (t: Tensor, o: TensorLike) => commit(t, [o], (x, same) => hypot(x, same(o))),
  atan2_: (t: Tensor, o: TensorLike) => commit(t, [o], (x, same) => atan2(x, same(o))),
  xlogy_: (t: Tensor, o: TensorLike) => commit(t, [o], (x, same) => xlogy(x, same(o))),
  heaviside_: (t: Tensor, o: Tensor) => commit(t, [o], (x, same) => heaviside(x, same(o) as Tensor)),
  sinc_: (t: Tensor) => commit(t, [], (x) => sinc(x)),
  logit_: (t: Tensor, eps: number | null = null) => commit(t, [], (x) => logit(x, eps)),
};
