// The Tensor: a contiguous, row-major buffer plus a shape. float32 values live in a Float32Array; float64 and
// the integer dtypes (int64 labels and indices, int32, ...) in a Float64Array, integers exact to 2^53; bool
// in a Uint8Array. Views that keep the layout
// (`view`, `reshape`, `detach`, `.data`) share the buffer; transposes, expands and strided slices keep a
// `layout` over their base's storage (strided.ts) and a gathered copy that kernels read.
import { runtimeError } from './errors';
import { Node, isGradEnabled, runBackward } from './autograd';
import { Shape, fmtShape, numel, sameShape } from './shape';
import { DType, Storage, accumulateInto, forgetZeroed, isFloatDType, markZeroed } from './buffers';
import { StridedLayout, gather, isContiguousLayout, scatter, writes } from './strided';
import { storedScalar } from './scalarStore';
import {
  detachedInference,
  inferenceMode,
  refused,
  requiresGradOnInference,
  startInferenceWrite,
  throwIfRefused,
} from './inference';

export type { DType, Storage } from './buffers';
export { allocate, floats, scratchFloats, isFloatDType, isIntDType } from './buffers';

/** A float buffer as the dtype's own storage (a float64 tensor's gradient is float64, as in PyTorch). */
export function asFloatStorage(g: ArrayLike<number>, dtype: DType): Float32Array {
  if (dtype === 'float64') return (g instanceof Float64Array ? g : Float64Array.from(g)) as unknown as Float32Array;
  return g instanceof Float32Array ? g : Float32Array.from(g);
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
    markZeroed(p.grad.data);
  }
}

/** A gradient hook as autograd runs it: the gradient in, a replacement (or null to keep it) out. */
export type GradHook = (grad: Float32Array) => Float32Array | null;

export class Tensor {
  private buffer: Storage;
  /** Where a view's elements live in its base's storage (strided.ts); null when the buffer is its own storage. */
  layout: StridedLayout | null = null;
  shape: number[];
  readonly dtype: DType;
  requiresGrad: boolean;
  grad: Tensor | null = null;
  gradFn: Node | null;
  /** Set by `retain_grad()`: a non-leaf that keeps its `.grad` after backward. */
  retainsGrad = false;
  /** `register_hook`'s hooks (autograd.ts runs them when this tensor's gradient is complete), or null. */
  hooks: GradHook[] | null = null;
  /** How many hooks were registered before `retain_grad()`: PyTorch 1.13 keeps `.grad` at that point. */
  retainAfterHooks = 0;
  /**
   * PyTorch's version counter (`_version`), bumped by every in-place write: shared with the tensor's views and
   * `detach()` (a write through any of them is a write to all), not with `.data` (dataAlias).
   */
  private counter = { value: 0 };
  /** A view made by a view op (its counter is its base's): a saved view written since names AsStridedBackward0. */
  isView = false;
  /** For a view: the tensor that owns its storage (PyTorch's `_base`), which an in-place write through it rebases. */
  viewBase: Tensor | null = null;
  /** Non-contiguous without a layout (nonzero's result, which PyTorch fills transposed). */
  nonContiguous = false;
  /**
   * An inference tensor (`is_inference()`): made while torch.inference_mode was on; views and detached
   * aliases take their base's (inference.ts says what such a tensor is refused).
   */
  inference = inferenceMode.on;

  constructor(data: Storage, shape: Shape, dtype?: DType, requiresGrad = false, gradFn: Node | null = null) {
    this.shape = shape.slice();
    this.dtype = dtype ?? (data instanceof Float32Array ? 'float32' : data instanceof Float64Array ? 'int64' : 'bool');
    if (this.dtype === 'float32' && !(data instanceof Float32Array)) this.dtype = 'float64';
    this.buffer = data;
    if (numel(shape) !== data.length) {
      throw new Error(`internal: buffer of ${data.length} elements cannot have shape ${fmtShape(shape)}`);
    }
    if (requiresGrad && !isFloatDType(this.dtype)) {
      throw runtimeError('Only Tensors of floating point and complex dtype can require gradients');
    }
    this.requiresGrad = requiresGrad;
    this.gradFn = gradFn;
  }

