// The state of one run: its RunEvents folded into everything a view needs to draw the run from scratch (a
// RunSnapshot). The extension host keeps one per file and re-sends its snapshot to views that become visible;
// each webview keeps its own copy and folds the batched events it receives into it the same way.
// Shared code (src/shared): no vscode, host or webview imports, so both sides and node tests use it.
import type { ParamSnapshot, RunEvent, RunMode, RunSnapshot } from '../protocol';
import { emptyConcepts, foldConcept, isConceptEvent } from './conceptState';
import { foldFigure } from './figureState';
import { foldEnvironment } from './environment';
import { l2Distance, l2Norm } from './paramStats';
import { NamedHistory, foldSeries } from './stepHistory';
import { ScalarCurves } from './scalarState';

/** Most entries kept in the gradient-norm history; beyond it every other entry is dropped. */
export const GRAD_NORM_HISTORY = 2048;
/** Most characters of printed output kept (the tail). */
export const OUTPUT_LIMIT = 200_000;
/** Window over which steps per second is measured. */
const RATE_WINDOW_MS = 1000;

/** A Float32Array that grows by doubling; `view()` is the filled part without copying. */
export class GrowableFloat32 {
  private data: Float32Array;
  length = 0;
  constructor(initial: ArrayLike<number> = [], capacity = 1024) {
    this.data = new Float32Array(Math.max(capacity, initial.length));
    this.data.set(initial);
    this.length = initial.length;
  }
  /** Writes `values` starting at `index`, filling any gap with NaN. */
  setAt(index: number, values: ArrayLike<number>): void {
    const end = index + values.length;
    if (end > this.data.length) {
      const next = new Float32Array(Math.max(end, this.data.length * 2));
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    if (index > this.length) this.data.fill(NaN, this.length, index);
    this.data.set(values, index);
    this.length = Math.max(this.length, end);
  }
  push(value: number): void {
    this.setAt(this.length, [value]);
  }
  view(): Float32Array {
    return this.data.subarray(0, this.length);
  }
  /** Keeps entries 0, 2, 4, ... */
  halve(): void {
    let j = 0;
    for (let i = 0; i < this.length; i += 2) this.data[j++] = this.data[i];
    this.length = j;
  }
}

export class RunState {
  /** Set once more by the host when the runner tells the run's number (see RunController). */
  runId: number;
  readonly file: string;
  status: RunSnapshot['status'];
  mode: RunMode;
  modules: RunSnapshot['modules'] = [];
  params: ParamSnapshot[] = [];
  paused: RunSnapshot['paused'] = null;
  error: RunSnapshot['error'] = null;
  output = '';
  stepsPerSecond = 0;
  updateRatios: Record<string, number> = {};
  activations: RunSnapshot['activations'] = null;
  /** The latest event of each concept view (prediction, landscape, autograd graph, ...). */
  concepts = emptyConcepts();
  /** The matplotlib figures shown, the latest of each figure number (src/shared/figureState.ts). */
  figures: NonNullable<RunSnapshot['figures']> = [];
  /** Warnings the runtime sent with a code (src/shared/findings.ts reads them). */
  codedWarnings: NonNullable<RunSnapshot['codedWarnings']> = [];
  /** Python backend: where the run happens, its step time and memory (null on the built-in engine). */
  environment: RunSnapshot['environment'] = null;
  /** The series of steps (a model or optimizer each) the file trained, in order. */
  series: NonNullable<RunSnapshot['series']> = [];
  /** The values logged with SummaryWriter (src/shared/scalarState.ts). */
  scalars = new ScalarCurves();
  /** Every step's update/weight ratio per parameter (from `steps` events). */
  private ratioHistory = new NamedHistory(GRAD_NORM_HISTORY);
  /** Whether `steps` events carry every step's gradient norms (then parameter snapshots add none). */
  private perStepNorms = false;
  private losses = new GrowableFloat32();
  private lrs: GrowableFloat32[] = [];
  private gradSteps = new GrowableFloat32([], 256);
  private gradNorms = new Map<string, GrowableFloat32>();
  private lastParamsStep = -1;
  private rateSamples: { t: number; steps: number }[] = [];

  constructor(runId: number, file: string, mode: RunMode, status: RunSnapshot['status'] = 'starting') {
    this.runId = runId;
    this.file = file;
    this.mode = mode;
    this.status = status;
  }

