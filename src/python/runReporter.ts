// The worker's RunReporter: turns what one run does (shim hooks, backward passes, optimizer steps) into
// RunEvents. A training loop may run 100k steps a second, so the hot path only appends a number to a buffer
// and compares a timestamp: losses go out in batches, parameter and activation snapshots at most
// `updatesPerSecond` times a second. Printed text does not pass through here: it goes straight into the
// output ring (outputRing.ts), whose position every event carries. Pauses happen here too: the listener
// that fires at a phase boundary is the one that blocks (see control.ts).
import type { Tensor } from '../engine/tensor';
import type { Optimizer } from '../engine/optim';
import {
  ControlState,
  type FigureData,
  type ModuleInfo,
  type ParamSnapshot,
  type Phase,
  type RunEvent,
  type RunMode,
  type SourcePos,
} from '../protocol';
import type { WorkerControl } from './control';
import { ConceptRecorder } from './concepts/conceptRecorder';
import { firstTrainedLeaf } from './concepts/graphWalk';
import { GradAccumulationCheck } from './gradAccumulation';
import { Stepper, type PauseDetail } from './stepping/stepper';
import { SeriesBuffer } from './stepping/stepMetrics';
import { ScalarLog } from './scalarLog';

/** What the reporter needs from Python: the user's current line, and flushing sys.stdout/stderr. */
export interface PythonProbe {
  userPosition(): SourcePos | null;
  flushStreams(): void;
  /** Raises the pending KeyboardInterrupt (of a stop) into Python right now, from inside a listener. */
  interrupt(): void;
  /** The user's variable names for these tensors (null where none holds one). */
  nameTensors(tensors: Tensor[]): (string | null)[];
}

export interface RunReporterOptions {
  runId: number;
  mode: RunMode;
  pauseOnNaN: boolean;
  updatesPerSecond: number;
  /** Only output, error and finished events (benchmarks measure the cost of everything else). */
  quiet: boolean;
  /** Slow motion: at most this many steps a second while running (0: full speed). */
  maxStepsPerSecond?: number;
}

interface TrackedModel {
  modules: ModuleInfo[];
  params: { name: string; tensor: Tensor }[];
}

const STEPS_INTERVAL_MS = 100;
/**
 * Most of the run's time the parameter and activation snapshots may take, each: after a send that took t ms the
 * next waits at least t / SNAPSHOT_SHARE ms. A full batch's activations (3000 rows through every layer) cost
 * milliseconds to copy and post, which at the plain interval took a tenth of each step.
 */
const SNAPSHOT_SHARE = 0.02;
/** Most loose tensors (no nn.Module) shown for a script that trains plain tensors. */
const MAX_LOOSE_PARAMS = 32;

/** Above this many parameter values the values before each update are kept only when the run may pause. */
const BEFORE_LIMIT = 1 << 20;

function toFloat32(t: Tensor): Float32Array {
  return t.data instanceof Float32Array ? t.data.slice() : Float32Array.from(t.data);
}

export class RunReporter {
  /** Scalar backward passes so far: one per training step. */
  steps = 0;
  firstUnsent = 0;
  private readonly losses = new SeriesBuffer();
  private readonly lrs: SeriesBuffer[] = [];
  private lastLrs: number[] = [];
  private lastStepsSent = 0;
  /** When the next snapshot of parameters / activations may go out (performance.now() ms). */
  private nextParamsAt = -Infinity;
  private nextActivationsAt = -Infinity;
  private readonly paramsIntervalMs: number;
  private models: TrackedModel[] = [];
  private model: TrackedModel | null = null;
  private sawOptimizerStep = false;
  private optimizer: Optimizer<any> | null = null;
  /** Parameter values just before the coming optimizer step (kept only in step mode). */
  private before: Float32Array[] | null = null;
  private readonly latestOutputs = new Map<string, Tensor>();
  private nanWarned = false;
  /** A missing zero_grad(): gradients adding up across steps (src/python/gradAccumulation.ts). */
  private readonly accumulation = new GradAccumulationCheck();
  private accumulating = false;
  /** Slow motion: when the next step may end (performance.now() ms). */
  private nextStepAt = 0;
  /** The concept views (prediction, landscape, autograd graph, ...): src/python/concepts/. */
  private readonly concepts: ConceptRecorder | null;
  /** Phase pauses, hand-written updates, series, per-step norms: src/python/stepping/. */
  private readonly stepper: Stepper;
  /** Values logged with SummaryWriter, sent with the steps (or on their own every STEPS_INTERVAL_MS). */
  private readonly scalarLog = new ScalarLog();
  private lastScalarsSent = -Infinity;

