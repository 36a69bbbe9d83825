// Growing [N, C, H, W] feature maps (or unbatched [C, H, W] where PyTorch allows it) as PyTorch 1.13's CPU
// kernels do:
//  - max_unpool2d: zeros of the output size with each input value written at its pooling index
//    (MaxUnpooling.cpp); the backward pass gathers the gradient back from those indices.
//  - upsample_nearest2d: output (oh, ow) copies input (floor(oh * scale), floor(ow * scale)), scale a float32
//    (1 / scale_factor when one was given, else in / out), the exact halving when the size doubles
//    (UpSample.h nearest_idx); the backward pass adds each output's gradient into its source, in output order.
//  - upsample_bilinear2d: the two rows and columns around the float32 source position (align_corners or half
//    pixel centres, clamped at 0), mixed as (x00 * w0 + x01 * w1) * h0 + (x10 * w0 + x11 * w1) * h1
//    (UpSampleKernel.cpp); the backward pass adds h * w * g into the four sources.
//  - pixel_shuffle / pixel_unshuffle: channels (c * r * r + i * r + j) moved to space (h * r + i, w * r + j)
//    and back.
// Every op is linear in its input: the create_graph forms gather the output gradient and scatter it back.
import { pyError } from '../errors';
import { type DiffBackwardFn, Node, needsGrad } from '../autograd';
import { mul } from './arith';
import { gatherOffsets, scatterOffsets } from './gradOps';
import { Tensor } from '../tensor';
import { floats, isFloatDType, inFloat64Mode } from '../buffers';
import { dtypeName } from './util';

export type Size2 = [number, number];
export type Scales2 = [number | null, number | null];

const round32 = (): ((v: number) => number) => (inFloat64Mode() ? (v) => v : Math.fround);

function checkFloat(x: Tensor, name: string): void {
  if (!isFloatDType(x.dtype)) throw pyError('RuntimeError', `"${name}" not implemented for '${dtypeName(x.dtype)}'`);
}

/** out[k] = x[offsets[k]] as op `name`, its gradient added back through the same offsets in output order. */
export function gatherOp(x: Tensor, offsets: Int32Array, shape: number[], name: string): Tensor {
  const X = x.data;
  const out = floats(offsets.length);
  for (let k = 0; k < offsets.length; k++) out[k] = X[offsets[k]];
  if (!needsGrad(x)) return Tensor.result(out, shape, null);
  const node = new Node(
    name,
    [x],
    (g) => {
      const gx = floats(X.length);
      for (let k = 0; k < offsets.length; k++) gx[offsets[k]] += g[k];
      return [gx];
    },
    (g) => [scatterOffsets(g, offsets, x.shape)],
  );
  return Tensor.result(out, shape, node);
}

// ---- max_unpool2d ------------------------------------------------------------------------------------------

const torchSize = (shape: readonly number[]): string => `[${shape.join(', ')}]`;

