// Comparisons and logic: elementwise tests giving bool tensors, where/masked_fill (with gradients through
// the chosen values), and the whole-tensor checks equal/allclose.
import { pyError } from '../errors';
import { Node, isGradEnabled } from '../autograd';
import { Tensor, allocate, floats, isFloatDType } from '../tensor';
import { sameShape } from '../shape';
import { storedScalar } from '../scalarStore';
import { binaryMap } from './arith';
import {
  A_SCALAR,
  B_SCALAR,
  GENERAL,
  SAME,
  TensorLike,
  asTensor,
  binaryPlan,
  reduceThrough,
  promoteOperands,
} from './util';

function compare(a: TensorLike, b: TensorLike, op: string, f: (x: number, y: number) => number): Tensor {
  return binaryMap(asTensor(a, b), asTensor(b, a), op, 'bool', f);
}

export const eq = (a: TensorLike, b: TensorLike): Tensor => compare(a, b, 'eq', (x, y) => (x === y ? 1 : 0));
export const ne = (a: TensorLike, b: TensorLike): Tensor => compare(a, b, 'ne', (x, y) => (x !== y ? 1 : 0));
export const lt = (a: TensorLike, b: TensorLike): Tensor => compare(a, b, 'lt', (x, y) => (x < y ? 1 : 0));
export const le = (a: TensorLike, b: TensorLike): Tensor => compare(a, b, 'le', (x, y) => (x <= y ? 1 : 0));
export const gt = (a: TensorLike, b: TensorLike): Tensor => compare(a, b, 'gt', (x, y) => (x > y ? 1 : 0));
export const ge = (a: TensorLike, b: TensorLike): Tensor => compare(a, b, 'ge', (x, y) => (x >= y ? 1 : 0));

export const logical_and = (a: TensorLike, b: TensorLike): Tensor =>
  compare(a, b, 'logical_and', (x, y) => (x !== 0 && y !== 0 ? 1 : 0));
export const logical_or = (a: TensorLike, b: TensorLike): Tensor =>
  compare(a, b, 'logical_or', (x, y) => (x !== 0 || y !== 0 ? 1 : 0));
export const logical_xor = (a: TensorLike, b: TensorLike): Tensor =>
  compare(a, b, 'logical_xor', (x, y) => ((x !== 0) !== (y !== 0) ? 1 : 0));

export function logical_not(a: Tensor): Tensor {
  const out = new Uint8Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = a.data[i] === 0 ? 1 : 0;
  return new Tensor(out, a.shape, 'bool');
}

/** Python's `&`, `|`, `^`, `~` on bool or integer tensors. */
function bitwise(a: TensorLike, b: TensorLike, op: string, f: (x: number, y: number) => number): Tensor {
  const A = asTensor(a, b);
  const B = asTensor(b, a);
  const dtype = promoteOperands(A, B);
  if (isFloatDType(dtype)) throw pyError('RuntimeError', `"${op}_cpu" not implemented for 'Float'`);
  return binaryMap(A, B, op, dtype, dtype === 'bool' ? (x, y) => f(x, y) & 1 : (x, y) => Number(f(x, y)));
}
export const bitwise_and = (a: TensorLike, b: TensorLike): Tensor =>
  bitwise(a, b, 'bitwise_and', (x, y) => Number(BigInt(x) & BigInt(y)));
export const bitwise_or = (a: TensorLike, b: TensorLike): Tensor =>
  bitwise(a, b, 'bitwise_or', (x, y) => Number(BigInt(x) | BigInt(y)));
export const bitwise_xor = (a: TensorLike, b: TensorLike): Tensor =>
  bitwise(a, b, 'bitwise_xor', (x, y) => Number(BigInt(x) ^ BigInt(y)));

export function bitwise_not(a: Tensor): Tensor {
  if (isFloatDType(a.dtype)) throw pyError('RuntimeError', `"bitwise_not_cpu" not implemented for 'Float'`);
  if (a.dtype === 'bool') return logical_not(a);
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = -a.data[i] - 1;
  return new Tensor(out, a.shape, 'int64');
}

export function isnan(a: Tensor): Tensor {
  const out = new Uint8Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = a.data[i] !== a.data[i] ? 1 : 0;
  return new Tensor(out, a.shape, 'bool');
}

export function isinf(a: Tensor): Tensor {
  const out = new Uint8Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.abs(a.data[i]) === Infinity ? 1 : 0;
  return new Tensor(out, a.shape, 'bool');
}

export function isposinf(a: Tensor): Tensor {
  const out = new Uint8Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = a.data[i] === Infinity ? 1 : 0;
  return new Tensor(out, a.shape, 'bool');
}

export function isneginf(a: Tensor): Tensor {
  const out = new Uint8Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = a.data[i] === -Infinity ? 1 : 0;
  return new Tensor(out, a.shape, 'bool');
}

