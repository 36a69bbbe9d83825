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
  type ModuleInfo,
  type ParamSnapshot,
  type Phase,
  type RunEvent,
  type RunMode,
  type SourcePos,
} from '../protocol';
import type { WorkerControl } from './control';
import { ConceptRecorder } from './concepts/conceptRecorder';

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
}

interface TrackedModel {
  modules: ModuleInfo[];
  params: { name: string; tensor: Tensor }[];
}

const STEPS_INTERVAL_MS = 100;
/** Most loose tensors (no nn.Module) shown for a script that trains plain tensors. */
const MAX_LOOSE_PARAMS = 32;

/** A growable Float32Array: losses and lrs of steps not yet sent. */
class SeriesBuffer {
  data = new Float32Array(256);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  set(i: number, v: number): void {
    while (this.length <= i) this.push(NaN);
    this.data[i] = v;
  }
  take(n: number): Float32Array {
    const out = new Float32Array(n);
    out.set(this.data.subarray(0, Math.min(n, this.length)));
    if (this.length < n) out.fill(NaN, this.length);
    this.length = 0;
    return out;
  }
}

function toFloat32(t: Tensor): Float32Array {
  return t.data instanceof Float32Array ? t.data.slice() : Float32Array.from(t.data);
}

export class RunReporter {
  /** Scalar backward passes so far: one per training step. */
  steps = 0;
  private firstUnsent = 0;
  private readonly losses = new SeriesBuffer();
  private readonly lrs: SeriesBuffer[] = [];
  private lastLrs: number[] = [];
  private lastStepsSent = 0;
  private lastParamsSent = -Infinity;
  private lastActivationsSent = -Infinity;
  private readonly paramsIntervalMs: number;
  private models: TrackedModel[] = [];
  private model: TrackedModel | null = null;
  private sawOptimizerStep = false;
  private optimizer: Optimizer<any> | null = null;
  /** Parameter values just before the coming optimizer step (kept only in step mode). */
  private before: Float32Array[] | null = null;
  private readonly latestOutputs = new Map<string, Tensor>();
  private nanWarned = false;
  private looseLooked = false;
  /** The concept views (prediction, landscape, autograd graph, ...): src/python/concepts/. */
  private readonly concepts: ConceptRecorder | null;

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
    if (this.opts.quiet) return;
    this.latestOutputs.set(path, output);
    // The root's forward returns last, after all of its children.
    if (path === '' && performance.now() - this.lastActivationsSent >= this.paramsIntervalMs) this.sendActivations();
  }

  hint(message: string): void {
    this.send({ type: 'warning', runId: this.opts.runId, message, pos: this.probe.userPosition() });
  }

  // ---- engine listeners -------------------------------------------------------------------------

  backward(root: Tensor): void {
    if (this.control.stopRequested) return this.probe.interrupt();
    if (root.numel() !== 1) return; // a backward with an explicit gradient is not a training step
    const loss = Number(root.data[0]);
    this.losses.push(loss);
    this.steps++;
    if (!this.model && !this.looseLooked) this.trackLooseTensors(root);
    // The lr this step's update will use is already in the optimizer (schedulers step after the update);
    // recording it now keeps it even when the loss is sent before the update (a pause after backward).
    if (this.optimizer)
      this.recordLrs(
        this.steps - 1,
        this.optimizer.param_groups.map((g) => g.lr),
      );
    // Values before the coming update, for a pause after it; only when the run may pause there.
    if (this.model && (this.control.mode !== 'train' || this.control.state !== ControlState.Run)) {
      this.before = this.model.params.map((p) => toFloat32(p.tensor));
    }
    this.concepts?.step(root, this.steps - 1, this.control.mode !== 'train' || this.control.state !== ControlState.Run);
    const now = performance.now();
    if (!Number.isFinite(loss) && !this.nanWarned) {
      this.nanWarned = true;
      this.send({
        type: 'warning',
        runId: this.opts.runId,
        message:
          `The loss became ${Number.isNaN(loss) ? 'nan' : loss > 0 ? 'inf' : '-inf'} at step ${this.steps - 1}: ` +
          'the learning rate is likely too high (the updates overshoot until the numbers overflow).',
        pos: this.probe.userPosition(),
      });
      if (this.opts.pauseOnNaN) return this.pause('backward');
    }
    if (this.control.mode === 'backprop' || this.control.state !== ControlState.Run) return this.pause('backward');
    this.periodic(now, 'backward');
  }

  optimizerStep(optimizer: Optimizer<any>, lrs: number[]): void {
    if (this.control.stopRequested) return this.probe.interrupt();
    this.sawOptimizerStep = true;
    this.optimizer = optimizer;
    this.lastLrs = lrs.slice();
    this.recordLrs(this.steps - 1, lrs);
    this.followOptimizer(optimizer);
    if (this.control.mode === 'step' || this.control.state !== ControlState.Run) return this.pause('update');
    this.periodic(performance.now(), 'update');
  }

  // ---- end of run -------------------------------------------------------------------------------

  /** Sends everything still buffered and the final parameters; the worker sends `finished` after this. */
  finish(): void {
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
    const endOfStep = this.sawOptimizerStep ? 'update' : this.steps > 1 ? 'backward' : null;
    if (phase !== endOfStep) return;
    if (now - this.lastStepsSent >= STEPS_INTERVAL_MS) this.flushSteps();
    if (!this.opts.quiet && this.model && now - this.lastParamsSent >= this.paramsIntervalMs) this.sendParams(phase);
  }

  private pause(phase: Phase): void {
    if (this.control.stopRequested) return this.probe.interrupt();
    this.probe.flushStreams();
    this.flushSteps();
    if (!this.control.enterPause()) return this.probe.interrupt();
    if (phase === 'update') this.concepts?.refresh(this.currentStep());
    const params = this.snapshot();
    if (this.latestOutputs.size > 0) this.sendActivations();
    this.send({ type: 'params', runId: this.opts.runId, step: this.currentStep(), phase, params });
    this.send({
      type: 'paused',
      runId: this.opts.runId,
      step: this.currentStep(),
      phase,
      pos: this.probe.userPosition(),
      lrs: this.lastLrs.slice(),
      params,
      before: phase === 'update' && this.before && this.before.length === params.length ? this.before : null,
    });
    if (phase === 'update') this.before = null;
    const outcome = this.control.waitWhilePaused();
    if (outcome === ControlState.Stop) return this.probe.interrupt();
    this.send({ type: 'resumed', runId: this.opts.runId });
    const now = performance.now();
    this.lastParamsSent = now;
    this.lastStepsSent = now;
  }

  private currentStep(): number {
    return Math.max(0, this.steps - 1);
  }

  private selectModel(model: TrackedModel): void {
    if (this.model === model) return;
    this.model = model;
    this.before = null;
    this.latestOutputs.clear();
    if (!this.opts.quiet) this.send({ type: 'model', runId: this.opts.runId, modules: model.modules });
  }

  /**
   * A script that trains plain tensors (`w = torch.zeros(1, requires_grad=True)`) has no model: its
   * parameters are the leaves of the first loss's graph, named after the user's variables.
   */
  private trackLooseTensors(root: Tensor): void {
    this.looseLooked = true;
    const leaves: Tensor[] = [];
    const seen = new Set<Tensor>();
    const stack: Tensor[] = [root];
    while (stack.length > 0 && leaves.length < MAX_LOOSE_PARAMS) {
      const t = stack.pop()!;
      if (seen.has(t)) continue;
      seen.add(t);
      if (t.gradFn === null) {
        if (t.requiresGrad && t.dtype === 'float32') leaves.push(t);
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
    this.lastParamsSent = performance.now();
    this.send({ type: 'params', runId: this.opts.runId, step: this.currentStep(), phase, params: this.snapshot() });
  }

  private sendActivations(): void {
    this.lastActivationsSent = performance.now();
    const outputs = [...this.latestOutputs].map(([path, t]) => ({ path, shape: t.shape.slice(), data: toFloat32(t) }));
    this.send({ type: 'activations', runId: this.opts.runId, step: this.currentStep(), outputs });
  }

  private flushSteps(): void {
    this.lastStepsSent = performance.now();
    const n = this.steps - this.firstUnsent;
    if (n <= 0) return;
    const losses = this.losses.take(n);
    const lrs = this.lrs.map((b) => b.take(n));
    if (!this.opts.quiet)
      this.send({ type: 'steps', runId: this.opts.runId, firstStep: this.firstUnsent, losses, lrs });
    this.firstUnsent = this.steps;
  }
}
