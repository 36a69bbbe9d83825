// Summary numbers of a parameter that the inspector shows and the run state tracks over time.
// Shared code (src/shared): the host, the webviews and node tests all use it.

export function l2Norm(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  return Math.sqrt(sum);
}

/** L2 norm of `a - b` (same length). */
export function l2Distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  return Math.sqrt(sum);
}

export interface MeanStd {
  mean: number;
  /** Sample standard deviation (Bessel-corrected), as `torch.std` gives by default; NaN for one value. */
  std: number;
}

export function meanStd(values: ArrayLike<number>): MeanStd {
  const n = values.length;
  if (n === 0) return { mean: NaN, std: NaN };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (values[i] - mean) * (values[i] - mean);
  return { mean, std: n > 1 ? Math.sqrt(sq / (n - 1)) : NaN };
}

export interface Histogram {
  min: number;
  max: number;
  counts: Uint32Array;
}

/** Equal-width histogram over the finite values; all values equal gives one full middle bin. */
export function histogram(values: ArrayLike<number>, bins: number): Histogram {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const counts = new Uint32Array(bins);
  if (min > max) return { min: 0, max: 0, counts };
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    const bin = width === 0 ? Math.floor(bins / 2) : Math.min(bins - 1, Math.floor((v - min) / width));
    counts[bin]++;
  }
  return { min, max, counts };
}

/** Compact number for tables: 4 significant digits, exponent form for very small or large magnitudes. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return v.toExponential(3);
  return String(Number(v.toPrecision(4)));
}
