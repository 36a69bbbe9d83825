// Tensor creation: torch.tensor from nested lists (dtype inferred as PyTorch does), zeros/ones/full/empty,
// arange, linspace (PyTorch 1.13's float32 algorithm, bit for bit), eye, and the *_like variants.
import { pyError } from '../errors';
import { Node, isGradEnabled } from '../autograd';
import { Tensor, DType, allocate, isFloatDType, isIntDType } from '../tensor';
import { numel } from '../shape';
import { castStorage, wrapInts } from './util';
import { flatShape } from './view';
import { fmaDouble, fmaf } from '../random';
import { storedScalar } from '../scalarStore';

export interface CreateOptions {
  dtype?: DType | null;
  requires_grad?: boolean;
}

type Nested = number | boolean | Tensor | readonly Nested[];

function checkSize(shape: readonly number[]): number {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw pyError('RuntimeError', `Trying to create tensor with negative dimension ${d}: [${shape.join(', ')}]`);
    }
  }
  return numel(shape);
}

function finish(
  data: Float32Array | Float64Array | Uint8Array,
  shape: readonly number[],
  dtype: DType,
  opts?: CreateOptions,
): Tensor {
  const requiresGrad = opts?.requires_grad ?? false;
  if (requiresGrad && !isFloatDType(dtype)) {
    throw pyError('RuntimeError', 'Only Tensors of floating point and complex dtype can require gradients');
  }
  return new Tensor(data, shape, dtype, requiresGrad);
}

/**
 * torch.tensor(data): nested arrays of numbers/booleans (or tensors). Without a dtype: any boolean -> bool,
 * any non-integer number -> float32, otherwise int64. JS cannot tell 1.0 from 1, so callers that know the
 * Python types (the shim) pass dtype explicitly for float lists like [0.0, 1.0].
 */
export function tensor(data: Nested | ArrayLike<number>, opts?: CreateOptions): Tensor {
  if (data instanceof Tensor) {
    const dtype = opts?.dtype ?? data.dtype;
    return finish(dtype === data.dtype ? data.data.slice() : castStorage(data.data, dtype), data.shape, dtype, opts);
  }
  const shape: number[] = [];
  const flat: number[] = [];
  let sawFloat = false;
  let sawBool = false;
  let sawNumber = false;
  let sawFloatTensor = false;
  const walk = (v: unknown, depth: number) => {
    if (v instanceof Tensor) {
      // a list of tensors: their shapes continue the nesting
      if (depth === shape.length) shape.push(...v.shape);
      for (let i = 0; i < v.data.length; i++) flat.push(v.data[i]);
      if (isFloatDType(v.dtype)) sawFloatTensor = true;
      else if (v.dtype === 'bool') sawBool = true;
      else sawNumber = true;
      return;
    }
    if (typeof v === 'object' && v !== null && typeof (v as ArrayLike<number>).length === 'number') {
      const arr = v as ArrayLike<unknown>;
      if (depth === shape.length) shape.push(arr.length);
      else if (shape[depth] !== arr.length) {
        throw pyError('ValueError', `expected sequence of length ${shape[depth]} at dim ${depth} (got ${arr.length})`);
      }
      for (let i = 0; i < arr.length; i++) walk(arr[i], depth + 1);
      return;
    }
    if (depth !== shape.length)
      throw pyError('ValueError', `expected sequence of length ${shape[depth]} at dim ${depth} (got a scalar)`);
    if (typeof v === 'boolean') {
      sawBool = true;
      flat.push(v ? 1 : 0);
    } else if (typeof v === 'number') {
      if (!Number.isInteger(v)) sawFloat = true;
      sawNumber = true;
      flat.push(v);
    } else {
      throw pyError('TypeError', `Could not infer dtype of ${typeof v}`);
    }
  };
  walk(data, 0);
  if (data instanceof Float32Array) sawFloat = true;
  const inferred: DType = sawFloat || sawFloatTensor ? 'float32' : sawNumber ? 'int64' : sawBool ? 'bool' : 'float32';
  const dtype = opts?.dtype ?? inferred;
  const out = allocate(dtype, flat.length);
  if (isIntDType(dtype)) {
    for (let i = 0; i < flat.length; i++) out[i] = Math.trunc(flat[i]);
    wrapInts(out, dtype);
  } else if (dtype === 'bool') for (let i = 0; i < flat.length; i++) out[i] = flat[i] !== 0 ? 1 : 0;
  else out.set(flat);
  return finish(out, shape, dtype, opts);
}

export function zeros(shape: readonly number[], opts?: CreateOptions): Tensor {
  const dtype = opts?.dtype ?? 'float32';
  return finish(allocate(dtype, checkSize(shape)), shape, dtype, opts);
}

export function ones(shape: readonly number[], opts?: CreateOptions): Tensor {
  return full(shape, 1, { dtype: opts?.dtype ?? 'float32', requires_grad: opts?.requires_grad });
}

