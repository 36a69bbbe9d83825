// The values a run logged with SummaryWriter (`scalars` events), folded into one curve per (chart, label) in
// the order first logged. A curve keeps at most SCALAR_POINTS points: beyond that every other point is
// dropped (a file logging every step of a long run keeps its shape, as the gradient-norm history does).
// Shared code (src/shared): the host's RunState and the webviews' both fold with it.
import type { ScalarPoints, ScalarsEvent } from '../protocol';

export const SCALAR_POINTS = 4096;

interface Curve {
  chart: string;
  label: string;
  steps: number[];
  values: number[];
}

export class ScalarCurves {
  private readonly curves: Curve[] = [];
  private readonly byKey = new Map<string, Curve>();

  /** Curves continuing from a snapshot's. */
  static from(saved: readonly ScalarPoints[] | undefined): ScalarCurves {
    const out = new ScalarCurves();
    for (const c of saved ?? []) out.append(c);
    return out;
  }

  get size(): number {
    return this.curves.length;
  }

  fold(event: ScalarsEvent): void {
    for (const points of event.series) this.append(points);
  }

  /** Every curve, as typed arrays of their own (safe to post). */
  view(): ScalarPoints[] {
    return this.curves.map((c) => ({
      chart: c.chart,
      label: c.label,
      steps: Float32Array.from(c.steps),
      values: Float32Array.from(c.values),
    }));
  }

  private append(points: ScalarPoints): void {
    const key = JSON.stringify([points.chart, points.label]);
    let curve = this.byKey.get(key);
    if (!curve) {
      curve = { chart: points.chart, label: points.label, steps: [], values: [] };
      this.byKey.set(key, curve);
      this.curves.push(curve);
    }
    for (let i = 0; i < points.steps.length; i++) {
      if (curve.steps.length >= SCALAR_POINTS) {
        curve.steps = curve.steps.filter((_, k) => k % 2 === 0);
        curve.values = curve.values.filter((_, k) => k % 2 === 0);
      }
      curve.steps.push(points.steps[i]);
      curve.values.push(points.values[i]);
    }
  }
}

/** Curves by chart, charts in the order first logged (what the panel draws: one chart each). */
export function scalarCharts(curves: readonly ScalarPoints[]): { chart: string; curves: ScalarPoints[] }[] {
  const charts = new Map<string, ScalarPoints[]>();
  for (const c of curves) {
    const list = charts.get(c.chart);
    if (list) list.push(c);
    else charts.set(c.chart, [c]);
  }
  return [...charts].map(([chart, list]) => ({ chart, curves: list }));
}

/** Typed arrays back from JSON (an `--events` file or a saved snapshot: they were written as lists; NaN as null). */
export function reviveScalarPoints(points: readonly ScalarPoints[]): ScalarPoints[] {
  const f = (a: unknown) => Float32Array.from(a as (number | null)[], (v) => v ?? NaN);
  return points.map((p) => ({ ...p, steps: f(p.steps), values: f(p.values) }));
}
