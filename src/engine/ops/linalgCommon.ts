// What torch.linalg's ops share (linalgDecomp.ts, linalgSolve.ts): the batch-of-matrices check with PyTorch's
// texts, LinAlgError, rounding double results once to the dtype, and one node over several outputs.
import { pyError } from '../errors';
import { Node, isGradEnabled } from '../autograd';
import { Tensor, allocate, isFloatDType } from '../tensor';
import type { DType } from '../buffers';
import { sameShape } from '../shape';
import { expand } from './view';
import type { Mat } from './linalgKernels';

interface Batches {
  m: number;
  n: number;
  count: number;
  batch: number[];
}

/**
 * The matrix dims and batch of t, checked as PyTorch checks them for `what` (e.g. `linalg.eigh`); `floatOnly`
 * false for the ops that take integer matrices too (matrix_power).
 */
export function matrices(t: Tensor, what: string, square: boolean, floatOnly = true): Batches {
  if (t.ndim < 2) {
    throw pyError('RuntimeError', `${what}: The input tensor A must have at least 2 dimensions.`);
  }
  const m = t.shape[t.ndim - 2];
  const n = t.shape[t.ndim - 1];
  if (square && m !== n) {
    throw pyError('RuntimeError', `${what}: A must be batches of square matrices, but they are ${m} by ${n} matrices`);
  }
  if (floatOnly && !isFloatDType(t.dtype)) {
    const name = t.dtype === 'int64' ? 'Long' : t.dtype === 'int32' ? 'Int' : t.dtype === 'bool' ? 'Bool' : t.dtype;
    throw pyError('RuntimeError', `${what}: Expected a floating point or complex tensor as input. Got ${name}`);
  }
  const batch = t.shape.slice(0, -2);
  return { m, n, count: batch.reduce((p, x) => p * x, 1), batch };
}

/** The LAPACK failure PyTorch raises as torch.linalg.LinAlgError, with "(Batch element k): " when batched. */
export function linAlgError(what: string, batched: boolean, b: number, message: string): Error {
  return pyError('LinAlgError', `${what}: ${batched ? `(Batch element ${b}): ` : ''}${message}`);
}

/** Storage of `dtype` holding values rounded once. */
export function stored(dtype: DType, values: ArrayLike<number>): Float32Array {
  const out = allocate(dtype, values.length) as Float32Array;
  for (let i = 0; i < values.length; i++) out[i] = values[i];
  return out;
}

export function slice(a: ArrayLike<number>, offset: number, len: number): Mat {
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) out[i] = a[offset + i];
  return out;
}

function wantsGrad(...ts: Tensor[]): boolean {
  return isGradEnabled() && ts.some((t) => t.requiresGrad);
}

/**
 * Output tensors sharing one node `name` over `inputs` (PyTorch's multi-output node): `backward` gets every
 * output's gradient (zeros for one that got none) and returns the inputs'. Outputs in `plain` take no part.
 */
export function recorded(
  name: string,
  inputs: Tensor[],
  outputs: Tensor[],
  backward: (grads: Float32Array[]) => (Float32Array | null)[],
): Tensor[] {
  if (!wantsGrad(...inputs)) return outputs;
  if (outputs.length === 1) {
    const o = outputs[0];
    return [new Tensor(o.data, o.shape, o.dtype, true, new Node(name, inputs, (g) => backward([g])))];
  }
  const offsets: number[] = [];
  let total = 0;
  for (const o of outputs) {
    offsets.push(total);
    total += o.data.length;
  }
  const dtype = outputs[0].dtype;
  const split = (g: Float32Array) => outputs.map((o, k) => g.slice(offsets[k], offsets[k] + o.data.length));
  const joint = new Tensor(
    allocate(dtype, total),
    [total],
    dtype,
    true,
    new Node(name, inputs, (g) => backward(split(g))),
  );
  return outputs.map(
    (o, k) =>
      new Tensor(
        o.data,
        o.shape,
        o.dtype,
        true,
        new Node(name, [joint], (g) => {
          const full = allocate(dtype, total) as Float32Array;
          full.fill(0);
          full.set(g, offsets[k]);
          return [full];
        }),
      ),
  );
}

/** t expanded to `shape` (its gradient summed back by expand's node); t itself when it has that shape. */
export function broadcastTo(t: Tensor, shape: number[]): Tensor {
  return sameShape(t.shape, shape) ? t : expand(t, shape);
}

export function typeName(d: DType): string {
  return d === 'float32' ? 'float' : d === 'float64' ? 'double' : d === 'int64' ? 'long' : d;
}

/** Machine epsilon of a float dtype (PyTorch's default rtol is eps * max(m, n)). */
export function epsOf(dtype: DType): number {
  return dtype === 'float64' ? 2.220446049250313e-16 : 1.1920928955078125e-7;
}
