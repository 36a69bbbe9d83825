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
