// 3-D pooling over [N, C, D, H, W] (or unbatched [C, D, H, W]) input, as PyTorch 1.13's CPU kernels
// (DilatedMaxPool3d.cpp, AveragePool3d.cpp, AdaptiveAveragePooling3d.cpp) compute it, the 2-D rules of
// pool.ts with a depth axis outermost:
//  - max_pool3d: the largest value of each window (the first of equal maxima, a NaN always wins), its flat
//    index in the input volume kept for the backward pass; padding counts as -inf;
//  - avg_pool3d: a running sum in the input's width over (d, h, w), one division by the divisor; the
//    backward pass adds grad / divisor over the window;
//  - adaptive_avg_pool3d: windows [floor(i * D / OD), ceil((i + 1) * D / OD)) per axis, sum / kd / kh / kw.
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor } from '../tensor';
import { floats, isFloatDType } from '../buffers';
import { fmtShape } from '../shape';
import { dtypeName } from './util';
import { scatterOffsets } from './gradOps';
import { type WindowWalk, spreadDiff } from './pool';
import type { Triple } from './convKernels3d';

export interface Pool3dOptions {
  kernel: Triple;
  stride: Triple;
  padding: Triple;
  dilation: Triple;
  ceilMode: boolean;
}

export interface AvgPool3dOptions extends Omit<Pool3dOptions, 'dilation'> {
  countIncludePad: boolean;
  divisorOverride: number | null;
}

interface Volumes {
  /** N * C volumes of `size`, pooled into volumes of `out`. */
  volumes: number;
  size: Triple;
  out: Triple;
  shape: number[];
}

/** PyTorch's pooling_output_shape: floor (or ceil) division, the last window starting inside the input. */
function outputSize(size: number, k: number, pad: number, stride: number, dilation: number, ceil: boolean): number {
  const span = size + 2 * pad - dilation * (k - 1) - 1 + (ceil ? stride - 1 : 0);
  let out = Math.floor(span / stride) + 1;
  if (ceil && (out - 1) * stride >= size + pad) out--;
  return out;
}

/** The dtype and rank checks (`kernelName` as PyTorch names the kernel in its dtype message). */
function checkInput(x: Tensor, kernelName: string, rankMessage: string): void {
  if (!isFloatDType(x.dtype)) {
    throw pyError('RuntimeError', `"${kernelName}" not implemented for '${dtypeName(x.dtype)}'`);
  }
  if ((x.ndim !== 4 && x.ndim !== 5) || x.data.length === 0) throw pyError('RuntimeError', rankMessage);
}

/** The checks of PyTorch's max_pool3d / avg_pool3d templates, in their order and words, then the sizes. */
function volumesOf(x: Tensor, kernelName: string, o: Pool3dOptions): Volumes {
  checkInput(x, kernelName, 'non-empty 4D or 5D (batch mode) tensor expected for input');
  const [kt, kh, kw] = o.kernel;
  const [st, sh, sw] = o.stride;
  const [dt, dh, dw] = o.dilation;
  if (o.stride.some((s) => s === 0)) throw pyError('RuntimeError', 'stride should not be zero');
  // pooling_output_shape checks the padding axis by axis (depth, height, width).
  for (let a = 0; a < 3; a++) {
    if (o.padding[a] > o.kernel[a] / 2) {
      throw pyError(
        'RuntimeError',
        `pad should be at most half of kernel size, but got pad=${o.padding[a]} and kernel_size=${o.kernel[a]}`,
      );
    }
  }
  if (o.kernel.some((k) => k <= 0)) {
    throw pyError('RuntimeError', `kernel size should be greater than zero, but got kT: ${kt} kH: ${kh} kW: ${kw}`);
  }
  if (o.stride.some((s) => s <= 0)) {
    throw pyError('RuntimeError', `stride should be greater than zero, but got dT: ${st} dH: ${sh} dW: ${sw}`);
  }
  if (o.dilation.some((d) => d <= 0)) {
    throw pyError(
      'RuntimeError',
      `dilation should be greater than zero, but got dilationT: ${dt} dilationH: ${dh} dilationW: ${dw}`,
    );
  }
  const size = x.shape.slice(-3) as Triple;
  const c = x.shape[x.ndim - 4];
  const out = size.map((s, a) =>
    outputSize(s, o.kernel[a], o.padding[a], o.stride[a], o.dilation[a], o.ceilMode),
  ) as Triple;
  if (out.some((v) => v < 1)) {
    throw pyError(
      'RuntimeError',
      `Given input size: (${c}x${size.join('x')}). Calculated output size: (${c}x${out.join('x')}). Output size is too small`,
    );
  }
  const volume = size[0] * size[1] * size[2];
  return { volumes: x.data.length / volume, size, out, shape: [...x.shape.slice(0, -3), ...out] };
}

