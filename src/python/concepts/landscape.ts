// The loss landscape with the optimizer's path. Every training step adds a point to the path (cheap: the
// parameter values, or for a big model a few dot products); a throttled computation evaluates the loss
// around it by replaying the step's graph with other parameter values. Models with 1 or 2 trained numbers
// (f(w), a w and b pair, nn.Linear(1, 1)) get the exact loss over those numbers; larger ones a 2-D slice
// through the current weights along two random filter-normalised directions (sliceBasis.ts), when a
// replay is cheap enough to fill a grid. A new run of the same loss in the file (another start, another
// learning rate) keeps the earlier runs' paths, so a trapped run is seen beside one that found the bottom.
import type { Tensor } from '../../engine/tensor';
import type { LandscapeAxis, LandscapeEvent, TensorRef } from '../../protocol';
import { PathBuffer } from './pathBuffer';
import { leafLike, type Program } from './replay';
import { SliceBasis } from './sliceBasis';

/**
 * Milliseconds one landscape computation may take during a run or at a pause (its grid shrinks to fit). The
 * end of a run has no budget (null), as on the PyTorch backend: it no longer slows training, and a busy
 * machine must not leave the learner without the final landscape.
 */
export const GRID_BUDGET_MS = 30;
/** Earlier paths kept. */
const EARLIER_RUNS = 3;
/**
 * A diverging run is framed only while its loss stays below this many times the largest starting loss: its
 * first steps (where a learning rate too large zig-zags) stay readable, and the rest leaves the view.
 */
export const DIVERGED = 25;
/** Models with more trained numbers than this get no live slice (each grid point is a forward pass of the batch). */
export const SLICE_MAX_NUMEL = 20_000;
/** A slice needs at least this many grid points per side, else it is not computed (the model is too big). */
const SLICE_MIN_SIDE = 9;

interface Coordinate {
  param: number;
  index: number;
}

export interface LandscapeInputs {
  program: Program;
  names: (string | null)[];
  input: TensorRef | null;
  target: TensorRef | null;
  /** Identifies the loss (its graph's ops and data): earlier paths are kept only for the same one. */
  signature: string;
  /** Changes when the data changes (another mini-batch, an in-place edit): the exact grid is computed again. */
  dataKey: string;
}

