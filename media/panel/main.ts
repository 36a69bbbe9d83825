// The training panel of one file: run state and actions, the four-phase strip, loss / learning-rate /
// gradient-norm charts, weight histograms, a heatmap of any parameter, the paused step's update table and
// the script's output. It folds the host's batched events into its own RunRecorder and redraws at most
// ~30 times a second; the host re-sends the whole snapshot whenever the panel is shown again.
import type { HostToView, Phase, RunEvent } from '../../src/protocol';
import { RunRecorder } from '../../src/extension/runRecorder';
import { formatNumber, histogram, meanStd } from '../../src/extension/paramStats';
import { applyTheme, createLineChart, setLogY, setSeries, type LineChart } from '../shared/charts';
import { MinMaxDecimator, Smoother } from '../shared/decimate';
import { clear, frameThrottle, h } from '../shared/dom';
import { gradChartSummary, lrChartSummary } from '../shared/chartSummary';
import { cellAt, drawHeatmap, gridOf } from '../shared/heatmap';
import { moveCell, type Cell } from '../shared/heatmapKeys';
import { drawHistogram } from '../shared/histogramCanvas';
import { phaseLabel, RunControls } from '../shared/runControls';
import { runToShow } from '../shared/restoreRun';
import { fmt, VIEW_STRINGS, type Strings } from '../shared/strings';
import { snapshotToJson } from '../shared/snapshotJson';
import { onThemeChange } from '../shared/theme';
import { loadState, post, saveState } from '../shared/vscodeApi';
import { ActivationsView } from './activations';
import { LossHintView } from './lossHintView';

/** Most elements of one parameter listed in the paused-step table. */
const TABLE_ELEMENTS = 8;
const HISTOGRAM_BINS = 24;
const PHASES: Phase[] = ['forward', 'loss', 'backward', 'update'];

const viewState = loadState({
  fileUri: null as string | null,
  logScale: false,
  smoothing: 0,
  selectedParam: null as string | null,
  /** The last run that ended or paused, as JSON, shown again after a window reload. */
  savedRun: null as Record<string, unknown> | null,
});
/** The run shown is the saved one from before a window reload, not one the host knows. */
let restored = false;
let strings: Strings = { ...VIEW_STRINGS };
let fileName: string | null = null;
let maxChartPoints = 2000;
let recorder: RunRecorder | null = null;
let ui: PanelUi | null = null;

// Series decimated for drawing; rebuilt from the recorder when a snapshot arrives.
let lossRaw = new MinMaxDecimator(maxChartPoints);
let lossSmooth = new MinMaxDecimator(maxChartPoints);
let smoother = new Smoother(viewState.smoothing);
let lrSeries: MinMaxDecimator[] = [];

const dirty = { state: true, charts: true, params: true, output: true, activations: true };

function rebuildSeries(): void {
  lossRaw = new MinMaxDecimator(maxChartPoints);
  lossSmooth = new MinMaxDecimator(maxChartPoints);
  smoother = new Smoother(viewState.smoothing);
  lrSeries = [];
  if (!recorder) return;
  appendLosses(recorder.lossView());
  for (const lrs of recorder.lrViews()) {
    const d = new MinMaxDecimator(maxChartPoints);
    d.push(lrs);
    lrSeries.push(d);
  }
}

function appendLosses(losses: ArrayLike<number>): void {
  lossRaw.push(losses);
  for (let i = 0; i < losses.length; i++) lossSmooth.pushOne(smoother.next(losses[i]));
}

function onSteps(e: Extract<RunEvent, { type: 'steps' }>): void {
  if (e.firstStep !== lossRaw.length) {
    rebuildSeries(); // a gap or overlap: start over from the recorder, which has every loss
    return;
  }
  appendLosses(e.losses);
  e.lrs.forEach((lrs, k) => {
    if (!lrSeries[k]) {
      lrSeries[k] = new MinMaxDecimator(maxChartPoints);
      lrSeries[k].reset(e.firstStep);
    }
    lrSeries[k].push(lrs);
  });
}

