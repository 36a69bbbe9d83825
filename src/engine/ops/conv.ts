// 2-D convolution (F.conv2d, nn.Conv2d) and its three gradients, in the summation order of the oneDNN
// (mkldnn) kernels PyTorch 1.13's CPU build runs for float32 (measured against Debian's torch 1.13.1 on an
// AVX-512 machine; test/unit/conv-pool.test.ts checks every case bit for bit):
//  - oneDNN's direct (jit) kernel: input channels are taken in blocks of 16; per block, every output gets
//    one chain of fused multiply-adds over (kh, kw, channel) starting from 0, added to the output, which
//    starts at the bias. The input gradient is the same over blocks of 16 output channels; the weight
//    gradient is one chain over (batch, oh, ow); the bias gradient a running sum over (batch, oh, ow).
//  - oneDNN's im2col + gemm fallback, taken for grouped convolutions and for padding as wide as the kernel:
//    the forward chains over (input channel, kh, kw); the input gradient is col2im's: per (kh, kw) a chain
//    over output channels, the columns then added in (kh, kw) order. Its weight and bias gradients (a
//    blocked sgemm) can differ in the last bit.
// Each chain accumulates in a buffer of the output's width, so a float32 buffer rounds after every step as
// the kernel's registers do (a float64 buffer keeps double precision throughout). Direct loops rather than the
// gemm kernels: those add in another order, and LeNet-sized convolutions are small; every innermost loop is
// an axpy along a row.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor } from '../tensor';
import { floats, isFloatDType } from '../buffers';
import { fmtShape } from '../shape';
import { dtypeName } from './util';
import { squeeze, unsqueeze } from './view';

export type Pair = [number, number];

export interface Conv2dOptions {
  stride: Pair;
  /** Symmetric zero padding per side, or 'same' / 'valid' as PyTorch accepts them. */
  padding: Pair | 'same' | 'valid';
  dilation: Pair;
  groups: number;
}

/** Everything the loops need: sizes of one batched problem and the resolved padding. */
interface Geometry {
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
  kh: number;
  kw: number;
  oh: number;
  ow: number;
  sh: number;
  sw: number;
  /** Padding before the first row / column (for 'same' with an even kernel PyTorch pads one more after). */
  ph: number;
  pw: number;
  dh: number;
  dw: number;
  groups: number;
  /** Input channels per group (the weight's dim 1) and output channels per group. */
  cg: number;
  og: number;
  /** oneDNN's im2col + gemm fallback (see the file comment) rather than its direct kernel. */
  gemmPath: boolean;
  /** Per kernel row ki: the output rows [rows[2ki], rows[2ki + 1]) whose input row lies inside the image. */
  rows: Int32Array;
  /** Per kernel column kj: the output columns likewise. */
  cols: Int32Array;
}

function positive(values: Pair, what: string): void {
  if (values[0] <= 0 || values[1] <= 0) throw pyError('RuntimeError', `non-positive ${what} is not supported`);
}

