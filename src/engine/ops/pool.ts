// 2-D pooling over [N, C, H, W] (or unbatched [C, H, W]) input, as PyTorch 1.13's CPU kernels compute it:
//  - max_pool2d: the largest value of each window (NaN wins), its flat index in the input plane kept for
//    the backward pass, which routes each output's gradient to that one position (summing where windows
//    overlap); padding counts as -inf.
//  - avg_pool2d: a float32 running sum over the window in row order, then one division by the window size
//    (the padded size with count_include_pad, the clipped one without, or divisor_override); the backward
//    pass spreads grad / divisor over the window.
//  - adaptive_avg_pool2d: windows [floor(i * H / OH), ceil((i + 1) * H / OH)), sum / kh / kw.
import { pyError } from '../errors';
import { type DiffBackwardFn, Node, needsGrad } from '../autograd';
import { mul } from './arith';
import { gatherOffsets, scatterOffsets } from './gradOps';
import { Tensor } from '../tensor';
import { floats, isFloatDType } from '../buffers';
import { dtypeName } from './util';
import type { Pair } from './conv';

export interface PoolOptions {
  kernel: Pair;
  stride: Pair;
  padding: Pair;
  dilation: Pair;
  ceilMode: boolean;
}

export interface AvgPoolOptions extends Omit<PoolOptions, 'dilation'> {
  countIncludePad: boolean;
  divisorOverride: number | null;
}

/** Planes (N * C), the input plane and the output plane. */
interface Planes {
  planes: number;
  h: number;
  w: number;
  oh: number;
  ow: number;
  /** The output's shape (3-D when the input was). */
  shape: number[];
}

/** PyTorch's pooling_output_shape: floor (or ceil) division, the last window starting inside the input. */
function outputSize(size: number, k: number, pad: number, stride: number, dilation: number, ceil: boolean): number {
  const span = size + 2 * pad - dilation * (k - 1) - 1 + (ceil ? stride - 1 : 0);
  let out = Math.floor(span / stride) + 1;
  if (ceil && (out - 1) * stride >= size + pad) out--;
  return out;
}

function planesOf(x: Tensor, name: string, o: PoolOptions): Planes {
  if (!isFloatDType(x.dtype)) {
    throw pyError('RuntimeError', `"${name}" not implemented for '${dtypeName(x.dtype)}'`);
  }
  if ((x.ndim !== 3 && x.ndim !== 4) || x.data.length === 0) {
    throw pyError('RuntimeError', 'non-empty 3D or 4D (batch mode) tensor expected for input');
  }
  const [kh, kw] = o.kernel;
  const [sh, sw] = o.stride;
  if (kh <= 0 || kw <= 0) {
    throw pyError('RuntimeError', `kernel size should be greater than zero, but got kH: ${kh} kW: ${kw}`);
  }
  if (sh <= 0 || sw <= 0)
    throw pyError('RuntimeError', `stride should be greater than zero, but got dH: ${sh} dW: ${sw}`);
  if (o.dilation[0] <= 0 || o.dilation[1] <= 0) {
    throw pyError(
      'RuntimeError',
      `dilation should be greater than zero, but got dilationH: ${o.dilation[0]} dilationW: ${o.dilation[1]}`,
    );
  }
  if (o.padding[0] > kh / 2 || o.padding[1] > kw / 2) {
    throw pyError(
      'RuntimeError',
      `pad should be at most half of kernel size, but got pad=${o.padding[0] > kh / 2 ? o.padding[0] : o.padding[1]} and kernel_size=${o.padding[0] > kh / 2 ? kh : kw}`,
    );
  }
  const h = x.shape[x.ndim - 2];
  const w = x.shape[x.ndim - 1];
  const c = x.shape[x.ndim - 3];
  const oh = outputSize(h, kh, o.padding[0], sh, o.dilation[0], o.ceilMode);
  const ow = outputSize(w, kw, o.padding[1], sw, o.dilation[1], o.ceilMode);
  if (oh < 1 || ow < 1) {
    throw pyError(
      'RuntimeError',
      `Given input size: (${c}x${h}x${w}). Calculated output size: (${c}x${oh}x${ow}). Output size is too small`,
    );
  }
  return { planes: x.data.length / (h * w), h, w, oh, ow, shape: [...x.shape.slice(0, -2), oh, ow] };
}

