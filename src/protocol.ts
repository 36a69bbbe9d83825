// The one typed definition of every message that crosses a boundary: Python worker -> extension host
// (RunEvent), extension host -> worker (WorkerCommand plus the shared control buffer), extension host <->
// webviews (HostToView / ViewToHost). Numeric series travel as typed arrays so postMessage copies them
// cheaply, never as JSON arrays of numbers.
import type { FigureEvent } from './protocolFigures';
import type { ScalarsEvent } from './protocolScalars';

// The `figure` event of matplotlib figures: src/protocolFigures.ts.
export type * from './protocolFigures';
// The `scalars` event of SummaryWriter's values: src/protocolScalars.ts.
export type { ScalarPoints, ScalarsEvent } from './protocolScalars';

// matplotlib figures (the `figure` event): src/protocolFigures.ts, re-exported here.
export type {
  FigureLine,
  FigureScatter,
  FigureRects,
  FigureImage,
  FigureContour,
  FigurePolygon,
  FigurePolys,
  FigureFrame3d,
  FigureAxis3d,
  FigureRefLine,
  FigureText,
  FigureArtist,
  FigureTicks,
  FigureAxes,
  FigureData,
  FigureEvent,
} from './protocolFigures';

/** Where a run is in a training step. The four phases of the notes: forward -> loss -> backward -> update. */
export type Phase = 'forward' | 'loss' | 'backward' | 'update';

/**
 * How a run proceeds: to the end, pausing after each update (an optimizer step or a hand-written update of
 * the parameters under no_grad), after each backward pass, or after each of the four phases.
 */
export type RunMode = 'train' | 'step' | 'backprop' | 'phases';

export type RunStatus = 'idle' | 'starting' | 'running' | 'paused' | 'finished' | 'stopped' | 'failed';

export interface ParamInfo {
  /** Dotted name as in `named_parameters()`, e.g. `fc1.weight`. */
  name: string;
  shape: number[];
  numel: number;
}

export interface ModuleInfo {
  /** Dotted path from the root model ('' for the root). */
  path: string;
  /** Class name, e.g. `Linear`, `Net`. */
  type: string;
  /** `extra_repr` text, e.g. `in_features=2, out_features=4, bias=True`. */
  extra: string;
  /** Parameters registered directly on this module (not its children). */
  params: ParamInfo[];
  /** Dotted paths (from the root) of the direct children, e.g. `blocks.0` under `blocks`. */
  children: string[];
  /** 1-based line of the user's file where the module was created (`self.fc1 = nn.Linear(2, 4)`), when known. */
  line?: number;
}

/** One parameter's numbers at a moment of the run. `grad` is null before the first backward. */
export interface ParamSnapshot {
  name: string;
  shape: number[];
  value: Float32Array;
  grad: Float32Array | null;
  /**
   * Python backend, tensors over its copy limit: `value` and `grad` hold only this leading block of the
   * tensor (e.g. `[5, 784]`: the first 5 rows of a `[256, 784]` weight; `[0]`: nothing, a model too big),
   * and `summary`/`gradSummary` describe all of its values. Absent when `value` is the whole tensor.
   */
  sampleShape?: number[];
  summary?: TensorSummary;
  gradSummary?: TensorSummary | null;
}

/** Statistics of every value of a tensor, computed where it lives (a GPU) by the Python backend. */
export interface TensorSummary {
  numel: number;
  /** null for an empty tensor (std also for a single value). */
  mean: number | null;
  std: number | null;
  /** L2 norm. */
  norm: number | null;
  min: number | null;
  max: number | null;
  /** Counts of 32 equal-width bins between min and max. */
  hist: number[];
}

/** Warnings the runtime detects by watching the run: gradients adding up across steps, a loss that became inf/NaN. */
export type WarningCode = 'noZeroGrad' | 'diverged';

/** Source position in the user's file (1-based line and column, as Python reports them). */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

// ---- worker -> host -------------------------------------------------------------------------------

