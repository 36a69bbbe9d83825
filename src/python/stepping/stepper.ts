// The reporter's stepping half: pauses after each of the four phases (mode 'phases'), hand-written updates
// (`with torch.no_grad(): w -= lr * w.grad`) as updates, the series of steps of a file that trains several
// models or optimizers in turn, and every step's gradient norms and update ratios. The reporter
// (runReporter.ts) owns the run's buffers and the pause itself; this class decides when and with what.
import { isGradEnabled } from '../../engine/autograd';
import type { Optimizer } from '../../engine/optim';
import type { Tensor } from '../../engine/tensor';
import type { ModuleInfo, PausedEvent, Phase, RunEvent, RunMode, SourcePos } from '../../protocol';
import { ManualUpdateTracker } from './manualUpdates';
import {
  comparisonOf,
  forwardDetail,
  handWrittenLoss,
  libraryLoss,
  manualUpdate,
  optimizerUpdate,
} from './phaseDetails';
import { activationsOf, SeriesTracker, type SeriesTraits } from './seriesTracker';
import { StepMetrics, type NamedTensor } from './stepMetrics';

export interface SteppedModel {
  modules: ModuleInfo[];
  params: NamedTensor[];
}

/** What a pause carries beyond the parameters. */
export type PauseDetail = Partial<Pick<PausedEvent, 'forward' | 'loss' | 'update'>>;

/** What the stepper needs from the reporter. */
export interface StepperHost {
  /** Scalar backward passes so far. */
  readonly steps: number;
  /** The first step whose numbers have not been sent yet. */
  readonly firstUnsent: number;
  readonly model: SteppedModel | null;
  readonly mode: RunMode;
  /** Whether the host asked for a pause at the next boundary (the Pause button), whatever the mode. */
  readonly pauseRequested: boolean;
  readonly quiet: boolean;
  pause(phase: Phase, detail: PauseDetail, step: number, pos?: SourcePos | null): void;
  /** A hand-written update ended and its numbers are recorded: the step is over (batches may go out). */
  manualUpdated(): void;
  nameTensors(tensors: Tensor[]): (string | null)[];
  userPosition(): SourcePos | null;
  outputPaths(): Iterable<string>;
  send(e: RunEvent): void;
}

export class Stepper {
  readonly metrics = new StepMetrics();
  private readonly manual = new ManualUpdateTracker();
  private readonly series: SeriesTracker;
  private shown = { forward: false, loss: false };
  private lastLoss: Tensor | null = null;
  private lossDepth = 0;

  constructor(
    runId: number,
    private readonly host: StepperHost,
  ) {
    this.series = new SeriesTracker(runId);
  }

  /** The current series (-1 before the first step). */
  get currentSeries(): number {
    return this.series.current;
  }

  private get phases(): boolean {
    return this.host.mode === 'phases';
  }

  // ---- forward and loss -------------------------------------------------------------------------

  /** A loss function starts: the forward is done; in phases mode pause with the prediction beside the target. */
  lossStart(input: Tensor, target: Tensor | null): void {
    this.lossDepth++;
    if (this.lossDepth > 1 || !this.phases || this.shown.forward || !isGradEnabled() || !input.requiresGrad) return;
    this.closeManual(true);
    this.shown.forward = true;
    const names = (ts: Tensor[]) => this.host.nameTensors(ts);
    this.host.pause('forward', { forward: forwardDetail(input, target, names) }, this.host.steps);
  }

  lossEnd(fn: string, reduction: string | null, loss: Tensor | null): void {
    this.lossDepth = Math.max(0, this.lossDepth - 1);
    if (this.lossDepth > 0 || !loss || !this.phases || this.shown.loss) return;
    if (loss.numel() !== 1 || !loss.requiresGrad) return;
    this.shown.loss = true;
    this.lastLoss = loss;
    this.host.pause('loss', { loss: libraryLoss(fn, reduction, loss) }, this.host.steps);
  }

  /** Before a backward pass: a loss written by hand shows its forward and loss phases here. */
  beforeBackward(root: Tensor): void {
    this.closeManual(true);
    if (!this.phases || root.numel() !== 1) return;
    const names = (ts: Tensor[]) => this.host.nameTensors(ts);
    if (!this.shown.forward) {
      this.shown.forward = true;
      const cmp = comparisonOf(root);
      if (cmp)
        this.host.pause('forward', { forward: forwardDetail(cmp.prediction, cmp.target, names) }, this.host.steps);
    }
    if (!this.shown.loss || this.lastLoss !== root) {
      this.shown.loss = true;
      this.host.pause('loss', { loss: handWrittenLoss(root) }, this.host.steps);
    }
  }

