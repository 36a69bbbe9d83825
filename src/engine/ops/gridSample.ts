// F.affine_grid and F.grid_sample for 2-D inputs (the Spatial Transformer Network pair), as PyTorch 1.13's CPU
// kernels compute them. affine_grid maps a base grid of normalised (x, y, 1) points through each 2x3 theta;
// grid_sample reads input [N, C, H, W] at grid [N, Ho, Wo, 2] points (x, y in [-1, 1]), bilinear or nearest,
// with zeros / border / reflection padding. The backward of grid_sample gives gradients to the input (each
// output's gradient spread over the corners it read) and to the grid (the slope of the interpolation).
import { pyError } from '../errors';
import { Node, needsGrad } from '../autograd';
import { Tensor, allocate } from '../tensor';
import { linspace } from './create';

export type GridMode = 'bilinear' | 'nearest';
export type GridPadding = 'zeros' | 'border' | 'reflection';

const same = (v: number) => v;

/** -1..1 in `n` steps as PyTorch's linspace_from_neg_one: pulled in by (n - 1) / n without align_corners. */
function baseCoords(n: number, alignCorners: boolean, f32: boolean): Float64Array {
  const r = f32 ? Math.fround : same;
  const out = new Float64Array(n);
  if (n <= 1) return out;
  const line = linspace(-1, 1, n, { dtype: f32 ? 'float32' : 'float64' }).data;
  for (let i = 0; i < n; i++) out[i] = alignCorners ? line[i] : r(r(line[i] * (n - 1)) / n);
  return out;
}

/** theta [N, 2, 3] -> grid [N, H, W, 2]: each point (x, y, 1) times theta^T. */
export function affine_grid(theta: Tensor, size: number[], alignCorners: boolean): Tensor {
  const [n, , h, w] = size;
  const f32 = theta.dtype === 'float32';
  const r = f32 ? Math.fround : same;
  const xs = baseCoords(w, alignCorners, f32);
  const ys = baseCoords(h, alignCorners, f32);
  const T = theta.data;
  const out = allocate(theta.dtype, n * h * w * 2) as Float32Array;
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        const at = ((b * h + i) * w + j) * 2;
        for (let k = 0; k < 2; k++) {
          const t = b * 6 + k * 3;
          out[at + k] = r(r(r(xs[j] * T[t]) + r(ys[i] * T[t + 1])) + T[t + 2]);
        }
      }
    }
  }
  const shape = [n, h, w, 2];
  if (!needsGrad(theta)) return new Tensor(out, shape, theta.dtype);
  const node = new Node('AffineGridGeneratorBackward0', [theta], (g) => {
    const gt = allocate(theta.dtype, n * 6) as Float32Array;
    for (let b = 0; b < n; b++) {
      for (let k = 0; k < 2; k++) {
        let sx = 0;
        let sy = 0;
        let s1 = 0;
        for (let i = 0; i < h; i++) {
          for (let j = 0; j < w; j++) {
            const gv = g[((b * h + i) * w + j) * 2 + k];
            sx += xs[j] * gv;
            sy += ys[i] * gv;
            s1 += gv;
          }
        }
        gt[b * 6 + k * 3] = sx;
        gt[b * 6 + k * 3 + 1] = sy;
        gt[b * 6 + k * 3 + 2] = s1;
      }
    }
    return [gt];
  });
  return Tensor.result(out, shape, node);
}

/** Where a normalised coordinate lands in a dimension of `size`, and d(location)/d(coordinate). */
function locator(size: number, alignCorners: boolean, padding: GridPadding, r: (v: number) => number) {
  const scale = r(alignCorners ? (size - 1) / 2 : size / 2);
  const low = alignCorners ? 0 : -0.5;
  const span = alignCorners ? size - 1 : size;
  return (coord: number): [number, number] => {
    let x = r(r(coord + 1) * scale);
    if (!alignCorners) x = r(x - 0.5);
    let grad = scale;
    if (padding === 'reflection') {
      if (alignCorners && size <= 1) return [0, 0];
      let d = r(x - low);
      let sign = 1;
      if (d < 0) {
        d = -d;
        sign = -1;
      }
      const extra = r(d % span);
      const flips = Math.floor(d / span);
      if (flips % 2 === 0) x = r(extra + low);
      else {
        x = r(r(span - extra) + low);
        sign = -sign;
      }
      grad *= sign;
    }
    if (padding !== 'zeros') {
      if (x <= 0 || x >= size - 1) grad = 0;
      x = Math.min(size - 1, Math.max(x, 0));
    }
    return [x, grad];
  };
}

/** Per output point: the four corners' flat offsets in the plane (-1 when outside), their weights, and the
 * x / y fractions with d(location)/d(coordinate) that the grid's gradient needs. */
interface Taps {
  corner: Int32Array;
  weight: Float64Array;
  slope: Float64Array;
}

