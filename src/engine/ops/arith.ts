// Elementwise arithmetic with broadcasting. Each op computes its forward value with a direct loop per
// broadcast layout (no per-element closures: these run thousands of times per training step) and records,
// beside it, how the gradient flows back to each input.
import { pyError } from '../errors';
import { Node, isGradEnabled } from '../autograd';
import { Tensor, allocate, floats, isFloatDType } from '../tensor';
import {
  A_SCALAR,
  B_SCALAR,
  BinaryPlan,
  SAME,
  TensorLike,
  asTensor,
  floatData,
  wrapInts,
  binaryMap,
  binaryPlan,
  indexA,
  indexB,
  isScalarOperand,
  broadcast,
  broadcastOffsets,
  dtypeName,
  reduceTo,
  promoteOperands,
} from './util';
import { Shape, numel, sameShape } from '../shape';
import { roundedDiv } from './modulo';
import { log, reciprocal } from './unary';
import { sumTo } from './gradOps';
import { powfLoop } from './sleefPow';
import { EW_ADD, EW_MUL, EW_SUB_SCALED, fastBinary } from './fastBinary';

export { binaryMap } from './util';

function record(a: Tensor, b: Tensor): boolean {
  return isGradEnabled() && (a.requiresGrad || b.requiresGrad);
}

/** out = ca * x + cb * y over the plan (add, sub, rsub). */
function combine(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  out: Float32Array | Float64Array | Uint8Array,
  p: BinaryPlan,
  cb: number,
): void {
  if (fastBinary(cb === 1 ? EW_ADD : EW_SUB_SCALED, x, y, out, p, cb)) return;
  const n = out.length;
  if (cb === 1) {
    if (p.mode === SAME) for (let i = 0; i < n; i++) out[i] = x[i] + y[i];
    else if (p.mode === B_SCALAR) {
      const s = y[0];
      for (let i = 0; i < n; i++) out[i] = x[i] + s;
    } else if (p.mode === A_SCALAR) {
      const s = x[0];
      for (let i = 0; i < n; i++) out[i] = s + y[i];
    } else {
      const ia = p.ia!;
      const ib = p.ib!;
      for (let i = 0; i < n; i++) out[i] = x[ia[i]] + y[ib[i]];
    }
  } else if (cb === -1) {
    if (p.mode === SAME) for (let i = 0; i < n; i++) out[i] = x[i] - y[i];
    else if (p.mode === B_SCALAR) {
      const s = y[0];
      for (let i = 0; i < n; i++) out[i] = x[i] - s;
    } else if (p.mode === A_SCALAR) {
      const s = x[0];
      for (let i = 0; i < n; i++) out[i] = s - y[i];
    } else {
      const ia = p.ia!;
      const ib = p.ib!;
      for (let i = 0; i < n; i++) out[i] = x[ia[i]] - y[ib[i]];
    }
  } else {
    // PyTorch 1.13's kernel is fmadd(y, alpha, x): one rounding. For float32 operands the product is exact in
    // a double, so x + cb * y rounded once to float32 is that fused result (bar a double-rounding tie).
    const at = (i: number, j: number) => x[i] + cb * y[j];
    if (p.mode === SAME) for (let i = 0; i < n; i++) out[i] = at(i, i);
    else if (p.mode === B_SCALAR) for (let i = 0; i < n; i++) out[i] = at(i, 0);
    else if (p.mode === A_SCALAR) for (let i = 0; i < n; i++) out[i] = at(0, i);
    else for (let i = 0; i < n; i++) out[i] = at(p.ia![i], p.ib![i]);
  }
}

function linearOp(a: TensorLike, b: TensorLike, cb: number, op: string, name: string): Tensor {
  const A = asTensor(a, b);
  const B = asTensor(b, a);
  const dtype = promoteOperands(A, B);
  const p = binaryPlan(A.shape, B.shape, op);
  const out = allocate(dtype, p.n);
  combine(A.data, B.data, out, p, dtype === 'float32' ? Math.fround(cb) : cb);
  if (dtype === 'bool') for (let i = 0; i < out.length; i++) out[i] = out[i] ? 1 : 0;
  if (!isFloatDType(dtype)) {
    wrapInts(out, dtype);
    return new Tensor(out, p.shape, dtype);
  }
  const node = record(A, B)
    ? new Node(
        name,
        [A, B],
        (g) => [
          A.requiresGrad ? reduceTo(g, p.shape, A.shape) : null,
          // PyTorch multiplies by alpha as a scalar of the tensor's dtype.
          B.requiresGrad ? reduceTo(g, p.shape, B.shape, dtype === 'float32' ? Math.fround(cb) : cb) : null,
        ],
        (g) => [
          A.requiresGrad ? sumTo(g, A.shape) : null,
          B.requiresGrad ? sumTo(cb === 1 ? g : cb === -1 ? neg(g) : mul(g, cb), B.shape) : null,
        ],
      )
    : null;
  return Tensor.result(out as Float32Array, p.shape, node);
}

