// F.interpolate's modes beyond 4-D nearest / bilinear (upsample.ts), as PyTorch 1.13's CPU kernels
// (UpSample.h, UpSampleKernel.cpp, UpSampleBicubic2d.cpp):
//  - nearest on 3-D / 5-D input and nearest-exact (source floor((o + 0.5) * scale), in float32) on 3-D to 5-D:
//    gathers, the backward pass adding into the sources in output order;
//  - linear (3-D) and trilinear (5-D): per dim the two taps of upsample.ts's linearTaps; an output is the
//    innermost dim's weighted sum, weighted again per outer dim (t0 * w0 + t1 * w1, rounded each step);
//    the backward pass adds (w_outer * ... * w_inner) * g into each tap in output order;
//  - bicubic (4-D): four taps per dim at floor(src) - 1 .. + 2 clamped to the input, weights from the cubic
//    convolution with A = -0.75 (no clamping of the source position); the backward pass adds (g * wy) * wx,
//    x taps outer, as upsample_bicubic2d_backward_out_frame does.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor } from '../tensor';
import { floats, isFloatDType, inFloat64Mode } from '../buffers';
import { dtypeName } from './util';
import { gatherOp, linearTaps, scaleOf } from './upsample';

const round32 = (): ((v: number) => number) => (inFloat64Mode() ? (v) => v : Math.fround);
const DIMS = ['D', 'H', 'W'];

function checkInput(x: Tensor, size: readonly number[], name: string): number[] {
  if (!isFloatDType(x.dtype)) throw pyError('RuntimeError', `"${name}" not implemented for '${dtypeName(x.dtype)}'`);
  const k = size.length;
  const spatial = x.shape.slice(2);
  if (spatial.some((s) => !(s > 0)) || size.some((s) => !(s > 0))) {
    const names = DIMS.slice(3 - k);
    const show = (v: readonly number[]): string => names.map((d, i) => `${d}: ${v[i]}`).join(', ');
    const joiner = k === 1 ? ' and output' : ' output';
    throw pyError(
      'RuntimeError',
      `Input and output sizes should be greater than 0, but got input (${show(spatial)})${joiner} (${show(size)})`,
    );
  }
  return spatial;
}

/** Row-major offsets of the output's elements built from per-dim source tables (spatial dims only). */
function combine(planes: number, inShape: readonly number[], tables: Int32Array[]): Int32Array {
  const k = inShape.length;
  const strides = new Array<number>(k);
  let s = 1;
  for (let d = k - 1; d >= 0; d--) {
    strides[d] = s;
    s *= inShape[d];
  }
  const plane = s;
  let per = 1;
  for (const t of tables) per *= t.length;
  const offsets = new Int32Array(planes * per);
  const idx = new Array<number>(k).fill(0);
  for (let o = 0; o < per; o++) {
    let at = 0;
    for (let d = 0; d < k; d++) at += tables[d][idx[d]] * strides[d];
    for (let p = 0; p < planes; p++) offsets[p * per + o] = p * plane + at;
    for (let d = k - 1; d >= 0; d--) {
      if (++idx[d] < tables[d].length) break;
      idx[d] = 0;
    }
  }
  return offsets;
}

/** F.interpolate(mode='nearest' or 'nearest-exact') of [N, C, *spatial] input to `size`. */
export function upsampleNearestNd(x: Tensor, size: number[], scales: (number | null)[], exact: boolean): Tensor {
  const k = size.length;
  const name = `upsample_nearest${exact ? '_exact' : ''}${k}d`;
  const spatial = checkInput(x, size, name);
  const f = Math.fround;
  const tables = size.map((out, d) => {
    const n = spatial[d];
    const scale = scaleOf(scales[d], n, out);
    return Int32Array.from({ length: out }, (_, o) => {
      if (exact) return Math.min(Math.floor(f((o + 0.5) * scale)), n - 1);
      if (out === n) return o;
      if (out === 2 * n) return o >> 1;
      return Math.min(Math.floor(f(o * scale)), n - 1);
    });
  });
  const planes = x.shape[0] * x.shape[1];
  const offsets = combine(planes, spatial, tables);
  return gatherOp(
    x,
    offsets,
    [x.shape[0], x.shape[1], ...size],
    `UpsampleNearest${exact ? 'Exact' : ''}${k}DBackward1`,
  );
}

