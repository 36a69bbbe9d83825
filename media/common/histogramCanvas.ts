// A small bar histogram of one parameter's values, drawn straight on a canvas (there can be many).
import type { Histogram } from '../../src/shared/paramStats';
import { themeColors } from './theme';

export function drawHistogram(canvas: HTMLCanvasElement, hist: Histogram, colorIndex: number): void {
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 160;
  const height = canvas.clientHeight || 60;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const colors = themeColors();
  const peak = Math.max(1, ...hist.counts);
  const bins = hist.counts.length;
  const barWidth = width / bins;
  ctx.fillStyle = colors.series[colorIndex % colors.series.length];
  for (let i = 0; i < bins; i++) {
    const h = (hist.counts[i] / peak) * (height - 2);
    ctx.fillRect(i * barWidth + 0.5, height - h, Math.max(1, barWidth - 1), h);
  }
  ctx.strokeStyle = colors.grid;
  ctx.beginPath();
  ctx.moveTo(0, height - 0.5);
  ctx.lineTo(width, height - 0.5);
  ctx.stroke();
}

/** Most values drawn one bar each: a histogram of a handful of values (a bias of 1 to 8) shows nothing. */
export const FEW_VALUES = 8;

/**
 * A handful of values as bars from a zero line, in their order: their signs and sizes read at a glance
 * where a histogram of 1 to 8 values would be one or two lonely bars.
 */
export function drawValueBars(canvas: HTMLCanvasElement, values: Float32Array, colorIndex: number): void {
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 160;
  const height = canvas.clientHeight || 60;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const colors = themeColors();
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const span = hi - lo || 1;
  const zero = 1 + ((hi - 0) / span) * (height - 2);
  const slot = width / Math.max(values.length, 1);
  const barWidth = Math.min(24, slot * 0.6);
  ctx.fillStyle = colors.series[colorIndex % colors.series.length];
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) return;
    const y = 1 + ((hi - v) / span) * (height - 2);
    ctx.fillRect(i * slot + (slot - barWidth) / 2, Math.min(y, zero), barWidth, Math.max(1, Math.abs(zero - y)));
  });
  ctx.strokeStyle = colors.grid;
  ctx.beginPath();
  ctx.moveTo(0, Math.round(zero) + 0.5);
  ctx.lineTo(width, Math.round(zero) + 0.5);
  ctx.stroke();
}