/** Our tensors are always initialised; torch.empty gives zeros. */
export function empty(shape: readonly number[], opts?: CreateOptions): Tensor {
  return zeros(shape, opts);
}

/** torch.full: the dtype follows the fill value (bool, int64 for integers, else float32) unless given. */
export function full(shape: readonly number[], value: number | boolean, opts?: CreateOptions): Tensor {
  const dtype = opts?.dtype ?? (typeof value === 'boolean' ? 'bool' : Number.isInteger(value) ? 'int64' : 'float32');
  const data = allocate(dtype, checkSize(shape));
  data.fill(storedScalar(value, dtype));
  return finish(data, shape, dtype, opts);
}

export function zeros_like(t: Tensor, opts?: CreateOptions): Tensor {
  return zeros(t.shape, { dtype: opts?.dtype ?? t.dtype, requires_grad: opts?.requires_grad });
}
export function ones_like(t: Tensor, opts?: CreateOptions): Tensor {
  return ones(t.shape, { dtype: opts?.dtype ?? t.dtype, requires_grad: opts?.requires_grad });
}
export function empty_like(t: Tensor, opts?: CreateOptions): Tensor {
  return zeros_like(t, opts);
}
export function full_like(t: Tensor, value: number | boolean, opts?: CreateOptions): Tensor {
  return full(t.shape, value, { dtype: opts?.dtype ?? t.dtype, requires_grad: opts?.requires_grad });
}

/** Accepts zeros(2, 3), zeros([2, 3]) style size arguments. */
export function sizeArgs(args: readonly (number | readonly number[])[]): number[] {
  return flatShape(args);
}

/** Elements per vectorised chunk in ATen's CPU kernels (AVX2 / default build: 256-bit registers of float). */
const VEC = 8;

/**
 * torch.arange(start, end, step). int64 when start, end and step are integers (unless dtype says otherwise).
 * Float values follow ATen: start + i * step in double, rounded, except that in each 8-wide vector chunk the
 * values after the first are base + j * step from the chunk's rounded base.
 */
export function arange(start: number, end?: number | null, step = 1, opts?: CreateOptions): Tensor {
  if (end === undefined || end === null) {
    end = start;
    start = 0;
  }
  if (step === 0) throw pyError('RuntimeError', 'step must be nonzero');
  if ((step > 0 && end < start) || (step < 0 && end > start)) {
    throw pyError('RuntimeError', 'upper bound and larger bound inconsistent with step sign');
  }
  const dtype =
    opts?.dtype ?? (Number.isInteger(start) && Number.isInteger(end) && Number.isInteger(step) ? 'int64' : 'float32');
  const n = Math.max(0, Math.ceil((end - start) / step));
  const out = allocate(dtype, n);
  if (!isFloatDType(dtype)) {
    for (let i = 0; i < n; i++)
      out[i] = dtype === 'bool' ? (start + i * step !== 0 ? 1 : 0) : Math.trunc(start + i * step);
    return finish(out, [n], dtype, opts);
  }
  // ATen's vectorised loop takes two vectors per iteration while 2 * VEC elements remain (4 doubles a
  // vector for float64, whose chunk bases stay doubles).
  const vec = dtype === 'float64' ? 4 : VEC;
  const round = dtype === 'float64' ? (v: number) => v : Math.fround;
  let i = 0;
  for (; i + 2 * vec <= n; i += 2 * vec) {
    for (let c = 0; c < 2 * vec; c += vec) {
      // start + step * idx and base + j * step in double, each one fused multiply-add as ATen's build does
      // (arange(-8.0, 8.0, 0.1)[80] is 4.44e-16, not 0).
      const base = round(fmaDouble(step, i + c, start));
      for (let j = 0; j < vec; j++) out[i + c + j] = fmaDouble(step, j, base);
    }
  }
  for (; i < n; i++) out[i] = fmaDouble(step, i, start);
  return finish(out, [n], dtype, opts);
}

/**
 * The deprecated torch.range(start, end, step): end included, float32 unless dtype says otherwise (integers
 * too). ATen's range_out is a plain scalar loop outside the vectorised kernels: size (end - start) / step + 1
 * truncated, each value start + i * step in double (no fused multiply-add), then rounded to the dtype.
 */
export function range(start: number, end: number, step = 1, opts?: CreateOptions): Tensor {
  if (step === 0) throw pyError('RuntimeError', 'step must be nonzero');
  // range_out's words differ from arange's ('lower', not 'larger').
  if ((step > 0 && end < start) || (step < 0 && end > start)) {
    throw pyError('RuntimeError', 'upper bound and lower bound inconsistent with step sign');
  }
  const dtype = opts?.dtype ?? 'float32';
  const n = Math.trunc((end - start) / step + 1);
  const out = allocate(dtype, n);
  for (let i = 0; i < n; i++) {
    const v = start + i * step;
    out[i] = isFloatDType(dtype) ? v : dtype === 'bool' ? (v !== 0 ? 1 : 0) : Math.trunc(v);
  }
  return finish(out, [n], dtype, opts);
}