/** F.max_pool3d(input, kernel_size, stride, padding, dilation, ceil_mode) with the indices return_indices gives. */
export function max_pool3d_with_indices(x: Tensor, o: Pool3dOptions): { values: Tensor; indices: Tensor } {
  const v = volumesOf(x, 'max_pool3d_with_indices_cpu', o);
  const [d, h, w] = v.size;
  const [od, oh, ow] = v.out;
  const X = x.data as Float32Array;
  const inVol = d * h * w;
  const outVol = od * oh * ow;
  const out = floats(v.volumes * outVol);
  const idx = new Float64Array(v.volumes * outVol);
  const starts = (a: number, i: number): number => i * o.stride[a] - o.padding[a];
  for (let vl = 0; vl < v.volumes; vl++) {
    const x0 = vl * inVol;
    let k = vl * outVol;
    for (let t = 0; t < od; t++)
      for (let r = 0; r < oh; r++)
        for (let col = 0; col < ow; col++, k++) {
          let best = -Infinity;
          let where = -1;
          for (let a = 0; a < o.kernel[0]; a++) {
            const it = starts(0, t) + a * o.dilation[0];
            if (it < 0 || it >= d) continue;
            for (let i = 0; i < o.kernel[1]; i++) {
              const ih = starts(1, r) + i * o.dilation[1];
              if (ih < 0 || ih >= h) continue;
              for (let j = 0; j < o.kernel[2]; j++) {
                const iw = starts(2, col) + j * o.dilation[2];
                if (iw < 0 || iw >= w) continue;
                const flat = (it * h + ih) * w + iw;
                const val = X[x0 + flat];
                if (where < 0) where = flat;
                if (val > best || Number.isNaN(val)) {
                  best = val;
                  where = flat;
                }
              }
            }
          }
          out[k] = best;
          idx[k] = where;
        }
  }
  const indices = new Tensor(idx, v.shape, 'int64');
  if (!needsGrad(x)) return { values: Tensor.result(out, v.shape, null), indices };
  const offsets = (): Int32Array => Int32Array.from(idx, (where, k) => Math.floor(k / outVol) * inVol + where);
  const node = new Node('MaxPool3DWithIndicesBackward0', [x], (g) => {
    const gx = floats(X.length);
    for (let k = 0; k < idx.length; k++) gx[Math.floor(k / outVol) * inVol + idx[k]] += g[k];
    return [gx];
  });
  node.diff = (g) => [scatterOffsets(g, offsets(), x.shape, 'MaxPool3DWithIndicesBackwardBackward0', x)];
  return { values: Tensor.result(out, v.shape, node), indices };
}

/** Runs the average-pooling forward and backward of `walk` (windows listed output by output, in (d, h, w) order). */
function averagePool(x: Tensor, shape: number[], outCount: number, walk: WindowWalk, name: string): Tensor {
  const X = x.data as Float32Array;
  const out = floats(outCount);
  const sum = out.subarray(0, 1).slice(); // one element of the output's width: rounds each step as it does
  let current = -1;
  let currentDivisor = 1;
  const flush = (): void => {
    if (current >= 0) out[current] = sum[0] / currentDivisor;
  };
  walk((k, at, divisor) => {
    if (k !== current) {
      flush();
      current = k;
      currentDivisor = divisor;
      sum[0] = 0;
    }
    sum[0] += X[at];
  });
  flush();
  if (!needsGrad(x)) return Tensor.result(out, shape, null);
  const node = new Node(name, [x], (g) => {
    const gx = floats(X.length);
    const share = gx.subarray(0, 1).slice(); // grad / divisor rounded to the gradient's width first
    let last = -1;
    walk((k, at, divisor) => {
      if (k !== last) {
        share[0] = g[k] / divisor;
        last = k;
      }
      gx[at] += share[0];
    });
    return [gx];
  });
  node.diff = spreadDiff(x, walk); // create_graph: g / divisor scattered into each window (linear in g)
  return Tensor.result(out, shape, node);
}