  /** A run state continuing from a snapshot (what a webview gets when it becomes visible). */
  static fromSnapshot(s: RunSnapshot): RunState {
    const r = new RunState(s.runId, s.file, s.mode, s.status);
    r.modules = s.modules;
    r.params = s.params;
    r.paused = s.paused;
    r.error = s.error;
    r.output = s.output;
    r.stepsPerSecond = s.stepsPerSecond;
    r.updateRatios = { ...s.updateRatios };
    r.series = s.series ?? [];
    r.ratioHistory = NamedHistory.from(s.ratioHistory, GRAD_NORM_HISTORY);
    r.perStepNorms = r.ratioHistory.size > 0;
    r.activations = s.activations ?? null;
    r.concepts = { ...emptyConcepts(), ...s.concepts };
    r.figures = s.figures ?? [];
    r.codedWarnings = s.codedWarnings ?? [];
    r.environment = s.environment ?? null;
    r.scalars = ScalarCurves.from(s.scalars);
    r.losses = new GrowableFloat32(s.losses);
    r.lrs = s.lrs.map((l) => new GrowableFloat32(l));
    r.gradSteps = new GrowableFloat32(s.gradNorms.steps);
    for (const [name, norms] of Object.entries(s.gradNorms.norms)) r.gradNorms.set(name, new GrowableFloat32(norms));
    r.lastParamsStep = s.gradNorms.steps.length ? s.gradNorms.steps[s.gradNorms.steps.length - 1] : -1;
    return r;
  }

  get steps(): number {
    return this.losses.length;
  }

  lossView(): Float32Array {
    return this.losses.view();
  }

  lrViews(): Float32Array[] {
    return this.lrs.map((l) => l.view());
  }

  gradNormViews(): { steps: Float32Array; norms: Record<string, Float32Array> } {
    const norms: Record<string, Float32Array> = {};
    for (const [name, g] of this.gradNorms) norms[name] = g.view();
    return { steps: this.gradSteps.view(), norms };
  }

  get isActive(): boolean {
    return this.status === 'starting' || this.status === 'running' || this.status === 'paused';
  }

  /** Folds one event in; events of another run are ignored. `now` is in milliseconds. */
  apply(event: RunEvent, now: number): void {
    if (event.type === 'ready' || !('runId' in event) || event.runId !== this.runId) return;
    if (isConceptEvent(event)) return foldConcept(this.concepts, event);
    this.environment = foldEnvironment(this.environment ?? null, event);
    switch (event.type) {
      case 'started':
        this.status = 'running';
        this.mode = event.mode;
        this.rateSamples = [{ t: now, steps: this.steps }];
        break;
      case 'model':
        this.modules = event.modules;
        this.activations = null; // outputs of another model's modules
        this.concepts = emptyConcepts(); // views of another model
        break;
      case 'steps':
        this.losses.setAt(event.firstStep, event.losses);
        event.lrs.forEach((groupLrs, k) => {
          while (this.lrs.length <= k) this.lrs.push(new GrowableFloat32());
          this.lrs[k].setAt(event.firstStep, groupLrs);
        });
        this.foldStepNumbers(event);
        this.measureRate(now);
        break;
      case 'params':
        this.takeParams(event.params, event.step, null);
        break;
      case 'series':
        this.series = foldSeries(this.series, event);
        break;
      case 'output':
        this.appendOutput(event.text);
        break;
      case 'warning':
        this.appendOutput(`Warning: ${event.message}\n`);
        if (event.code)
          this.codedWarnings.push({ code: event.code, step: event.step ?? null, line: event.pos?.line ?? null });
        break;
      case 'paused':
        this.status = 'paused';
        this.paused = event;
        this.stepsPerSecond = 0;
        this.rateSamples = [];
        this.takeParams(event.params, event.step, event.before);
        break;
      case 'resumed':
        this.status = 'running';
        this.paused = null;
        this.rateSamples = [{ t: now, steps: this.steps }];
        break;
      case 'error':
        this.error = event;
        break;
      case 'finished':
        this.status = event.status;
        this.paused = null;
        this.stepsPerSecond = event.wallMs > 0 ? (event.steps * 1000) / event.wallMs : 0;
        break;
      case 'figure':
        this.figures = foldFigure(this.figures, event);
        break;
      case 'scalars':
        this.scalars.fold(event);
        break;
      case 'activations':
        this.activations = event; // only the latest step's outputs are kept
        break;
    }
  }

  private measureRate(now: number): void {
    this.rateSamples.push({ t: now, steps: this.steps });
    while (this.rateSamples.length > 2 && now - this.rateSamples[0].t > RATE_WINDOW_MS) this.rateSamples.shift();
    const first = this.rateSamples[0];
    const dt = now - first.t;
    if (dt > 0) this.stepsPerSecond = ((this.steps - first.steps) * 1000) / dt;
  }

