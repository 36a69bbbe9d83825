// The loops of 2-D convolution and its gradients (see conv.ts for the summation orders they reproduce).
// conv.ts (conv1d, conv2d) and convTranspose.ts (conv_transpose1d/2d, whose forward is a convolution's
// input gradient and whose input gradient is a convolution) describe their problem as one Geometry and run
// these; 1-D problems run as 2-D ones of height 1, as PyTorch's view1d_as_2d does.
import { floats } from '../buffers';

export type Pair = [number, number];

/** Everything the loops need: sizes of one batched problem and the resolved padding. */
export interface Geometry {
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
  /** oneDNN's im2col + gemm fallback (see conv.ts) rather than its direct kernel. */
  gemmPath: boolean;
  /** Per kernel row ki: the output rows [rows[2ki], rows[2ki + 1]) whose input row lies inside the image. */
  rows: Int32Array;
  /** Per kernel column kj: the output columns likewise. */
  cols: Int32Array;
}

/** A geometry without its valid ranges, which `withRanges` derives. */
export type Sizes = Omit<Geometry, 'rows' | 'cols'>;

/** The geometry of `s` with its per-tap valid output rows and columns. */
export function withRanges(s: Sizes): Geometry {
  const rows = new Int32Array(2 * s.kh);
  const cols = new Int32Array(2 * s.kw);
  for (let k = 0; k < s.kh; k++) rows.set(validRange(s.oh, s.h, s.sh, s.ph, k, s.dh), 2 * k);
  for (let k = 0; k < s.kw; k++) cols.set(validRange(s.ow, s.w, s.sw, s.pw, k, s.dw), 2 * k);
  return { ...s, rows, cols };
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
export function forwardLoops(
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

/**
 * dL/dx[n, c] = Σ over blocks of 16 output channels of (one chain over (kh, kw, o) of w * dL/dy), each chain
 * scattered back along the kernel offsets into a plane of its own, then added to the gradient.
 */
export function inputGrad(G: Float32Array, W: Float32Array, g: Geometry): Float32Array {
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
export function inputGradCol2im(G: Float32Array, W: Float32Array, g: Geometry): Float32Array {
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

/**
 * dL/dw[o, c, kh, kw] = Σ over (n, oh, ow) of dL/dy * x: one chain per weight, batch by batch; with `perImage`
 * one chain per image, each added to the sum (ATen's per-image gemms with beta = 1).
 */
export function weightGrad(G: Float32Array, X: Float32Array, g: Geometry, perImage = false): Float32Array {
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
          let total = 0;
          for (let b = 0; b < g.n; b++) {
            if (perImage) acc = 0;
            const x0 = (b * g.c + group * g.cg + ci) * inPlane;
            const o0 = (b * g.o + oc) * plane;
            for (let r = r0; r < r1; r++) {
              const xRow = x0 + rowStart(g, r, ki, kj);
              const oRow = o0 + r * g.ow;
              acc = f32
                ? dotChain32(G, oRow + c0, X, xRow + c0 * g.sw, g.sw, c1 - c0, acc)
                : dotChain64(G, oRow + c0, X, xRow + c0 * g.sw, g.sw, c1 - c0, acc);
            }
            if (perImage) total = f32 ? Math.fround(total + acc) : total + acc;
          }
          gw[weightIndex(g, oc, ci, ki, kj)] = perImage ? total : acc;
        }
      }
    }
  }
  return gw;
}

/**
 * Per channel of G [n, channels, plane], the sum over (n, plane), a running sum in order: a convolution's bias
 * gradient (dL/dy over (n, oh, ow)).
 */
export function channelSums(G: Float32Array, n: number, channels: number, plane: number): Float32Array {
  const sums = floats(channels);
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < channels; ch++) {
      const o0 = (b * channels + ch) * plane;
      for (let i = 0; i < plane; i++) sums[ch] += G[o0 + i];
    }
  }
  return sums;
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