/** F.avg_pool3d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override). */
export function avg_pool3d(x: Tensor, o: AvgPool3dOptions): Tensor {
  if (o.divisorOverride !== null && o.divisorOverride === 0) throw pyError('RuntimeError', 'divisor must be not zero');
  const v = volumesOf(x, 'avg_pool3d_out_frame', { ...o, dilation: [1, 1, 1] });
  const [d, h, w] = v.size;
  const [od, oh, ow] = v.out;
  const inVol = d * h * w;
  const walk: WindowWalk = (visit) => {
    let k = 0;
    for (let vl = 0; vl < v.volumes; vl++)
      for (let t = 0; t < od; t++)
        for (let r = 0; r < oh; r++)
          for (let col = 0; col < ow; col++, k++) {
            const lo = [t, r, col].map((i, a) => i * o.stride[a] - o.padding[a]);
            const hi = lo.map((l, a) => Math.min(l + o.kernel[a], v.size[a] + o.padding[a]));
            const padded = (hi[0] - lo[0]) * (hi[1] - lo[1]) * (hi[2] - lo[2]);
            const a0 = lo.map((l) => Math.max(l, 0));
            const a1 = hi.map((e, a) => Math.min(e, v.size[a]));
            const inside = (a1[0] - a0[0]) * (a1[1] - a0[1]) * (a1[2] - a0[2]);
            const divisor = o.divisorOverride ?? (o.countIncludePad ? padded : inside);
            for (let it = a0[0]; it < a1[0]; it++)
              for (let ih = a0[1]; ih < a1[1]; ih++)
                for (let iw = a0[2]; iw < a1[2]; iw++) visit(k, vl * inVol + (it * h + ih) * w + iw, divisor);
          }
  };
  return averagePool(x, v.shape, v.volumes * od * oh * ow, walk, 'AvgPool3DBackward0');
}

/** F.adaptive_avg_pool3d(input, output_size) for output sizes other than 1 x 1 x 1 (which PyTorch takes as a mean). */
export function adaptive_avg_pool3d(x: Tensor, size: Triple): Tensor {
  checkInput(
    x,
    'adaptive_avg_pool3d_cpu',
    `adaptive_avg_pool3d(): Expected 4D or 5D tensor, but got ${fmtShape(x.shape)}`,
  );
  const [d, h, w] = x.shape.slice(-3);
  const [od, oh, ow] = size;
  const inVol = d * h * w;
  const volumes = x.data.length / inVol;
  const lo = (i: number, n: number, s: number): number => Math.floor((i * s) / n);
  const hi = (i: number, n: number, s: number): number => Math.ceil(((i + 1) * s) / n);
  const X = x.data as Float32Array;
  const outCount = volumes * od * oh * ow;
  const out = floats(outCount);
  // sum / kd / kh / kw: three roundings, as PyTorch divides.
  const windows = (visit: (k: number, kd: number, kh: number, kw: number, at: number) => void): void => {
    let k = 0;
    for (let vl = 0; vl < volumes; vl++)
      for (let t = 0; t < od; t++)
        for (let r = 0; r < oh; r++)
          for (let col = 0; col < ow; col++, k++) {
            const [t0, t1] = [lo(t, od, d), hi(t, od, d)];
            const [r0, r1] = [lo(r, oh, h), hi(r, oh, h)];
            const [c0, c1] = [lo(col, ow, w), hi(col, ow, w)];
            for (let it = t0; it < t1; it++)
              for (let ih = r0; ih < r1; ih++)
                for (let iw = c0; iw < c1; iw++)
                  visit(k, t1 - t0, r1 - r0, c1 - c0, vl * inVol + (it * h + ih) * w + iw);
          }
  };
  const sum = out.subarray(0, 1).slice();
  let current = -1;
  let dims: Triple = [1, 1, 1];
  const flush = (): void => {
    if (current < 0) return;
    sum[0] = sum[0] / dims[0];
    sum[0] = sum[0] / dims[1];
    out[current] = sum[0] / dims[2];
  };
  windows((k, kd, kh, kw, at) => {
    if (k !== current) {
      flush();
      current = k;
      dims = [kd, kh, kw];
      sum[0] = 0;
    }
    sum[0] += X[at];
  });
  flush();
  const shape = [...x.shape.slice(0, -3), od, oh, ow];
  if (!needsGrad(x)) return Tensor.result(out, shape, null);
  const node = new Node('AdaptiveAvgPool3DBackward0', [x], (g) => {
    const gx = floats(X.length);
    const share = gx.subarray(0, 1).slice();
    let last = -1;
    windows((k, kd, kh, kw, at) => {
      if (k !== last) {
        share[0] = g[k] / kd;
        share[0] = share[0] / kh;
        share[0] = share[0] / kw;
        last = k;
      }
      gx[at] += share[0];
    });
    return [gx];
  });
  node.diff = spreadDiff(x, (visit) => windows((k, kd, kh, kw, at) => visit(k, at, kd * kh * kw)));
  return Tensor.result(out, shape, node);
}