interface Taps {
  idx: Int32Array[]; // per tap j: source index of each output index
  w: Float64Array[]; // per tap j: weight of each output index
}

/** The four cubic taps of each output index (compute_indices_weights_cubic / get_cubic_upsample_coefficients). */
function cubicTaps(inSize: number, outSize: number, alignCorners: boolean, scale: number | null): Taps {
  const f = Math.fround;
  const A = -0.75;
  const cc1 = (v: number): number => f(f(f(f(f(f(A + 2) * v) - f(A + 3)) * v) * v) + 1);
  const cc2 = (v: number): number => f(f(f(f(f(f(A * v) - f(5 * A)) * v) + f(8 * A)) * v) - f(4 * A));
  const ratio = alignCorners ? (outSize > 1 ? f((inSize - 1) / (outSize - 1)) : 0) : scaleOf(scale, inSize, outSize);
  const idx = [0, 1, 2, 3].map(() => new Int32Array(outSize));
  const w = [0, 1, 2, 3].map(() => new Float64Array(outSize));
  for (let o = 0; o < outSize; o++) {
    const src = alignCorners ? f(ratio * o) : f(f(ratio * f(o + 0.5)) - 0.5);
    const i = Math.floor(src);
    const t = f(src - i);
    const coeffs = [cc2(f(t + 1)), cc1(t), cc1(f(1 - t)), cc2(f(f(1 - t) + 1))];
    for (let j = 0; j < 4; j++) {
      idx[j][o] = Math.max(Math.min(i - 1 + j, inSize - 1), 0);
      w[j][o] = coeffs[j];
    }
  }
  return { idx, w };
}

function linearAsTaps(inSize: number, outSize: number, alignCorners: boolean, scale: number | null): Taps {
  const t = linearTaps(inSize, outSize, alignCorners, scale);
  return { idx: [t.i0, t.i1], w: [t.l0, t.l1] };
}

/** Separable interpolation with `taps[d]` per spatial dim; `cubic` picks the bicubic backward order. */
function interpolateTaps(
  x: Tensor,
  size: number[],
  spatial: number[],
  taps: Taps[],
  name: string,
  cubic: boolean,
): Tensor {
  const r = round32();
  const k = size.length;
  const X = x.data;
  const planes = x.shape[0] * x.shape[1];
  const strides = new Array<number>(k);
  let s = 1;
  for (let d = k - 1; d >= 0; d--) {
    strides[d] = s;
    s *= spatial[d];
  }
  const inPlane = s;
  let per = 1;
  for (const n of size) per *= n;
  const T = taps[0].idx.length;
  const out = floats(planes * per);
  const o = new Array<number>(k).fill(0);
  // value(d, base): the weighted sum over dim d's taps of the inner dims' values (ATen's Interpolate).
  const value = (d: number, base: number): number => {
    if (d === k) return X[base];
    const td = taps[d];
    let acc = r(value(d + 1, base + td.idx[0][o[d]] * strides[d]) * td.w[0][o[d]]);
    for (let j = 1; j < T; j++) acc = r(acc + r(value(d + 1, base + td.idx[j][o[d]] * strides[d]) * td.w[j][o[d]]));
    return acc;
  };
  for (let q = 0; q < per; q++) {
    for (let p = 0; p < planes; p++) out[p * per + q] = value(0, p * inPlane);
    for (let d = k - 1; d >= 0; d--) {
      if (++o[d] < size[d]) break;
      o[d] = 0;
    }
  }
  const shape = [x.shape[0], x.shape[1], ...size];
  if (!needsGrad(x)) return Tensor.result(out, shape, null);
  // Every (output, input, weight) tap in PyTorch's order of accumulation.
  const { outs, ins, wts } = backwardTaps(taps, size, strides, planes, per, inPlane, cubic);
  const n = outs.length;
  const node = new Node(
    name,
    [x],
    (g) => {
      const gx = floats(X.length);
      if (cubic) for (let t = 0; t < n; t++) gx[ins[t]] += r(r(g[outs[t]] * wts[2 * t]) * wts[2 * t + 1]);
      else for (let t = 0; t < n; t++) gx[ins[t]] += r(wts[t] * g[outs[t]]);
      return [gx];
    },
    null,
  );
  return Tensor.result(out, shape, node);
}