/** a + alpha * b */
export function add(a: TensorLike, b: TensorLike, alpha = 1): Tensor {
  return linearOp(a, b, alpha, 'add', 'AddBackward0');
}

/** PyTorch's sub_check: no subtraction with a bool operand (a Python bool counts). */
function checkSub(a: TensorLike, b: TensorLike): void {
  const isBool = (x: TensorLike) => typeof x === 'boolean' || (x instanceof Tensor && x.dtype === 'bool');
  if (isBool(a) && isBool(b)) {
    throw pyError(
      'RuntimeError',
      'Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.',
    );
  }
  if (isBool(a) || isBool(b)) {
    throw pyError(
      'RuntimeError',
      'Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or ' +
        '`logical_not()` operator instead.',
    );
  }
}

/** a - alpha * b */
export function sub(a: TensorLike, b: TensorLike, alpha = 1): Tensor {
  checkSub(a, b);
  return linearOp(a, b, -alpha, 'sub', 'SubBackward0');
}

/** b - alpha * a: what `2 - x` calls (`x.__rsub__(2)`); RsubBackward1 when b is a Python scalar. */
export function rsub(a: TensorLike, b: TensorLike, alpha = 1): Tensor {
  checkSub(a, b);
  return linearOp(
    asTensor(b, a),
    asTensor(a, b),
    -alpha,
    'rsub',
    isScalarOperand(b) ? 'RsubBackward1' : 'RsubBackward0',
  );
}

function mulLoop(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  out: Float32Array | Float64Array | Uint8Array,
  p: BinaryPlan,
): void {
  if (fastBinary(EW_MUL, x, y, out, p)) return;
  const n = out.length;
  if (p.mode === SAME) for (let i = 0; i < n; i++) out[i] = x[i] * y[i];
  else if (p.mode === B_SCALAR) {
    const s = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] * s;
  } else if (p.mode === A_SCALAR) {
    const s = x[0];
    for (let i = 0; i < n; i++) out[i] = s * y[i];
  } else {
    const ia = p.ia!;
    const ib = p.ib!;
    for (let i = 0; i < n; i++) out[i] = x[ia[i]] * y[ib[i]];
  }
}

/** Gradient of `g * other` reduced to the operand's shape: d(ab)/da = b. */
function mulGrad(
  g: Float32Array,
  other: ArrayLike<number>,
  p: BinaryPlan,
  selfIsA: boolean,
  selfShape: Shape,
): Float32Array {
  const n = g.length;
  const full = floats(n);
  const oth = selfIsA ? p.ib : p.ia;
  if (p.mode === SAME) for (let i = 0; i < n; i++) full[i] = g[i] * other[i];
  else if (oth === null && other.length === 1) {
    const s = other[0];
    for (let i = 0; i < n; i++) full[i] = g[i] * s;
  } else if (oth === null) for (let i = 0; i < n; i++) full[i] = g[i] * other[i];
  else for (let i = 0; i < n; i++) full[i] = g[i] * other[oth[i]];
  return reduceTo(full, p.shape, selfShape);
}

export function mul(a: TensorLike, b: TensorLike): Tensor {
  const A = asTensor(a, b);
  const B = asTensor(b, a);
  const dtype = promoteOperands(A, B);
  const p = binaryPlan(A.shape, B.shape, 'mul');
  const out = allocate(dtype, p.n);
  mulLoop(A.data, B.data, out, p);
  if (!isFloatDType(dtype)) {
    wrapInts(out, dtype);
    return new Tensor(out, p.shape, dtype);
  }
  const node = record(A, B)
    ? new Node(
        'MulBackward0',
        [A, B],
        (g) => [
          A.requiresGrad ? mulGrad(g, B.data, p, true, A.shape) : null,
          B.requiresGrad ? mulGrad(g, A.data, p, false, B.shape) : null,
        ],
        // A Python-number operand stays a scalar (not a 0-d tensor) for dtype promotion.
        (g) => [
          A.requiresGrad ? sumTo(mul(g, isScalarOperand(b) ? b : B), A.shape) : null,
          B.requiresGrad ? sumTo(mul(g, isScalarOperand(a) ? a : A), B.shape) : null,
        ],
      )
        // Each operand is saved when the other's gradient needs it (PyTorch's should_compute_output).
        .save(A, B.requiresGrad)
        .save(B, A.requiresGrad)
    : null;
  return Tensor.result(out as Float32Array, p.shape, node);
}