export type RunEvent =
  | { type: 'ready'; loadMs: number }
  | { type: 'started'; runId: number; file: string; mode: RunMode }
  /** `devices` (Python backend): where the model's parameters are, e.g. ['cuda:0']; `deviceNames` their names. */
  | { type: 'model'; runId: number; modules: ModuleInfo[]; devices?: string[]; deviceNames?: string[] }
  /**
   * Python backend, after `started`: the interpreter and PyTorch running the file, the devices it can use
   * ('cpu', 'cuda:0', 'mps', ...) and, under torchrun, how many processes there are (only rank 0 reports).
   */
  | {
      type: 'environment';
      runId: number;
      backend: 'python';
      python: string;
      executable: string;
      torch: string;
      cuda: string | null;
      devices: string[];
      worldSize: number;
      rank: number;
      localRank: number;
    }
  /**
   * Every loss since the last batch (none are dropped); `lrs[k]` is the lr of param group k at each step
   * (NaN where no optimizer reported one). A script training plain tensors without an nn.Module gets a
   * `model` event with one root module of type 'Tensors' whose params are named after its variables.
   */
  | {
      type: 'steps';
      runId: number;
      firstStep: number;
      losses: Float32Array;
      lrs: Float32Array[];
      /** Python backend: wall-clock milliseconds of each step (NaN for the first and after a pause). */
      stepMs?: Float32Array;
      /** Python backend on CUDA: peak bytes held by tensors so far (torch.cuda.max_memory_allocated). */
      maxMemory?: number;
      /** Every step's gradient L2 norm of each parameter: `norms[k][i]` is `names[k]`'s at step firstStep + i. */
      gradNorms?: { names: string[]; norms: Float32Array[] };
      /** Every step's |change of the values| / |values before| of each parameter (NaN: no update that step). */
      updateRatios?: { names: string[]; ratios: Float32Array[] };
    }
  /**
   * A new series of steps begins at `firstStep`: the file created another model or optimizer (a loop over
   * learning rates, a second model, another start). Sent again with the same `index` when a later series
   * shows what distinguishes them, with a better `label` (`lr=0.05`, `Tanh`, `w=2`).
   */
  | SeriesEvent
  /** Throttled: parameter values and gradients at the end of a step (or at a pause). */
  | { type: 'params'; runId: number; step: number; phase: Phase; params: ParamSnapshot[] }
  /** Throttled: each module's forward output for the latest step (activations); also F.relu-style calls (`fc:relu#1`). */
  | {
      type: 'activations';
      runId: number;
      step: number;
      outputs: { path: string; shape: number[]; data: Float32Array }[];
    }
  | { type: 'output'; runId: number; stream: 'stdout' | 'stderr'; text: string }
  /**
   * The run stopped at a phase boundary. `step` (here and in params/activations) is the 0-based index of
   * the current training step: one step per backward of a scalar loss. `params` hold the values now (after
   * the update for phase 'update'); `before` holds the values before that update (phase 'update' only).
   * What the phase shows: `forward` (predictions beside targets), `loss` (its value and how it was
   * computed), `update` (the rule the optimizer applied, element by element). `series`: the series index.
   */
  | PausedEvent
  | { type: 'resumed'; runId: number }
  /**
   * A mistake worth a learner's attention, at its line. `code` names findings the views word themselves
   * (in the user's language; src/shared/findings.ts), `step` the step where it began.
   */
  | { type: 'warning'; runId: number; message: string; pos: SourcePos | null; code?: WarningCode; step?: number }
  | {
      type: 'error';
      runId: number;
      /** Python exception class, e.g. `SyntaxError`, `RuntimeError`, `NotImplementedError`. */
      kind: string;
      message: string;
      pos: SourcePos | null;
      /** Python-style traceback restricted to the user's file. */
      traceback: string;
    }
  /** `exitCode`: the exit status `python FILE` would have had (sys.exit(N); 130 when stopped), where known. */
  | {
      type: 'finished';
      runId: number;
      status: 'finished' | 'stopped' | 'failed';
      wallMs: number;
      steps: number;
      exitCode?: number;
    }
  /** Throttled concept views of the learner's own model and loss (see ConceptEvent below). */
  | ConceptEvent
  /** A matplotlib figure the script showed (plt.show(), plt.pause(), or still open at the end): see below. */
  | FigureEvent
  /** Values the file logged with torch.utils.tensorboard's SummaryWriter (src/protocolScalars.ts). */
  | ScalarsEvent;