  /** A float result of an op (float64 when its buffer is); records `node` when gradients are being recorded. */
  static result(data: Float32Array, shape: Shape, node: Node | null): Tensor {
    return new Tensor(data, shape, data instanceof Float32Array ? 'float32' : 'float64', node !== null, node);
  }

  /** The values in row-major order; a strided view's copy is re-gathered first when memory was written since. */
  get data(): Storage {
    const l = this.layout;
    if (l !== null && l.gathered && l.epoch !== writes.epoch) gather(this.buffer, this.shape, l);
    return this.buffer;
  }
  set data(d: Storage) {
    this.buffer = d;
  }

  get version(): number {
    return this.counter.value;
  }
  set version(v: number) {
    this.counter.value = v;
  }

  /** Makes this tensor a view of `base` for autograd's version check: they share one version counter. */
  viewOf(base: Tensor): this {
    this.counter = base.counter;
    this.isView = true;
    this.viewBase = base.viewBase ?? base;
    this.inference = base.inference;
    return this;
  }

  /** Shares `other`'s version counter without being its view: a custom Function's output and forward's result. */
  sharesVersionWith(other: Tensor): this {
    this.counter = other.counter;
    return this;
  }

  get isLeaf(): boolean {
    return this.gradFn === null;
  }
  get ndim(): number {
    return this.shape.length;
  }
  numel(): number {
    return this.buffer.length;
  }
  is_contiguous(): boolean {
    const l = this.layout;
    return l !== null ? isContiguousLayout(this.shape, l.strides) : !this.nonContiguous;
  }
  isFloatingPoint(): boolean {
    return isFloatDType(this.dtype);
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

  /** Same buffer and version counter, cut from the graph. */
  detach(): Tensor {
    const r = this.dataAlias();
    r.counter = this.counter;
    return r;
  }

  /**
   * `.data`: same buffer, cut from the graph, with a version counter of its own: writes through it are
   * invisible to autograd's saved-tensor check (the manual `w.data -= lr * w.grad` update).
   */
  dataAlias(): Tensor {
    const r = new Tensor(this.buffer, this.shape, this.dtype, false, null);
    r.layout = this.layout;
    r.nonContiguous = this.nonContiguous;
    r.inference = this.inference;
    if (r.inference) detachedInference(r);
    return r;
  }

  /** `detach_()`: cut from the graph in place (the tensor becomes a leaf that does not require grad). */
  detach_(): this {
    this.gradFn = null;
    this.requiresGrad = false;
    return this;
  }

  /** `.data = src`: this tensor now holds src's buffer, shape and dtype (its autograd state is kept). */
  setData(src: Tensor): void {
    this.buffer = src.buffer;
    this.layout = src.layout;
    this.shape = src.shape.slice();
    (this as { dtype: DType }).dtype = src.dtype;
    this.nonContiguous = src.nonContiguous;
  }

  /** `.grad = g` (or `del t.grad` with null): PyTorch refuses a gradient of another shape. */
  setGrad(g: Tensor | null): void {
    if (g && !sameShape(g.shape, this.shape)) throw runtimeError('assigned grad has data of a different size');
    this.grad = g;
  }

  requires_grad_(flag = true): this {
    if (!this.isLeaf && !flag) {
      throw runtimeError(
        'you can only change requires_grad flags of leaf variables. If you want to use a computed ' +
          "variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
      );
    }
    if (flag && !isFloatDType(this.dtype)) {
      throw runtimeError('Only Tensors of floating point and complex dtype can require gradients');
    }
    if (flag && this.inference && !inferenceMode.on) throw requiresGradOnInference();
    this.requiresGrad = flag;
    return this;
  }

  /**
   * `register_hook(fn)`: `fn` receives the gradient with respect to this tensor (a copy it may keep) before
   * it reaches `.grad` or flows on, and may return a replacement of the same size. Returns the remover.
   */
  register_hook(fn: (grad: Tensor) => Tensor | null | undefined): () => void {
    if (!this.requiresGrad) throw runtimeError("cannot register a hook on a tensor that doesn't require gradient");
    const hook: GradHook = (g) => {
      const out = fn(new Tensor(g.slice(), this.shape, this.dtype));
      if (out === null || out === undefined) return null;
      if (out.data.length !== g.length) {
        throw runtimeError(`hook 'hook' has changed the size of value`);
      }
      return asFloatStorage(Float64Array.from(out.data), this.dtype);
    };
    (this.hooks ??= []).push(hook);
    return () => {
      const i = this.hooks?.indexOf(hook) ?? -1;
      if (i >= 0) this.hooks?.splice(i, 1);
    };
  }

  retain_grad(): void {
    if (!this.requiresGrad) throw runtimeError("can't retain_grad on Tensor that has requires_grad=False");
    if (!this.isLeaf && !this.retainsGrad) {
      this.retainsGrad = true;
      this.retainAfterHooks = this.hooks?.length ?? 0;
    }
  }

  /** Guards every in-place op: PyTorch refuses to overwrite a leaf that autograd is tracking. */
  checkInplace(): void {
    if (isGradEnabled() && this.isLeaf && this.requiresGrad) {
      throw runtimeError('a leaf Variable that requires grad is being used in an in-place operation.');
    }
    // PyTorch refuses an inference tensor where it bumps the version, after the kernel wrote: wrote() throws.
    if (this.inference) startInferenceWrite(this);
    this.version++;
    writes.epoch++;
    // Any write, through this tensor or a view sharing its memory, ends a "known all zero" state.
    forgetZeroed(this.buffer);
  }

  /** Ends an in-place write: a gathered view's new values go back to its storage; other views re-gather. */
  wrote(): void {
    const l = this.layout;
    writes.epoch++;
    if (l !== null) {
      if (l.gathered) scatter(this.buffer, this.shape, l);
      forgetZeroed(l.root);
      l.epoch = writes.epoch;
    }
    if (refused.tensor !== null) throwIfRefused(this);
  }

  zero_(): this {
    return this.fill_(0);
  }

  fill_(value: number): this {
    this.checkInplace();
    this.data.fill(storedScalar(value, this.dtype));
    this.wrote();
    if (value === 0 && !Object.is(value, -0) && this.dtype === 'float32' && this.layout === null) {
      markZeroed(this.data);
    }
    return this;
  }

  copy_(src: Tensor): this {
    this.checkInplace();
    if (src.data.length === this.data.length) this.data.set(src.data);
    else if (src.data.length === 1) this.data.fill(src.data[0]);
    else throw runtimeError(`copy_: shape ${fmtShape(src.shape)} cannot be broadcast to ${fmtShape(this.shape)}`);
    this.wrote();
    return this;
  }

  /** Adds a gradient into `.grad` (allocating it on first use), as AccumulateGrad does. */
  accumulateGrad(g: Float32Array): void {
    if (this.grad === null) {
      const own = asFloatStorage(g, this.dtype);
      this.grad = new Tensor(own === g ? g.slice() : own, this.shape, this.dtype);
    } else {
      accumulateInto(this.grad.data, g);
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
      g =
        this.dtype === 'float64'
          ? asFloatStorage(Float64Array.from(gradient.data), 'float64')
          : Float32Array.from(gradient.data);
    } else {
      if (this.data.length !== 1) throw runtimeError('grad can be implicitly created only for scalar outputs');
      g = asFloatStorage([1], this.dtype);
    }
    runBackward(this, g, retainGraph);
  }
}