/** True division (always float, like Python's `/`); rounding_mode 'trunc' or 'floor' as torch.div. */
export function div(a: TensorLike, b: TensorLike, roundingMode: 'trunc' | 'floor' | null = null): Tensor {
  let A = asTensor(a, b);
  let B = asTensor(b, a);
  if (roundingMode !== null) return roundedDiv(A, B, roundingMode);
  if (!isFloatDType(A.dtype)) A = Tensor.result(floatData(A), A.shape, null);
  if (!isFloatDType(B.dtype)) B = Tensor.result(floatData(B), B.shape, null);
  const p = binaryPlan(A.shape, B.shape, 'div');
  const x = A.data;
  const y = B.data;
  const n = p.n;
  const out = floats(n);
  if (p.mode === SAME) for (let i = 0; i < n; i++) out[i] = x[i] / y[i];
  else if (p.mode === B_SCALAR) {
    const s = y[0];
    for (let i = 0; i < n; i++) out[i] = x[i] / s;
  } else if (p.mode === A_SCALAR) {
    const s = x[0];
    for (let i = 0; i < n; i++) out[i] = s / y[i];
  } else {
    const ia = p.ia!;
    const ib = p.ib!;
    for (let i = 0; i < n; i++) out[i] = x[ia[i]] / y[ib[i]];
  }
  const node = record(A, B)
    ? new Node(
        'DivBackward0',
        [A, B],
        (g) => {
          let ga: Float32Array | null = null;
          let gb: Float32Array | null = null;
          if (A.requiresGrad || B.requiresGrad) {
            const fa = floats(n);
            const fb = B.requiresGrad ? floats(n) : null;
            const f = fb instanceof Float32Array ? Math.fround : (v: number) => v;
            for (let i = 0; i < n; i++) {
              const yi = p.mode === SAME || p.mode === A_SCALAR ? y[i] : p.mode === B_SCALAR ? y[0] : y[p.ib![i]];
              fa[i] = g[i] / yi;
              // d(a/b)/db = -a/b^2: PyTorch's -grad * ((a / b) / b), the quotient rounded before the product
              if (fb) fb[i] = -g[i] * f(out[i] / yi);
            }
            if (A.requiresGrad) ga = reduceTo(fa, p.shape, A.shape);
            if (fb) gb = reduceTo(fb, p.shape, B.shape);
          }
          return [ga, gb];
        },
        divDiff(A, B),
      )
        .save(A, B.requiresGrad)
        .save(B)
    : null;
  return Tensor.result(out, p.shape, node);
}

/** d(a/b) = g / b and -g * a / b^2, as recorded ops (PyTorch's div backward formulas). */
function divDiff(A: Tensor, B: Tensor) {
  return (g: Tensor) => [
    A.requiresGrad ? sumTo(div(g, B), A.shape) : null,
    B.requiresGrad ? sumTo(div(mul(neg(g), A), mul(B, B)), B.shape) : null,
  ];
}

export function neg(a: Tensor): Tensor {
  if (a.dtype === 'bool') {
    throw pyError(
      'RuntimeError',
      'Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.',
    );
  }
  const x = a.data;
  const out = allocate(a.dtype, x.length);
  for (let i = 0; i < x.length; i++) out[i] = -x[i];
  if (!isFloatDType(a.dtype)) return new Tensor(out, a.shape, a.dtype);
  const node = record(a, a)
    ? new Node(
        'NegBackward0',
        [a],
        (g) => {
          const r = floats(g.length);
          for (let i = 0; i < g.length; i++) r[i] = -g[i];
          return [r];
        },
        (g) => [neg(g)],
      )
    : null;
  return Tensor.result(out as Float32Array, a.shape, node);
}

/** Integer power as ATen's powi: a negative exponent gives 0 except for bases 1 and -1. */
function intPow(x: number, y: number): number {
  if (y >= 0) return Math.pow(x, y);
  if (x === 1) return 1;
  if (x === -1) return y % 2 === 0 ? 1 : -1;
  return 0;
}

