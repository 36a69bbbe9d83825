// A parameter's values (or gradients) as a grid of coloured cells: rows are the first dimension, columns
// the rest flattened. Negative values take the theme's blue, positive its red, zero the background.
import { themeColors, toRgb } from './theme';

export interface HeatmapGrid {
  rows: number;
  cols: number;
}

export function gridOf(shape: number[]): HeatmapGrid {
  if (shape.length === 0) return { rows: 1, cols: 1 };
  if (shape.length === 1) return { rows: 1, cols: shape[0] };
  return { rows: shape[0], cols: shape.slice(1).reduce((a, b) => a * b, 1) };
}

export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) m = Math.max(m, Math.abs(values[i]));
  return m;
}

/** Draws `values` into `canvas` (one canvas pixel per cell, scaled up by CSS with pixelated rendering). */
export function drawHeatmap(canvas: HTMLCanvasElement, values: ArrayLike<number>, shape: number[]): void {
  const { rows, cols } = gridOf(shape);
  canvas.width = cols;
  canvas.height = rows;
  const ctx = canvas.getContext('2d')!;
  const image = ctx.createImageData(cols, rows);
  const colors = themeColors();
  const bg = toRgb(colors.background);
  const neg = toRgb(colors.negative);
  const pos = toRgb(colors.positive);
  const scale = maxAbs(values) || 1;
  for (let i = 0; i < rows * cols; i++) {
    const v = values[i];
    const o = i * 4;
    if (!Number.isFinite(v)) {
      // NaN/inf: the foreground colour stands out on both light and dark themes.
      const fg = toRgb(colors.foreground);
      image.data.set([fg[0], fg[1], fg[2], 255], o);
      continue;
    }
    const t = Math.min(1, Math.abs(v) / scale);
    const to = v < 0 ? neg : pos;
    image.data[o] = bg[0] + (to[0] - bg[0]) * t;
    image.data[o + 1] = bg[1] + (to[1] - bg[1]) * t;
    image.data[o + 2] = bg[2] + (to[2] - bg[2]) * t;
    image.data[o + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

/** The cell under a mouse position, or null. */
export function cellAt(
  canvas: HTMLCanvasElement,
  shape: number[],
  clientX: number,
  clientY: number,
): { row: number; col: number; index: number } | null {
  const { rows, cols } = gridOf(shape);
  const r = canvas.getBoundingClientRect();
  const col = Math.floor(((clientX - r.left) / r.width) * cols);
  const row = Math.floor(((clientY - r.top) / r.height) * rows);
  if (row < 0 || col < 0 || row >= rows || col >= cols) return null;
  return { row, col, index: row * cols + col };
}

/**
 * The heatmaps' colour scale: a bar from the theme's blue (-`max`) through the background (0) to its red
 * (+`max`), labelled at both ends and the middle, `width` CSS pixels wide.
 */
export function drawColorScale(
  canvas: HTMLCanvasElement,
  max: number,
  width: number,
  label: (v: number) => string,
): void {
  const height = 26;
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const colors = themeColors();
  const bg = toRgb(colors.background);
  const ends = [toRgb(colors.negative), toRgb(colors.positive)];
  for (let x = 0; x < width; x++) {
    const t = (x / Math.max(1, width - 1)) * 2 - 1;
    const to = ends[t < 0 ? 0 : 1];
    const k = Math.abs(t);
    ctx.fillStyle = `rgb(${bg.map((b, i) => Math.round(b + (to[i] - b) * k)).join(',')})`;
    ctx.fillRect(x, 0, 1, 10);
  }
  ctx.strokeStyle = colors.grid;
  ctx.strokeRect(0.5, 0.5, width - 1, 10);
  ctx.fillStyle = colors.muted;
  ctx.font = `10px ${getComputedStyle(document.body).fontFamily}`;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillText(label(-max), 0, 13);
  ctx.textAlign = 'center';
  ctx.fillText('0', width / 2, 13);
  ctx.textAlign = 'right';
  ctx.fillText(label(max), width, 13);
}
