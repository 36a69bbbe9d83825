// The loops of 3-D convolution (conv3d.ts) and its gradients, in the summation orders convKernels.ts
// reproduces for 2-D, with the depth axis outermost among the kernel taps (oneDNN's 3-D kernels loop over
// kd outside kh and kw):
//  - direct kernel: per block of 16 input channels one chain over (kd, kh, kw, channel), added to the
//    output that starts at the bias; the input gradient likewise over blocks of 16 output channels;
//  - im2col (vol2col) + gemm fallback (groups, padding as wide as the kernel): one chain over
//    (channel, kd, kh, kw); the input gradient one output depth slice at a time, per tap a chain over
//    output channels, which oneDNN's col2im_3d adds in (kd, oh, kh, ow, kw) order; its weight and bias
//    gradients (a blocked sgemm) can differ in the last bits;
//  - the weight gradient one chain over (batch, od, oh, ow) per weight.
// Chains accumulate in a buffer of the output's width (float32 rounds after every step).
import { floats } from '../buffers';

export type Triple = [number, number, number];

/** Everything the loops need about one batched problem (sizes per axis are [depth, height, width]). */
export interface Geometry3 {
  n: number;
  c: number;
  o: number;
  groups: number;
  /** Input channels per group (the weight's dim 1) and output channels per group. */
  cg: number;
  og: number;
  size: Triple;
  kernel: Triple;
  out: Triple;
  stride: Triple;
  /** Padding before the first element of each axis ('same' with an even kernel pads one more after). */
  pad: Triple;
  dilation: Triple;
  gemmPath: boolean;
  /** Per axis and kernel tap k: the output indices [r[2k], r[2k + 1]) whose input index lies inside. */
  ranges: [Int32Array, Int32Array, Int32Array];
}

export type Sizes3 = Omit<Geometry3, 'ranges'>;

export function withRanges3(s: Sizes3): Geometry3 {
  const axis = (a: number): Int32Array => {
    const r = new Int32Array(2 * s.kernel[a]);
    for (let k = 0; k < s.kernel[a]; k++) {
      const shift = k * s.dilation[a] - s.pad[a];
      const first = shift >= 0 ? 0 : Math.ceil(-shift / s.stride[a]);
      const last = Math.floor((s.size[a] - 1 - shift) / s.stride[a]);
      r[2 * k] = Math.max(first, 0);
      r[2 * k + 1] = Math.max(Math.min(last + 1, s.out[a]), r[2 * k]);
    }
    return r;
  };
  return { ...s, ranges: [axis(0), axis(1), axis(2)] };
}

/** The input index along axis `a` that output index `i` reads for kernel tap `k` (it may lie in the padding). */
function at(g: Geometry3, a: number, i: number, k: number): number {
  return i * g.stride[a] - g.pad[a] + k * g.dilation[a];
}

function weightIndex(g: Geometry3, oc: number, ci: number, a: number, i: number, j: number): number {
  return (((oc * g.cg + ci) * g.kernel[0] + a) * g.kernel[1] + i) * g.kernel[2] + j;
}

const CHANNEL_BLOCK = 16;

/** The (channel, kd, kh, kw) taps of each chain, in the order the kernel sums them (see the file comment). */
function tapBlocks(g: Geometry3, channels: number): number[][] {
  const [kd, kh, kw] = g.kernel;
  const blocks: number[][] = [];
  const size = g.gemmPath ? channels : CHANNEL_BLOCK;
  for (let c0 = 0; c0 < channels; c0 += size) {
    const c1 = Math.min(channels, c0 + size);
    const taps: number[] = [];
    if (g.gemmPath) {
      for (let c = c0; c < c1; c++)
        for (let a = 0; a < kd; a++) for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) taps.push(c, a, i, j);
    } else {
      for (let a = 0; a < kd; a++)
        for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) for (let c = c0; c < c1; c++) taps.push(c, a, i, j);
    }
    blocks.push(taps);
  }
  return blocks;
}

/**
 * Per kernel tap (a, i, j) (index (a * kh + i) * kw + j), the runs of output positions along the width whose
 * input lies inside the volume: `pairs[tap]` holds (offset in the output volume, offset in the input volume)
 * per run, `count[tap]` the run's length (input elements stride[2] apart). Computed once per problem, so the
 * loops below are plain loops over runs.
 */
interface Runs {
  pairs: Int32Array[];
  count: Int32Array;
}

function rowRuns(g: Geometry3): Runs {
  const [kd, kh, kw] = g.kernel;
  const [, h, w] = g.size;
  const [, oh, ow] = g.out;
  const rd = g.ranges[0];
  const rh = g.ranges[1];
  const pairs: Int32Array[] = [];
  const count = new Int32Array(kd * kh * kw);
  for (let a = 0; a < kd; a++)
    for (let i = 0; i < kh; i++)
      for (let j = 0; j < kw; j++) {
        const tap = (a * kh + i) * kw + j;
        const c0 = g.ranges[2][2 * j];
        const n = g.ranges[2][2 * j + 1] - c0;
        const depth = rd[2 * a + 1] - rd[2 * a];
        const rows = rh[2 * i + 1] - rh[2 * i];
        if (n <= 0 || depth <= 0 || rows <= 0) {
          pairs.push(new Int32Array(0));
          continue;
        }
        count[tap] = n;
        const list = new Int32Array(2 * depth * rows);
        const xCol = at(g, 2, c0, j);
        let p = 0;
        for (let od = rd[2 * a]; od < rd[2 * a + 1]; od++) {
          const id = at(g, 0, od, a);
          for (let r = rh[2 * i]; r < rh[2 * i + 1]; r++) {
            list[p++] = (od * oh + r) * ow + c0;
            list[p++] = (id * h + at(g, 1, r, i)) * w + xCol;
          }
        }
        pairs.push(list);
      }
  return { pairs, count };
}