  constructor(
    private readonly opts: RunReporterOptions,
    private readonly send: (e: RunEvent) => void,
    private readonly control: WorkerControl,
    private readonly probe: PythonProbe,
  ) {
    this.paramsIntervalMs = opts.updatesPerSecond > 0 ? 1000 / opts.updatesPerSecond : Infinity;
    // BACKPROP_LENS_CONCEPTS=0 leaves them out (benchmarks measure what they cost).
    this.concepts =
      opts.quiet || process.env.BACKPROP_LENS_CONCEPTS === '0'
        ? null
        : new ConceptRecorder({
            runId: opts.runId,
            updatesPerSecond: opts.updatesPerSecond,
            send,
            nameTensors: (tensors) => probe.nameTensors(tensors),
            modelParams: () => this.model?.params ?? [],
            moduleOutputs: () => this.latestOutputs,
          });
    this.stepper = this.makeStepper();
  }

  private makeStepper(): Stepper {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const r = this;
    return new Stepper(this.opts.runId, {
      get steps() {
        return r.steps;
      },
      get firstUnsent() {
        return r.firstUnsent;
      },
      get model() {
        return r.model;
      },
      get mode() {
        return r.control.mode;
      },
      get pauseRequested() {
        return r.control.state !== ControlState.Run;
      },
      quiet: this.opts.quiet,
      pause: (phase, detail, step, pos) => this.pause(phase, detail, step, pos),
      manualUpdated: () => this.periodic(performance.now(), 'update'),
      nameTensors: (tensors) => this.probe.nameTensors(tensors),
      userPosition: () => this.probe.userPosition(),
      outputPaths: () => this.latestOutputs.keys(),
      send: (e) => this.send(e),
    });
  }

  // ---- shim hooks -------------------------------------------------------------------------------

  modelSeen(modules: ModuleInfo[], params: { name: string; tensor: Tensor }[]): void {
    // A loss module (nn.MSELoss()) is a root module too; only models with parameters are worth showing.
    if (params.length === 0) return;
    const model = { modules, params };
    this.models.push(model);
    this.selectModel(model);
  }

  moduleForward(path: string, output: Tensor): void {
    if (this.control.stopRequested) return this.probe.interrupt();
    if (path === '') this.stepper.forwardDone();
    if (this.opts.quiet) return;
    this.latestOutputs.set(path, output);
    // The root's forward returns last, after all of its children.
    if (path === '' && performance.now() >= this.nextActivationsAt) this.sendActivations();
  }

  lossStart(_fn: string, _reduction: string | null, input: Tensor, target: Tensor | null): void {
    if (this.control.stopRequested) return this.probe.interrupt();
    this.stepper.lossStart(input, target);
  }

  lossEnd(fn: string, reduction: string | null, loss: Tensor | null): void {
    this.stepper.lossEnd(fn, reduction, loss);
  }

  gradEnabled(): void {
    this.stepper.gradEnabled();
  }

  untrackedInplace(target: Tensor, done: boolean): void {
    if (done && this.control.stopRequested) return this.probe.interrupt();
    this.stepper.untrackedInplace(target, done);
  }

  hint(message: string): void {
    this.send({ type: 'warning', runId: this.opts.runId, message, pos: this.probe.userPosition() });
  }

  /** A matplotlib figure the script showed (our matplotlib throttles repeated shows of one figure). */
  figure(figure: FigureData): void {
    if (!this.opts.quiet) this.send({ type: 'figure', runId: this.opts.runId, ...figure });
  }

  /** A value logged with SummaryWriter: batched like the losses (a file may log one every step). */
  scalar(chart: string, label: string, step: number, value: number): void {
    if (this.opts.quiet) return;
    this.scalarLog.add(chart, label, step, value);
    if (performance.now() - this.lastScalarsSent >= STEPS_INTERVAL_MS) this.flushScalars();
  }

  // ---- engine listeners -------------------------------------------------------------------------