/** F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode); `indices` as return_indices gives them. */
export function max_pool2d_with_indices(x: Tensor, o: PoolOptions): { values: Tensor; indices: Tensor } {
  const p = planesOf(x, 'max_pool2d', o);
  const X = x.data as Float32Array;
  const outPlane = p.oh * p.ow;
  const out = floats(p.planes * outPlane);
  const idx = new Float64Array(p.planes * outPlane);
  for (let pl = 0; pl < p.planes; pl++) {
    const x0 = pl * p.h * p.w;
    for (let r = 0; r < p.oh; r++) {
      for (let col = 0; col < p.ow; col++) {
        let best = -Infinity;
        let at = -1;
        for (let i = 0; i < o.kernel[0]; i++) {
          const ih = r * o.stride[0] - o.padding[0] + i * o.dilation[0];
          if (ih < 0 || ih >= p.h) continue;
          for (let j = 0; j < o.kernel[1]; j++) {
            const iw = col * o.stride[1] - o.padding[1] + j * o.dilation[1];
            if (iw < 0 || iw >= p.w) continue;
            const v = X[x0 + ih * p.w + iw];
            // PyTorch: the first position in the window to start with, then `val > maxval || isnan(val)`
            // (the first of equal maxima stays, a NaN always takes over).
            if (at < 0) at = ih * p.w + iw;
            if (v > best || Number.isNaN(v)) {
              best = v;
              at = ih * p.w + iw;
            }
          }
        }
        out[pl * outPlane + r * p.ow + col] = best;
        idx[pl * outPlane + r * p.ow + col] = at;
      }
    }
  }
  const indices = new Tensor(idx, p.shape, 'int64');
  if (!needsGrad(x)) return { values: Tensor.result(out, p.shape, null), indices };
  const node = new Node('MaxPool2DWithIndicesBackward0', [x], (g) => {
    const gx = floats(X.length);
    for (let pl = 0; pl < p.planes; pl++) {
      for (let k = pl * outPlane; k < (pl + 1) * outPlane; k++) gx[pl * p.h * p.w + idx[k]] += g[k];
    }
    return [gx];
  });
  // create_graph: g scattered to the chosen positions (recorded, linear in g).
  node.diff = (g) => [
    scatterOffsets(
      g,
      Int32Array.from(idx, (at, k) => Math.floor(k / outPlane) * p.h * p.w + at),
      x.shape,
      'MaxPool2DWithIndicesBackwardBackward0',
      x,
    ),
  ];
  return { values: Tensor.result(out, p.shape, node), indices };
}

export function max_pool2d(x: Tensor, o: PoolOptions): Tensor {
  return max_pool2d_with_indices(x, o).values;
}

/** The window of output (r, col) clipped to the input, and the divisor PyTorch divides its sum by. */
function avgWindow(p: Planes, o: AvgPoolOptions, r: number, col: number): number[] {
  let h0 = r * o.stride[0] - o.padding[0];
  let w0 = col * o.stride[1] - o.padding[1];
  let h1 = Math.min(h0 + o.kernel[0], p.h + o.padding[0]);
  let w1 = Math.min(w0 + o.kernel[1], p.w + o.padding[1]);
  const padded = (h1 - h0) * (w1 - w0);
  h0 = Math.max(h0, 0);
  w0 = Math.max(w0, 0);
  h1 = Math.min(h1, p.h);
  w1 = Math.min(w1, p.w);
  const divisor = o.divisorOverride ?? (o.countIncludePad ? padded : (h1 - h0) * (w1 - w0));
  return [h0, h1, w0, w1, divisor];
}

/** F.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override). */
export function avg_pool2d(x: Tensor, o: AvgPoolOptions): Tensor {
  if (o.divisorOverride !== null && o.divisorOverride === 0) throw pyError('RuntimeError', 'divisor must be not zero');
  const p = planesOf(x, 'avg_pool2d', { ...o, dilation: [1, 1] });
  const X = x.data as Float32Array;
  const outPlane = p.oh * p.ow;
  const out = floats(p.planes * outPlane);
  const sum = out.subarray(0, 1).slice(); // one element of the output's width: rounds each step as it does
  for (let pl = 0; pl < p.planes; pl++) {
    const x0 = pl * p.h * p.w;
    for (let r = 0; r < p.oh; r++) {
      for (let col = 0; col < p.ow; col++) {
        const [h0, h1, w0, w1, divisor] = avgWindow(p, o, r, col);
        if (h0 >= h1 || w0 >= w1) continue;
        sum[0] = 0;
        for (let ih = h0; ih < h1; ih++) for (let iw = w0; iw < w1; iw++) sum[0] += X[x0 + ih * p.w + iw];
        out[pl * outPlane + r * p.ow + col] = sum[0] / divisor;
      }
    }
  }
  if (!needsGrad(x)) return Tensor.result(out, p.shape, null);
  const node = new Node('AvgPool2DBackward0', [x], (g) => {
    const gx = floats(X.length);
    const share = gx.subarray(0, 1).slice(); // grad / divisor rounded to the gradient's width first
    for (let pl = 0; pl < p.planes; pl++) {
      const x0 = pl * p.h * p.w;
      for (let r = 0; r < p.oh; r++) {
        for (let col = 0; col < p.ow; col++) {
          const [h0, h1, w0, w1, divisor] = avgWindow(p, o, r, col);
          share[0] = g[pl * outPlane + r * p.ow + col] / divisor;
          for (let ih = h0; ih < h1; ih++) for (let iw = w0; iw < w1; iw++) gx[x0 + ih * p.w + iw] += share[0];
        }
      }
    }
    return [gx];
  });
  node.diff = spreadDiff(x, (visit) => {
    for (let pl = 0; pl < p.planes; pl++)
      for (let r = 0; r < p.oh; r++)
        for (let col = 0; col < p.ow; col++) {
          const [h0, h1, w0, w1, divisor] = avgWindow(p, o, r, col);
          const k = pl * outPlane + r * p.ow + col;
          for (let ih = h0; ih < h1; ih++)
            for (let iw = w0; iw < w1; iw++) visit(k, pl * p.h * p.w + ih * p.w + iw, divisor);
        }
  });
  return Tensor.result(out, p.shape, node);
}