// The paused event and what each phase shows, and the series event: src/protocolStepping.ts.
export type {
  ForwardDetail,
  LossDetail,
  PausedEvent,
  SeriesEvent,
  TensorValues,
  UpdateDetail,
} from './protocolStepping';
export { PHASE_VALUES } from './protocolStepping';
import type { PausedEvent, SeriesEvent } from './protocolStepping';
import type { ScalarPoints } from './protocolScalars';

// ---- host -> worker -------------------------------------------------------------------------------

export interface RunRequest {
  type: 'run';
  runId: number;
  /** Path shown in tracebacks and diagnostics. */
  file: string;
  /** sys.argv (default `[file]`); the CLI passes the path as typed, as python3 keeps it. */
  argv?: string[];
  /** The text to run (the editor's, saved or not). */
  source: string;
  mode: RunMode;
  /** When set, `torch.manual_seed` is called with it before the file runs (else PyTorch's default seed). */
  seed: number | null;
  pauseOnNaN: boolean;
  /** Most `params`/`activations` events per second. */
  updatesPerSecond: number;
  /** Only `output`, `error` and `finished` events (for benchmarks that measure the recording's cost). */
  quiet?: boolean;
  /** Slow motion: at most this many training steps a second in Train mode (0 or absent: full speed). */
  maxStepsPerSecond?: number;
  /** Every optimizer's learning rate is multiplied by this at construction (the lr comparison); 1 when absent. */
  lrScale?: number;
}

export type WorkerCommand =
  | {
      type: 'init';
      control: SharedArrayBuffer;
      interrupt: SharedArrayBuffer;
      /** The ring the script's output is written into (src/python/outputRing.ts). */
      output: SharedArrayBuffer;
      /** Most MB the run's tensors may hold (backpropLens.memoryLimitMB). */
      memoryLimitMB: number;
    }
  | RunRequest;

/**
 * Worker -> its process's main thread: an event (none for a wake-up when the output ring is full) and the
 * output ring's write position when it was posted, so the text printed before the event is passed on first.
 */
export interface WorkerPost {
  at: number;
  event?: RunEvent;
}

/**
 * Extension host (src/python/runner.ts) -> the runtime's own process (src/python/process.ts), over IPC. The
 * process turns pause/continue/stop into writes to the worker's shared control buffer.
 */
export type ProcessCommand =
  | RunRequest
  | { type: 'pause' }
  | { type: 'continue'; mode: RunMode }
  /** Stop the run; a run still going after `graceMs` has its worker terminated. */
  | { type: 'stop'; graceMs: number };

/** Process -> host: the run's events, and `lost` when the worker thread ended outside a run. */
export type ProcessMessage = RunEvent | { type: 'lost'; reason: string };

/**
 * Slots of the Int32Array over the shared control buffer. The worker blocks in Atomics.wait while paused,
 * so control must not depend on its message queue.
 */
export const enum ControlSlot {
  /** ControlState below; the host writes it and calls Atomics.notify. */
  State = 0,
  /** The mode to continue in after a pause (RunModeCode). */
  Mode = 1,
}
export const enum ControlState {
  Run = 0,
  Pause = 1,
  Stop = 2,
}
export const enum RunModeCode {
  Train = 0,
  Step = 1,
  Backprop = 2,
  Phases = 3,
}
export const CONTROL_SLOTS = 4;

// ---- host <-> webviews ----------------------------------------------------------------------------