  /** Before a backward pass adds into `.grad`: gradients still there from before the last update mean no zero_grad(). */
  beforeBackward(root: Tensor): void {
    if (this.control.stopRequested) return this.probe.interrupt();
    // The parameters this loss trains are known now: the forward and loss pauses show them too.
    if (root.numel() === 1) this.followLoss(root);
    this.stepper.beforeBackward(root);
    if (this.opts.quiet || !this.model || root.numel() !== 1) return;
    if (!this.accumulation.beforeBackward(this.model.params.map((p) => p.tensor))) return;
    this.accumulating = true;
    this.send({
      type: 'warning',
      runId: this.opts.runId,
      code: 'noZeroGrad',
      step: this.steps,
      message:
        `Gradients are adding up across steps: at step ${this.steps} .grad still held the previous steps' gradients ` +
        'when backward() ran, so each update uses their growing sum. Call optimizer.zero_grad() before ' +
        'loss.backward() in every step.',
      pos: this.probe.userPosition(),
    });
  }

  backward(root: Tensor): void {
    if (this.control.stopRequested) return this.probe.interrupt();
    if (root.numel() !== 1) return; // a backward with an explicit gradient is not a training step
    this.followLoss(root);
    const loss = Number(root.data[0]);
    this.losses.push(loss);
    this.steps++;
    this.stepper.afterBackward();
    if (this.model && !this.opts.quiet) this.accumulation.afterBackward(this.model.params.map((p) => p.tensor));
    // The lr this step's update will use is already in the optimizer (schedulers step after the update);
    // recording it now keeps it even when the loss is sent before the update (a pause after backward).
    if (this.optimizer)
      this.recordLrs(
        this.steps - 1,
        this.optimizer.param_groups.map((g) => g.lr),
      );
    // Values before the coming update: for a pause after it, and each step's update/weight ratios.
    if (this.model && (!this.opts.quiet || this.control.mode !== 'train')) this.keepBefore(this.model);
    this.concepts?.step(root, this.steps - 1, this.control.mode !== 'train' || this.control.state !== ControlState.Run);
    const now = performance.now();
    if (!Number.isFinite(loss) && !this.nanWarned) {
      this.nanWarned = true;
      this.send({
        type: 'warning',
        runId: this.opts.runId,
        code: 'diverged',
        step: this.steps - 1,
        message:
          `The loss became ${Number.isNaN(loss) ? 'nan' : loss > 0 ? 'inf' : '-inf'} at step ${this.steps - 1}: ` +
          (this.accumulating
            ? 'the gradients add up across steps (no zero_grad()), so the updates grow until the numbers overflow.'
            : 'the learning rate is likely too high (the updates overshoot until the numbers overflow).'),
        pos: this.probe.userPosition(),
      });
      if (this.opts.pauseOnNaN) return this.pause('backward');
    }
    const mode = this.control.mode;
    if (mode === 'backprop' || mode === 'phases' || this.control.state !== ControlState.Run)
      return this.pause('backward');
    this.periodic(now, 'backward');
  }

  optimizerStep(optimizer: Optimizer<any>, lrs: number[]): void {
    if (this.control.stopRequested) return this.probe.interrupt();
    this.sawOptimizerStep = true;
    this.optimizer = optimizer;
    this.lastLrs = lrs.slice();
    this.recordLrs(this.steps - 1, lrs);
    this.followOptimizer(optimizer);
    const detail = this.stepper.optimizerStepped(optimizer, this.before);
    const mode = this.control.mode;
    if (mode === 'step' || mode === 'phases' || this.control.state !== ControlState.Run)
      return this.pause('update', detail);
    this.periodic(performance.now(), 'update');
  }

  // ---- end of run -------------------------------------------------------------------------------

  /** Sends everything still buffered and the final parameters; the worker sends `finished` after this. */
  finish(): void {
    this.stepper.closeManual(false);
    this.probe.flushStreams();
    this.flushSteps();
    if (!this.opts.quiet) {
      this.concepts?.finish(this.steps);
      if (this.model) this.sendParams(this.sawOptimizerStep ? 'update' : 'backward');
      if (this.latestOutputs.size > 0) this.sendActivations();
    }
  }

  // ---- internals --------------------------------------------------------------------------------

