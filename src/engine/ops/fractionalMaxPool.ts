// F.fractional_max_pool2d / fractional_max_pool3d (Graham's fractional max pooling) as PyTorch 1.13's CPU
// kernels (FractionalMaxPool2d.cpp, FractionalMaxPool3d.cpp) compute them. Each plane of [N, C, *spatial]
// (or unbatched [C, *spatial]) has its own random samples u in [0, 1), one per spatial axis; along an axis of
// `in` positions pooled to `out` windows of size k the windows start at
//   int((i + u) * alpha) - int(u * alpha),  alpha = (in - k) / (out - 1),
// the last one flush with the input's end, all evaluated in the input's float width (the window starts of a
// float32 input round as float32 arithmetic does). Each output takes its window's largest value (the first of
// equal maxima, a NaN always) and its flat index in the plane; the backward pass adds each output's gradient
// at that index, itself a recorded op for create_graph (PyTorch's ...BackwardBackward0, which also lists the
// input, whose gradient through it is zero).
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor } from '../tensor';
import { floats, isFloatDType } from '../buffers';
import { fmtShape } from '../shape';
import { dtypeName } from './util';
import { gatherOffsets } from './gradOps';

/** What differs between the 2-D and 3-D ops: their messages, checks and which sample each axis reads. */
interface Variant {
  dims: 2 | 3;
  /** How the size messages name the op and the tuple it wants. */
  op: string;
  tuple: string;
  /** How the shape messages name the op. */
  prefix: string;
  axes: readonly string[];
  /** 3-D wants out + k - 1 < in, 2-D allows equality. */
  strict: boolean;
  /** The sample (of the plane's `dims`) each spatial axis reads: PyTorch's 2-D kernel gives W the first. */
  sampleOf: readonly number[];
  kernelName: string;
  gradName: string;
}

const POOL_2D: Variant = {
  dims: 2,
  op: 'fractional_max_pool2d',
  tuple: 'tuple of Ints',
  prefix: 'fractional_max_pool2d()',
  axes: ['height', 'width'],
  strict: false,
  sampleOf: [1, 0],
  kernelName: 'fractional_max_pool2d_out_frame',
  gradName: 'FractionalMaxPool2DBackward0',
};

const POOL_3D: Variant = {
  dims: 3,
  op: 'fractional_max_pool3d',
  tuple: 'tuple of three Ints',
  prefix: 'fractional_max_pool3d_out()',
  axes: ['time', 'height', 'width'],
  strict: true,
  sampleOf: [0, 1, 2],
  kernelName: 'fractional_max_pool3d_out_frame',
  gradName: 'FractionalMaxPool3DBackward0',
};

export interface PooledWithIndices {
  values: Tensor;
  indices: Tensor;
}

/** F.fractional_max_pool2d(input, kernel_size, output_size, _random_samples) with its indices. */
export function fractional_max_pool2d(
  x: Tensor,
  kernel: readonly number[],
  size: readonly number[],
  samples: Tensor,
): PooledWithIndices {
  return fractionalMaxPool(x, kernel, size, samples, POOL_2D);
}

/** F.fractional_max_pool3d(input, kernel_size, output_size, _random_samples) with its indices. */
export function fractional_max_pool3d(
  x: Tensor,
  kernel: readonly number[],
  size: readonly number[],
  samples: Tensor,
): PooledWithIndices {
  return fractionalMaxPool(x, kernel, size, samples, POOL_3D);
}

/** The window starts along one axis (PyTorch's generate_intervals); `round` is the float width's rounding. */
export function windowStarts(
  u: number,
  inSize: number,
  outSize: number,
  k: number,
  round: (v: number) => number,
): Int32Array {
  const starts = new Int32Array(Math.max(outSize, 1));
  if (outSize > 1) {
    const alpha = round(round(inSize - k) / round(outSize - 1));
    const shift = Math.trunc(round(u * alpha));
    for (let i = 0; i < outSize - 1; i++) starts[i] = Math.trunc(round(round(i + u) * alpha)) - shift;
  }
  starts[Math.max(outSize, 1) - 1] = inSize - k;
  return starts;
}

/** PyTorch's checks, in its order: sizes, rank, empty axes, window fit, output shape, dtypes. */
function check(x: Tensor, kernel: readonly number[], size: readonly number[], samples: Tensor, v: Variant): void {
  const d = v.dims;
  if (kernel.length !== d) {
    throw pyError('RuntimeError', `${v.op}: kernel_size must either be a single Int or ${v.tuple}`);
  }
  if (size.length !== d)
    throw pyError('RuntimeError', `${v.op}: output_size must either be a single Int or ${v.tuple}`);
  if (x.ndim !== d + 1 && x.ndim !== d + 2) {
    throw pyError('RuntimeError', `${v.prefix}: Expected ${d + 1}D or ${d + 2}D tensor, but got: ${fmtShape(x.shape)}`);
  }
  for (let i = 1; i < x.ndim; i++) {
    if (x.shape[i] === 0) {
      throw pyError(
        'RuntimeError',
        `${v.prefix}: Expected input to have non-zero size for non-batch dimensions, but got` +
          `${fmtShape(x.shape)} with dimension ${i} being empty.`,
      );
    }
  }
  const spatial = x.shape.slice(-d);
  for (let a = 0; a < d; a++) {
    const reach = size[a] + kernel[a] - 1;
    if (v.strict ? reach >= spatial[a] : reach > spatial[a]) {
      throw pyError(
        'RuntimeError',
        `${v.prefix}: pool ${v.axes[a]} ${kernel[a]} too large relative to input ${v.axes[a]} ${spatial[a]}`,
      );
    }
  }
  const negative = size.find((s) => s < 0);
  if (negative !== undefined) {
    throw pyError(
      'RuntimeError',
      `Trying to create tensor with negative dimension ${negative}: ${fmtShape([...x.shape.slice(0, -d), ...size])}`,
    );
  }
  if (!isFloatDType(x.dtype))
    throw pyError('RuntimeError', `"${v.kernelName}" not implemented for '${dtypeName(x.dtype)}'`);
  if (samples.dtype !== x.dtype) {
    throw pyError('RuntimeError', `expected scalar type ${dtypeName(x.dtype)} but found ${dtypeName(samples.dtype)}`);
  }
}