function onMessage(message: HostToView): void {
  switch (message.type) {
    case 'snapshot':
      strings = { ...VIEW_STRINGS, ...message.strings } as Strings;
      fileName = message.file;
      maxChartPoints = message.config.maxChartPoints;
      restored = false;
      // After a reload the new extension host has no run: show the one this panel saved.
      const shown = runToShow(message, viewState.savedRun && viewState.fileUri ? { [viewState.fileUri]: viewState.savedRun } : {});
      if (shown.run) {
        recorder = RunRecorder.fromSnapshot(shown.run);
        restored = shown.restored;
      } else {
        recorder = null;
        viewState.savedRun = null;
      }
      if (message.fileUri) viewState.fileUri = message.fileUri;
      if (recorder && !restored) {
        if (recorder.isActive) viewState.savedRun = null; // saved again when it pauses or ends
        else saveRun();
      }
      saveState(viewState);
      ui ??= buildUi();
      rebuildSeries();
      markAll();
      break;
    case 'events':
      for (const e of message.events) onEvent(e);
      break;
    case 'selectParam':
      selectParam(message.name);
      break;
  }
  redraw();
}

function onEvent(e: RunEvent): void {
  if (e.type === 'started' && (restored || recorder?.runId !== e.runId)) {
    recorder = new RunRecorder(e.runId, e.file, e.mode, 'starting');
    restored = false;
    viewState.savedRun = null;
    saveState(viewState);
    rebuildSeries();
    markAll();
  }
  if (!recorder || restored) return;
  recorder.apply(e, performance.now());
  if (e.type === 'finished' || e.type === 'paused') saveRun();
  switch (e.type) {
    case 'steps':
      onSteps(e);
      dirty.charts = true;
      dirty.state = true;
      break;
    case 'params':
      dirty.params = true;
      dirty.charts = true;
      break;
    case 'activations':
      dirty.activations = true;
      break;
    case 'model':
      dirty.activations = true; // a new model: the previous one's outputs are gone
      dirty.state = true;
      break;
    case 'paused':
      dirty.params = true;
      dirty.charts = true;
      dirty.state = true;
      break;
    case 'output':
    case 'warning':
      dirty.output = true;
      break;
    default:
      dirty.state = true;
  }
}

/** Keeps the run in the webview's state (when small enough) so a window reload can show it again. */
function saveRun(): void {
  viewState.savedRun = recorder ? snapshotToJson(recorder.snapshot(false)) : null;
  saveState(viewState);
}

function markAll(): void {
  dirty.state = dirty.charts = dirty.params = dirty.output = dirty.activations = true;
}

function selectParam(name: string): void {
  viewState.selectedParam = name;
  saveState(viewState);
  if (ui) {
    ui.heatmapSelect.value = name;
    ui.heatmapSection.scrollIntoView({ block: 'nearest' });
    ui.heatmapSelect.focus();
  }
  dirty.params = true;
}

interface PanelUi {
  title: HTMLElement;
  controls: RunControls;
  empty: HTMLElement;
  phaseItems: Map<Phase, HTMLElement>;
  error: HTMLElement;
  lossChart: LineChart;
  lrChart: LineChart;
  gradChart: LineChart;
  histograms: HTMLElement;
  heatmapSection: HTMLElement;
  heatmapSelect: HTMLSelectElement;
  valuesCanvas: HTMLCanvasElement;
  gradsCanvas: HTMLCanvasElement;
  heatmapCaption: HTMLElement;
  pausedSection: HTMLElement;
  pausedBody: HTMLElement;
  output: HTMLElement;
  lossHint: LossHintView;
  activations: ActivationsView;
}

function section(title: string, id: string, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: 'card', 'aria-labelledby': `${id}-title`, id }, h('h2', { id: `${id}-title`, text: title }), ...children);
}

function chartBox(label: string): { box: HTMLElement; canvas: HTMLCanvasElement } {
  const canvas = h('canvas', { role: 'img', 'aria-label': label });
  return { box: h('div', { class: 'chart-box' }, canvas), canvas };
}

