// The Tensor: a contiguous, row-major buffer plus a shape. float32 values live in a Float32Array; int64
// (labels, indices) in a Float64Array, exact to 2^53; bool in a Uint8Array. Views that keep the layout
// (`view`, `reshape`, `detach`, `.data`) share the buffer; other layout changes copy.
import { runtimeError } from './errors';
import { Node, isGradEnabled, runBackward } from './autograd';
import { Shape, fmtShape, numel, sameShape } from './shape';

export type DType = 'float32' | 'int64' | 'bool';
export type Storage = Float32Array | Float64Array | Uint8Array;

/**
 * Zeroed float32 buffer for op results and gradients. Mid-sized ones are carved from 64 KiB slabs: one
 * ArrayBuffer allocation serves many ops (typed-array backing stores are the dominant per-op cost for small
 * tensors). Slabs are never reused, so every buffer starts zeroed; a slab is freed when all its views are.
 * Code that transfers `.buffer` must copy first (`slice()`), as it must for any view.
 */
export function floats(n: number): Float32Array {
  const bytes = n * 4;
  if (bytes > SLAB_MAX) {
    const reused = pooled(n);
    return reused ? reused.fill(0) : new Float32Array(n);
  }
  if (bytes <= 64) return new Float32Array(n);
  if (slabUsed + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const out = new Float32Array(slab, slabUsed, n);
  slabUsed += (bytes + 15) & ~15;
  return out;
}
const SLAB_BYTES = 1 << 16;
const SLAB_MAX = 1 << 13;
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

/**
 * A float32 buffer whose contents are unspecified: for a caller that writes every element before anything
 * reads it (a gemm output with accumulate off). Large ones may be recycled gradient buffers, which saves the
 * allocation and the zeroing that dominate big ops' bookkeeping (an MNIST-size weight gradient is 800 KB).
 */
export function scratchFloats(n: number): Float32Array {
  if (n * 4 > SLAB_MAX) return pooled(n) ?? new Float32Array(n);
  return floats(n);
}

// Gradient buffers known to be all +0 (cleared by zero_grad, not written since: checkInplace and
// accumulateGrad forget them). Only large standalone buffers: a slab is shared with unrelated tensors, and
// for small ones the bookkeeping (WeakSet updates) costs more than the add loop it saves.
const zeroedBuffers = new WeakSet<ArrayBufferLike>();

/** Records that `t` (a gradient) was just filled with +0, so the next accumulation may copy. */
export function markZeroed(t: Tensor): void {
  const d = t.data;
  if (d.byteLength > SLAB_MAX && d instanceof Float32Array && d.byteOffset === 0 && d.buffer.byteLength === d.byteLength) {
    zeroedBuffers.add(d.buffer);
  }
}

/** For writes that bypass checkInplace (optimizer updates): `t`'s memory is no longer known to be zero. */
export function forgetZeroed(t: Tensor): void {
  if (t.data.byteLength > SLAB_MAX) zeroedBuffers.delete(t.data.buffer);
}

/** zero_grad of one parameter (Module's and Optimizer's): its gradient to null, or detached and zeroed in place. */
export function clearGrad(p: Tensor, setToNone: boolean): void {
  if (p.grad === null) return;
  if (setToNone) p.grad = null;
  else {
    p.grad.gradFn = null;
    p.grad.requiresGrad = false;
    p.grad.data.fill(0);
    p.grad.version++;
    markZeroed(p.grad);
  }
}

// Large gradient buffers that contain no -0: outputs of a non-accumulating gemm (sums that start at +0 can
// never be -0). Marked by the op that made them; see accumulateGrad.
const noNegativeZero = new WeakSet<Float32Array>();

export function markNoNegativeZero(a: Float32Array): Float32Array {
  if (a.byteLength > SLAB_MAX) noNegativeZero.add(a);
  return a;
}

/** Buffers of more than this many elements are standalone (not slab views) and may be pooled. */
export const POOLED_MIN_LENGTH = SLAB_MAX / 4;

// Free lists of large standalone buffers by length, fed only by the backward pass with gradient buffers
// nothing can reference any more (see runBackward). Bounded, so a model that changes shapes cannot hoard memory.
const pool = new Map<number, Float32Array[]>();
const POOL_PER_LENGTH = 8;
const POOL_MAX_BYTES = 64 << 20;
let pooledBytes = 0;

function pooled(n: number): Float32Array | undefined {
  const list = pool.get(n);
  const a = list?.pop();
  if (a) pooledBytes -= a.byteLength;
  return a;
}

/**
 * Hands a large buffer back for reuse. The caller guarantees no tensor, view or closure still references it.
 * Slab views and subarrays are ignored (their memory is shared with other buffers).
 */
export function recycleFloats(a: Float32Array): void {
  const bytes = a.byteLength;
  if (bytes <= SLAB_MAX || a.byteOffset !== 0 || a.buffer.byteLength !== bytes) return;
  if (pooledBytes + bytes > POOL_MAX_BYTES) return;
  // Its next user makes new contents: what was known about these ones no longer holds.
  noNegativeZero.delete(a);
  zeroedBuffers.delete(a.buffer);
  let list = pool.get(a.length);
  if (!list) pool.set(a.length, (list = []));
  if (list.length >= POOL_PER_LENGTH || list.includes(a)) return;
  list.push(a);
  pooledBytes += bytes;
}

export function allocate(dtype: DType, n: number): Storage {
  if (dtype === 'float32') return floats(n);
  if (dtype === 'int64') return new Float64Array(n);
  return new Uint8Array(n);
}


export class Tensor {
  data: Storage;
  shape: number[];
  readonly dtype: DType;
  requiresGrad: boolean;
  grad: Tensor | null = null;
  gradFn: Node | null;
  /** Set by `retain_grad()`: a non-leaf that keeps its `.grad` after backward. */
  retainsGrad = false;
  /** Bumped by every in-place write, as PyTorch's `_version`. */
  version = 0;
  /**
   * Storage is always contiguous here, but PyTorch's transpose/permute/expand (and strided slices) return
   * non-contiguous views, on which `.view()` fails; this flag lets ops reproduce that (see ops/view.ts).
   */
  nonContiguous = false;

  constructor(data: Storage, shape: Shape, dtype?: DType, requiresGrad = false, gradFn: Node | null = null) {
    this.data = data;
    this.shape = shape.slice();
    this.dtype = dtype ?? (data instanceof Float32Array ? 'float32' : data instanceof Float64Array ? 'int64' : 'bool');
    if (numel(shape) !== data.length) {
      throw new Error(`internal: buffer of ${data.length} elements cannot have shape ${fmtShape(shape)}`);
    }
    if (requiresGrad && this.dtype !== 'float32') {
      throw runtimeError('Only Tensors of floating point and complex dtype can require gradients');
    }
    this.requiresGrad = requiresGrad;
    this.gradFn = gradFn;
  }

  /** A float32 result of an op; records `node` when gradients are being recorded. */
  static result(data: Float32Array, shape: Shape, node: Node | null): Tensor {
    return new Tensor(data, shape, 'float32', node !== null, node);
  }

  get isLeaf(): boolean {
    return this.gradFn === null;
  }
  get ndim(): number {
    return this.shape.length;
  }
  numel(): number {
    return this.data.length;
  }
  is_contiguous(): boolean {
    return !this.nonContiguous;
  }
  isFloatingPoint(): boolean {
    return this.dtype === 'float32';
  }

  item(): number | boolean {
    if (this.data.length !== 1) {
      const err = new Error('only one element tensors can be converted to Python scalars');
      err.name = 'ValueError';
      throw err;
    }
    return this.dtype === 'bool' ? this.data[0] !== 0 : this.data[0];
  }

  tolist(): unknown {
    const conv = (v: number) => (this.dtype === 'bool' ? v !== 0 : v);
    if (this.shape.length === 0) return conv(this.data[0]);
    const build = (dim: number, offset: number): unknown[] => {
      const size = this.shape[dim];
      const inner = numel(this.shape.slice(dim + 1));
      const out: unknown[] = [];
      for (let i = 0; i < size; i++) {
        out.push(dim === this.shape.length - 1 ? conv(this.data[offset + i]) : build(dim + 1, offset + i * inner));
      }
      return out;
    };
    return build(0, 0);
  }

  /** Same buffer, cut from the graph. */
  detach(): Tensor {
    return new Tensor(this.data, this.shape, this.dtype, false, null);
  }

  requires_grad_(flag = true): this {
    if (!this.isLeaf && !flag) {
      throw runtimeError(
        "you can only change requires_grad flags of leaf variables. If you want to use a computed " +
          'variable in a subgraph that doesn\'t require differentiation use var_no_grad = var.detach().',
      );
    }
    if (flag && this.dtype !== 'float32') {
      throw runtimeError('Only Tensors of floating point and complex dtype can require gradients');
    }
    this.requiresGrad = flag;
    return this;
  }

  retain_grad(): void {
    if (!this.requiresGrad) throw runtimeError("can't retain_grad on Tensor that has requires_grad=False");
    if (!this.isLeaf) this.retainsGrad = true;
  }

  /** Guards every in-place op: PyTorch refuses to overwrite a leaf that autograd is tracking. */
  checkInplace(): void {
    if (isGradEnabled() && this.isLeaf && this.requiresGrad) {
      throw runtimeError(
        'a leaf Variable that requires grad is being used in an in-place operation.',
      );
    }
    this.version++;
    // Any write, through this tensor or a view sharing its memory, ends a "known all zero" state.
    if (this.data.byteLength > SLAB_MAX) zeroedBuffers.delete(this.data.buffer);
  }

  zero_(): this {
    return this.fill_(0);
  }

  fill_(value: number): this {
    this.checkInplace();
    this.data.fill(value);
    if (value === 0 && !Object.is(value, -0) && this.dtype === 'float32') markZeroed(this);
    return this;
  }

  copy_(src: Tensor): this {
    this.checkInplace();
    if (src.data.length === this.data.length) this.data.set(src.data);
    else if (src.data.length === 1) this.data.fill(src.data[0]);
    else throw runtimeError(`copy_: shape ${fmtShape(src.shape)} cannot be broadcast to ${fmtShape(this.shape)}`);
    return this;
  }

  /** Adds a gradient into `.grad` (allocating it on first use), as AccumulateGrad does. */
  accumulateGrad(g: Float32Array): void {
    if (this.grad === null) {
      this.grad = new Tensor(g.slice(), this.shape, 'float32');
    } else {
      const dst = this.grad.data;
      // Into a gradient zero_grad just cleared, 0 + g is g bit for bit unless g holds -0 (0 + -0 = +0):
      // a buffer known to have no -0 (a gemm output) is copied, ~10x faster than the loop on big weights.
      if (dst.byteLength > SLAB_MAX && zeroedBuffers.has(dst.buffer)) {
        zeroedBuffers.delete(dst.buffer);
        if (noNegativeZero.has(g) && dst.length === g.length) {
          dst.set(g);
          return;
        }
      }
      for (let i = 0; i < dst.length; i++) dst[i] += g[i];
    }
  }

  backward(gradient?: Tensor, retainGraph = false): void {
    if (!this.requiresGrad) {
      throw runtimeError('element 0 of tensors does not require grad and does not have a grad_fn');
    }
    let g: Float32Array;
    if (gradient) {
      if (!sameShape(gradient.shape, this.shape)) {
        throw runtimeError(
          `Mismatch in shape: grad_output[0] has a shape of ${fmtShape(gradient.shape)} and ` +
            `output[0] has a shape of ${fmtShape(this.shape)}.`,
        );
      }
      g = Float32Array.from(gradient.data);
    } else {
      if (this.data.length !== 1) throw runtimeError('grad can be implicitly created only for scalar outputs');
      g = new Float32Array([1]);
    }
    runBackward(this, g, retainGraph);
  }
}