function fractionalMaxPool(
  x: Tensor,
  kernel: readonly number[],
  size: readonly number[],
  samples: Tensor,
  v: Variant,
): PooledWithIndices {
  check(x, kernel, size, samples, v);
  const d = v.dims;
  const planes = (x.ndim === d + 2 ? x.shape[0] : 1) * x.shape[x.ndim - d - 1];
  const S = samples.data;
  if (S.length < planes * d) {
    // PyTorch 1.13 reads past the end of a short _random_samples (undefined values); we say so instead.
    throw pyError(
      'RuntimeError',
      `${v.prefix}: _random_samples holds ${S.length} values, but an input of ${planes} planes needs ${planes * d} ` +
        `(shape (N, C, ${d}))`,
    );
  }
  // The 2-D op as the 3-D one with a depth of one.
  const pad = (a: readonly number[]) => (d === 3 ? a.slice() : [1, ...a]);
  const [T, H, W] = pad(x.shape.slice(-d));
  const [kT, kH, kW] = pad(kernel);
  const [oT, oH, oW] = pad(size);
  const volume = T * H * W;
  const outVolume = oT * oH * oW;
  const round = x.dtype === 'float32' ? Math.fround : (u: number) => u;
  const X = x.data;
  const out = floats(planes * outVolume);
  const idx = new Float64Array(planes * outVolume);
  const dest = new Int32Array(planes * outVolume);
  for (let pl = 0; pl < planes; pl++) {
    const u = (axis: number) => S[pl * d + v.sampleOf[axis]];
    const startsT = d === 3 ? windowStarts(u(0), T, oT, kT, round) : Int32Array.of(0);
    const startsH = windowStarts(u(d - 2), H, oH, kH, round);
    const startsW = windowStarts(u(d - 1), W, oW, kW, round);
    const base = pl * volume;
    let k = pl * outVolume;
    for (let t = 0; t < oT; t++) {
      for (let h = 0; h < oH; h++) {
        for (let w = 0; w < oW; w++, k++) {
          const t0 = startsT[t];
          const h0 = startsH[h];
          const w0 = startsW[w];
          let best = -Infinity;
          let at = (t0 * H + h0) * W + w0;
          for (let tt = t0; tt < t0 + kT; tt++) {
            for (let hh = h0; hh < h0 + kH; hh++) {
              for (let ww = w0; ww < w0 + kW; ww++) {
                const i = (tt * H + hh) * W + ww;
                const val = X[base + i];
                if (val > best || Number.isNaN(val)) {
                  best = val;
                  at = i;
                }
              }
            }
          }
          out[k] = best;
          idx[k] = at;
          dest[k] = base + at;
        }
      }
    }
  }
  const shape = [...x.shape.slice(0, -d), ...size];
  const indices = new Tensor(idx, shape, 'int64');
  if (!needsGrad(x)) return { values: Tensor.result(out, shape, null), indices };
  const gradName = v.gradName;
  const node = new Node(
    gradName,
    [x],
    (g) => [routeTo(g, dest, X.length)],
    (g) => [routedGrad(g, x, dest, gradName.replace(/Backward0$/, 'BackwardBackward0'))],
  );
  node.save(x);
  return { values: Tensor.result(out, shape, node), indices };
}

/** g added at `dest` into zeros of `size`, in output order and the gradient's width (as PyTorch adds). */
function routeTo(g: ArrayLike<number>, dest: Int32Array, size: number): Float32Array {
  const gx = floats(size);
  for (let i = 0; i < dest.length; i++) gx[dest[i]] += g[i];
  return gx;
}

/**
 * The backward pass as a recorded op over (g, x): linear in g (its gradient gathers at `dest`, PyTorch's
 * max_pool_double_backward) and constant in x (a zero gradient, as PyTorch's zeros_like(self)).
 */
function routedGrad(g: Tensor, x: Tensor, dest: Int32Array, name: string): Tensor {
  const gx = routeTo(g.data, dest, x.data.length);
  if (!needsGrad(g, x)) return Tensor.result(gx, x.shape, null);
  const node = new Node(
    name,
    [g, x],
    (gg) => {
      const r = floats(dest.length);
      for (let i = 0; i < dest.length; i++) r[i] = gg[dest[i]];
      return [r, floats(x.data.length)];
    },
    (gg) => [gatherOffsets(gg, dest, g.shape), Tensor.result(floats(x.data.length), x.shape, null)],
  );
  return Tensor.result(gx, x.shape, node);
}