/** Every (output, input, weight) tap of an interpolation in PyTorch's order of accumulation (cubic: two factors). */
function backwardTaps(
  taps: Taps[],
  size: number[],
  strides: number[],
  planes: number,
  per: number,
  inPlane: number,
  cubic: boolean,
): { outs: number[]; ins: number[]; wts: number[] } {
  const r = round32();
  const k = size.length;
  const T = taps[0].idx.length;
  const o = new Array<number>(k).fill(0);
  const outs: number[] = [];
  const ins: number[] = [];
  const wts: number[] = [];
  const tapIdx = new Array<number>(k).fill(0);
  for (let p = 0; p < planes; p++) {
    o.fill(0);
    for (let q = 0; q < per; q++) {
      if (cubic) {
        // (g * wy) * wx, the x taps outer; kept as a two-factor weight applied in that order below.
        for (let i = 0; i < T; i++) {
          for (let j = 0; j < T; j++) {
            outs.push(p * per + q);
            ins.push(p * inPlane + taps[0].idx[j][o[0]] * strides[0] + taps[1].idx[i][o[1]] * strides[1]);
            wts.push(taps[0].w[j][o[0]], taps[1].w[i][o[1]]);
          }
        }
      } else {
        tapIdx.fill(0);
        for (let c = 0; c < T ** k; c++) {
          let at = p * inPlane;
          let wt = 1;
          for (let d = 0; d < k; d++) {
            at += taps[d].idx[tapIdx[d]][o[d]] * strides[d];
            wt = d === 0 ? taps[d].w[tapIdx[d]][o[d]] : r(wt * taps[d].w[tapIdx[d]][o[d]]);
          }
          outs.push(p * per + q);
          ins.push(at);
          wts.push(wt);
          for (let d = k - 1; d >= 0; d--) {
            if (++tapIdx[d] < T) break;
            tapIdx[d] = 0;
          }
        }
      }
      for (let d = k - 1; d >= 0; d--) {
        if (++o[d] < size[d]) break;
        o[d] = 0;
      }
    }
  }
  return { outs, ins, wts };
}

/** F.interpolate(mode='linear' | 'trilinear') of 3-D / 5-D input. */
export function upsampleLinearNd(x: Tensor, size: number[], alignCorners: boolean, scales: (number | null)[]): Tensor {
  const k = size.length;
  const spatial = checkInput(x, size, k === 1 ? 'upsample_linear1d' : 'upsample_trilinear3d');
  const taps = size.map((out, d) => linearAsTaps(spatial[d], out, alignCorners, scales[d]));
  const name = k === 1 ? 'UpsampleLinear1DBackward1' : 'UpsampleTrilinear3DBackward1';
  return interpolateTaps(x, size, spatial, taps, name, false);
}

/** F.interpolate(mode='bicubic') of 4-D input. */
export function upsampleBicubic2d(x: Tensor, size: number[], alignCorners: boolean, scales: (number | null)[]): Tensor {
  const spatial = checkInput(x, size, 'upsample_bicubic2d');
  const taps = size.map((out, d) => cubicTaps(spatial[d], out, alignCorners, scales[d]));
  return interpolateTaps(x, size, spatial, taps, 'UpsampleBicubic2DBackward1', true);
}
