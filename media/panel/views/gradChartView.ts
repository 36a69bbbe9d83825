// The L2 norm of each parameter's gradient at the steps whose parameters were recorded, on a log scale
// (vanishing and exploding gradients differ by orders of magnitude).
import { fmt, type Strings } from '../../../src/shared/strings';
import { gradChartSummary } from '../../common/chartSummary';
import { applyTheme, chartCanvas, createLineChart, setSeries, type LineChart } from '../../common/charts';
import type { Point } from '../../common/decimate';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

export class GradChartView implements View {
  readonly redrawOn: readonly RunEventType[] = ['params', 'paused', 'steps'];
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
    const entries = Object.entries(grad?.norms ?? {});
    // A zero gradient (a dead layer) has no place on a log scale: it is drawn on a floor a decade below the
    // smallest positive norm, and its legend entry says "= 0", instead of vanishing from the chart.
    const floor = zeroFloor(entries.map(([, norms]) => norms));
    const series = entries.map(([name, norms]) => {
      const points: Point[] = [];
      let zeros = 0;
      for (let i = 0; i < norms.length; i++) {
        if (norms[i] > 0 && Number.isFinite(norms[i])) points.push({ x: grad!.steps[i], y: norms[i] });
        else if (norms[i] === 0) {
          points.push({ x: grad!.steps[i], y: floor });
          zeros++;
        }
      }
      return { label: zeros > 0 && zeros === points.length ? `${name} = 0` : name, points };
    });
    setSeries(this.chart, series);
  }
}

/** A decade below the smallest positive norm (1e-12 when none is positive). */
function zeroFloor(all: ArrayLike<number>[]): number {
  let min = Infinity;
  for (const norms of all) for (let i = 0; i < norms.length; i++) if (norms[i] > 0) min = Math.min(min, norms[i]);
  return Number.isFinite(min) ? 10 ** (Math.floor(Math.log10(min)) - 1) : 1e-12;
}
