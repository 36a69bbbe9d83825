// A line chart as SVG text, for the "Export charts" button: the same series the panel draws on its canvases,
// as a vector file for slides and reports. Linear or logarithmic y axis (non-positive values are left out
// of a log axis), an optional y range that clips a diverging series, tick labels, axis titles and a legend.
// No DOM: it builds a string (node tests parse it).
import { formatNumber } from '../../src/shared/paramStats';

export interface SvgSeries {
  label: string;
  color: string;
  /** [x, y] points; NaN / inf values break the line. */
  points: ArrayLike<readonly [number, number]>;
}

export interface SvgChartOptions {
  title: string;
  xTitle: string;
  yTitle: string;
  logY?: boolean;
  /** The y range drawn (values outside are clipped to it); from the data when absent. */
  yRange?: [number, number];
  width?: number;
  height?: number;
  foreground?: string;
  background?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function ticks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

function dataRange(series: readonly SvgSeries[], axis: 0 | 1, logY: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series)
    for (let i = 0; i < s.points.length; i++) {
      const v = s.points[i][axis];
      if (!Number.isFinite(v) || (axis === 1 && logY && v <= 0)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  if (!Number.isFinite(lo)) return logY && axis === 1 ? [0.1, 1] : [0, 1];
  return hi > lo ? [lo, hi] : [lo - 1, hi + 1];
}

export function svgLineChart(series: readonly SvgSeries[], o: SvgChartOptions): string {
  const width = o.width ?? 640;
  const height = (o.height ?? 360) + Math.max(0, Math.ceil(series.length / 3) - 1) * 14; // legend rows
  const fg = o.foreground ?? '#333333';
  const logY = o.logY ?? false;
  const legendRows = Math.max(1, Math.ceil(series.length / 3));
  const box = { left: 64, top: 32, width: width - 84, height: height - 90 - legendRows * 14 };
  const [x0, x1] = dataRange(series, 0, false);
  let [y0, y1] = o.yRange ?? dataRange(series, 1, logY);
  if (logY) [y0, y1] = [Math.log10(y0), Math.log10(y1)];
  if (!(y1 > y0)) y1 = y0 + 1;
  const sx = (x: number) => box.left + ((x - x0) / (x1 - x0 || 1)) * box.width;
  const ty = (y: number) => (logY ? Math.log10(y) : y);
  const sy = (y: number) => box.top + box.height - ((Math.min(y1, Math.max(y0, ty(y))) - y0) / (y1 - y0)) * box.height;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${esc(o.title)}</title>`,
  ];
  if (o.background) out.push(`<rect width="${width}" height="${height}" fill="${esc(o.background)}"/>`);
  out.push(
    `<rect x="${box.left}" y="${box.top}" width="${box.width}" height="${box.height}" fill="none" stroke="${fg}" stroke-opacity="0.4"/>`,
  );
  for (const v of ticks(x0, x1, 6))
    out.push(
      `<text x="${sx(v).toFixed(1)}" y="${box.top + box.height + 16}" text-anchor="middle" fill="${fg}">${esc(formatNumber(v))}</text>`,
    );
  const yTicks = logY
    ? ticks(Math.ceil(y0), Math.floor(y1), 5)
        .filter(Number.isInteger)
        .map((k) => 10 ** k)
    : ticks(y0, y1, 5);
  for (const v of yTicks)
    out.push(
      `<text x="${box.left - 6}" y="${(sy(v) + 4).toFixed(1)}" text-anchor="end" fill="${fg}">${esc(formatNumber(v))}</text>`,
    );
  out.push(
    `<text x="${box.left + box.width / 2}" y="${box.top + box.height + 34}" text-anchor="middle" fill="${fg}">${esc(o.xTitle)}</text>`,
  );
  out.push(`<text x="${box.left}" y="${box.top - 10}" fill="${fg}">${esc(o.yTitle)}</text>`);
  for (const s of series) {
    let d = '';
    let pen = false;
    for (let i = 0; i < s.points.length; i++) {
      const [x, y] = s.points[i];
      const ok = Number.isFinite(x) && (Number.isFinite(y) || y === Infinity) && !(logY && y <= 0);
      if (!ok) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${sx(x).toFixed(1)} ${sy(y).toFixed(1)}`;
      pen = true;
    }
    if (d)
      out.push(
        `<path d="${d}" fill="none" stroke="${esc(s.color)}" stroke-width="1.5"><title>${esc(s.label)}</title></path>`,
      );
  }
  // The legend under the x axis title, three entries a row.
  series.forEach((s, i) => {
    const y = height - 8 - (legendRows - 1 - Math.floor(i / 3)) * 14;
    const x = box.left + (i % 3) * Math.floor(box.width / 3);
    out.push(`<line x1="${x}" y1="${y - 4}" x2="${x + 14}" y2="${y - 4}" stroke="${esc(s.color)}" stroke-width="2"/>`);
    out.push(`<text x="${x + 18}" y="${y}" fill="${fg}">${esc(s.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