/** PyTorch's checks, in its order, with its messages (they name the weight's and the input's shapes). */
function geometry(x: Tensor, weight: Tensor, bias: Tensor | null, opts: Conv2dOptions): Geometry {
  if (weight.ndim !== 4) {
    throw pyError(
      'RuntimeError',
      `expected stride to be a single integer value or a list of ${weight.ndim - 2} values to match the convolution dimensions, but got stride=[${opts.stride.join(', ')}]`,
    );
  }
  if (x.ndim !== 4) {
    throw pyError(
      'RuntimeError',
      `Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: ${fmtShape(x.shape)}`,
    );
  }
  const [n, c, h, w] = x.shape;
  const [o, cg, kh, kw] = weight.shape;
  const groups = opts.groups;
  positive(opts.stride, 'stride');
  positive(opts.dilation, 'dilation');
  if (groups <= 0) throw pyError('RuntimeError', 'non-positive groups is not supported');
  if (o % groups !== 0) {
    throw pyError(
      'RuntimeError',
      `Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got weight of size [${fmtShape(weight.shape)}] instead`,
    );
  }
  if (c !== cg * groups) {
    throw pyError(
      'RuntimeError',
      `Given groups=${groups}, weight of size ${fmtShape(weight.shape)}, expected input${fmtShape(x.shape)} to have ${cg * groups} channels, but got ${c} channels instead`,
    );
  }
  if (bias && (bias.ndim !== 1 || bias.shape[0] !== o)) {
    throw pyError(
      'RuntimeError',
      `Given weight of size ${fmtShape(weight.shape)}, expected bias to be 1-dimensional with ${o} elements, but got bias of size ${fmtShape(bias.shape)} instead`,
    );
  }
  const [dh, dw] = opts.dilation;
  const [sh, sw] = opts.stride;
  const [ph, pw, padH, padW] = resolvePadding(opts, kh, kw, dh, dw);
  const effH = dh * (kh - 1) + 1;
  const effW = dw * (kw - 1) + 1;
  if (h + padH < effH || w + padW < effW) {
    throw pyError(
      'RuntimeError',
      `Calculated padded input size per channel: (${h + padH} x ${w + padW}). Kernel size: (${effH} x ${effW}). Kernel size can't be greater than actual input size`,
    );
  }
  const oh = Math.floor((h + padH - effH) / sh) + 1;
  const ow = Math.floor((w + padW - effW) / sw) + 1;
  const gemmPath = groups > 1 || ph >= effH || pw >= effW;
  const rows = new Int32Array(2 * kh);
  const cols = new Int32Array(2 * kw);
  for (let k = 0; k < kh; k++) rows.set(validRange(oh, h, sh, ph, k, dh), 2 * k);
  for (let k = 0; k < kw; k++) cols.set(validRange(ow, w, sw, pw, k, dw), 2 * k);
  return { n, c, h, w, o, kh, kw, oh, ow, sh, sw, ph, pw, dh, dw, groups, cg, og: o / groups, gemmPath, rows, cols };
}

/** [before H, before W, total H, total W]: 'same' pads (total)/2 before and the rest after, as PyTorch. */
function resolvePadding(opts: Conv2dOptions, kh: number, kw: number, dh: number, dw: number): number[] {
  const p = opts.padding;
  if (p === 'valid') return [0, 0, 0, 0];
  if (p === 'same') {
    if (opts.stride[0] !== 1 || opts.stride[1] !== 1) {
      throw pyError('RuntimeError', "padding='same' is not supported for strided convolutions");
    }
    const totalH = dh * (kh - 1);
    const totalW = dw * (kw - 1);
    return [totalH >> 1, totalW >> 1, totalH, totalW];
  }
  if (typeof p === 'string') throw pyError('RuntimeError', `Invalid padding string: '${String(p)}'`);
  if (p[0] < 0 || p[1] < 0) throw pyError('RuntimeError', 'negative padding is not supported');
  return [p[0], p[1], 2 * p[0], 2 * p[1]];
}

/** First and one-past-last output column whose input column ow * s - p + k * d lies inside [0, size). */
function validRange(out: number, size: number, s: number, p: number, k: number, d: number): Pair {
  const shift = k * d - p;
  // ow * s + shift >= 0  and  ow * s + shift <= size - 1
  const first = shift >= 0 ? 0 : Math.ceil(-shift / s);
  const last = Math.floor((size - 1 - shift) / s);
  return [Math.max(first, 0), Math.min(last + 1, out)];
}

/**
 * Where output row r reads the input for kernel tap (ki, kj), within one input plane: the input column of
 * output column 0 (it may lie in the padding; the loops start at the first valid column).
 */
function rowStart(g: Geometry, r: number, ki: number, kj: number): number {
  return (r * g.sh - g.ph + ki * g.dh) * g.w - g.pw + kj * g.dw;
}

/** Index of weight[oc, ci, ki, kj] (ci counts within the output channel's group). */
function weightIndex(g: Geometry, oc: number, ci: number, ki: number, kj: number): number {
  return ((oc * g.cg + ci) * g.kh + ki) * g.kw + kj;
}

