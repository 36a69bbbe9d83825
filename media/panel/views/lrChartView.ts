// The learning rate of each parameter group per step (a scheduler's decay is seen here), decimated like the
// loss curve and appended to as steps arrive.
import type { RunEvent } from '../../../src/protocol';
import type { RunState } from '../../../src/shared/runState';
import { fmt, type Strings } from '../../../src/shared/strings';
import { lrChartSummary } from '../../common/chartSummary';
import { applyTheme, chartCanvas, createLineChart, setSeries, type LineChart } from '../../common/charts';
import { MinMaxDecimator } from '../../common/decimate';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

export class LrChartView implements View {
  readonly redrawOn: readonly RunEventType[] = ['steps'];
  private readonly chart: LineChart;
  private maxPoints = 2000;
  /** One series per parameter group. */
  private series: MinMaxDecimator[] = [];
  /** Steps folded into the series so far. */
  private steps = 0;

  constructor(container: HTMLElement, s: Strings) {
    this.chart = createLineChart(chartCanvas(container, s.lrChart), {
      xTitle: fmt(s.stepValue, '').trim(),
      yTitle: 'lr',
      legend: true,
    });
  }

  reset({ run, maxChartPoints }: ViewContext): void {
    this.maxPoints = maxChartPoints;
    this.rebuild(run);
  }

  onEvent(e: RunEvent, { run }: ViewContext): void {
    if (e.type !== 'steps') return;
    if (e.firstStep !== this.steps) {
      this.rebuild(run); // a gap or overlap: the run has every rate
      return;
    }
    e.lrs.forEach((lrs, k) => {
      if (!this.series[k]) {
        this.series[k] = new MinMaxDecimator(this.maxPoints);
        this.series[k].reset(e.firstStep);
      }
      this.series[k].push(lrs);
    });
    this.steps += e.losses.length;
  }

  onThemeChange(): void {
    applyTheme(this.chart);
  }

  update({ strings: s, run }: ViewContext): void {
    setSeries(
      this.chart,
      this.series.map((d, k) => ({ label: fmt(s.lrGroup, k), points: d.points() })),
    );
    this.chart.canvas.setAttribute('aria-label', lrChartSummary(s, run?.lrViews() ?? []));
  }

  private rebuild(run: RunState | null): void {
    this.series = (run?.lrViews() ?? []).map((lrs) => {
      const d = new MinMaxDecimator(this.maxPoints);
      d.push(lrs);
      return d;
    });
    this.steps = run?.steps ?? 0;
  }
}
