// The learning-rate comparison's data: the factors a learner types ("0.1, 1, 10" or "x0.1 x1 x10"), each
// run's events folded into a ComparedRun, and the loss axis the overlaid curves share. The axis is
// logarithmic and clipped: a run that diverges (1e30, then NaN) would otherwise flatten every other curve
// into the bottom pixel row, so the top is set from the runs' starting losses and a diverged run is drawn
// up to the top and marked where it left the chart.
// Shared code (src/shared): the host (src/extension/compareLr.ts) and the panel's CompareView use it.
import type { ComparedRun, RunEvent } from '../protocol';

export const DEFAULT_FACTORS = [0.1, 1, 10];
/** Most runs one comparison starts (each is a process of its own). */
export const MAX_FACTORS = 5;

/** The factors in `text` (separated by commas or spaces, each optionally prefixed by x or ×), or an error message key. */
export function parseFactors(text: string): number[] | null {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.replace(/^[x×*]/i, ''))
    .filter(Boolean);
  if (parts.length === 0 || parts.length > MAX_FACTORS) return null;
  const factors = parts.map(Number);
  if (factors.some((f) => !Number.isFinite(f) || f <= 0)) return null;
  return [...new Set(factors)].sort((a, b) => a - b);
}

/** How a factor is shown: x0.1, x1, x10. */
export function factorLabel(factor: number): string {
  return `×${Number(factor.toPrecision(6))}`;
}

export function emptyComparedRun(factor: number): ComparedRun {
  return { factor, lr: null, losses: new Float32Array(0), status: 'starting', divergedAt: null, path: null };
}

/** Folds one event of the run into its record (returns false when nothing changed). */
export function foldComparedRun(run: ComparedRun, event: RunEvent): boolean {
  switch (event.type) {
    case 'started':
      run.status = 'running';
      return true;
    case 'steps': {
      const end = event.firstStep + event.losses.length;
      if (end > run.losses.length) {
        const grown = new Float32Array(end).fill(NaN);
        grown.set(run.losses);
        run.losses = grown;
      }
      run.losses.set(event.losses, event.firstStep);
      if (run.lr === null && event.lrs[0] && Number.isFinite(event.lrs[0][0])) run.lr = event.lrs[0][0];
      if (run.divergedAt === null) {
        const bad = event.losses.findIndex((v) => !Number.isFinite(v));
        if (bad >= 0) run.divergedAt = event.firstStep + bad;
      }
      return true;
    }
    case 'landscape':
      run.path = event.path;
      return true;
    case 'finished':
      run.status = event.status;
      return true;
    default:
      return false;
  }
}

/** Loss over this many times the largest starting loss is off the chart (a diverging run). */
export const CLIP_FACTOR = 10;

/**
 * The shared loss axis [lo, hi] (for a log scale: both > 0): from the smallest positive loss of any run to
 * CLIP_FACTOR times the largest first loss, so healthy curves keep their shape beside a diverging one.
 */
export function lossAxis(runs: readonly ComparedRun[]): [number, number] {
  let lo = Infinity;
  let firstMax = 0;
  let max = 0;
  for (const r of runs) {
    const first = r.losses.find((v) => Number.isFinite(v));
    if (first !== undefined) firstMax = Math.max(firstMax, Math.abs(first));
    for (const v of r.losses) {
      if (v > 0 && Number.isFinite(v)) {
        lo = Math.min(lo, v);
        max = Math.max(max, v);
      }
    }
  }
  if (!Number.isFinite(lo)) return [1e-3, 1];
  const hi = Math.min(max, CLIP_FACTOR * (firstMax || max));
  return [lo, Math.max(hi, lo * 10)];
}

/** The first step whose loss is off the chart (above `hi`, or not finite), or null when the run stays on it. */
export function leavesChartAt(run: ComparedRun, hi: number): number | null {
  const i = run.losses.findIndex((v) => !(v <= hi));
  return i >= 0 ? i : null;
}