  private appendOutput(text: string): void {
    this.output += text;
    if (this.output.length > OUTPUT_LIMIT) this.output = this.output.slice(this.output.length - OUTPUT_LIMIT);
  }

  /**
   * New parameter values: the update/weight ratio is exact when the values before the update are known
   * (a pause after an update), otherwise the change since the previous snapshot averaged over the steps between.
   */
  private takeParams(params: ParamSnapshot[], step: number, before: Float32Array[] | null): void {
    const previous = new Map(this.params.map((p) => [p.name, p.value]));
    const stepsBetween = Math.max(1, step - this.lastParamsStep);
    params.forEach((p, i) => {
      const old = before?.[i] ?? previous.get(p.name);
      if (!old || old.length !== p.value.length) return;
      if (!before && step === this.lastParamsStep) return; // same step again: no new update to measure
      if (!before && this.ratioHistory.size > 0) return; // every step's ratio came with the steps
      const norm = l2Norm(old);
      const change = l2Distance(p.value, old) / (before ? 1 : stepsBetween);
      this.updateRatios[p.name] = norm > 0 ? change / norm : change === 0 ? 0 : Infinity;
    });
    this.params = params;
    if (!this.perStepNorms && params.some((p) => p.grad) && step !== this.lastParamsStep) {
      if (this.gradSteps.length >= GRAD_NORM_HISTORY) {
        this.gradSteps.halve();
        for (const g of this.gradNorms.values()) g.halve();
      }
      const index = this.gradSteps.length;
      this.gradSteps.push(step);
      for (const p of params) {
        let g = this.gradNorms.get(p.name);
        if (!g) {
          g = new GrowableFloat32([], 256);
          this.gradNorms.set(p.name, g);
        }
        g.setAt(index, [p.grad ? l2Norm(p.grad) : NaN]);
      }
    }
    this.lastParamsStep = step;
  }

  /** Every step's gradient norms and update ratios of a `steps` event (instead of snapshot samples). */
  private foldStepNumbers(event: Extract<RunEvent, { type: 'steps' }>): void {
    if (event.updateRatios) {
      this.ratioHistory.append(event.firstStep, event.updateRatios.names, event.updateRatios.ratios);
      Object.assign(this.updateRatios, this.ratioHistory.latest());
    }
    if (!event.gradNorms) return;
    if (!this.perStepNorms) {
      // Norms sampled from a parameter snapshot that came before the first steps event: every step's own
      // norms replace them, so no step is counted twice.
      this.gradSteps = new GrowableFloat32([], 256);
      this.gradNorms.clear();
    }
    this.perStepNorms = true;
    const { names, norms } = event.gradNorms;
    for (let i = 0; i < event.losses.length; i++) {
      if (this.gradSteps.length >= GRAD_NORM_HISTORY) {
        this.gradSteps.halve();
        for (const g of this.gradNorms.values()) g.halve();
      }
      const index = this.gradSteps.length;
      this.gradSteps.push(event.firstStep + i);
      names.forEach((name, k) => {
        let g = this.gradNorms.get(name);
        if (!g) this.gradNorms.set(name, (g = new GrowableFloat32([], 256)));
        g.setAt(index, [norms[k][i]]);
      });
    }
  }

  /** Each step's update/weight ratio per parameter, as recorded. */
  ratioHistoryView(): { steps: Float32Array; ratios: Record<string, Float32Array> } {
    return this.ratioHistory.view();
  }

  /** The snapshot; with `copy` its arrays own their memory, so posting it does not send spare capacity. */
  snapshot(copy = true): RunSnapshot {
    const c = (a: Float32Array) => (copy ? a.slice() : a);
    const grad = this.gradNormViews();
    const norms: Record<string, Float32Array> = {};
    for (const [k, v] of Object.entries(grad.norms)) norms[k] = c(v);
    return {
      runId: this.runId,
      file: this.file,
      status: this.status,
      mode: this.mode,
      modules: this.modules,
      losses: c(this.lossView()),
      lrs: this.lrViews().map(c),
      params: this.params,
      gradNorms: { steps: c(grad.steps), norms },
      paused: this.paused,
      output: this.output,
      error: this.error,
      stepsPerSecond: this.stepsPerSecond,
      steps: this.steps,
      updateRatios: { ...this.updateRatios },
      activations: this.activations,
      concepts: { ...this.concepts },
      series: this.series.slice(),
      ratioHistory: this.ratioHistory.view(),
      figures: this.figures.slice(),
      codedWarnings: this.codedWarnings.slice(),
      environment: this.environment,
      scalars: this.scalars.view(),
    };
  }
}
