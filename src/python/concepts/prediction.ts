// The model's predictions over its input space: for 2 input features and a classification loss, the class
// the model predicts on a grid around the training points (the decision boundary); for 1 input feature and
// 1 output, the curve it draws through the data (the fit). Computed by replaying the step's graph with the
// grid as the model's input and the parameters as they are now.
import type { BoundaryPrediction, FitPrediction, OutputReadout, TensorRef } from '../../protocol';
import { classify, type ModelData, ModelEvaluator, PointReservoir, targetClasses } from './modelData';

/** Most cells per side of the boundary's grid. */
export const GRID_MAX = 64;
/** Points on the fitted curve. */
export const CURVE_POINTS = 128;

export interface PredictionContext {
  step: number;
  runId: number;
  data: ModelData;
  evaluator: ModelEvaluator;
  reservoir: PointReservoir;
  refs: { input: TensorRef; target: TensorRef; output: TensorRef };
  /** Predictions computed before this one in the run. */
  count: number;
}

/** Range of one feature of the points, widened by `margin` of its span (a flat range gets +-0.5). */
function rangeOf(points: Float32Array, features: number, f: number, margin: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = f; i < points.length; i += features) {
    const v = points[i];
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(lo <= hi)) return [-1, 1];
  const span = hi - lo;
  if (span < 1e-6) return [lo - 0.5, hi + 0.5];
  return [lo - span * margin, hi + span * margin];
}

function base(c: PredictionContext) {
  return {
    type: 'prediction' as const,
    runId: c.runId,
    step: c.step,
    ...c.refs,
    readout: c.data.readout,
    points: c.reservoir.points(),
    targets: c.reservoir.targets(),
  };
}

/**
 * The grid's side: as fine as GRID_MAX allows while a replay of it stays cheap (chunked replays cost more).
 * The first grids of a run are coarse: the engine's code for large tensors is still being compiled then, and
 * a coarse grid costs the training little while it is.
 */
function gridSide(c: PredictionContext): number {
  const ramp = Math.min(GRID_MAX, 16 << Math.min(2, c.count));
  if (c.evaluator.batched) return ramp;
  const n = c.data.prediction.shape[0];
  return Math.max(16, Math.min(ramp, Math.floor(Math.sqrt(256 * n))));
}

export function boundaryPrediction(c: PredictionContext): BoundaryPrediction {
  const b = base(c);
  const side = gridSide(c);
  const [x0, x1] = rangeOf(b.points, 2, 0, 0.1);
  const [y0, y1] = rangeOf(b.points, 2, 1, 0.1);
  const grid = new Float32Array(side * side * 2);
  for (let r = 0; r < side; r++) {
    for (let col = 0; col < side; col++) {
      const k = (r * side + col) * 2;
      grid[k] = x0 + ((col + 0.5) / side) * (x1 - x0);
      grid[k + 1] = y0 + ((r + 0.5) / side) * (y1 - y0);
    }
  }
  const out = c.evaluator.evaluate(grid, side * side);
  const cellClass = new Float32Array(side * side);
  const cellConfidence = new Float32Array(side * side);
  classify(out, c.data.outputs, c.data.readout, cellClass, cellConfidence);
  const n = c.reservoir.count;
  const predicted = new Float32Array(n);
  classify(c.evaluator.evaluate(b.points, n), c.data.outputs, c.data.readout, predicted, new Float32Array(n));
  let right = 0;
  for (let i = 0; i < n; i++) if (predicted[i] === b.targets[i]) right++;
  return {
    ...b,
    kind: 'boundary',
    classes: c.data.classes,
    x0,
    x1,
    y0,
    y1,
    cols: side,
    rows: side,
    cellClass,
    cellConfidence,
    predicted,
    accuracy: n > 0 ? right / n : NaN,
  };
}

/** A 1-output model's value as drawn over the data: a probability for a classification readout, else the raw output. */
function shown(v: number, readout: OutputReadout): number {
  if (readout === 'logit') return 1 / (1 + Math.exp(-v));
  return v;
}

export function fitPrediction(c: PredictionContext): FitPrediction {
  const b = base(c);
  const [lo, hi] = rangeOf(b.points, 1, 0, 0.05);
  const xs = new Float32Array(CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; i++) xs[i] = lo + (i / (CURVE_POINTS - 1)) * (hi - lo);
  const ys = c.evaluator.evaluate(xs, CURVE_POINTS).map((v) => shown(v, c.data.readout));
  const fitted = c.evaluator.evaluate(b.points, c.reservoir.count).map((v) => shown(v, c.data.readout));
  return { ...b, kind: 'fit', xs, ys, fitted };
}

/** The prediction view this model gets, if any: a boundary (2 features, classification) or a fit (1 feature, 1 output). */
export function predictionKind(data: ModelData): 'boundary' | 'fit' | null {
  if (data.features === 2 && data.classes >= 2) return 'boundary';
  if (data.features === 1 && data.outputs === 1) return 'fit';
  return null;
}

/** The labels the reservoir keeps for the points: true classes for a boundary, target values for a fit. */
export function pointLabels(data: ModelData, kind: 'boundary' | 'fit'): ArrayLike<number> {
  if (kind === 'boundary') return targetClasses(data.target, data);
  return data.target.data;
}
