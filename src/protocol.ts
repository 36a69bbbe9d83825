// The one typed definition of every message that crosses a boundary: Python worker -> extension host
// (RunEvent), extension host -> worker (WorkerCommand plus the shared control buffer), extension host <->
// webviews (HostToView / ViewToHost). Numeric series travel as typed arrays so postMessage copies them
// cheaply, never as JSON arrays of numbers.

/** Where a run is in a training step. The four phases of the notes: forward -> loss -> backward -> update. */
export type Phase = 'forward' | 'loss' | 'backward' | 'update';

/** How a run proceeds: to the end, pausing after each optimizer step, or after each backward pass. */
export type RunMode = 'train' | 'step' | 'backprop';

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
}

/** One parameter's numbers at a moment of the run. `grad` is null before the first backward. */
export interface ParamSnapshot {
  name: string;
  shape: number[];
  value: Float32Array;
  grad: Float32Array | null;
}

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
  | { type: 'model'; runId: number; modules: ModuleInfo[] }
  /**
   * Every loss since the last batch (none are dropped); `lrs[k]` is the lr of param group k at each step
   * (NaN where no optimizer reported one). A script training plain tensors without an nn.Module gets a
   * `model` event with one root module of type 'Tensors' whose params are named after its variables.
   */
  | { type: 'steps'; runId: number; firstStep: number; losses: Float32Array; lrs: Float32Array[] }
  /** Throttled: parameter values and gradients at the end of a step (or at a pause). */
  | { type: 'params'; runId: number; step: number; phase: Phase; params: ParamSnapshot[] }
  /** Throttled: each module's forward output for the latest step (activations); also F.relu-style calls (`fc:relu#1`). */
  | { type: 'activations'; runId: number; step: number; outputs: { path: string; shape: number[]; data: Float32Array }[] }
  | { type: 'output'; runId: number; stream: 'stdout' | 'stderr'; text: string }
  /**
   * The run stopped at a phase boundary. `step` (here and in params/activations) is the 0-based index of
   * the current training step: one step per backward of a scalar loss. `params` hold the values now (after
   * the update for phase 'update'); `before` holds the values before that update (phase 'update' only).
   */
  | {
      type: 'paused';
      runId: number;
      step: number;
      phase: Phase;
      pos: SourcePos | null;
      lrs: number[];
      params: ParamSnapshot[];
      before: Float32Array[] | null;
    }
  | { type: 'resumed'; runId: number }
  | { type: 'warning'; runId: number; message: string; pos: SourcePos | null }
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
  | { type: 'finished'; runId: number; status: 'finished' | 'stopped' | 'failed'; wallMs: number; steps: number };

// ---- host -> worker -------------------------------------------------------------------------------

export interface RunRequest {
  type: 'run';
  runId: number;
  /** Path shown in tracebacks and diagnostics. */
  file: string;
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
}

export type WorkerCommand = { type: 'init'; control: SharedArrayBuffer; interrupt: SharedArrayBuffer } | RunRequest;

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
  paused: Extract<RunEvent, { type: 'paused' }> | null;
  output: string;
  error: Extract<RunEvent, { type: 'error' }> | null;
  stepsPerSecond: number;
  /** Optimizer steps recorded so far (`losses.length`). */
  steps: number;
  /** Per parameter: |change of the values| / |values| per step, from the last two parameter snapshots. */
  updateRatios: Record<string, number>;
  /** Each module's forward output at the latest step that sent them (null before the first). */
  activations: Extract<RunEvent, { type: 'activations' }> | null;
}

/** View settings the host sends with every snapshot. */
export interface ViewConfig {
  maxChartPoints: number;
}

export type HostToView =
  /**
   * Sent when a view says `ready`, when a new run starts and when the file it shows changes. `file` is the
   * file's display name, `fileUri` its URI (the panel keeps it in its webview state to be restored).
   */
  | { type: 'snapshot'; file: string | null; fileUri: string | null; run: RunSnapshot | null; strings: Record<string, string>; config: ViewConfig }
  /** Batched by the host (at most ~30 a second); consecutive `steps` are merged, older `params` dropped. */
  | { type: 'events'; events: RunEvent[] }
  | { type: 'selectParam'; name: string };

export type ViewAction = 'train' | 'step' | 'backprop' | 'continue' | 'stop';

export type ViewToHost =
  | { type: 'ready' }
  | { type: 'action'; action: ViewAction }
  | { type: 'selectParam'; name: string }
  | { type: 'viewState'; state: unknown };