/** An axis over the path's values: symmetric around 0 when the path is far from small next to its values, else around the path. */
export function axisRange(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [-1, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  const extent = hi - lo;
  if (extent >= 0.2 * m || m < 0.5) {
    const r = 1.3 * Math.max(m, 0.5);
    return [-r, r];
  }
  const half = Math.max(1.5 * extent, 0.25 * m, 1e-3);
  return [(lo + hi) / 2 - half, (lo + hi) / 2 + half];
}

export class LandscapeTracker {
  private params: Tensor[] = [];
  private coords: Coordinate[] = [];
  private basis: SliceBasis | null = null;
  private path: PathBuffer | null = null;
  /** Too big for a live slice: nothing is recorded for this model. */
  private off = false;
  private signature: string | null = null;
  private earlier: { signature: string; path: Float32Array }[] = [];
  private parked: Float32Array | null = null;
  private parkedSignature: string | null = null;
  private cache: { key: string; values: Float32Array; axes: LandscapeAxis[] } | null = null;
  /** Slices computed so far in the run. */
  private slices = 0;

  /** A training step with these trained parameters and this loss. Returns true when they are new (another model or run). */
  observe(params: Tensor[], loss: number, step: number): boolean {
    const fresh = !sameTensors(params, this.params);
    if (fresh) this.begin(params);
    if (this.off || !this.path || !this.path.wants(step)) return fresh;
    const out = this.path.push(step);
    if (this.basis) this.basis.dots(out);
    else
      for (let i = 0; i < this.coords.length; i++)
        out[i] = Number(params[this.coords[i].param].data[this.coords[i].index]);
    out[out.length - 1] = loss;
    return fresh;
  }

  private begin(params: Tensor[]): void {
    if (this.path && this.path.length > 0 && !this.basis && this.signature) {
      this.parked = this.exactPath(null);
      this.parkedSignature = this.signature;
    }
    this.params = params;
    this.signature = null;
    this.cache = null;
    this.off = false;
    const numel = params.reduce((n, p) => n + p.data.length, 0);
    this.coords = [];
    this.basis = null;
    if (numel <= 2) {
      params.forEach((p, param) => p.data.forEach((_, index) => this.coords.push({ param, index })));
      this.path = new PathBuffer(this.coords.length + 1);
    } else if (numel <= SLICE_MAX_NUMEL) {
      this.basis = new SliceBasis(params);
      this.off = !this.basis.usable;
      this.path = new PathBuffer(this.basis.width + 1);
    } else {
      this.off = true; // too big for a grid of replays while it trains: no path either
      this.path = null;
    }
  }

  /** The loss these parameters are trained on is the one `signature` names (known at any compile of the step's graph). */
  identify(params: Tensor[], signature: string): void {
    if (this.signature === null && sameTensors(params, this.params)) this.adopt(signature);
  }

  /** The landscape around the parameters now, or null (no path yet, or a model too big for a live slice). */
  compute(inputs: LandscapeInputs, step: number, runId: number, budgetMs: number | null): LandscapeEvent | null {
    if (this.off || !this.path) return null;
    if (this.signature === null) this.adopt(inputs.signature);
    const slots = this.params.map((p) => inputs.program.slot(p));
    if (slots.some((s) => s === undefined)) return null;
    const base = {
      type: 'landscape' as const,
      runId,
      step,
      input: inputs.input,
      target: inputs.target,
      numel: this.params.reduce((n, p) => n + p.data.length, 0),
    };
    const currentLoss = inputs.program.loss(new Map());
    if (this.basis) {
      const slice = this.slice(inputs.program, slots as number[], currentLoss, step, budgetMs);
      return slice ? { ...base, kind: 'slice', ...slice, earlier: [] } : null;
    }
    const path = this.exactPath({ loss: currentLoss, step });
    const axes = this.exactAxes(inputs.names, path);
    const values = this.exactValues(inputs, slots as number[], axes, budgetMs);
    const pathSteps = this.pathSteps(path.length / (axes.length + 1), step);
    return { ...base, kind: 'exact', axes, values, path, pathSteps, earlier: this.earlier.map((e) => e.path) };
  }

  /** The first computation of a new run: keep the run before it as an earlier path when the loss is the same. */
  private adopt(signature: string): void {
    this.signature = signature;
    if (this.parked && this.parkedSignature === signature) {
      this.earlier = this.earlier.filter((e) => e.signature === signature);
      this.earlier.push({ signature, path: this.parked });
      if (this.earlier.length > EARLIER_RUNS) this.earlier.shift();
    } else {
      this.earlier = [];
    }
    this.parked = null;
  }

  private pathSteps(points: number, step: number): Float32Array {
    const out = new Float32Array(points);
    for (let i = 0; i < points; i++) out[i] = i < this.path!.length ? this.path!.step(i) : step;
    return out;
  }

  /** The recorded path (coordinates and loss per point), plus the current point when it is newer than the last recorded. */
  private exactPath(current: { loss: number; step: number } | null): Float32Array {
    const p = this.path!;
    const width = p.width;
    const extra = current && current.step > p.lastStep ? 1 : 0;
    const out = new Float32Array((p.length + extra) * width);
    for (let i = 0; i < p.length; i++) out.set(p.record(i), i * width);
    if (extra) {
      const at = p.length * width;
      this.coords.forEach((c, i) => (out[at + i] = Number(this.params[c.param].data[c.index])));
      out[at + width - 1] = current!.loss;
    }
    return out;
  }

  private exactAxes(names: (string | null)[], path: Float32Array): LandscapeAxis[] {
    const dims = this.coords.length;
    const count = dims === 1 ? 161 : 41;
    const paths = [path, ...this.earlier.map((e) => e.path)];
    const starts = paths.map((p) => p[dims]).filter(Number.isFinite);
    const cap = DIVERGED * Math.max(1e-12, ...starts.map(Math.abs));
    return this.coords.map((c, k) => {
      const values: number[] = [];
      paths.forEach((p, j) => {
        for (let i = 0; i + dims < p.length; i += dims + 1) {
          if (Math.abs(p[i + dims]) <= cap || (j === 0 && i < 2 * (dims + 1))) values.push(p[i + k]);
        }
      });
      const [min, max] = axisRange(values);
      const name = names[c.param] ?? `p${c.param}`;
      const label = this.params[c.param].data.length > 1 ? `${name}[${c.index}]` : name;
      return { label, min, max, count };
    });
  }

  /** The loss over the axes' grid (their counts shrink to fit the time budget); the same grid again comes from a cache. */
  private exactValues(
    inputs: LandscapeInputs,
    slots: number[],
    axes: LandscapeAxis[],
    budgetMs: number | null,
  ): Float32Array {
    const program = inputs.program;
    const key = `${this.signature}|${inputs.dataKey}|${axes.map((a) => `${a.min},${a.max}`).join('|')}`;
    if (this.cache && this.cache.key === key) {
      this.cache.axes.forEach((a, i) => (axes[i].count = a.count));
      return this.cache.values;
    }
    const evalAt = (coords: number[]): number => {
      const replace = new Map<number, Tensor>();
      this.params.forEach((p, i) =>
        replace.set(slots[i], leafLike(p.shape, Float32Array.from(p.data as Float32Array))),
      );
      this.coords.forEach((c, k) => ((replace.get(slots[c.param])!.data as Float32Array)[c.index] = coords[k]));
      return program.loss(replace);
    };
    if (budgetMs !== null) {
      const each = bestTime(() => evalAt(axes.map((a) => a.min)));
      const shrink = (count: number, power: number) =>
        Math.max(11, Math.min(count, Math.floor((budgetMs / each) ** (1 / power))));
      axes.forEach((a) => (a.count = shrink(a.count, axes.length)));
    }
    const at = (a: LandscapeAxis, i: number) => a.min + (i / (a.count - 1)) * (a.max - a.min);
    const values = new Float32Array(axes.reduce((n, a) => n * a.count, 1));
    if (axes.length === 1) for (let i = 0; i < axes[0].count; i++) values[i] = evalAt([at(axes[0], i)]);
    else {
      for (let r = 0; r < axes[1].count; r++)
        for (let c = 0; c < axes[0].count; c++)
          values[r * axes[0].count + c] = evalAt([at(axes[0], c), at(axes[1], r)]);
    }
    this.cache = { key, values, axes: axes.map((a) => ({ ...a })) };
    return values;
  }

  private slice(
    program: Program,
    slots: number[],
    currentLoss: number,
    step: number,
    budgetMs: number | null,
  ): Pick<LandscapeEvent, 'axes' | 'values' | 'path' | 'pathSteps'> | null {
    const plane = this.basis!.plane();
    const p = this.path!;
    const points = p.length + (step > p.lastStep ? 1 : 0);
    const path = new Float32Array(points * 3);
    let reach = 0;
    for (let i = 0; i < p.length; i++) {
      const rec = p.record(i);
      const [a, b] = plane.project(rec);
      path.set([a, b, rec[rec.length - 1]], i * 3);
      reach = Math.max(reach, Math.abs(a), Math.abs(b));
    }
    if (points > p.length) path.set([0, 0, currentLoss], p.length * 3);
    const evalAt = (alpha: number, beta: number) => {
      const arrays = plane.at(alpha, beta);
      return program.loss(new Map(slots.map((s, i) => [s, leafLike(this.params[i].shape, arrays[i])])));
    };
    // Coarse at first (the engine's code is still being compiled, which makes the first grids slow), then finer.
    let side = Math.min(9 + 6 * this.slices++, 21);
    if (budgetMs !== null) {
      const each = bestTime(() => evalAt(0, 0));
      side = Math.min(side, Math.floor(Math.sqrt(budgetMs / each)));
      if (side < SLICE_MIN_SIDE) {
        // Far too slow: stop recording the path of this model (its dot products cost time at every step).
        if (each > (4 * budgetMs) / (SLICE_MIN_SIDE * SLICE_MIN_SIDE)) this.off = true;
        return null;
      }
    }
    const r = Math.max(1.3 * reach, 0.5);
    const axes: LandscapeAxis[] = ['d1', 'd2'].map((label) => ({ label, min: -r, max: r, count: side }));
    const values = new Float32Array(side * side);
    for (let row = 0; row < side; row++) {
      for (let col = 0; col < side; col++)
        values[row * side + col] = evalAt(-r + (2 * r * col) / (side - 1), -r + (2 * r * row) / (side - 1));
    }
    return { axes, values, path, pathSteps: this.pathSteps(points, step) };
  }
}

/** Milliseconds `f` takes, the best of 3 runs (the first may include compiling). */
function bestTime(f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return Math.max(best, 0.002);
}

function sameTensors(a: Tensor[], b: Tensor[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