/** oneDNN's direct kernel sums channels in blocks of 16, each block a chain of its own. */
const CHANNEL_BLOCK = 16;

/**
 * Per block of summed channels, the (channel, kh, kw) triples in the order the kernel sums them: (kh, kw, c)
 * in blocks of 16 channels for the direct kernel, (c, kh, kw) over all channels in one block for gemm.
 */
function tapBlocks(g: Geometry, channels: number): number[][] {
  const blocks: number[][] = [];
  const size = g.gemmPath ? channels : CHANNEL_BLOCK;
  for (let c0 = 0; c0 < channels; c0 += size) {
    const c1 = Math.min(channels, c0 + size);
    const taps: number[] = [];
    if (g.gemmPath) {
      for (let c = c0; c < c1; c++) for (let i = 0; i < g.kh; i++) for (let j = 0; j < g.kw; j++) taps.push(c, i, j);
    } else {
      for (let i = 0; i < g.kh; i++) for (let j = 0; j < g.kw; j++) for (let c = c0; c < c1; c++) taps.push(c, i, j);
    }
    blocks.push(taps);
  }
  return blocks;
}

/**
 * out[n, o] = bias + Σ over channel blocks of (one chain over the block's taps of w * x): each chain rounds
 * per step in a plane of the output's width, then is added to the output, as oneDNN adds its registers.
 */
function forwardLoops(
  X: Float32Array,
  W: Float32Array,
  bias: Float32Array | null,
  out: Float32Array,
  g: Geometry,
): void {
  const plane = g.oh * g.ow;
  const inPlane = g.h * g.w;
  const blocks = tapBlocks(g, g.cg);
  const chain = floats(plane);
  for (let b = 0; b < g.n; b++) {
    for (let oc = 0; oc < g.o; oc++) {
      const group = Math.floor(oc / g.og);
      const o0 = (b * g.o + oc) * plane;
      if (bias) out.fill(bias[oc], o0, o0 + plane);
      for (const order of blocks) {
        chain.fill(0);
        for (let t = 0; t < order.length; t += 3) {
          const ci = order[t];
          const ki = order[t + 1];
          const kj = order[t + 2];
          const c0 = g.cols[2 * kj];
          const wv = W[weightIndex(g, oc, ci, ki, kj)];
          const x0 = (b * g.c + group * g.cg + ci) * inPlane;
          for (let r = g.rows[2 * ki]; r < g.rows[2 * ki + 1]; r++) {
            const xRow = x0 + rowStart(g, r, ki, kj);
            axpy(chain, r * g.ow + c0, X, xRow + c0 * g.sw, g.sw, g.cols[2 * kj + 1] - c0, wv);
          }
        }
        for (let i = 0; i < plane; i++) out[o0 + i] += chain[i];
      }
    }
  }
}

/** F.conv2d(input, weight, bias, stride, padding, dilation, groups); 3-D input is one unbatched image. */
export function conv2d(x: Tensor, weight: Tensor, bias: Tensor | null, opts: Conv2dOptions): Tensor {
  if (!isFloatDType(x.dtype) || x.dtype !== weight.dtype || (bias && bias.dtype !== x.dtype)) {
    const other = x.dtype !== weight.dtype ? weight.dtype : (bias?.dtype ?? x.dtype);
    throw pyError('RuntimeError', `expected scalar type ${dtypeName(x.dtype)} but found ${dtypeName(other)}`);
  }
  // PyTorch runs an unbatched image as a batch of one: unsqueeze, convolve, squeeze (SqueezeBackward1).
  if (x.ndim === 3 && weight.ndim === 4) return squeeze(batchedConv2d(unsqueeze(x, 0), weight, bias, opts), 0);
  return batchedConv2d(x, weight, bias, opts);
}