function buildUi(): PanelUi {
  const s = strings;
  const app = document.getElementById('app')!;
  clear(app);

  const title = h('h1', { class: 'title' });
  const controls = new RunControls(s);
  const phaseItems = new Map<Phase, HTMLElement>();
  const strip = h('ol', { class: 'phase-strip', 'aria-label': s.phases });
  for (const p of PHASES) {
    const li = h('li', { class: `phase phase-${p}`, text: phaseLabel(s, p) });
    phaseItems.set(p, li);
    strip.append(li);
  }
  const error = h('div', { class: 'error', role: 'alert', hidden: true });
  const empty = h('p', { class: 'empty', text: s.noRun });

  // Loss chart with its scale toggle and smoothing slider.
  const loss = chartBox(s.lossChart);
  const logToggle = h('input', { type: 'checkbox', id: 'log-scale', 'aria-label': s.logScale });
  logToggle.checked = viewState.logScale;
  const smoothing = h('input', { type: 'range', id: 'smoothing', min: 0, max: 0.99, step: 0.01, 'aria-label': s.smoothing });
  smoothing.value = String(viewState.smoothing);
  const smoothingValue = h('output', { for: 'smoothing', text: viewState.smoothing.toFixed(2) });
  const lossControls = h(
    'div',
    { class: 'chart-controls' },
    h('label', { for: 'log-scale' }, logToggle, ' ', s.logScale),
    h('label', { for: 'smoothing' }, s.smoothing, ' ', smoothing, ' ', smoothingValue),
  );
  const lr = chartBox(s.lrChart);
  const grad = chartBox(s.gradChart);
  const lossHint = new LossHintView();
  const activations = new ActivationsView(s);

  const histograms = h('div', { class: 'histograms' });
  const heatmapSelect = h('select', { id: 'heatmap-param', 'aria-label': s.parameter });
  // Focusable: the arrow keys move over the cells and the caption below reads the value out.
  const valuesCanvas = h('canvas', { class: 'heatmap', role: 'img', tabindex: 0, 'aria-label': s.values, 'aria-description': s.heatmapKeys });
  const gradsCanvas = h('canvas', { class: 'heatmap', role: 'img', tabindex: 0, 'aria-label': s.gradients, 'aria-description': s.heatmapKeys });
  const valuesCursor = h('div', { class: 'heatmap-cursor', hidden: true });
  const gradsCursor = h('div', { class: 'heatmap-cursor', hidden: true });
  const heatmapCaption = h('p', { class: 'heatmap-caption', 'aria-live': 'polite' });
  const heatmapSection = section(
    s.heatmap,
    'heatmap',
    h('label', { for: 'heatmap-param' }, s.parameter, ' ', heatmapSelect),
    h(
      'div',
      { class: 'heatmaps' },
      h('figure', {}, valuesCanvas, valuesCursor, h('figcaption', { id: 'values-caption', text: s.values })),
      h('figure', {}, gradsCanvas, gradsCursor, h('figcaption', { id: 'grads-caption', text: s.gradients })),
    ),
    heatmapCaption,
  );
  const pausedBody = h('tbody');
  const pausedSection = section(
    s.pausedTable,
    'paused',
    h(
      'table',
      { class: 'paused-table', 'aria-labelledby': 'paused-title' },
      h('thead', {}, h('tr', {}, ...[s.element, s.before, s.gradient, s.lrTimesGrad, s.after].map((t) => h('th', { scope: 'col', text: t })))),
      pausedBody,
    ),
  );
  const output = h('pre', { class: 'output', tabindex: 0, 'aria-label': s.output });

  app.append(
    h('header', { class: 'panel-header' }, title, controls.element),
    empty,
    strip,
    error,
    pausedSection,
    section(s.lossChart, 'loss', lossControls, loss.box, lossHint.element),
    h('div', { class: 'grid-2' }, section(s.lrChart, 'lr', lr.box), section(s.gradChart, 'grad', grad.box)),
    section(s.histograms, 'histograms', histograms),
    activations.element,
    heatmapSection,
    section(s.output, 'output', output),
  );
  app.removeAttribute('aria-busy');

  const stepTitle = fmt(s.stepValue, '').trim();
  const lossChart = createLineChart(loss.canvas, { xTitle: stepTitle, yTitle: s.loss, logY: viewState.logScale, legend: true });
  const lrChart = createLineChart(lr.canvas, { xTitle: stepTitle, yTitle: 'lr', legend: true });
  const gradChart = createLineChart(grad.canvas, { xTitle: stepTitle, yTitle: '‖grad‖', logY: true, legend: true });

  logToggle.addEventListener('change', () => {
    viewState.logScale = logToggle.checked;
    saveState(viewState);
    setLogY(lossChart, logToggle.checked);
  });
  smoothing.addEventListener('input', () => {
    viewState.smoothing = Number(smoothing.value);
    smoothingValue.textContent = viewState.smoothing.toFixed(2);
    saveState(viewState);
    rebuildSeries();
    dirty.charts = true;
    redraw();
  });
  heatmapSelect.addEventListener('change', () => selectParam(heatmapSelect.value));
  const selected = () => recorder?.params.find((q) => q.name === viewState.selectedParam);
  const describeCell = (which: 'value' | 'grad', cell: Cell) => {
    const p = selected();
    const data = which === 'value' ? p?.value : p?.grad;
    if (!p || !data) return;
    const { cols } = gridOf(p.shape);
    heatmapCaption.textContent = `${p.name}[${cell.row}, ${cell.col}] ${which === 'value' ? s.values : s.gradients}: ${formatNumber(data[cell.row * cols + cell.col])}`;
  };
  const showCell = (canvas: HTMLCanvasElement, which: 'value' | 'grad') => (ev: MouseEvent) => {
    const p = selected();
    const cell = p && cellAt(canvas, p.shape, ev.clientX, ev.clientY);
    if (cell) describeCell(which, cell);
  };
  // Keyboard: one cell cursor per heatmap, drawn as an outlined box over the canvas while it has focus.
  const keyCells = new Map<HTMLCanvasElement, Cell | null>();
  const placeCursor = (canvas: HTMLCanvasElement, cursor: HTMLElement) => {
    const p = selected();
    const cell = keyCells.get(canvas);
    const { rows, cols } = gridOf(p?.shape ?? []);
    cursor.hidden = !p || !cell || cell.row >= rows || cell.col >= cols || document.activeElement !== canvas;
    if (!p || !cell) return;
    const w = canvas.clientWidth / cols;
    const hgt = canvas.clientHeight / rows;
    cursor.style.left = `${canvas.offsetLeft + canvas.clientLeft + cell.col * w}px`;
    cursor.style.top = `${canvas.offsetTop + canvas.clientTop + cell.row * hgt}px`;
    cursor.style.width = `${w}px`;
    cursor.style.height = `${hgt}px`;
  };
  const onKey = (canvas: HTMLCanvasElement, cursor: HTMLElement, which: 'value' | 'grad') => (ev: KeyboardEvent) => {
    const p = selected();
    if (!p) return;
    const grid = gridOf(p.shape);
    const cur = keyCells.get(canvas);
    const next = moveCell(cur && cur.row < grid.rows && cur.col < grid.cols ? cur : null, ev.key, grid);
    if (!next) return;
    ev.preventDefault();
    keyCells.set(canvas, next);
    describeCell(which, next);
    placeCursor(canvas, cursor);
  };
  for (const [canvas, cursor, which] of [
    [valuesCanvas, valuesCursor, 'value'],
    [gradsCanvas, gradsCursor, 'grad'],
  ] as const) {
    canvas.addEventListener('mousemove', showCell(canvas, which));
    canvas.addEventListener('keydown', onKey(canvas, cursor, which));
    canvas.addEventListener('focus', () => placeCursor(canvas, cursor));
    canvas.addEventListener('blur', () => placeCursor(canvas, cursor));
  }
  // A different parameter (another shape) starts the cursors over.
  heatmapSelect.addEventListener('change', () => {
    keyCells.clear();
    valuesCursor.hidden = gradsCursor.hidden = true;
  });

  onThemeChange(() => {
    [lossChart, lrChart, gradChart].forEach(applyTheme);
    markAll();
    redraw();
  });

  return { title, controls, phaseItems, error, empty, lossChart, lrChart, gradChart, histograms, heatmapSection, heatmapSelect, valuesCanvas, gradsCanvas, heatmapCaption, pausedSection, pausedBody, output, lossHint, activations };
}