/**
 * torch.linspace in float32 exactly as ATen 1.13 (AVX2 build) computes it: step = (end - start) / (steps - 1)
 * in float; the first half counts up from start, the second half down from end (so both ends are exact);
 * 8-wide vector chunks take the value at their first index and add j * step. Checked bit for bit against
 * PyTorch in test/unit/ops-torch.test.ts.
 */
export function linspace(start: number, end: number, steps: number, opts?: CreateOptions): Tensor {
  if (!Number.isInteger(steps) || steps < 0) throw pyError('RuntimeError', 'number of steps must be non-negative');
  const dtype = opts?.dtype ?? 'float32';
  if (!isFloatDType(dtype)) {
    const out = allocate(dtype, steps);
    const stepD = steps > 1 ? (end - start) / (steps - 1) : 0;
    const half = Math.floor(steps / 2);
    for (let i = 0; i < steps; i++) out[i] = Math.trunc(i < half ? start + stepD * i : end - stepD * (steps - i - 1));
    return finish(castStorage(out, dtype), [steps], dtype, opts);
  }
  if (dtype === 'float64') return finish(linspaceDouble(start, end, steps), [steps], dtype, opts);
  const f = Math.fround;
  const out = new Float32Array(steps);
  if (steps === 1) out[0] = f(start);
  if (steps <= 1) return finish(out, [steps], dtype, opts);
  const s = f(start);
  const e = f(end);
  const step = f(f(e - s) / (steps - 1));
  const half = Math.floor(steps / 2);
  // The AVX2 kernel's scalar expressions were compiled to fused multiply-adds (one rounding); the vector
  // arange adds a separately rounded j * step to the chunk's base.
  const at = (idx: number) => (idx < half ? fmaf(step, idx, s) : fmaf(-step, steps - idx - 1, e));
  let i = 0;
  for (; i + 2 * VEC <= steps; i += 2 * VEC) {
    for (let c = 0; c < 2 * VEC; c += VEC) {
      const base = at(i + c);
      for (let j = 0; j < VEC; j++) out[i + c + j] = f(base + f(j * step));
    }
  }
  for (; i < steps; i++) out[i] = at(i);
  return finish(out, [steps], dtype, opts);
}

/** linspace's float64 kernel: the same two halves in double, fused multiply-adds, 4-double vector chunks. */
function linspaceDouble(start: number, end: number, steps: number): Float64Array {
  const out = new Float64Array(steps);
  if (steps === 1) out[0] = start;
  if (steps <= 1) return out;
  const step = (end - start) / (steps - 1);
  const half = Math.floor(steps / 2);
  const at = (idx: number) => (idx < half ? fmaDouble(step, idx, start) : fmaDouble(-step, steps - idx - 1, end));
  let i = 0;
  for (; i + 8 <= steps; i += 8) {
    for (let c = 0; c < 8; c += 4) {
      const base = at(i + c);
      for (let j = 0; j < 4; j++) out[i + c + j] = base + j * step;
    }
  }
  for (; i < steps; i++) out[i] = at(i);
  return out;
}

export function logspace(start: number, end: number, steps: number, base = 10, opts?: CreateOptions): Tensor {
  const lin = linspace(start, end, steps);
  const out = new Float32Array(steps);
  for (let i = 0; i < steps; i++) out[i] = Math.pow(base, lin.data[i]);
  return finish(out, [steps], opts?.dtype ?? 'float32', opts);
}

export function eye(n: number, m?: number | null, opts?: CreateOptions): Tensor {
  const cols = m ?? n;
  const dtype = opts?.dtype ?? 'float32';
  const out = allocate(dtype, checkSize([n, cols]));
  for (let i = 0; i < Math.min(n, cols); i++) out[i * cols + i] = 1;
  return finish(out, [n, cols], dtype, opts);
}

/**
 * A tensor's values in another dtype (`.float()`, `.double()`, `.long()`, `.to(dtype)`): itself when equal.
 * Between float dtypes the copy stays in the graph (ToCopyBackward0; autograd casts the gradient back).
 */
export function to(t: Tensor, dtype: DType): Tensor {
  if (t.dtype === dtype) return t;
  const data = castStorage(t.data, dtype);
  if (isFloatDType(dtype) && t.requiresGrad && isGradEnabled()) {
    const node = new Node(
      'ToCopyBackward0',
      [t],
      (g) => [g],
      (g) => [to(g, t.dtype)],
    );
    return new Tensor(data, t.shape, dtype, true, node);
  }
  return new Tensor(data, t.shape, dtype);
}