/** out[n, o] = bias + Σ over channel blocks of (one chain over the block's taps of w * x). */
export function forwardLoops3(
  X: Float32Array,
  W: Float32Array,
  bias: Float32Array | null,
  out: Float32Array,
  g: Geometry3,
): void {
  const vol = g.out[0] * g.out[1] * g.out[2];
  const inVol = g.size[0] * g.size[1] * g.size[2];
  const sw = g.stride[2];
  const blocks = tapBlocks(g, g.cg);
  const runs = rowRuns(g);
  const [, kh, kw] = g.kernel;
  const chain = floats(vol);
  for (let b = 0; b < g.n; b++) {
    for (let oc = 0; oc < g.o; oc++) {
      const group = Math.floor(oc / g.og);
      const o0 = (b * g.o + oc) * vol;
      if (bias) out.fill(bias[oc], o0, o0 + vol);
      for (const taps of blocks) {
        chain.fill(0);
        for (let t = 0; t < taps.length; t += 4) {
          const ci = taps[t];
          const tap = (taps[t + 1] * kh + taps[t + 2]) * kw + taps[t + 3];
          const wv = W[(oc * g.cg + ci) * runs.count.length + tap];
          const x0 = (b * g.c + group * g.cg + ci) * inVol;
          const list = runs.pairs[tap];
          const n = runs.count[tap];
          for (let p = 0; p < list.length; p += 2) {
            const o = list[p];
            const x = x0 + list[p + 1];
            if (sw === 1) for (let k = 0; k < n; k++) chain[o + k] += wv * X[x + k];
            else for (let k = 0; k < n; k++) chain[o + k] += wv * X[x + k * sw];
          }
        }
        for (let k = 0; k < vol; k++) out[o0 + k] += chain[k];
      }
    }
  }
}

/** dL/dx[n, c] = Σ over blocks of 16 output channels of (one chain over (kd, kh, kw, o) of w * dL/dy). */
export function inputGrad3(G: Float32Array, W: Float32Array, g: Geometry3): Float32Array {
  const vol = g.out[0] * g.out[1] * g.out[2];
  const inVol = g.size[0] * g.size[1] * g.size[2];
  const sw = g.stride[2];
  const [kd, kh, kw] = g.kernel;
  const gx = floats(g.n * g.c * inVol);
  const chain = floats(inVol);
  const runs = rowRuns(g);
  const taps = kd * kh * kw;
  for (let b = 0; b < g.n; b++) {
    for (let ch = 0; ch < g.c; ch++) {
      const group = Math.floor(ch / g.cg);
      const ci = ch - group * g.cg;
      const x0 = (b * g.c + ch) * inVol;
      for (let block = group * g.og; block < (group + 1) * g.og; block += CHANNEL_BLOCK) {
        const end = Math.min(block + CHANNEL_BLOCK, (group + 1) * g.og);
        chain.fill(0);
        for (let tap = 0; tap < taps; tap++) {
          const list = runs.pairs[tap];
          const n = runs.count[tap];
          for (let oc = block; oc < end; oc++) {
            const wv = W[(oc * g.cg + ci) * taps + tap];
            const o0 = (b * g.o + oc) * vol;
            for (let p = 0; p < list.length; p += 2) {
              const o = o0 + list[p];
              const x = list[p + 1];
              if (sw === 1) for (let k = 0; k < n; k++) chain[x + k] += wv * G[o + k];
              else for (let k = 0; k < n; k++) chain[x + k * sw] += wv * G[o + k];
            }
          }
        }
        for (let k = 0; k < inVol; k++) gx[x0 + k] += chain[k];
      }
    }
  }
  return gx;
}

/**
 * The gemm fallback's input gradient: per output depth slice od and kernel depth kd, the columns
 * Σ_o w * dL/dy (one chain per tap), added into the input in (oh, kh, ow, kw) order as col2im_3d does.
 */