/**
 * a ** b. A scalar exponent (a Python number) gives PowBackward0, tensors on both sides PowBackward1 and a
 * scalar base PowBackward2 (`torch.pow(2, x)`; `2 ** x` is rpow).
 */
export function pow(a: TensorLike, b: TensorLike): Tensor {
  if (a instanceof Tensor && isScalarOperand(b))
    return powScalar(a, Number(b instanceof Tensor ? b.data[0] : b), b instanceof Tensor);
  return powTensor(a, b, isScalarOperand(a) ? 'PowBackward2' : 'PowBackward1');
}

/** `s ** x` (`x.__rpow__(s)`): PyTorch 1.13 wraps s into a tensor first, hence PowBackward1. */
export function rpow(x: Tensor, s: TensorLike): Tensor {
  return powTensor(s, x, 'PowBackward1');
}

function powTensor(a: TensorLike, b: TensorLike, name: string): Tensor {
  const A = asTensor(a, b);
  const B = asTensor(b, a);
  const dtype = promoteOperands(A, B);
  if (!isFloatDType(dtype)) return binaryMap(A, B, 'pow', dtype === 'bool' ? 'int64' : dtype, intPow);
  const out = binaryMap(A, B, 'pow', dtype, (x, y) => Math.pow(x, y));
  const p = binaryPlan(A.shape, B.shape, 'pow');
  // float32 in one flat loop (same shapes, or a scalar on one side): PyTorch's SLEEF powf, as sleefPow.ts.
  const flat = sameShape(A.shape, B.shape) || numel(A.shape) === 1 || numel(B.shape) === 1;
  if (flat && out.data instanceof Float32Array) powfLoop(A.data, B.data, indexer(p, true), indexer(p, false), out.data);
  if (!record(A, B)) return out;
  const y = out.data as Float32Array;
  const xa = A.data;
  const xb = B.data;
  const node = new Node(
    name,
    [A, B],
    (g) => {
      const n = g.length;
      let ga: Float32Array | null = null;
      let gb: Float32Array | null = null;
      if (A.requiresGrad) {
        const f = floats(n);
        for (let i = 0; i < n; i++) {
          const e = xb[indexB(p, i)];
          f[i] = e === 0 ? 0 : g[i] * e * Math.pow(xa[indexA(p, i)], e - 1);
        }
        ga = reduceTo(f, p.shape, A.shape);
      }
      if (B.requiresGrad) {
        const f = floats(n);
        for (let i = 0; i < n; i++) {
          const base = xa[indexA(p, i)];
          // PyTorch masks base == 0 (with a non-negative exponent) to a zero gradient: 0 * log 0.
          f[i] = base === 0 && xb[indexB(p, i)] >= 0 ? 0 : g[i] * y[i] * Math.log(base);
        }
        gb = reduceTo(f, p.shape, B.shape);
      }
      return [ga, gb];
    },
    powTensorDiff(A, B),
  )
    .save(A)
    .save(B);
  return node.saveOutput(Tensor.result(y, out.shape, node));
}

/** g * b * a^(b-1) and g * a^b * log(a), as recorded ops. */
function powTensorDiff(A: Tensor, B: Tensor) {
  return (g: Tensor) => [
    A.requiresGrad ? sumTo(mul(g, mul(B, pow(A, sub(B, 1)))), A.shape) : null,
    B.requiresGrad ? sumTo(mul(g, mul(pow(A, B), log(A))), B.shape) : null,
  ];
}

/** Tensor ** Python number (`floatExponent` when it was a Python float: an integer tensor then gives float). */
const SAME_PLAN: BinaryPlan = { shape: [], n: 0, mode: SAME, ia: null, ib: null };

/**
 * `x ** e` into `out` (float32 or float64) as ATen's pow_tensor_scalar kernel computes it: sqrt, rsqrt,
 * reciprocal and 1 / (x * x) for 0.5, -0.5, -1 and -2, x * x and x * x * x for 2 and 3 (each product
 * rounded, unlike pow), std::pow with a float exponent otherwise; in float64 the products stay doubles.
 */