const redraw = frameThrottle(() => {
  if (!ui) return;
  if (dirty.state) drawState(ui);
  if (dirty.charts) drawCharts(ui);
  if (dirty.params) drawParams(ui);
  if (dirty.output) drawOutput(ui);
  if (dirty.activations) ui.activations.update(strings, recorder && !restored ? recorder.activations : null, recorder?.modules ?? []);
  dirty.state = dirty.charts = dirty.params = dirty.output = dirty.activations = false;
});

function drawState(u: PanelUi): void {
  const s = strings;
  u.title.textContent = fileName ?? '';
  u.controls.update(s, recorder?.snapshot(false) ?? null, fileName !== null);
  u.empty.hidden = recorder !== null && !restored;
  u.empty.textContent = restored ? s.restored : s.noRun;
  const phase = recorder?.paused?.phase;
  for (const [p, li] of u.phaseItems) {
    li.classList.toggle('current', p === phase);
    if (p === phase) li.setAttribute('aria-current', 'step');
    else li.removeAttribute('aria-current');
  }
  const err = recorder?.error;
  u.error.hidden = !err;
  if (err) {
    u.error.textContent = err.pos ? `${fmt(s.errorAt, err.kind, err.pos.line)}: ${err.message}\n${err.traceback}` : `${err.kind}: ${err.message}\n${err.traceback}`;
  }
}