/** Everything a view needs to draw a run from scratch: the host keeps it and re-sends it on `ready`. */
export interface RunSnapshot {
  runId: number;
  file: string;
  status: RunStatus;
  mode: RunMode;
  modules: ModuleInfo[];
  losses: Float32Array;
  lrs: Float32Array[];
  params: ParamSnapshot[];
  /** Per-parameter gradient L2 norm at each recorded step (decimated). */
  gradNorms: { steps: Float32Array; norms: Record<string, Float32Array> };
  paused: PausedEvent | null;
  output: string;
  error: Extract<RunEvent, { type: 'error' }> | null;
  stepsPerSecond: number;
  /** Optimizer steps recorded so far (`losses.length`). */
  steps: number;
  /** Per parameter: |change of the values| / |values| per step, from the last two parameter snapshots. */
  updateRatios: Record<string, number>;
  /** Each module's forward output at the latest step that sent them (null before the first). */
  activations: Extract<RunEvent, { type: 'activations' }> | null;
  /** The latest event of each concept view (absent in snapshots from before they existed). */
  concepts?: ConceptSnapshot;
  /** The matplotlib figures shown so far, the latest of each figure number (absent in older snapshots). */
  figures?: FigureEvent[];
  /** Warnings with a code (gradients adding up, a loss that became NaN): the findings' runtime part. */
  codedWarnings?: { code: WarningCode; step: number | null; line: number | null }[];
  /** The series of steps (one per model/optimizer the file trained), in order; empty for one plain run. */
  series?: SeriesEvent[];
  /** Each step's update/weight ratio per parameter (from `steps` events), like `gradNorms`. */
  ratioHistory?: { steps: Float32Array; ratios: Record<string, Float32Array> };
  /** Python backend: where the run happens and what a step costs (null or absent on the built-in engine). */
  environment?: RunEnvironment | null;
  /** Every curve logged with SummaryWriter so far (decimated), in the order first logged (absent in older snapshots). */
  scalars?: ScalarPoints[];
}

/** Python backend: its `environment` event, the devices of the model's parameters and a step's time and memory. */
export interface RunEnvironment {
  python: string;
  torch: string;
  /** The CUDA version PyTorch was built with (null for a CPU-only build). */
  cuda: string | null;
  /** Devices PyTorch can use ('cpu', 'cuda:0', 'mps'). */
  devices: string[];
  /** Processes under torchrun (1 without); only rank 0 reports. */
  worldSize: number;
  /** Where the model's parameters are (the `model` event's devices), empty until known. */
  modelDevices: string[];
  /** Median wall-clock milliseconds of the steps of the latest batch (null before a timed step). */
  stepMs: number | null;
  /** Peak bytes held by tensors on the GPU (null on a CPU). */
  maxMemory: number | null;
}

/** View settings the host sends with every snapshot. */
export interface ViewConfig {
  maxChartPoints: number;
  /** Slow motion: most training steps a second in Train (0: full speed), remembered per workspace. */
  slowMotion?: number;
}

export type HostToView =
  /**
   * Sent when a view says `ready`, when a new run starts and when the file it shows changes. `file` is the
   * file's display name, `fileUri` its URI (the panel keeps it in its webview state to be restored).
   */
  | {
      type: 'snapshot';
      file: string | null;
      fileUri: string | null;
      run: RunSnapshot | null;
      strings: Record<string, string>;
      config: ViewConfig;
    }
  /** Batched by the host (at most ~30 a second); consecutive `steps` are merged, older `params` dropped. */
  | { type: 'events'; events: RunEvent[] }
  | { type: 'selectParam'; name: string }
  /** The learning-rate comparison of the panel's file, sent as its runs progress (src/extension/compareLr.ts). */
  | { type: 'comparison'; comparison: LrComparison }
  /** Send the charts as images (the "Export charts" command); answered with a `chartImages` message. */
  | { type: 'requestChartImages' };

/**
 * One run of a learning-rate comparison: the file with every optimizer's lr times `factor`; `lr` the first
 * group's at the first step, `divergedAt` the first inf/NaN loss's step, `path` its landscape path.
 */