function batchedConv2d(x: Tensor, weight: Tensor, bias: Tensor | null, opts: Conv2dOptions): Tensor {
  const g = geometry(x, weight, bias, opts);
  const X = x.data as Float32Array;
  const W = weight.data as Float32Array;
  const plane = g.oh * g.ow;
  const out = floats(g.n * g.o * plane);
  forwardLoops(X, W, bias ? (bias.data as Float32Array) : null, out, g);
  const shape = [g.n, g.o, g.oh, g.ow];
  if (!needsGrad(x, weight, bias)) return Tensor.result(out, shape, null);
  const node = new Node('ConvolutionBackward0', [x, weight, bias], (grad) => [
    x.requiresGrad ? (g.gemmPath ? inputGradCol2im(grad, W, g) : inputGrad(grad, W, g)) : null,
    weight.requiresGrad ? weightGrad(grad, X, g) : null,
    bias && bias.requiresGrad ? biasGrad(grad, g) : null,
  ]);
  return Tensor.result(out, shape, node);
}

/**
 * dL/dx[n, c] = Σ over blocks of 16 output channels of (one chain over (kh, kw, o) of w * dL/dy), each chain
 * scattered back along the kernel offsets into a plane of its own, then added to the gradient.
 */
function inputGrad(G: Float32Array, W: Float32Array, g: Geometry): Float32Array {
  const gx = floats(g.n * g.c * g.h * g.w);
  const plane = g.oh * g.ow;
  const inPlane = g.h * g.w;
  const chain = floats(inPlane);
  for (let b = 0; b < g.n; b++) {
    for (let ch = 0; ch < g.c; ch++) {
      const group = Math.floor(ch / g.cg);
      const ci = ch - group * g.cg;
      const x0 = (b * g.c + ch) * inPlane;
      for (let block = group * g.og; block < (group + 1) * g.og; block += CHANNEL_BLOCK) {
        chain.fill(0);
        for (let ki = 0; ki < g.kh; ki++) {
          for (let kj = 0; kj < g.kw; kj++) {
            const c0 = g.cols[2 * kj];
            for (let oc = block; oc < Math.min(block + CHANNEL_BLOCK, (group + 1) * g.og); oc++) {
              const wv = W[weightIndex(g, oc, ci, ki, kj)];
              const o0 = (b * g.o + oc) * plane;
              for (let r = g.rows[2 * ki]; r < g.rows[2 * ki + 1]; r++) {
                const xRow = rowStart(g, r, ki, kj);
                scatterAxpy(chain, xRow + c0 * g.sw, g.sw, G, o0 + r * g.ow + c0, g.cols[2 * kj + 1] - c0, wv);
              }
            }
          }
        }
        for (let i = 0; i < inPlane; i++) gx[x0 + i] += chain[i];
      }
    }
  }
  return gx;
}

/**
 * The gemm fallback's input gradient: per (c, kh, kw) the column dL/dy summed over output channels (one chain,
 * rounded), then col2im adds the columns into the image in (kh, kw) order.
 */
function inputGradCol2im(G: Float32Array, W: Float32Array, g: Geometry): Float32Array {
  const gx = floats(g.n * g.c * g.h * g.w);
  const plane = g.oh * g.ow;
  const inPlane = g.h * g.w;
  const column = floats(plane);
  for (let b = 0; b < g.n; b++) {
    for (let ch = 0; ch < g.c; ch++) {
      const group = Math.floor(ch / g.cg);
      const ci = ch - group * g.cg;
      const x0 = (b * g.c + ch) * inPlane;
      for (let ki = 0; ki < g.kh; ki++) {
        const r0 = g.rows[2 * ki];
        const r1 = g.rows[2 * ki + 1];
        for (let kj = 0; kj < g.kw; kj++) {
          const c0 = g.cols[2 * kj];
          const c1 = g.cols[2 * kj + 1];
          column.fill(0);
          for (let oc = group * g.og; oc < (group + 1) * g.og; oc++) {
            const wv = W[weightIndex(g, oc, ci, ki, kj)];
            const o0 = (b * g.o + oc) * plane;
            for (let i = 0; i < plane; i++) column[i] += wv * G[o0 + i];
          }
          for (let r = r0; r < r1; r++) {
            const xRow = x0 + rowStart(g, r, ki, kj);
            for (let col = c0; col < c1; col++) gx[xRow + col * g.sw] += column[r * g.ow + col];
          }
        }
      }
    }
  }
  return gx;
}

