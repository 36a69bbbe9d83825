// The TensorBoard section: the values the file logged with SummaryWriter, one line chart per add_scalar tag
// (or add_scalars main tag), one curve per run or dict key, against the global_step they were logged at, as
// TensorBoard's Scalars tab draws them. Hidden until the first value arrives.
import type { ScalarPoints } from '../../../src/protocol';
import { formatNumber } from '../../../src/shared/paramStats';
import { scalarCharts } from '../../../src/shared/scalarState';
import { fmt, type Strings } from '../../../src/shared/strings';
import { applyTheme, chartCanvas, createLineChart, setSeries, type LineChart } from '../../common/charts';
import type { Point } from '../../common/decimate';
import { h } from '../../common/dom';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

/** A curve's points, every `stride`-th when there are more than `maxPoints` (the last always kept). */
function points(c: ScalarPoints, maxPoints: number): Point[] {
  const stride = Math.max(1, Math.ceil(c.steps.length / maxPoints));
  const out: Point[] = [];
  for (let i = 0; i < c.steps.length; i++) {
    if (i % stride !== 0 && i !== c.steps.length - 1) continue;
    if (Number.isFinite(c.values[i])) out.push({ x: c.steps[i], y: c.values[i] });
  }
  return out;
}

/** The chart in words: each curve's count of points and its latest value. */
export function scalarsSummary(s: Strings, chart: string, curves: readonly ScalarPoints[]): string {
  const parts = curves.map((c) => {
    const n = c.values.length;
    return fmt(s.scalarsCurve, c.label, n, n ? formatNumber(c.values[n - 1]) : '-', n ? c.steps[n - 1] : '-');
  });
  return fmt(s.scalarsSummary, chart, parts.join('; '));
}

export class ScalarsView implements View {
  readonly redrawOn: readonly RunEventType[] = ['scalars'];
  private readonly list: HTMLElement;
  private charts = new Map<string, LineChart>();

  constructor(
    private readonly container: HTMLElement,
    s: Strings,
  ) {
    container.append(h('p', { class: 'section-help', text: s.scalarsHelp }));
    this.list = h('div', { class: 'scalar-charts' });
    container.append(this.list);
    container.hidden = true;
  }

  reset(): void {
    for (const chart of this.charts.values()) chart.destroy();
    this.charts.clear();
    this.list.replaceChildren();
  }

  onThemeChange(): void {
    for (const chart of this.charts.values()) applyTheme(chart);
  }

  update({ strings: s, run, maxChartPoints }: ViewContext): void {
    const charts = scalarCharts(run?.scalars.view() ?? []);
    this.container.hidden = charts.length === 0;
    for (const { chart: name, curves } of charts) {
      let chart = this.charts.get(name);
      if (!chart) {
        const box = h('div', { class: 'scalar-chart' }, h('h3', { text: name }));
        this.list.append(box);
        chart = createLineChart(chartCanvas(box, name), {
          xTitle: fmt(s.stepValue, '').trim(),
          yTitle: s.scalarsValue,
          legend: true,
        });
        this.charts.set(name, chart);
      }
      setSeries(
        chart,
        curves.map((c) => ({ label: c.label, points: points(c, maxChartPoints) })),
      );
      chart.canvas.setAttribute('aria-label', scalarsSummary(s, name, curves));
    }
  }
}
