// The L2 norm of each parameter's gradient at the steps whose parameters were recorded, on a log scale
// (vanishing and exploding gradients differ by orders of magnitude).
import { fmt, type Strings } from '../../../src/shared/strings';
import { gradChartSummary } from '../../common/chartSummary';
import { applyTheme, chartCanvas, createLineChart, setSeries, type LineChart } from '../../common/charts';
import type { Point } from '../../common/decimate';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

export class GradChartView implements View {
  readonly redrawOn: readonly RunEventType[] = ['params', 'paused'];
  private readonly chart: LineChart;

  constructor(container: HTMLElement, s: Strings) {
    this.chart = createLineChart(chartCanvas(container, s.gradChart), {
      xTitle: fmt(s.stepValue, '').trim(),
      yTitle: '‖grad‖',
      logY: true,
      legend: true,
    });
  }

  onThemeChange(): void {
    applyTheme(this.chart);
  }

  update({ strings: s, run }: ViewContext): void {
    const grad = run?.gradNormViews();
    this.chart.canvas.setAttribute('aria-label', gradChartSummary(s, grad));
    const series = Object.entries(grad?.norms ?? {}).map(([name, norms]) => {
      const points: Point[] = [];
      // Zero and non-finite norms cannot be drawn on a log scale.
      for (let i = 0; i < norms.length; i++)
        if (norms[i] > 0 && Number.isFinite(norms[i])) points.push({ x: grad!.steps[i], y: norms[i] });
      return { label: name, points };
    });
    setSeries(this.chart, series);
  }
}