function drawCharts(u: PanelUi): void {
  const s = strings;
  const lossSeries = [{ label: s.loss, points: lossRaw.points() }];
  if (viewState.smoothing > 0) lossSeries.push({ label: `${s.loss} (${s.smoothing.toLowerCase()} ${viewState.smoothing.toFixed(2)})`, points: lossSmooth.points() });
  setSeries(u.lossChart, lossSeries);
  describeLossChart(u, s);
  u.lossHint.update(s, recorder?.lossView());
  setSeries(
    u.lrChart,
    lrSeries.map((d, k) => ({ label: fmt(s.lrGroup, k), points: d.points() })),
  );
  u.lrChart.canvas.setAttribute('aria-label', lrChartSummary(s, recorder?.lrViews() ?? []));
  const grad = recorder?.gradNormViews();
  u.gradChart.canvas.setAttribute('aria-label', gradChartSummary(s, grad));
  setSeries(
    u.gradChart,
    grad
      ? Object.entries(grad.norms).map(([name, norms]) => {
          const points = [];
          for (let i = 0; i < norms.length; i++) if (norms[i] > 0 && Number.isFinite(norms[i])) points.push({ x: grad.steps[i], y: norms[i] });
          return { label: name, points };
        })
      : [],
  );
}

/**
 * The chart's accessible name says what it shows (first and latest loss); the exact latest value and step
 * count are also data attributes, which the end-to-end test compares with the CLI's run of the same file.
 */
function describeLossChart(u: PanelUi, s: Strings): void {
  const canvas = u.lossChart.canvas;
  const losses = recorder?.lossView();
  if (!losses || losses.length === 0) {
    canvas.setAttribute('aria-label', s.lossChart);
    delete canvas.dataset.latestLoss;
    delete canvas.dataset.steps;
    return;
  }
  const last = losses[losses.length - 1];
  const at = (i: number) => `${fmt(s.stepValue, i)}: ${fmt(s.lossValue, formatNumber(losses[i]))}`;
  canvas.setAttribute('aria-label', `${s.lossChart}. ${at(0)} … ${at(losses.length - 1)}`);
  canvas.dataset.latestLoss = String(last);
  canvas.dataset.firstLoss = String(losses[0]);
  canvas.dataset.steps = String(losses.length);
}

function drawParams(u: PanelUi): void {
  const params = recorder?.params ?? [];
  // Parameter list of the heatmap picker.
  const names = params.map((p) => p.name);
  if (Array.from(u.heatmapSelect.options).map((o) => o.value).join('\n') !== names.join('\n')) {
    clear(u.heatmapSelect);
    for (const n of names) u.heatmapSelect.append(h('option', { value: n, text: n }));
  }
  if (!viewState.selectedParam || !names.includes(viewState.selectedParam)) {
    viewState.selectedParam = params.find((p) => p.shape.length >= 2)?.name ?? names[0] ?? null;
  }
  if (viewState.selectedParam) u.heatmapSelect.value = viewState.selectedParam;

  drawHistograms(u, params);
  drawSelectedHeatmap(u);
  drawPausedTable(u);
}

function drawHistograms(u: PanelUi, params: RunRecorder['params']): void {
  document.getElementById('histograms')!.hidden = params.length === 0;
  const existing = new Map(Array.from(u.histograms.querySelectorAll<HTMLElement>("figure")).map((f) => [f.dataset.param!, f]));
  params.forEach((p, i) => {
    let fig = existing.get(p.name);
    if (!fig) {
      const button = h('button', { type: 'button', class: 'histogram-button', 'aria-label': fmt(strings.openHeatmap, p.name) }, h('canvas', { class: 'histogram', role: 'img' }));
      button.addEventListener('click', () => selectParam(p.name));
      fig = h('figure', { class: 'histogram-figure' }, button, h('figcaption'));
      fig.dataset.param = p.name;
      u.histograms.append(fig);
    }
    existing.delete(p.name);
    const hist = histogram(p.value, Math.max(6, Math.min(HISTOGRAM_BINS, Math.round(Math.sqrt(p.value.length) * 2))));
    const { mean, std } = meanStd(p.value);
    const canvas = fig.querySelector('canvas')!;
    canvas.setAttribute('aria-label', `${p.name}: ${strings.mean} ${formatNumber(mean)}, ${strings.std} ${formatNumber(std)}`);
    drawHistogram(canvas, hist, i);
    fig.querySelector('figcaption')!.textContent = `${p.name} [${p.shape.join('×')}]  ${formatNumber(hist.min)} … ${formatNumber(hist.max)}`;
  });
  for (const stale of existing.values()) stale.remove();
}