/** torch.signbit: the sign bit itself, read from the stored bits (so -0 and a negative NaN count). */
export function signbit(a: Tensor): Tensor {
  const d = a.data;
  const n = d.length;
  const out = new Uint8Array(n);
  if (d instanceof Float32Array || d instanceof Float64Array) {
    // The word holding the sign: each float32, or the high half of each float64 (little-endian).
    const words = new Int32Array(d.buffer, d.byteOffset, d instanceof Float32Array ? n : 2 * n);
    const step = d instanceof Float32Array ? 1 : 2;
    const high = step - 1;
    for (let i = 0; i < n; i++) out[i] = words[i * step + high] < 0 ? 1 : 0;
  } else {
    for (let i = 0; i < n; i++) out[i] = d[i] < 0 ? 1 : 0;
  }
  return new Tensor(out, a.shape, 'bool');
}

export function isfinite(a: Tensor): Tensor {
  const out = new Uint8Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = Number.isFinite(a.data[i]) ? 1 : 0;
  return new Tensor(out, a.shape, 'bool');
}

/** where(cond, x, y): x where cond else y, broadcasting all three; gradients flow to the chosen side. */
export function where(cond: Tensor, x: TensorLike, y: TensorLike): Tensor {
  if (cond.dtype !== 'bool') {
    throw pyError(
      'RuntimeError',
      `where expected condition to be a boolean tensor, but got a tensor with dtype ${cond.dtype === 'int64' ? 'Long' : 'Float'}`,
    );
  }
  const X = asTensor(x, y);
  const Y = asTensor(y, x);
  const dtype = promoteOperands(X, Y);
  const pxy = binaryPlan(X.shape, Y.shape, 'where');
  const p = binaryPlan(cond.shape, pxy.shape, 'where');
  const shape = p.shape;
  const n = p.n;
  const ci = p.mode === SAME || p.mode === B_SCALAR ? null : p.mode === A_SCALAR ? new Int32Array(n) : p.ia;
  const full = (t: Tensor) => (sameShape(t.shape, shape) ? null : offsetsInto(t, shape, n));
  const xi = full(X);
  const yi = full(Y);
  const out = allocate(dtype, n);
  const c = cond.data;
  for (let i = 0; i < n; i++) {
    out[i] = c[ci ? ci[i] : i] ? X.data[xi ? xi[i] : i] : Y.data[yi ? yi[i] : i];
  }
  if (!isFloatDType(dtype)) return new Tensor(out, shape, dtype);
  const needs = isGradEnabled() && (X.requiresGrad || Y.requiresGrad);
  const node = needs
    ? new Node('WhereBackward0', [X, Y], (g) => {
        const gx = floats(n);
        const gy = floats(n);
        for (let i = 0; i < n; i++) {
          if (c[ci ? ci[i] : i]) gx[i] = g[i];
          else gy[i] = g[i];
        }
        return [
          X.requiresGrad ? (xi ? reduceThrough(gx, xi, X.data.length) : gx) : null,
          Y.requiresGrad ? (yi ? reduceThrough(gy, yi, Y.data.length) : gy) : null,
        ];
      })
    : null;
  return Tensor.result(out as Float32Array, shape, node);
}

function offsetsInto(t: Tensor, shape: number[], n: number): Int32Array {
  const p = binaryPlan(t.shape, shape, 'where');
  if (p.mode === GENERAL) return p.ia!;
  return new Int32Array(n); // t is a single element
}

/**
 * masked_fill(mask, value): value where mask is true; the gradient is zero there. Out of place, self and mask
 * broadcast together as ATen's expand_outplace (the result may be larger than self: MultiheadAttention's
 * (1, L, S) float mask filled by a (N * heads, 1, S) padding mask); the in-place form keeps self's shape.
 */
export function masked_fill(x: Tensor, mask: Tensor, value: number | Tensor): Tensor {
  if (mask.dtype !== 'bool') {
    throw pyError(
      'RuntimeError',
      `masked_fill_ only supports boolean masks, but got mask with dtype ${mask.dtype === 'int64' ? 'long int' : 'float'}`,
    );
  }
  const v = value instanceof Tensor ? value : asTensor(storedScalar(value, x.dtype), x);
  const r = where(
    mask,
    v.dtype === x.dtype ? v : new Tensor(allocate(x.dtype, 1).fill(Number(v.data[0])), [], x.dtype),
    x,
  );
  if (r.gradFn) (r.gradFn as { name: string }).name = 'MaskedFillBackward0';
  return r;
}

/** True when both have the same shape and all elements are equal (torch.equal). */
export function equal(a: Tensor, b: Tensor): boolean {
  if (!sameShape(a.shape, b.shape)) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

export function isclose(a: Tensor, b: TensorLike, rtol = 1e-5, atol = 1e-8, equalNan = false): Tensor {
  return compare(a, b, 'isclose', (x, y) => {
    if (x !== x || y !== y) return equalNan && x !== x && y !== y ? 1 : 0;
    if (x === y) return 1;
    return Math.abs(x - y) <= atol + rtol * Math.abs(y) ? 1 : 0;
  });
}

export function allclose(a: Tensor, b: TensorLike, rtol = 1e-5, atol = 1e-8, equalNan = false): boolean {
  const c = isclose(a, b, rtol, atol, equalNan);
  for (let i = 0; i < c.data.length; i++) if (!c.data[i]) return false;
  return true;
}