  private recordLrs(step: number, lrs: number[]): void {
    const index = step - this.firstUnsent;
    if (index < 0) return; // that step was already sent
    for (let k = 0; k < lrs.length; k++) {
      if (!this.lrs[k]) this.lrs[k] = new SeriesBuffer();
      this.lrs[k].set(index, lrs[k]);
    }
  }

  /** Work done at most every so often from the hot path. */
  private periodic(now: number, phase: Phase): void {
    // Batches and snapshots go out at the end of a step: after the update when an optimizer is used, else
    // after backward. Until the first step is over it is unknown which, so nothing is sent before then
    // (a loss sent at backward would miss the lr its update reports).
    // A hand-written update counts as the update: sent at backward, its step would go out before its ratios.
    const endOfStep = this.sawOptimizerStep || this.stepper.manualSeen ? 'update' : this.steps > 1 ? 'backward' : null;
    if (phase !== endOfStep) return;
    if (this.opts.maxStepsPerSecond) this.slowDown(1000 / this.opts.maxStepsPerSecond);
    if (now - this.lastStepsSent >= STEPS_INTERVAL_MS) this.flushSteps();
    if (!this.opts.quiet && this.model && now >= this.nextParamsAt) this.sendParams(phase);
  }

  /** Slow motion: waits (without CPU) until the step may end, then sends it, so each step can be watched. */
  private slowDown(intervalMs: number): void {
    const wait = this.nextStepAt - performance.now();
    if (wait > 0 && this.control.sleep(wait)) return this.probe.interrupt();
    this.nextStepAt = Math.max(this.nextStepAt, performance.now() - intervalMs) + intervalMs;
    this.lastStepsSent = -Infinity; // every step's loss goes out at once
  }

  /** Pauses after `phase` of `step` (the coming step for forward and loss); `pos` overrides the user's line. */
  private pause(phase: Phase, detail: PauseDetail = {}, step = this.currentStep(), pos?: SourcePos | null): void {
    if (this.control.stopRequested) return this.probe.interrupt();
    this.probe.flushStreams();
    this.flushSteps();
    if (!this.control.enterPause()) return this.probe.interrupt();
    if (phase === 'update') this.concepts?.refresh(this.currentStep());
    const params = this.snapshot();
    if (this.latestOutputs.size > 0) this.sendActivations();
    this.send({ type: 'params', runId: this.opts.runId, step, phase, params });
    const before = this.stepper.pendingBefore ?? this.before;
    this.send({
      type: 'paused',
      runId: this.opts.runId,
      step,
      phase,
      pos: pos === undefined ? this.probe.userPosition() : pos,
      lrs: this.lastLrs.slice(),
      params,
      before: phase === 'update' && before && before.length === params.length ? before : null,
      ...(this.stepper.currentSeries >= 0 ? { series: this.stepper.currentSeries } : {}),
      ...detail,
    });
    if (phase === 'update') this.before = null;
    const outcome = this.control.waitWhilePaused();
    if (outcome === ControlState.Stop) return this.probe.interrupt();
    this.send({ type: 'resumed', runId: this.opts.runId });
    const now = performance.now();
    this.nextParamsAt = now + this.paramsIntervalMs;
    this.lastStepsSent = now;
  }

  private currentStep(): number {
    return Math.max(0, this.steps - 1);
  }

  private selectModel(model: TrackedModel): void {
    if (this.model === model) return;
    // The steps so far belong to the previous model (their gradient norms carry its parameters' names).
    this.flushSteps();
    this.stepper.closeManual(false);
    this.model = model;
    if (!this.opts.quiet) this.stepper.metrics.track(model.params);
    this.before = null;
    this.latestOutputs.clear();
    if (!this.opts.quiet) this.send({ type: 'model', runId: this.opts.runId, modules: model.modules });
  }

  /**
   * A script that trains plain tensors (`w = torch.zeros(1, requires_grad=True)`) has no model: its
   * parameters are the leaves of the first loss's graph, named after the user's variables.
   */
  private trackLooseTensors(root: Tensor): void {
    const leaves: Tensor[] = [];
    const seen = new Set<Tensor>();
    const stack: Tensor[] = [root];
    while (stack.length > 0 && leaves.length < MAX_LOOSE_PARAMS) {
      const t = stack.pop()!;
      if (seen.has(t)) continue;
      seen.add(t);
      if (t.gradFn === null) {
        if (t.requiresGrad && t.isFloatingPoint()) leaves.push(t);
        continue;
      }
      for (let i = t.gradFn.inputs.length - 1; i >= 0; i--) {
        const input = t.gradFn.inputs[i];
        if (input && input.requiresGrad) stack.push(input);
      }
    }
    if (leaves.length === 0) return;
    const names = this.probe.nameTensors(leaves);
    const params = leaves.map((tensor, i) => ({ name: names[i] ?? `tensor${i}`, tensor }));
    const info = params.map(({ name, tensor }) => ({ name, shape: tensor.shape.slice(), numel: tensor.numel() }));
    this.selectModel({ modules: [{ path: '', type: 'Tensors', extra: '', params: info, children: [] }], params });
  }