function drawSelectedHeatmap(u: PanelUi): void {
  const p = recorder?.params.find((q) => q.name === viewState.selectedParam);
  u.heatmapSection.hidden = !p;
  if (!p) return;
  const { rows, cols } = gridOf(p.shape);
  // Cells as large as fit a 320px box (between 3 and 48px a side), so a 48×2 weight is not a sliver.
  const side = (n: number) => Math.max(3, Math.min(48, Math.floor(320 / n)));
  for (const canvas of [u.valuesCanvas, u.gradsCanvas]) {
    canvas.style.width = `${cols * side(cols)}px`;
    canvas.style.height = `${rows * side(rows)}px`;
  }
  drawHeatmap(u.valuesCanvas, p.value, p.shape);
  // The colour scale is symmetric around 0: blue below, red above, strongest at the largest magnitude.
  const range = (a: Float32Array | null) => {
    if (!a) return ` (${strings.noGrad})`;
    const { min, max } = histogram(a, 1);
    return ` ${formatNumber(min)} … ${formatNumber(max)}`;
  };
  document.getElementById('values-caption')!.textContent = `${strings.values}:${range(p.value)}`;
  document.getElementById('grads-caption')!.textContent = `${strings.gradients}:${range(p.grad)}`;
  u.valuesCanvas.setAttribute('aria-label', `${p.name} ${strings.values} [${p.shape.join('×')}]:${range(p.value)}`);
  if (p.grad) drawHeatmap(u.gradsCanvas, p.grad, p.shape);
  else u.gradsCanvas.getContext('2d')!.clearRect(0, 0, u.gradsCanvas.width, u.gradsCanvas.height);
  u.gradsCanvas.setAttribute('aria-label', p.grad ? `${p.name} ${strings.gradients} [${p.shape.join('×')}]:${range(p.grad)}` : `${p.name}: ${strings.noGrad}`);
}

function drawPausedTable(u: PanelUi): void {
  const paused = recorder?.paused;
  u.pausedSection.hidden = !paused;
  if (!paused) return;
  clear(u.pausedBody);
  const lr = paused.lrs[0] ?? NaN;
  paused.params.forEach((p, i) => {
    const before = paused.before?.[i] ?? (paused.phase !== 'update' ? p.value : null);
    const after = paused.phase === 'update' ? p.value : null;
    const n = Math.min(TABLE_ELEMENTS, p.value.length);
    const group = h('tr', { class: 'param-row' }, h('th', { scope: 'rowgroup', colspan: 5, text: `${p.name} [${p.shape.join('×')}]` }));
    u.pausedBody.append(group);
    for (let k = 0; k < n; k++) {
      const g = p.grad ? p.grad[k] : NaN;
      const cell = (v: number | null) => h('td', { text: v === null || Number.isNaN(v) ? '–' : formatNumber(v) });
      u.pausedBody.append(
        h('tr', {}, h('th', { scope: 'row', text: `${p.name}[${k}]` }), cell(before ? before[k] : null), cell(p.grad ? g : null), cell(p.grad ? lr * g : null), cell(after ? after[k] : null)),
      );
    }
    if (p.value.length > n) u.pausedBody.append(h('tr', { class: 'truncated' }, h('td', { colspan: 5, text: fmt(strings.truncated, n, p.value.length) })));
  });
}

function drawOutput(u: PanelUi): void {
  const text = recorder?.output || strings.noOutput;
  if (u.output.textContent === text) return;
  const atBottom = u.output.scrollTop + u.output.clientHeight >= u.output.scrollHeight - 4;
  u.output.textContent = text;
  if (atBottom) u.output.scrollTop = u.output.scrollHeight;
}

window.addEventListener('message', (ev: MessageEvent<HostToView>) => onMessage(ev.data));
post({ type: 'ready' });