/** F.max_unpool2d(input, indices, ...) once Python has worked out the output size (oh, ow). */
export function max_unpool2d(x: Tensor, indices: Tensor, outputSize: Size2): Tensor {
  if (indices.dtype !== 'int64') {
    throw pyError(
      'RuntimeError',
      `elements in indices should be type int64 but got: ${indices.dtype === 'float32' ? 'Float' : dtypeName(indices.dtype)}`,
    );
  }
  if (x.ndim !== 3 && x.ndim !== 4) {
    throw pyError(
      'RuntimeError',
      `Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with ${x.ndim} dimensions.`,
    );
  }
  if (x.shape.length !== indices.shape.length || x.shape.some((s, i) => s !== indices.shape[i])) {
    throw pyError(
      'RuntimeError',
      `Expected shape of indices to be same as that of the input tensor (${torchSize(x.shape)}) but got indices tensor with shape: ${torchSize(indices.shape)}`,
    );
  }
  checkFloat(x, 'max_unpooling2d_forward_out_cpu_frame');
  const [oh, ow] = outputSize;
  const h = x.shape[x.ndim - 2];
  const w = x.shape[x.ndim - 1];
  const inPlane = h * w;
  const outPlane = oh * ow;
  const planes = inPlane === 0 ? 0 : x.data.length / inPlane;
  const X = x.data;
  const I = indices.data;
  const out = floats(planes * outPlane);
  // Where each input value lands in the output (as PyTorch, a later value overwrites an earlier one).
  const dest = new Int32Array(X.length);
  // PyTorch's kernel goes through every value and reports the last invalid index it met (its message
  // lacks the closing parenthesis).
  let invalid: number | null = null;
  for (let pl = 0; pl < planes; pl++) {
    for (let i = pl * inPlane; i < (pl + 1) * inPlane; i++) {
      const at = I[i];
      if (at < 0 || at >= outPlane) {
        invalid = at;
        continue;
      }
      dest[i] = pl * outPlane + at;
      out[dest[i]] = X[i];
    }
  }
  if (invalid !== null) {
    throw pyError('RuntimeError', `Found an invalid max index: ${invalid} (output volumes are of size ${oh}x${ow}`);
  }
  const shape = [...x.shape.slice(0, -2), oh, ow];
  if (!needsGrad(x)) return Tensor.result(out, shape, null);
  const node = new Node(
    'MaxUnpool2DBackward0',
    [x],
    (g) => {
      const gx = floats(X.length);
      for (let i = 0; i < X.length; i++) gx[i] = g[dest[i]];
      return [gx];
    },
    (g) => [gatherOffsets(g, dest, x.shape)],
  );
  return Tensor.result(out, shape, node);
}

// ---- nearest and bilinear upsampling --------------------------------------------------------------------------

/** PyTorch's compute_scales_value in float32: 1 / scale when a scale factor was given, else in / out. */
export function scaleOf(scale: number | null, inSize: number, outSize: number): number {
  return Math.fround(scale !== null && scale > 0 ? 1 / scale : inSize / outSize);
}

/** UpSample.h nearest_idx: the source of output index `o`. */
function nearestIndex(o: number, inSize: number, outSize: number, scale: number | null): number {
  if (outSize === inSize) return o;
  if (outSize === 2 * inSize) return o >> 1;
  return Math.min(Math.floor(Math.fround(o * scaleOf(scale, inSize, outSize))), inSize - 1);
}

function checkUpsample(x: Tensor, size: Size2, name: string): { planes: number; h: number; w: number } {
  checkFloat(x, name);
  if (x.ndim !== 4) {
    throw pyError('RuntimeError', `Expected 4D input for ${name} (got ${x.ndim}D)`);
  }
  const h = x.shape[2];
  const w = x.shape[3];
  if (!(h > 0 && w > 0 && size[0] > 0 && size[1] > 0)) {
    throw pyError(
      'RuntimeError',
      `Input and output sizes should be greater than 0, but got input (H: ${h}, W: ${w}) output (H: ${size[0]}, W: ${size[1]})`,
    );
  }
  return { planes: x.shape[0] * x.shape[1], h, w };
}

/** F.interpolate(mode='nearest') of 4-D input to `size`, `scales` the scale factors given (or null). */
export function upsample_nearest2d(x: Tensor, size: Size2, scales: Scales2 = [null, null]): Tensor {
  const { planes, h, w } = checkUpsample(x, size, 'upsample_nearest2d');
  const [oh, ow] = size;
  const rows = Int32Array.from({ length: oh }, (_, o) => nearestIndex(o, h, oh, scales[0]));
  const cols = Int32Array.from({ length: ow }, (_, o) => nearestIndex(o, w, ow, scales[1]));
  const offsets = new Int32Array(planes * oh * ow);
  let k = 0;
  for (let pl = 0; pl < planes; pl++) {
    for (let r = 0; r < oh; r++) {
      for (let c = 0; c < ow; c++) offsets[k++] = pl * h * w + rows[r] * w + cols[c];
    }
  }
  return gatherOp(x, offsets, [x.shape[0], x.shape[1], oh, ow], 'UpsampleNearest2DBackward1');
}