function taps(grid: Tensor, h: number, w: number, mode: GridMode, padding: GridPadding, alignCorners: boolean): Taps {
  const r = grid.dtype === 'float32' ? Math.fround : same;
  const locX = locator(w, alignCorners, padding, r);
  const locY = locator(h, alignCorners, padding, r);
  const count = grid.data.length / 2;
  const corner = new Int32Array(count * 4).fill(-1);
  const weight = new Float64Array(count * 4);
  const slope = new Float64Array(count * 4);
  const G = grid.data;
  const at = (ix: number, iy: number) => (ix >= 0 && ix < w && iy >= 0 && iy < h ? iy * w + ix : -1);
  for (let k = 0; k < count; k++) {
    const [x, gxm] = locX(G[k * 2]);
    const [y, gym] = locY(G[k * 2 + 1]);
    const q = k * 4;
    slope[q + 2] = gxm;
    slope[q + 3] = gym;
    if (mode === 'nearest') {
      corner[q] = at(roundHalfEven(x), roundHalfEven(y));
      weight[q] = 1;
      continue;
    }
    const xw = Math.floor(x);
    const yn = Math.floor(y);
    const fw = r(x - xw);
    const fe = r(1 - fw);
    const fn = r(y - yn);
    const fs = r(1 - fn);
    slope[q] = fw;
    slope[q + 1] = fn;
    corner[q] = at(xw, yn);
    corner[q + 1] = at(xw + 1, yn);
    corner[q + 2] = at(xw, yn + 1);
    corner[q + 3] = at(xw + 1, yn + 1);
    weight[q] = r(fs * fe);
    weight[q + 1] = r(fs * fw);
    weight[q + 2] = r(fn * fe);
    weight[q + 3] = r(fn * fw);
  }
  return { corner, weight, slope };
}

function checkGridSample(input: Tensor, grid: Tensor): void {
  const sizes = `input with sizes [${input.shape.join(', ')}] and grid with sizes [${grid.shape.join(', ')}]`;
  if (input.ndim !== 4) {
    throw pyError(
      'RuntimeError',
      `grid_sampler(): expected 4D or 5D input and grid with same number of dimensions, but got ${sizes}`,
    );
  }
  if (grid.ndim !== 4 || grid.shape[3] !== 2) {
    throw pyError(
      'RuntimeError',
      `grid_sampler(): expected grid to have size 2 in last dimension, but got grid with sizes [${grid.shape.join(', ')}]`,
    );
  }
  if (grid.shape[0] !== input.shape[0]) {
    throw pyError('RuntimeError', `grid_sampler(): expected grid and input to have same batch size, but got ${sizes}`);
  }
  if (input.dtype !== grid.dtype) {
    throw pyError(
      'RuntimeError',
      `grid_sampler(): expected input and grid to have same dtype, but input has ${input.dtype} and grid has ${grid.dtype}`,
    );
  }
}

export function grid_sample(
  input: Tensor,
  grid: Tensor,
  mode: GridMode,
  padding: GridPadding,
  alignCorners: boolean,
): Tensor {
  checkGridSample(input, grid);
  const [n, c, h, w] = input.shape;
  const [, ho, wo] = grid.shape;
  const r = input.dtype === 'float32' ? Math.fround : same;
  const points = ho * wo;
  const t = taps(grid, h, w, mode, padding, alignCorners);
  const { corner, weight } = t;
  const X = input.data;
  const out = allocate(input.dtype, n * c * points) as Float32Array;
  const read = (plane: number, off: number) => (off < 0 ? 0 : X[plane + off]);
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      const plane = (b * c + ch) * h * w;
      for (let p = 0; p < points; p++) {
        const q = (b * points + p) * 4;
        // nw, ne, sw, se added in that order, as the CPU kernel does
        let v = r(read(plane, corner[q]) * weight[q]);
        for (let k = 1; k < (mode === 'bilinear' ? 4 : 1); k++)
          v = r(v + r(read(plane, corner[q + k]) * weight[q + k]));
        out[(b * c + ch) * points + p] = v;
      }
    }
  }
  const shape = [n, c, ho, wo];
  if (!needsGrad(input, grid)) return new Tensor(out, shape, input.dtype);
  const node = new Node('GridSampler2DBackward0', [input, grid], (g) => gridSampleBackward(input, grid, mode, t, g));
  return Tensor.result(out, shape, node);
}

function gridSampleBackward(input: Tensor, grid: Tensor, mode: GridMode, t: Taps, g: Float32Array): Float32Array[] {
  const [n, c, h, w] = input.shape;
  const points = grid.shape[1] * grid.shape[2];
  const r = input.dtype === 'float32' ? Math.fround : same;
  const { corner, weight, slope } = t;
  const X = input.data;
  const read = (plane: number, off: number) => (off < 0 ? 0 : X[plane + off]);
  const gin = allocate(input.dtype, X.length) as Float32Array;
  const ggrid = allocate(grid.dtype, grid.data.length) as Float32Array;
  for (let b = 0; b < n; b++) {
    for (let p = 0; p < points; p++) {
      const q = (b * points + p) * 4;
      let gx = 0;
      let gy = 0;
      const fw = slope[q];
      const fn = slope[q + 1];
      for (let ch = 0; ch < c; ch++) {
        const plane = (b * c + ch) * h * w;
        const go = g[(b * c + ch) * points + p];
        for (let k = 0; k < 4; k++) if (corner[q + k] >= 0) gin[plane + corner[q + k]] += r(weight[q + k] * go);
        if (mode !== 'bilinear') continue;
        const nw = read(plane, corner[q]);
        const ne = read(plane, corner[q + 1]);
        const sw = read(plane, corner[q + 2]);
        const se = read(plane, corner[q + 3]);
        // the slope of the bilinear surface along x and y at the point, summed over channels
        gx = r(gx + r(r(r(r(ne - nw) * (1 - fn)) + r(r(se - sw) * fn)) * go));
        gy = r(gy + r(r(r(r(sw - nw) * (1 - fw)) + r(r(se - ne) * fw)) * go));
      }
      ggrid[(b * points + p) * 2] = r(gx * slope[q + 2]);
      ggrid[(b * points + p) * 2 + 1] = r(gy * slope[q + 3]);
    }
  }
  return [gin, ggrid];
}

/** nearbyint: halves go to the even neighbour. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}