export interface ComparedRun {
  factor: number;
  lr: number | null;
  losses: Float32Array;
  status: RunStatus;
  divergedAt: number | null;
  path: Float32Array | null;
}

/** `landscape`: the x1 run's, for drawing every run's path over it (when the file has one). */
export type LrComparison = { file: string; runs: ComparedRun[]; landscape: LandscapeEvent | null };

/** Panel buttons that run a command of the extension on the panel's file, with an optional argument. */
export type ToolCommand = 'compareLearningRates' | 'setSlowMotion' | 'exportMetrics' | 'exportStateDict';

export type ViewAction = 'train' | 'step' | 'backprop' | 'phases' | 'continue' | 'stop';

export type ViewToHost =
  | { type: 'ready' }
  | { type: 'action'; action: ViewAction }
  | { type: 'selectParam'; name: string }
  | { type: 'viewState'; state: unknown }
  | { type: 'tool'; command: ToolCommand; arg?: string | number }
  /** The panel's charts as images, for the "Export charts" button: PNG data URLs and, where drawn, SVG text. */
  | { type: 'chartImages'; images: { name: string; png: string; svg: string | null }[] };

// ---- concept views: worker -> host ----------------------------------------------------------------
// Computed by src/python/concepts/ from the loss's autograd graph at a training step, throttled like
// `params`. Each names the tensors it used: what the model was called with and what the loss compared
// its output against, with the user's variable names where a variable holds them.

/** A tensor of the training loop: the user's variable name (null when none holds it) and its shape. */
export interface TensorRef {
  name: string | null;
  shape: number[];
}

/** How the model's output is read as a class: a probability (BCELoss), logits (BCEWithLogits, CrossEntropy), log-probabilities (NLLLoss), a score fitted to 0/1 or -1/1 targets (MSE), or a plain value (regression). */
export type OutputReadout = 'probability' | 'logit' | 'softmax' | 'logSoftmax' | 'score01' | 'scorePm1' | 'value';

interface PredictionBase {
  type: 'prediction';
  runId: number;
  step: number;
  /** The model's input (`x`), the loss's target (`y`) and the model's output, as at the step. */
  input: TensorRef;
  target: TensorRef;
  output: TensorRef;
  readout: OutputReadout;
  /** Training inputs drawn as points: n rows of 2 (boundary) or 1 (fit) features, and their targets. */
  points: Float32Array;
  targets: Float32Array;
}

/** Models with 2 input features trained as classifiers: the predicted class over a grid around the data. */
export interface BoundaryPrediction extends PredictionBase {
  kind: 'boundary';
  /** Number of classes (2 for one output column). */
  classes: number;
  /** The grid: `cols` x `rows` cell centres spanning [x0, x1] x [y0, y1]; row-major, row 0 at y0. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  cols: number;
  rows: number;
  /** Per cell: the predicted class (argmax, or probability >= 0.5) and that class's probability. */
  cellClass: Float32Array;
  cellConfidence: Float32Array;
  /** Per point: the class the model predicts now. `targets` holds the true class. */
  predicted: Float32Array;
  accuracy: number;
}

/** Models with 1 input feature and 1 output: the curve the model draws through the data. */
export interface FitPrediction extends PredictionBase {
  kind: 'fit';
  /** The curve: model outputs `ys` at evenly spaced inputs `xs` over the points' range. */
  xs: Float32Array;
  ys: Float32Array;
  /** The model's outputs at the points, in their order. */
  fitted: Float32Array;
}

export type PredictionEvent = BoundaryPrediction | FitPrediction;

export interface LandscapeAxis {
  /** A parameter ('w', 'linear.bias', 'w[1]') for an exact landscape, 'd1'/'d2' for a random slice. */
  label: string;
  min: number;
  max: number;
  count: number;
}

/**
 * The loss around the parameters with the optimizer's path. 'exact': over the 1 or 2 scalars the model has
 * (a curve, or a grid); 'slice': over the plane through the current weights along two random
 * filter-normalised directions (Li et al. 2018), coordinates in units of those directions.
 */