/** The two source indices of each output index and their weights (compute_source_index_and_lambda). */
export function linearTaps(
  inSize: number,
  outSize: number,
  alignCorners: boolean,
  scale: number | null,
): { i0: Int32Array; i1: Int32Array; l0: Float64Array; l1: Float64Array } {
  const f = Math.fround;
  const i0 = new Int32Array(outSize);
  const i1 = new Int32Array(outSize);
  const l0 = new Float64Array(outSize);
  const l1 = new Float64Array(outSize);
  const ratio = alignCorners ? (outSize > 1 ? f((inSize - 1) / (outSize - 1)) : 0) : scaleOf(scale, inSize, outSize);
  for (let o = 0; o < outSize; o++) {
    if (outSize === inSize) {
      i0[o] = i1[o] = o;
      l0[o] = 1;
      l1[o] = 0;
      continue;
    }
    let src = alignCorners ? f(ratio * o) : f(f(ratio * f(o + 0.5)) - 0.5);
    if (!alignCorners && src < 0) src = 0;
    i0[o] = Math.trunc(src);
    i1[o] = i0[o] + (i0[o] < inSize - 1 ? 1 : 0);
    l1[o] = Math.min(Math.max(f(src - i0[o]), 0), 1);
    l0[o] = f(1 - l1[o]);
  }
  return { i0, i1, l0, l1 };
}

/** F.interpolate(mode='bilinear') of 4-D input to `size`. */
export function upsample_bilinear2d(
  x: Tensor,
  size: Size2,
  alignCorners: boolean,
  scales: Scales2 = [null, null],
): Tensor {
  const { planes, h, w } = checkUpsample(x, size, 'upsample_bilinear2d');
  const [oh, ow] = size;
  const H = linearTaps(h, oh, alignCorners, scales[0]);
  const W = linearTaps(w, ow, alignCorners, scales[1]);
  const r = round32();
  const X = x.data;
  const out = floats(planes * oh * ow);
  let k = 0;
  for (let pl = 0; pl < planes; pl++) {
    const base = pl * h * w;
    for (let a = 0; a < oh; a++) {
      const row0 = base + H.i0[a] * w;
      const row1 = base + H.i1[a] * w;
      for (let b = 0; b < ow; b++) {
        const c0 = W.i0[b];
        const c1 = W.i1[b];
        const top = r(r(X[row0 + c0] * W.l0[b]) + r(X[row0 + c1] * W.l1[b]));
        const bottom = r(r(X[row1 + c0] * W.l0[b]) + r(X[row1 + c1] * W.l1[b]));
        out[k++] = r(top * H.l0[a]) + r(bottom * H.l1[a]);
      }
    }
  }
  const shape = [x.shape[0], x.shape[1], oh, ow];
  if (!needsGrad(x)) return Tensor.result(out, shape, null);
  // The four (output, input, weight) taps of every output, in PyTorch's order of accumulation.
  const n = planes * oh * ow;
  const outs = new Int32Array(4 * n);
  const ins = new Int32Array(4 * n);
  const weights = new Float64Array(4 * n);
  let t = 0;
  k = 0;
  for (let pl = 0; pl < planes; pl++) {
    const base = pl * h * w;
    for (let a = 0; a < oh; a++) {
      for (let b = 0; b < ow; b++, k++) {
        const taps: [number, number, number][] = [
          [H.i0[a], W.i0[b], r(H.l0[a] * W.l0[b])],
          [H.i0[a], W.i1[b], r(H.l0[a] * W.l1[b])],
          [H.i1[a], W.i0[b], r(H.l1[a] * W.l0[b])],
          [H.i1[a], W.i1[b], r(H.l1[a] * W.l1[b])],
        ];
        for (const [ih, iw, wt] of taps) {
          outs[t] = k;
          ins[t] = base + ih * w + iw;
          weights[t++] = wt;
        }
      }
    }
  }
  const diff: DiffBackwardFn = (g) => {
    const wt = new Tensor(g.dtype === 'float64' ? weights.slice() : Float32Array.from(weights), [t], g.dtype);
    return [scatterOffsets(mul(gatherOffsets(g, outs, [t]), wt), ins, x.shape)];
  };
  const node = new Node(
    'UpsampleBilinear2DBackward1',
    [x],
    (g) => {
      const gx = floats(X.length);
      for (let i = 0; i < t; i++) gx[ins[i]] += r(weights[i] * g[outs[i]]);
      return [gx];
    },
    diff,
  );
  return Tensor.result(out, shape, node);
}