  /** A model's forward returned (the root module): a hand-written update before it is over. */
  forwardDone(): void {
    this.closeManual(true);
  }

  // ---- backward and update ----------------------------------------------------------------------

  /** After a backward pass (the step is counted): series, gradient norms, the next update is armed. */
  afterBackward(): void {
    this.shown = { forward: false, loss: false };
    this.lastLoss = null;
    this.manual.afterBackward();
    const model = this.host.model;
    if (!model || this.host.quiet) return;
    const key = this.series.currentKey();
    if (!key || key[0] !== model) this.beginSeries(model, null);
    this.metrics.recordGrads(model.params, this.index());
  }

  /** After `optimizer.step()`; `before` holds the values before it. Returns what the update pause shows. */
  optimizerStepped(optimizer: Optimizer<any>, before: Float32Array[] | null): PauseDetail {
    this.manual.optimizerStepped();
    const model = this.host.model;
    if (!model || this.host.quiet) return {};
    const key = this.series.currentKey();
    const seriesStart = this.host.steps - 1;
    if (key && key[0] === model && key[1] === null && this.seriesFirstStep === seriesStart)
      this.sendAll(
        this.series.setOptimizer(optimizer, optimizer.name, optimizer.param_groups[0]?.lr, [model, optimizer]),
      );
    else if (!key || key[0] !== model || key[1] !== optimizer) this.beginSeries(model, optimizer);
    if (before && before.length === model.params.length) this.metrics.recordUpdate(model.params, before, this.index());
    if (!this.phases && this.host.mode !== 'step' && !this.host.pauseRequested) return {};
    return { update: optimizerUpdate(optimizer, model.params, before) };
  }

  /**
   * An in-place write that autograd does not record is about to change `target` (`done` false), or has
   * (true). Once every parameter has been written, the hand-written update is complete: it pauses there.
   */
  untrackedInplace(target: Tensor, done: boolean): void {
    const model = this.host.model;
    if (!model) return;
    if (!done) this.manual.write(target, model.params, () => this.host.userPosition());
    else if (this.manual.covers(model.params.length)) this.closeManual(true);
  }

  /** Gradient recording is back on: a `no_grad` block with a hand-written update ended. */
  gradEnabled(): void {
    this.closeManual(true);
  }

  /**
   * Ends an open hand-written update: records its update ratios and, when the run pauses after updates,
   * pauses with the update table (values before and after). Returns the values before, or null.
   */
  closeManual(pausing: boolean): Float32Array[] | null {
    if (!this.manual.active) return null;
    const update = this.manual.close();
    const model = this.host.model;
    if (!update || !model || update.before.length !== model.params.length) return null;
    if (!this.host.quiet) this.metrics.recordUpdate(model.params, update.before, this.index());
    this.manualSeen = true;
    if (pausing && (this.phases || this.host.mode === 'step' || this.host.pauseRequested)) {
      this.pendingBefore = update.before;
      this.host.pause('update', { update: manualUpdate() }, Math.max(0, this.host.steps - 1), update.pos);
      this.pendingBefore = null;
    } else this.host.manualUpdated();
    return update.before;
  }

  /** The values before a hand-written update being paused at (the reporter's `before` for that pause). */
  pendingBefore: Float32Array[] | null = null;
  /** The file updates by hand: its steps end at the update (not at backward), as with an optimizer. */
  manualSeen = false;

  // ---- series -----------------------------------------------------------------------------------

  private seriesFirstStep = -1;

  private beginSeries(model: SteppedModel, optimizer: Optimizer<any> | null): void {
    this.seriesFirstStep = this.host.steps - 1;
    const traits: SeriesTraits = {
      model: model.modules.find((m) => m.path === '')?.type ?? model.modules[0]?.type ?? '',
      activations: activationsOf(model.modules, this.host.outputPaths()),
      optimizer: optimizer?.name ?? null,
      lr: optimizer?.param_groups[0]?.lr ?? null,
      start: startOf(model),
    };
    this.sendAll(this.series.begin(this.seriesFirstStep, traits, [model, optimizer]));
  }

  private sendAll(events: RunEvent[]): void {
    for (const e of events) this.host.send(e);
  }

  private index(): number {
    return this.host.steps - 1 - this.host.firstUnsent;
  }
}

/** Plain tensors of one or two numbers: where they start (`w=-2`), what tells two starts apart. */
function startOf(model: SteppedModel): string | null {
  if (model.modules[0]?.type !== 'Tensors') return null;
  const numel = model.params.reduce((n, p) => n + p.tensor.data.length, 0);
  if (numel > 2) return null;
  return model.params
    .map((p) => `${p.name}=${Array.from(p.tensor.data, (v) => Number(Number(v).toPrecision(4))).join(',')}`)
    .join(', ');
}