function powScalarInto(x: ArrayLike<number>, e: number, out: ReturnType<typeof floats>): void {
  const n = out.length;
  const single = out instanceof Float32Array;
  const ef = single ? Math.fround(e) : e;
  const f = single ? Math.fround : (v: number) => v;
  if (e === 2) {
    if (!fastBinary(EW_MUL, x, x, out, SAME_PLAN)) for (let i = 0; i < n; i++) out[i] = x[i] * x[i];
  } else if (e === 3) for (let i = 0; i < n; i++) out[i] = f(x[i] * x[i]) * x[i];
  else if (e === 1) for (let i = 0; i < n; i++) out[i] = x[i];
  else if (e === 0.5) for (let i = 0; i < n; i++) out[i] = Math.sqrt(x[i]);
  else if (e === -0.5) for (let i = 0; i < n; i++) out[i] = 1 / f(Math.sqrt(x[i]));
  else if (e === -1) for (let i = 0; i < n; i++) out[i] = 1 / x[i];
  else if (e === -2) for (let i = 0; i < n; i++) out[i] = 1 / f(x[i] * x[i]);
  else powGeneral(x, ef, out, single);
}

/** The index into a (or b) of output position i under plan p, as a function. */
function indexer(p: ReturnType<typeof binaryPlan>, first: boolean): (i: number) => number {
  return first ? (i) => indexA(p, i) : (i) => indexB(p, i);
}

/** x^e for the other exponents: in float32 PyTorch's powf (SLEEF's over blocks of 16, sleefPow.ts). */
function powGeneral(x: ArrayLike<number>, e: number, out: Float32Array, single: boolean): void {
  if (single)
    powfLoop(
      x,
      [e],
      (i) => i,
      () => 0,
      out,
    );
  else for (let i = 0; i < out.length; i++) out[i] = Math.pow(x[i], e);
}

function powScalar(a: Tensor, e: number, floatExponent: boolean): Tensor {
  const x = a.data;
  const n = x.length;
  if (!isFloatDType(a.dtype) && Number.isInteger(e) && !floatExponent) {
    if (e < 0) throw pyError('RuntimeError', 'Integers to negative integer powers are not allowed.');
    const out = allocate(a.dtype === 'bool' ? 'int64' : a.dtype, n);
    for (let i = 0; i < n; i++) out[i] = Math.pow(x[i], e);
    const dtype = a.dtype === 'bool' ? 'int64' : a.dtype;
    wrapInts(out, dtype);
    return new Tensor(out, a.shape, dtype);
  }
  const out = floats(n);
  powScalarInto(x, e, out);
  const node =
    a.requiresGrad && isGradEnabled()
      ? new Node(
          'PowBackward0',
          [a],
          (g) => {
            const r = floats(n);
            if (e === 0) return [r];
            // pow_backward rounds where PyTorch does: self.pow(e - 1) through the same special cases, then
            // e times it, then grad times that (so grad * counts_sum**-2 by hand matches bit for bit).
            const p = floats(n);
            powScalarInto(x, e - 1, p);
            const single = r instanceof Float32Array;
            const ef = single ? Math.fround(e) : e;
            const f = single ? Math.fround : (v: number) => v;
            for (let i = 0; i < n; i++) r[i] = g[i] * f(ef * p[i]);
            return [r];
          },
          // PyTorch's pow_backward: grad * (exponent * self.pow(exponent - 1)), zero for exponent 0.
          (g) => [e === 0 ? mul(g, 0) : mul(g, mul(pow(a, e - 1), e))],
        ).save(a)
      : null;
  return Tensor.result(out, a.shape, node);
}

/** Elementwise max/min of two tensors; the gradient goes to the larger (smaller) input, split on ties, both at NaN. */
function extremum(a: TensorLike, b: TensorLike, isMax: boolean): Tensor {
  const A = asTensor(a, b);
  const B = asTensor(b, a);
  const dtype = promoteOperands(A, B);
  const op = isMax ? 'maximum' : 'minimum';
  const pick = isMax
    ? (x: number, y: number) => (x !== x || y !== y ? NaN : x >= y ? x : y)
    : (x: number, y: number) => (x !== x || y !== y ? NaN : x <= y ? x : y);
  const out = binaryMap(A, B, op, dtype, pick);
  if (!isFloatDType(dtype) || !record(A, B)) return out;
  const p = binaryPlan(A.shape, B.shape, op);
  const node = new Node(isMax ? 'MaximumBackward0' : 'MinimumBackward0', [A, B], (g) => {
    const n = g.length;
    const fa = floats(n);
    const fb = floats(n);
    for (let i = 0; i < n; i++) {
      const x = A.data[p.mode === SAME || p.mode === B_SCALAR ? i : p.mode === A_SCALAR ? 0 : p.ia![i]];
      const y = B.data[p.mode === SAME || p.mode === A_SCALAR ? i : p.mode === B_SCALAR ? 0 : p.ib![i]];
      // derivatives.yaml: where(self == other, grad / 2, grad), zeroed for the input that lost; a NaN loses
      // no comparison, so both inputs get the whole gradient there.
      const wa = x === y ? 0.5 : (isMax ? x < y : x > y) ? 0 : 1;
      const wb = x === y ? 0.5 : (isMax ? x > y : x < y) ? 0 : 1;
      fa[i] = g[i] * wa;
      fb[i] = g[i] * wb;
    }
    return [
      A.requiresGrad ? reduceTo(fa, p.shape, A.shape) : null,
      B.requiresGrad ? reduceTo(fb, p.shape, B.shape) : null,
    ];
  });
  return Tensor.result(out.data as Float32Array, out.shape, node);
}