export interface LandscapeEvent {
  type: 'landscape';
  runId: number;
  step: number;
  kind: 'exact' | 'slice';
  axes: LandscapeAxis[];
  /** Loss at each grid point: axes[0].count values (1-D), or axes[1].count rows of axes[0].count (row 0 at axes[1].min). */
  values: Float32Array;
  /** The path: per point its coordinates (one per axis) then the loss at that step, flattened. */
  path: Float32Array;
  /** The step of each path point. */
  pathSteps: Float32Array;
  /** Paths of earlier runs of the same loss in this file (another start, another learning rate), same layout. */
  earlier: Float32Array[];
  /** The loss's data (null for a loss of the parameters alone, such as f(w) = w**4 - 3*w**2 + w). */
  input: TensorRef | null;
  target: TensorRef | null;
  /** Number of trained values (the slice's dimension). */
  numel: number;
}

/** Statistics of a tensor for the autograd graph (all four equal for a scalar). */
export interface ValueSummary {
  mean: number;
  min: number;
  max: number;
  norm: number;
}

export interface GraphNode {
  /** As PyTorch names it: `AddmmBackward0`, `AccumulateGrad` (a parameter), or `data` (no gradient needed); `repeat` for folded structure. */
  name: string;
  kind: 'op' | 'param' | 'data' | 'repeat';
  /** A parameter's or variable's name ('fc1.weight', 'x'); for a repeat, the names of its block's ops ('AddmmBackward0, ReluBackward0'). */
  label: string | null;
  shape: number[];
  /** The tensor the node produced (its output; a parameter's value). */
  value: ValueSummary | null;
  /** The gradient of the loss with respect to that tensor. */
  grad: ValueSummary | null;
  /** Layer from the inputs (0) to the loss (the largest). */
  depth: number;
  /** A repeat node: how many times its block of nodes repeats in the folded part. */
  count?: number;
}

export interface GraphEvent {
  type: 'graph';
  runId: number;
  step: number;
  nodes: GraphNode[];
  /** [from, to] indices into `nodes`: `from`'s tensor is an input of `to`. */
  edges: [number, number][];
  /** Nodes folded into `repeat` nodes or left out of a big graph. */
  hidden: number;
}

export interface ActivationInput {
  /** The module or functional call as in `activations` ('1', 'fc1:relu#1'); null outside a seen model. */
  path: string | null;
  /** 'relu', 'tanh', 'sigmoid', 'leaky_relu', 'elu', 'gelu', 'silu', 'softplus', ... (src/shared/activationFunctions.ts). */
  fn: string;
  /** The function's parameter (LeakyReLU's slope, ELU's alpha), when it has one. */
  param: number | null;
  shape: number[];
  /** Histogram of the inputs the function received at the step: equal bins over [min, max]. */
  min: number;
  max: number;
  counts: Float32Array;
  /** Share of inputs where the derivative is (almost) zero: ReLU's x <= 0, Sigmoid/Tanh's saturated tails. */
  flat: number;
  /** Units (last dimension) whose every input in the batch is flat (dead ReLUs), of `units`. */
  deadUnits: number;
  units: number;
}

export type ConceptEvent =
  | PredictionEvent
  | LandscapeEvent
  | GraphEvent
  | { type: 'activationInputs'; runId: number; step: number; items: ActivationInput[] }
  /** The model's input, target and output at the step: names, shapes and the first rows (at most 8). */
  | {
      type: 'batch';
      runId: number;
      step: number;
      input: TensorRef & { rows: Float32Array };
      target: (TensorRef & { rows: Float32Array }) | null;
      output: TensorRef & { rows: Float32Array };
    };

export interface ConceptSnapshot {
  prediction: PredictionEvent | null;
  landscape: LandscapeEvent | null;
  graph: GraphEvent | null;
  activationInputs: Extract<ConceptEvent, { type: 'activationInputs' }> | null;
  batch: Extract<ConceptEvent, { type: 'batch' }> | null;
}