/** dL/dw[o, c, kh, kw] = Σ over (n, oh, ow) of dL/dy * x: one chain per weight, batch by batch. */
function weightGrad(G: Float32Array, X: Float32Array, g: Geometry): Float32Array {
  const gw = floats(g.o * g.cg * g.kh * g.kw);
  const plane = g.oh * g.ow;
  const inPlane = g.h * g.w;
  const f32 = gw instanceof Float32Array;
  for (let oc = 0; oc < g.o; oc++) {
    const group = Math.floor(oc / g.og);
    for (let ci = 0; ci < g.cg; ci++) {
      for (let ki = 0; ki < g.kh; ki++) {
        const r0 = g.rows[2 * ki];
        const r1 = g.rows[2 * ki + 1];
        for (let kj = 0; kj < g.kw; kj++) {
          const c0 = g.cols[2 * kj];
          const c1 = g.cols[2 * kj + 1];
          let acc = 0;
          for (let b = 0; b < g.n; b++) {
            const x0 = (b * g.c + group * g.cg + ci) * inPlane;
            const o0 = (b * g.o + oc) * plane;
            for (let r = r0; r < r1; r++) {
              const xRow = x0 + rowStart(g, r, ki, kj);
              const oRow = o0 + r * g.ow;
              acc = f32
                ? dotChain32(G, oRow + c0, X, xRow + c0 * g.sw, g.sw, c1 - c0, acc)
                : dotChain64(G, oRow + c0, X, xRow + c0 * g.sw, g.sw, c1 - c0, acc);
            }
          }
          gw[weightIndex(g, oc, ci, ki, kj)] = acc;
        }
      }
    }
  }
  return gw;
}

/** dL/db[o] = Σ over (n, oh, ow) of dL/dy, a running sum in order. */
function biasGrad(G: Float32Array, g: Geometry): Float32Array {
  const gb = floats(g.o);
  const plane = g.oh * g.ow;
  for (let b = 0; b < g.n; b++) {
    for (let oc = 0; oc < g.o; oc++) {
      const o0 = (b * g.o + oc) * plane;
      for (let i = 0; i < plane; i++) gb[oc] += G[o0 + i];
    }
  }
  return gb;
}

/** out[o + i] += w * x[xo + i * step] for i < n: one rounding per element in the output's buffer. */
function axpy(out: Float32Array, o: number, x: Float32Array, xo: number, step: number, n: number, w: number): void {
  if (step === 1) for (let i = 0; i < n; i++) out[o + i] += w * x[xo + i];
  else for (let i = 0; i < n; i++) out[o + i] += w * x[xo + i * step];
}

/** out[o + i * step] += w * g[go + i] for i < n (the transposed axpy of the input gradient). */
function scatterAxpy(
  out: Float32Array,
  o: number,
  step: number,
  g: Float32Array,
  go: number,
  n: number,
  w: number,
): void {
  if (step === 1) for (let i = 0; i < n; i++) out[o + i] += w * g[go + i];
  else for (let i = 0; i < n; i++) out[o + i * step] += w * g[go + i];
}

/** acc + Σ a[ao + i] * b[bo + i * step], rounded to float32 after every step (a fused multiply-add chain). */
function dotChain32(
  a: Float32Array,
  ao: number,
  b: Float32Array,
  bo: number,
  step: number,
  n: number,
  acc: number,
): number {
  for (let i = 0; i < n; i++) acc = Math.fround(acc + a[ao + i] * b[bo + i * step]);
  return acc;
}

/** The same chain in double precision (float64 tensors). */
function dotChain64(
  a: Float32Array,
  ao: number,
  b: Float32Array,
  bo: number,
  step: number,
  n: number,
  acc: number,
): number {
  for (let i = 0; i < n; i++) acc += a[ao + i] * b[bo + i * step];
  return acc;
}
