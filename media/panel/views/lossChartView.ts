// The loss per step, with a log-scale toggle and a smoothing slider (an exponential moving average drawn
// beside the raw curve). However long the run, the chart gets at most `maxChartPoints` points: new steps
// are appended to min/max decimated series as they arrive, which are rebuilt from the run only when it is
// replaced or the smoothing changes. A file that trains several models or optimizers in turn (series) gets
// one curve per series, overlaid from its own first step and labelled with what distinguishes it.
import type { RunEvent } from '../../../src/protocol';
import { formatNumber } from '../../../src/shared/paramStats';
import type { RunState } from '../../../src/shared/runState';
import { fmt, type Strings } from '../../../src/shared/strings';
import { applyTheme, chartCanvas, createLineChart, setLogY, setSeries, type LineChart } from '../../common/charts';
import { MinMaxDecimator, Smoother } from '../../common/decimate';
import { h } from '../../common/dom';
import type { RunEventType, View, ViewContext } from '../../common/viewHost';

/** The chart's settings, kept in the panel's state. */
export interface LossChartSettings {
  logScale: boolean;
  smoothing: number;
}

export class LossChartView implements View {
  readonly redrawOn: readonly RunEventType[] = ['steps', 'series'];
  private readonly chart: LineChart;
  private maxPoints = 2000;
  private raw = new MinMaxDecimator(this.maxPoints);
  private smooth = new MinMaxDecimator(this.maxPoints);
  private smoother = new Smoother(0);
  /** The smoothing changed: the series are rebuilt from the run at the next update. */
  private stale = false;

  /** `requestRedraw` asks for an update when a control changes. */
  constructor(
    container: HTMLElement,
    s: Strings,
    private readonly settings: LossChartSettings,
    private readonly requestRedraw: () => void,
  ) {
    container.append(this.controls(s));
    const canvas = chartCanvas(container, s.lossChart);
    this.chart = createLineChart(canvas, {
      xTitle: fmt(s.stepValue, '').trim(),
      yTitle: s.loss,
      logY: settings.logScale,
      legend: true,
    });
  }

  private controls(s: Strings): HTMLElement {
    const logToggle = h('input', { type: 'checkbox', id: 'log-scale', 'aria-label': s.logScale });
    logToggle.checked = this.settings.logScale;
    const smoothing = h('input', {
      type: 'range',
      id: 'smoothing',
      min: 0,
      max: 0.99,
      step: 0.01,
      'aria-label': s.smoothing,
    });
    smoothing.value = String(this.settings.smoothing);
    const smoothingValue = h('output', { for: 'smoothing', text: this.settings.smoothing.toFixed(2) });
    logToggle.addEventListener('change', () => {
      this.settings.logScale = logToggle.checked;
      setLogY(this.chart, logToggle.checked);
    });
    smoothing.addEventListener('input', () => {
      this.settings.smoothing = Number(smoothing.value);
      smoothingValue.textContent = this.settings.smoothing.toFixed(2);
      this.stale = true;
      this.requestRedraw();
    });
    return h(
      'div',
      { class: 'chart-controls' },
      h('label', { for: 'log-scale' }, logToggle, ' ', s.logScale),
      h('label', { for: 'smoothing' }, s.smoothing, ' ', smoothing, ' ', smoothingValue),
    );
  }

  reset({ run, maxChartPoints }: ViewContext): void {
    this.maxPoints = maxChartPoints;
    this.rebuild(run);
  }

  onEvent(e: RunEvent, { run }: ViewContext): void {
    if (e.type !== 'steps') return;
    if (e.firstStep !== this.raw.length)
      this.rebuild(run); // a gap or overlap: the run has every loss
    else this.append(e.losses);
  }

  onThemeChange(): void {
    applyTheme(this.chart);
  }

  update({ strings: s, run }: ViewContext): void {
    if (this.stale) this.rebuild(run);
    if (run && run.series.length > 1) {
      const curves = this.seriesCurves(run);
      setSeries(this.chart, curves);
      this.describe(s, run.lossView());
      this.chart.canvas.dataset.series = curves.map((c) => c.label).join('\n');
      return;
    }
    delete this.chart.canvas.dataset.series;
    const weight = this.settings.smoothing;
    const series = [{ label: s.loss, points: this.raw.points() }];
    if (weight > 0)
      series.push({
        label: `${s.loss} (${s.smoothing.toLowerCase()} ${weight.toFixed(2)})`,
        points: this.smooth.points(),
      });
    setSeries(this.chart, series);
    this.describe(s, run?.lossView());
  }

  /** One curve per series, each from its own step 0, within the same budget of points. */
  private seriesCurves(run: RunState): { label: string; points: { x: number; y: number }[] }[] {
    const losses = run.lossView();
    const series = run.series;
    const budget = Math.max(8, Math.floor(this.maxPoints / series.length));
    return series.map((sr, k) => {
      const end = k + 1 < series.length ? series[k + 1].firstStep : losses.length;
      const d = new MinMaxDecimator(budget);
      d.push(losses.subarray(Math.min(sr.firstStep, losses.length), Math.min(end, losses.length)));
      return { label: sr.label, points: d.points() };
    });
  }

  private rebuild(run: RunState | null): void {
    this.raw = new MinMaxDecimator(this.maxPoints);
    this.smooth = new MinMaxDecimator(this.maxPoints);
    this.smoother = new Smoother(this.settings.smoothing);
    this.stale = false;
    if (run) this.append(run.lossView());
  }

  private append(losses: ArrayLike<number>): void {
    this.raw.push(losses);
    for (let i = 0; i < losses.length; i++) this.smooth.pushOne(this.smoother.next(losses[i]));
  }

  /**
   * The chart's accessible name says what it shows (first and latest loss); the exact latest value and step
   * count are also data attributes, which the end-to-end test compares with the CLI's run of the same file.
   */
  private describe(s: Strings, losses: Float32Array | undefined): void {
    const canvas = this.chart.canvas;
    if (!losses || losses.length === 0) {
      canvas.setAttribute('aria-label', s.lossChart);
      delete canvas.dataset.latestLoss;
      delete canvas.dataset.steps;
      return;
    }
    const at = (i: number) => `${fmt(s.stepValue, i)}: ${fmt(s.lossValue, formatNumber(losses[i]))}`;
    canvas.setAttribute('aria-label', `${s.lossChart}. ${at(0)} … ${at(losses.length - 1)}`);
    canvas.dataset.latestLoss = String(losses[losses.length - 1]);
    canvas.dataset.firstLoss = String(losses[0]);
    canvas.dataset.steps = String(losses.length);
  }
}