  /**
   * The model this loss trains, so the parameters shown are the live ones: another model of the file, or
   * plain tensors created anew (a second start in a loop) tracked again.
   */
  private followLoss(root: Tensor): void {
    const leaf = firstTrainedLeaf(root);
    if (!leaf) return;
    if (this.model?.params.some((p) => p.tensor === leaf)) return;
    for (let i = this.models.length - 1; i >= 0; i--)
      if (this.models[i].params.some((p) => p.tensor === leaf)) return this.selectModel(this.models[i]);
    if (!this.model || this.model.modules[0]?.type === 'Tensors') this.trackLooseTensors(root);
  }

  /** Copies the values before the coming update into `before` (reusing its buffers when not handed out). */
  private keepBefore(model: TrackedModel): void {
    const total = model.params.reduce((n, p) => n + p.tensor.data.length, 0);
    if (total > BEFORE_LIMIT && this.control.mode === 'train' && this.control.state === ControlState.Run) return;
    const old = this.before;
    if (
      old &&
      old.length === model.params.length &&
      old.every((b, i) => b.length === model.params[i].tensor.data.length)
    )
      model.params.forEach((p, i) => old[i].set(p.tensor.data));
    else this.before = model.params.map((p) => toFloat32(p.tensor));
  }

  /** When several models exist, the one the optimizer trains is the one to show. */
  private followOptimizer(optimizer: Optimizer<any>): void {
    const first = optimizer.param_groups[0]?.params[0];
    if (!first || (this.model && this.model.params.some((p) => p.tensor === first))) return;
    for (let i = this.models.length - 1; i >= 0; i--) {
      if (this.models[i].params.some((p) => p.tensor === first)) return this.selectModel(this.models[i]);
    }
  }

  private snapshot(): ParamSnapshot[] {
    if (!this.model) return [];
    return this.model.params.map(({ name, tensor }) => ({
      name,
      shape: tensor.shape.slice(),
      value: toFloat32(tensor),
      grad: tensor.grad ? toFloat32(tensor.grad) : null,
    }));
  }

  private sendParams(phase: Phase): void {
    const started = performance.now();
    this.send({ type: 'params', runId: this.opts.runId, step: this.currentStep(), phase, params: this.snapshot() });
    this.nextParamsAt = this.nextSnapshotAt(started);
  }

  private sendActivations(): void {
    const started = performance.now();
    const outputs = [...this.latestOutputs].map(([path, t]) => ({ path, shape: t.shape.slice(), data: toFloat32(t) }));
    this.send({ type: 'activations', runId: this.opts.runId, step: this.currentStep(), outputs });
    this.nextActivationsAt = this.nextSnapshotAt(started);
  }

  /** A snapshot begun at `started` has been sent: the next one waits the interval, or longer if it cost much. */
  private nextSnapshotAt(started: number): number {
    const now = performance.now();
    return started + Math.max(this.paramsIntervalMs, (now - started) / SNAPSHOT_SHARE);
  }

  private flushScalars(): void {
    this.lastScalarsSent = performance.now();
    const event = this.scalarLog.take(this.opts.runId);
    if (event) this.send(event);
  }

  private flushSteps(): void {
    this.lastStepsSent = performance.now();
    this.flushScalars();
    const n = this.steps - this.firstUnsent;
    if (n <= 0) return;
    const losses = this.losses.take(n);
    const lrs = this.lrs.map((b) => b.take(n));
    const metrics = this.stepper.metrics.take(n);
    if (!this.opts.quiet)
      this.send({ type: 'steps', runId: this.opts.runId, firstStep: this.firstUnsent, losses, lrs, ...metrics });
    this.firstUnsent = this.steps;
  }
}
