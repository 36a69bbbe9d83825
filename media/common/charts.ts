// Chart.js line charts for long series: no animation, no per-point circles, already-parsed {x, y} points
// (decimated by MinMaxDecimator), colours from the theme.
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Title,
  Tooltip,
  type ChartDataset,
} from 'chart.js';
import { formatNumber } from '../../src/shared/paramStats';
import type { Point } from './decimate';
import { h } from './dom';
import { themeColors } from './theme';

Chart.register(
  Title,
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  CategoryScale,
  Legend,
  Tooltip,
);

export type LineChart = Chart<'line', Point[]>;

/** A chart's canvas in its sized box, appended to `container` (which must be in the page: Chart.js measures it). */
export function chartCanvas(container: HTMLElement, label: string): HTMLCanvasElement {
  const canvas = h('canvas', { role: 'img', 'aria-label': label });
  container.append(h('div', { class: 'chart-box' }, canvas));
  return canvas;
}

export function createLineChart(
  canvas: HTMLCanvasElement,
  options: { xTitle: string; yTitle: string; logY?: boolean; legend?: boolean },
): LineChart {
  const chart = new Chart<'line', Point[]>(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      elements: { point: { radius: 0, hitRadius: 6 }, line: { borderWidth: 1.5, tension: 0 } },
      plugins: {
        // At most about two rows of small entries: many layers must not squeeze the plot (entries past them
        // are left out of the legend; every name is in the tooltip and the chart's accessible summary).
        legend: { display: options.legend ?? false, maxHeight: 44, labels: { boxWidth: 10, font: { size: 10 } } },
        // The y title sits above the plot, horizontally: rotated, Korean (and any CJK) reads sideways.
        title: {
          display: true,
          text: options.yTitle,
          align: 'start',
          padding: { top: 0, bottom: 4 },
          font: { size: 11 },
        },
        tooltip: { enabled: true },
      },
      scales: {
        // Steps are whole numbers from 0: no -1..1 axis with fractional ticks around a first lone point.
        x: {
          type: 'linear',
          min: 0,
          suggestedMax: 1,
          title: { display: true, text: options.xTitle },
          ticks: { maxTicksLimit: 8, precision: 0 },
        },
        y: {
          type: options.logY ? 'logarithmic' : 'linear',
          title: { display: false, text: options.yTitle },
          // Chart.js's own labels on a log axis run to many zeros; ours are short and exact.
          ticks: { maxTicksLimit: 6, callback: (value) => formatNumber(Number(value)) },
        },
      },
    },
  });
  applyTheme(chart);
  return chart;
}

/** Re-reads the theme's colours into the chart (call on theme change). */
export function applyTheme(chart: LineChart): void {
  const c = themeColors();
  const o = chart.options;
  o.color = c.foreground;
  o.borderColor = c.grid;
  for (const axis of ['x', 'y'] as const) {
    const s = o.scales![axis]!;
    s.grid = { ...s.grid, color: c.grid };
    s.ticks = { ...s.ticks, color: c.muted };
    s.border = { ...s.border, color: c.grid };
    if ('title' in s && s.title) s.title.color = c.muted;
  }
  if (o.plugins?.legend?.labels) o.plugins.legend.labels.color = c.foreground;
  if (o.plugins?.title) o.plugins.title.color = c.muted;
  chart.data.datasets.forEach((d, i) => styleDataset(d, i));
  chart.update('none');
}

export function styleDataset(d: ChartDataset<'line', Point[]>, index: number): void {
  const c = themeColors();
  const color = c.series[index % c.series.length];
  d.borderColor = color;
  d.backgroundColor = color;
}

/** Sets the chart's series (one per label), keeping dataset objects so Chart.js does not rebuild them. */
export function setSeries(chart: LineChart, series: { label: string; points: Point[] }[]): void {
  const sets = chart.data.datasets;
  series.forEach((s, i) => {
    // A handful of points (a run paused at its first steps) would be invisible as a line alone. Chart.js
    // caches a dataset's resolved element options, so a changed radius needs a new dataset object.
    const pointRadius = s.points.length < 60 ? 2 : 0;
    if (!sets[i] || sets[i].pointRadius !== pointRadius) {
      sets[i] = { label: s.label, data: s.points, pointRadius };
      styleDataset(sets[i], i);
    }
    sets[i].label = s.label;
    sets[i].data = s.points;
  });
  sets.length = series.length;
  chart.options.plugins!.legend!.display = series.length > 1;
  chart.update('none');
}

export function setLogY(chart: LineChart, log: boolean): void {
  chart.options.scales!.y!.type = log ? 'logarithmic' : 'linear';
  chart.update('none');
}