// ---- pixel shuffle ------------------------------------------------------------------------------------------

/** F.pixel_shuffle: [*, C * r * r, H, W] to [*, C, H * r, W * r]. */
export function pixel_shuffle(x: Tensor, r: number): Tensor {
  if (x.ndim < 3) {
    throw pyError(
      'RuntimeError',
      `pixel_shuffle expects input to have at least 3 dimensions, but got input with ${x.ndim} dimension(s)`,
    );
  }
  if (!(r > 0)) throw pyError('RuntimeError', `pixel_shuffle expects a positive upscale_factor, but got ${r}`);
  const [c, h, w] = x.shape.slice(-3);
  if (c % (r * r) !== 0) {
    throw pyError(
      'RuntimeError',
      `pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)=${c} is not divisible by ${r * r}`,
    );
  }
  const oc = c / (r * r);
  const batch = x.data.length / (c * h * w);
  const offsets = new Int32Array(x.data.length);
  let k = 0;
  for (let n = 0; n < batch; n++) {
    for (let ch = 0; ch < oc; ch++) {
      for (let y = 0; y < h * r; y++) {
        for (let z = 0; z < w * r; z++) {
          const src = ch * r * r + (y % r) * r + (z % r);
          offsets[k++] = ((n * c + src) * h + Math.floor(y / r)) * w + Math.floor(z / r);
        }
      }
    }
  }
  return gatherOp(x, offsets, [...x.shape.slice(0, -3), oc, h * r, w * r], 'PixelShuffleBackward0');
}

/** F.pixel_unshuffle: [*, C, H * r, W * r] to [*, C * r * r, H, W]. */
export function pixel_unshuffle(x: Tensor, r: number): Tensor {
  if (x.ndim < 3) {
    throw pyError(
      'RuntimeError',
      `pixel_unshuffle expects input to have at least 3 dimensions, but got input with ${x.ndim} dimension(s)`,
    );
  }
  if (!(r > 0)) throw pyError('RuntimeError', `pixel_unshuffle expects a positive downscale_factor, but got ${r}`);
  const [c, H, W] = x.shape.slice(-3);
  if (H % r !== 0) {
    throw pyError(
      'RuntimeError',
      `pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)=${H} is not divisible by ${r}`,
    );
  }
  if (W % r !== 0) {
    throw pyError(
      'RuntimeError',
      `pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)=${W} is not divisible by ${r}`,
    );
  }
  const h = H / r;
  const w = W / r;
  const batch = x.data.length / (c * H * W);
  const offsets = new Int32Array(x.data.length);
  let k = 0;
  for (let n = 0; n < batch; n++) {
    for (let oc = 0; oc < c * r * r; oc++) {
      const ch = Math.floor(oc / (r * r));
      const i = Math.floor(oc / r) % r;
      const j = oc % r;
      for (let y = 0; y < h; y++) {
        for (let z = 0; z < w; z++) offsets[k++] = ((n * c + ch) * H + y * r + i) * W + z * r + j;
      }
    }
  }
  return gatherOp(x, offsets, [...x.shape.slice(0, -3), c * r * r, h, w], 'PixelUnshuffleBackward0');
}