export function maximum(a: TensorLike, b: TensorLike): Tensor {
  return extremum(a, b, true);
}

export function minimum(a: TensorLike, b: TensorLike): Tensor {
  return extremum(a, b, false);
}

/** `s / x` as Python's `x.__rtruediv__(s)` computes it: reciprocal(x) * s (hence MulBackward0). */
export function rdiv(x: Tensor, s: TensorLike): Tensor {
  return mul(reciprocal(x), s);
}

/**
 * torch.lerp: start + weight * (end - start), broadcasting all three, computed as ATen's vectorised kernel
 * does (one fused multiply-add from whichever end is nearer). LerpBackward0 with a scalar weight,
 * LerpBackward1 with a tensor weight (which gets g * (end - start)).
 */
export function lerp(start: Tensor, end: Tensor, weight: TensorLike): Tensor {
  const W = isScalarOperand(weight) ? null : (weight as Tensor);
  if (!isFloatDType(start.dtype)) {
    throw pyError(
      'RuntimeError',
      `"lerp_kernel_${W ? 'tensor' : 'scalar'}" not implemented for '${dtypeName(start.dtype)}'`,
    );
  }
  for (const [what, t] of [
    ['end', end],
    ['weight', W],
  ] as const) {
    if (t && !isFloatDType(t.dtype)) {
      throw pyError(
        'RuntimeError',
        `expected dtype float for \`${what}\` but got dtype ${t.dtype === 'int64' ? 'long int' : 'bool'}`,
      );
    }
  }
  let shape = broadcast(start.shape, end.shape, 'lerp');
  if (W) shape = broadcast(shape, W.shape, 'lerp');
  const n = numel(shape);
  const offsets = (t: Tensor) => (sameShape(t.shape, shape) ? null : broadcastOffsets(t.shape, shape, n));
  const is = offsets(start);
  const ie = offsets(end);
  const iw = W ? offsets(W) : null;
  const w0 = Math.fround(W ? 0 : Number(weight instanceof Tensor ? weight.data[0] : weight));
  const a = start.data;
  const b = end.data;
  const out = floats(n);
  for (let i = 0; i < n; i++) {
    const x = a[is ? is[i] : i];
    const y = b[ie ? ie[i] : i];
    const w = W ? W.data[iw ? iw[i] : i] : w0;
    // fma(coeff, end - start, base): the product of two floats is exact in a double, so one rounding remains.
    out[i] = Math.abs(w) < 0.5 ? w * Math.fround(y - x) + x : Math.fround(w - 1) * Math.fround(y - x) + y;
  }
  const inputs = W ? [start, end, W] : [start, end];
  if (!isGradEnabled() || !inputs.some((t) => t.requiresGrad)) return Tensor.result(out, shape, null);
  const node = new Node(W ? 'LerpBackward1' : 'LerpBackward0', inputs, (g) => {
    const ga = start.requiresGrad ? floats(n) : null;
    const gb = end.requiresGrad ? floats(n) : null;
    const gw = W?.requiresGrad ? floats(n) : null;
    for (let i = 0; i < n; i++) {
      const w = W ? W.data[iw ? iw[i] : i] : w0;
      if (ga) ga[i] = g[i] * (1 - w);
      if (gb) gb[i] = g[i] * w;
      if (gw) gw[i] = g[i] * (b[ie ? ie[i] : i] - a[is ? is[i] : i]);
    }
    return [
      ga && reduceTo(ga, shape, start.shape),
      gb && reduceTo(gb, shape, end.shape),
      ...(W ? [gw && reduceTo(gw, shape, W.shape)] : []),
    ];
  });
  return Tensor.result(out, shape, node);
}