/** F.adaptive_avg_pool2d(input, output_size) for output sizes other than 1 x 1 (which PyTorch takes as a mean). */
export function adaptive_avg_pool2d(x: Tensor, size: Pair): Tensor {
  if (!isFloatDType(x.dtype)) {
    throw pyError('RuntimeError', `"adaptive_avg_pool2d" not implemented for '${dtypeName(x.dtype)}'`);
  }
  if ((x.ndim !== 3 && x.ndim !== 4) || x.data.length === 0) {
    throw pyError('RuntimeError', 'adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got ' + `${x.ndim}D`);
  }
  const [oh, ow] = size;
  const h = x.shape[x.ndim - 2];
  const w = x.shape[x.ndim - 1];
  const planes = x.data.length / (h * w);
  const X = x.data as Float32Array;
  const out = floats(planes * oh * ow);
  const sum = out.subarray(0, 1).slice();
  const win = (i: number, n: number, size: number): Pair => [
    Math.floor((i * size) / n),
    Math.ceil(((i + 1) * size) / n),
  ];
  for (let pl = 0; pl < planes; pl++) {
    for (let r = 0; r < oh; r++) {
      const [h0, h1] = win(r, oh, h);
      for (let col = 0; col < ow; col++) {
        const [w0, w1] = win(col, ow, w);
        sum[0] = 0;
        for (let ih = h0; ih < h1; ih++) for (let iw = w0; iw < w1; iw++) sum[0] += X[pl * h * w + ih * w + iw];
        sum[0] = sum[0] / (h1 - h0);
        out[(pl * oh + r) * ow + col] = sum[0] / (w1 - w0);
      }
    }
  }
  const shape = [...x.shape.slice(0, -2), oh, ow];
  if (!needsGrad(x)) return Tensor.result(out, shape, null);
  const node = new Node('AdaptiveAvgPool2DBackward0', [x], (g) => {
    const gx = floats(X.length);
    for (let pl = 0; pl < planes; pl++) {
      for (let r = 0; r < oh; r++) {
        const [h0, h1] = win(r, oh, h);
        for (let col = 0; col < ow; col++) {
          const [w0, w1] = win(col, ow, w);
          sum[0] = g[(pl * oh + r) * ow + col] / (h1 - h0);
          sum[0] = sum[0] / (w1 - w0);
          for (let ih = h0; ih < h1; ih++) for (let iw = w0; iw < w1; iw++) gx[pl * h * w + ih * w + iw] += sum[0];
        }
      }
    }
    return [gx];
  });
  node.diff = spreadDiff(x, (visit) => {
    for (let pl = 0; pl < planes; pl++)
      for (let r = 0; r < oh; r++) {
        const [h0, h1] = win(r, oh, h);
        for (let col = 0; col < ow; col++) {
          const [w0, w1] = win(col, ow, w);
          const k = (pl * oh + r) * ow + col;
          const divisor = (h1 - h0) * (w1 - w0);
          for (let ih = h0; ih < h1; ih++) for (let iw = w0; iw < w1; iw++) visit(k, pl * h * w + ih * w + iw, divisor);
        }
      }
  });
  return Tensor.result(out, shape, node);
}

/** Calls `visit(output, input, divisor)` for each input position an output's window averages. */
export type WindowWalk = (visit: (k: number, at: number, divisor: number) => void) => void;

/**
 * create_graph's form of an average pooling backward: each output's g / divisor added into its window's
 * positions, as a recorded gather of g and a scatter-add into x's shape (linear in g, constant in x).
 */
export function spreadDiff(x: Tensor, walk: WindowWalk): DiffBackwardFn {
  return (g) => {
    const outs: number[] = [];
    const ins: number[] = [];
    const scale: number[] = [];
    walk((k, at, divisor) => {
      outs.push(k);
      ins.push(at);
      scale.push(1 / divisor);
    });
    const weights = new Tensor(
      g.dtype === 'float64' ? Float64Array.from(scale) : Float32Array.from(scale),
      [scale.length],
      g.dtype,
    );
    const parts = mul(gatherOffsets(g, Int32Array.from(outs), [outs.length]), weights);
    return [scatterOffsets(parts, Int32Array.from(ins), x.shape)];
  };
}
