// Axis ticks of a matplotlib figure as matplotlib places them: AutoLocator (MaxNLocator with steps 1, 2, 2.5,
// 5, 10 and as many bins as fit the axis' length), decades on log axes, and ScalarFormatter-like labels (the
// same number of decimals on every tick, the typographic minus, a ×10^n factor for very large or small).

export interface Tick {
  value: number;
  label: string;
  /** A power of ten on a log axis: drawn as 10 with `exponent` raised. */
  exponent?: string;
}

const MINUS = '\u2212';

function nonsingular(lo: number, hi: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-0.001, 0.001];
  if (hi < lo) [lo, hi] = [hi, lo];
  const maxabs = Math.max(Math.abs(lo), Math.abs(hi));
  if (hi - lo <= maxabs * 1e-14) {
    if (hi === 0 && lo === 0) return [-0.001, 0.001];
    return [lo - 0.001 * Math.abs(lo), hi + 0.001 * Math.abs(hi)];
  }
  return [lo, hi];
}

/** matplotlib.ticker.MaxNLocator(nbins, steps).tick_values(lo, hi), with its staircase of steps. */
export function maxNLocator(lo: number, hi: number, nbins: number, steps = [1, 2, 2.5, 5, 10], minTicks = 2): number[] {
  [lo, hi] = nonsingular(lo, hi);
  const dv = hi - lo;
  const mean = (hi + lo) / 2;
  const offset = Math.abs(mean) / dv < 100 ? 0 : Math.sign(mean) * 10 ** Math.floor(Math.log10(Math.abs(mean)));
  const scale = 10 ** Math.floor(Math.log10(dv / nbins));
  const vmin = lo - offset;
  const vmax = hi - offset;
  const raw = (vmax - vmin) / nbins;
  const extended = [...steps.slice(0, -1).map((s) => 0.1 * s), ...steps, 10 * steps[1]].map((s) => s * scale);
  let istep = extended.findIndex((s) => s >= raw);
  if (istep < 0) istep = extended.length - 1;
  let ticks: number[] = [];
  for (let k = istep; k >= 0; k--) {
    const step = extended[k];
    const best = Math.floor(vmin / step) * step;
    const low = Math.floor((vmin - best) / step + 1e-10);
    const high = Math.ceil((vmax - best) / step - 1e-10);
    ticks = [];
    for (let i = low; i <= high; i++) ticks.push(i * step + best + offset);
    if (ticks.filter((t) => t >= lo - 1e-12 * dv && t <= hi + 1e-12 * dv).length >= minTicks) break;
  }
  return ticks;
}

function decimalsFor(values: number[], step: number): number {
  for (let d = 0; d <= 10; d++) {
    if (values.every((v) => Math.abs(Number(v.toFixed(d)) - v) <= Math.abs(step) * 1e-6)) return d;
  }
  return 10;
}

/** Labels for linear ticks; `factor` is the exponent of a ×10^n shown once by the axis (0 for none). */
export function formatTicks(values: number[]): { labels: string[]; factor: number } {
  const maxAbs = Math.max(0, ...values.map(Math.abs));
  let factor = 0;
  if (maxAbs >= 1e6 || (maxAbs > 0 && maxAbs < 1e-4)) factor = Math.floor(Math.log10(maxAbs));
  const scaled = values.map((v) => v / 10 ** factor);
  const step = scaled.length > 1 ? Math.abs(scaled[1] - scaled[0]) : 1;
  const d = decimalsFor(scaled, step);
  const labels = scaled.map((v) => {
    const s = (Math.abs(v) < step * 1e-9 ? 0 : v).toFixed(d);
    return s.startsWith('-') ? MINUS + s.slice(1) : s;
  });
  return { labels, factor };
}

/** How many bins fit an axis `length` pixels long with labels of `fontPx` (matplotlib's get_tick_space). */
export function binsFor(length: number, fontPx: number, horizontal: boolean): number {
  const space = Math.floor(length / (fontPx * (horizontal ? 3 : 2)));
  return Math.min(9, Math.max(1, space));
}

function logTicks(lo: number, hi: number, nbins: number): Tick[] {
  const a = Math.log10(Math.min(lo, hi));
  const b = Math.log10(Math.max(lo, hi));
  const first = Math.ceil(a - 1e-9);
  const last = Math.floor(b + 1e-9);
  if (last - first < 1) {
    const values = maxNLocator(Math.min(lo, hi), Math.max(lo, hi), nbins).filter((v) => v > 0);
    const { labels } = formatTicks(values);
    return values.map((value, i) => ({ value, label: labels[i] }));
  }
  const stride = Math.max(1, Math.ceil((last - first + 1) / Math.max(nbins, 1)));
  const out: Tick[] = [];
  for (let e = first; e <= last; e += stride) {
    out.push({ value: 10 ** e, label: '10', exponent: e < 0 ? MINUS + String(-e) : String(e) });
  }
  return out;
}

/** The ticks inside [lo, hi] (either order) and the ×10^n factor of their labels. */
export function axisTicks(lo: number, hi: number, log: boolean, nbins: number): { ticks: Tick[]; factor: number } {
  const min = Math.min(lo, hi);
  const max = Math.max(lo, hi);
  const inside = (v: number) => v >= min - (max - min) * 1e-9 && v <= max + (max - min) * 1e-9;
  if (log && min > 0) return { ticks: logTicks(min, max, nbins).filter((t) => inside(t.value)), factor: 0 };
  const values = maxNLocator(min, max, nbins).filter(inside);
  const { labels, factor } = formatTicks(values);
  return { ticks: values.map((value, i) => ({ value, label: labels[i] })), factor };
}