export function inputGradCol2vol(G: Float32Array, W: Float32Array, g: Geometry3): Float32Array {
  const vol = g.out[0] * g.out[1] * g.out[2];
  const slice = g.out[1] * g.out[2];
  const inVol = g.size[0] * g.size[1] * g.size[2];
  const [, h, w] = g.size;
  const [, oh, ow] = g.out;
  const [kd, kh, kw] = g.kernel;
  const taps = kh * kw;
  const gx = floats(g.n * g.c * inVol);
  const columns = floats(taps * slice);
  for (let b = 0; b < g.n; b++) {
    for (let ch = 0; ch < g.c; ch++) {
      const group = Math.floor(ch / g.cg);
      const ci = ch - group * g.cg;
      const x0 = (b * g.c + ch) * inVol;
      for (let od = 0; od < g.out[0]; od++)
        for (let a = 0; a < kd; a++) {
          const id = at(g, 0, od, a);
          if (id < 0 || id >= g.size[0]) continue;
          columns.fill(0);
          for (let t = 0; t < taps; t++)
            for (let oc = group * g.og; oc < (group + 1) * g.og; oc++) {
              const wv = W[weightIndex(g, oc, ci, a, Math.floor(t / kw), t % kw)];
              const o0 = (b * g.o + oc) * vol + od * slice;
              for (let k = 0; k < slice; k++) columns[t * slice + k] += wv * G[o0 + k];
            }
          const x1 = x0 + id * h * w;
          for (let r = 0; r < oh; r++)
            for (let i = 0; i < kh; i++) {
              const ih = at(g, 1, r, i);
              if (ih < 0 || ih >= h) continue;
              for (let col = 0; col < ow; col++)
                for (let j = 0; j < kw; j++) {
                  const iw = at(g, 2, col, j);
                  if (iw >= 0 && iw < w) gx[x1 + ih * w + iw] += columns[(i * kw + j) * slice + r * ow + col];
                }
            }
        }
    }
  }
  return gx;
}

/**
 * ATen's col2vol (slow_conv_transpose3d's forward): per tap the column Σ_o w * dL/dy over the whole output
 * volume (one chain), added into the input tap by tap.
 */
export function inputGradTapMajor(G: Float32Array, W: Float32Array, g: Geometry3): Float32Array {
  const vol = g.out[0] * g.out[1] * g.out[2];
  const inVol = g.size[0] * g.size[1] * g.size[2];
  const sw = g.stride[2];
  const [kd, kh, kw] = g.kernel;
  const gx = floats(g.n * g.c * inVol);
  const column = floats(vol);
  const runs = rowRuns(g);
  for (let b = 0; b < g.n; b++) {
    for (let ch = 0; ch < g.c; ch++) {
      const group = Math.floor(ch / g.cg);
      const ci = ch - group * g.cg;
      const x0 = (b * g.c + ch) * inVol;
      for (let a = 0; a < kd; a++)
        for (let i = 0; i < kh; i++)
          for (let j = 0; j < kw; j++) {
            column.fill(0);
            for (let oc = group * g.og; oc < (group + 1) * g.og; oc++) {
              const wv = W[weightIndex(g, oc, ci, a, i, j)];
              const o0 = (b * g.o + oc) * vol;
              for (let k = 0; k < vol; k++) column[k] += wv * G[o0 + k];
            }
            const tap = (a * kh + i) * kw + j;
            const list = runs.pairs[tap];
            const n = runs.count[tap];
            for (let p = 0; p < list.length; p += 2) {
              const o = list[p];
              const x = x0 + list[p + 1];
              for (let k = 0; k < n; k++) gx[x + k * sw] += column[o + k];
            }
          }
    }
  }
  return gx;
}

/**
 * dL/dw[o, c, kd, kh, kw] = Σ over (n, od, oh, ow) of dL/dy * x: one chain per weight; with `perImage` one
 * chain per image, each added to the sum (ATen's per-image gemms with beta = 1).
 */
export function weightGrad3(G: Float32Array, X: Float32Array, g: Geometry3, perImage = false): Float32Array {
  const vol = g.out[0] * g.out[1] * g.out[2];
  const inVol = g.size[0] * g.size[1] * g.size[2];
  const sw = g.stride[2];
  const [kd, kh, kw] = g.kernel;
  const gw = floats(g.o * g.cg * kd * kh * kw);
  const f32 = gw instanceof Float32Array;
  const runs = rowRuns(g);
  for (let oc = 0; oc < g.o; oc++) {
    const group = Math.floor(oc / g.og);
    for (let ci = 0; ci < g.cg; ci++)
      for (let a = 0; a < kd; a++)
        for (let i = 0; i < kh; i++)
          for (let j = 0; j < kw; j++) {
            let acc = 0;
            let total = 0;
            for (let b = 0; b < g.n; b++) {
              if (perImage) acc = 0;
              const x0 = (b * g.c + group * g.cg + ci) * inVol;
              const o0 = (b * g.o + oc) * vol;
              const tap = (a * kh + i) * kw + j;
              const list = runs.pairs[tap];
              const n = runs.count[tap];
              for (let p = 0; p < list.length; p += 2) {
                const o = o0 + list[p];
                const x = x0 + list[p + 1];
                if (f32) for (let k = 0; k < n; k++) acc = Math.fround(acc + G[o + k] * X[x + k * sw]);
                else for (let k = 0; k < n; k++) acc += G[o + k] * X[x + k * sw];
              }
              if (perImage) total = f32 ? Math.fround(total + acc) : total + acc;
            }
            gw[weightIndex(g, oc, ci, a, i, j)] = perImage ? total : acc;
          }
  }
  return gw;
}
