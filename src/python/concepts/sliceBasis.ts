// Two random directions through a model's parameter space for a 2-D slice of its loss (Li et al. 2018,
// "Visualizing the Loss Landscape of Neural Nets"): Gaussian directions, rescaled filter by filter (each row
// of a weight matrix) to the norm of the current weights' filter, so that the slice has the same scale in
// every layer; bias directions are zero, as in the paper's code. The raw directions stay fixed for a model,
// so every step of the path can be kept as a few dot products and projected on the plane of any later step.
// The random numbers come from a generator of our own: torch's generator (the learner's numbers) is untouched.
import type { Tensor } from '../../engine/tensor';

interface Filter {
  param: number;
  offset: number;
  length: number;
}

/** mulberry32 with Box-Muller: deterministic normal numbers. */
function normals(n: number, seed: number): Float32Array {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const th = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(th);
    if (i + 1 < n) out[i + 1] = r * Math.sin(th);
  }
  return out;
}

function filtersOf(params: Tensor[]): Filter[] {
  const filters: Filter[] = [];
  const anyMatrix = params.some((p) => p.shape.length >= 2);
  params.forEach((p, param) => {
    if (p.shape.length >= 2) {
      const rows = p.shape[0];
      const length = p.data.length / rows;
      for (let r = 0; r < rows; r++) filters.push({ param, offset: r * length, length });
    } else if (!anyMatrix) {
      filters.push({ param, offset: 0, length: p.data.length });
    }
  });
  return filters;
}

function dot(a: ArrayLike<number>, ao: number, b: ArrayLike<number>, bo: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[ao + i] * b[bo + i];
  return s;
}

/** The plane of one step: directions scaled to its weights, and the projection of recorded dot products on it. */
export interface Plane {
  /** Coordinates (alpha, beta) of a path record (SliceBasis.dots) on this plane. */
  project(dots: ArrayLike<number>): [number, number];
  /** The parameters at theta + alpha d1 + beta d2, as fresh arrays (one per parameter). */
  at(alpha: number, beta: number): Float32Array[];
}

export class SliceBasis {
  private readonly filters: Filter[];
  /** The raw directions, one array per parameter, for each of the two directions. */
  private readonly raw: [Float32Array[], Float32Array[]];
  private readonly rawNorm: [Float64Array, Float64Array];
  private readonly rawCross: Float64Array;

  constructor(private readonly params: Tensor[]) {
    this.filters = filtersOf(params);
    const total = params.reduce((n, p) => n + p.data.length, 0);
    this.raw = [0, 1].map((k) => {
      const all = normals(total, 0x5eed + k * 7919 + total);
      let at = 0;
      return params.map((p) => all.subarray(at, (at += p.data.length)));
    }) as [Float32Array[], Float32Array[]];
    this.rawNorm = [new Float64Array(this.filters.length), new Float64Array(this.filters.length)];
    this.rawCross = new Float64Array(this.filters.length);
    this.filters.forEach((f, i) => {
      const [r1, r2] = [this.raw[0][f.param], this.raw[1][f.param]];
      this.rawNorm[0][i] = Math.sqrt(dot(r1, f.offset, r1, f.offset, f.length));
      this.rawNorm[1][i] = Math.sqrt(dot(r2, f.offset, r2, f.offset, f.length));
      this.rawCross[i] = dot(r1, f.offset, r2, f.offset, f.length);
    });
  }

  /** Numbers per path record: theta . r_k for each filter and direction. */
  get width(): number {
    return this.filters.length * 2;
  }

  get usable(): boolean {
    return this.filters.length > 0;
  }

  /** Writes theta . r_k per filter (direction 1's, then direction 2's) for the parameters' current values. */
  dots(out: Float32Array): void {
    const F = this.filters.length;
    for (let i = 0; i < F; i++) {
      const f = this.filters[i];
      const theta = this.params[f.param].data;
      out[i] = dot(theta, f.offset, this.raw[0][f.param], f.offset, f.length);
      out[F + i] = dot(theta, f.offset, this.raw[1][f.param], f.offset, f.length);
    }
  }

  /** The plane through the parameters' current values. */
  plane(): Plane {
    const F = this.filters.length;
    const scale = [new Float64Array(F), new Float64Array(F)];
    const now = new Float32Array(2 * F);
    this.dots(now);
    let g11 = 0;
    let g22 = 0;
    let g12 = 0;
    this.filters.forEach((f, i) => {
      const theta = this.params[f.param].data;
      const norm = Math.sqrt(dot(theta, f.offset, theta, f.offset, f.length));
      scale[0][i] = this.rawNorm[0][i] > 0 ? norm / this.rawNorm[0][i] : 0;
      scale[1][i] = this.rawNorm[1][i] > 0 ? norm / this.rawNorm[1][i] : 0;
      g11 += (scale[0][i] * this.rawNorm[0][i]) ** 2;
      g22 += (scale[1][i] * this.rawNorm[1][i]) ** 2;
      g12 += scale[0][i] * scale[1][i] * this.rawCross[i];
    });
    const det = g11 * g22 - g12 * g12;
    const project = (dots: ArrayLike<number>): [number, number] => {
      let c1 = 0;
      let c2 = 0;
      for (let i = 0; i < F; i++) {
        c1 += scale[0][i] * (dots[i] - now[i]);
        c2 += scale[1][i] * (dots[F + i] - now[F + i]);
      }
      return det > 0 ? [(g22 * c1 - g12 * c2) / det, (g11 * c2 - g12 * c1) / det] : [0, 0];
    };
    const at = (alpha: number, beta: number): Float32Array[] => {
      const out = this.params.map((p) => Float32Array.from(p.data as Float32Array));
      this.filters.forEach((f, i) => {
        const a = alpha * scale[0][i];
        const b = beta * scale[1][i];
        const [r1, r2, o] = [this.raw[0][f.param], this.raw[1][f.param], out[f.param]];
        for (let j = f.offset; j < f.offset + f.length; j++) o[j] += a * r1[j] + b * r2[j];
      });
      return out;
    };
    return { project, at };
  }
}
