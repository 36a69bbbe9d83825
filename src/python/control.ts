// Pause / continue / stop across threads without the worker's message queue: the worker is inside a
// synchronous Python call (or blocked while paused), so the host writes an Int32Array over a
// SharedArrayBuffer and wakes it with Atomics.notify. Stop also raises SIGINT through Pyodide's interrupt
// buffer so that pure-Python code (`while True: pass`) gets a KeyboardInterrupt.
import { CONTROL_SLOTS, ControlSlot, ControlState, RunModeCode, type RunMode } from '../protocol';

const SIGINT = 2;

export function modeCode(mode: RunMode): RunModeCode {
  if (mode === 'phases') return RunModeCode.Phases;
  return mode === 'step' ? RunModeCode.Step : mode === 'backprop' ? RunModeCode.Backprop : RunModeCode.Train;
}

export function modeFromCode(code: number): RunMode {
  if (code === RunModeCode.Phases) return 'phases';
  return code === RunModeCode.Step ? 'step' : code === RunModeCode.Backprop ? 'backprop' : 'train';
}

export interface ControlBuffers {
  control: SharedArrayBuffer;
  interrupt: SharedArrayBuffer;
}

export function createControlBuffers(): ControlBuffers {
  return {
    control: new SharedArrayBuffer(CONTROL_SLOTS * Int32Array.BYTES_PER_ELEMENT),
    interrupt: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT),
  };
}

/** The host's side: requests that the worker notices at its next check (or wakes from a pause). */
export class HostControl {
  private readonly slots: Int32Array;
  private readonly interrupt: Int32Array;

  constructor(buffers: ControlBuffers) {
    this.slots = new Int32Array(buffers.control);
    this.interrupt = new Int32Array(buffers.interrupt);
  }

  /**
   * Before posting a run: a fresh state (no stale stop or pause) and its mode. Done here, not in the
   * worker, so a stop() right after run() cannot be erased by the worker starting the run.
   */
  prepareRun(mode: RunMode): void {
    Atomics.store(this.slots, ControlSlot.Mode, modeCode(mode));
    Atomics.store(this.slots, ControlSlot.State, ControlState.Run);
    Atomics.store(this.interrupt, 0, 0);
  }

  /** Asks a running script to pause at its next phase boundary. */
  pause(): void {
    Atomics.compareExchange(this.slots, ControlSlot.State, ControlState.Run, ControlState.Pause);
  }

  /** Resumes a paused run, possibly in another mode. */
  resume(mode: RunMode): void {
    Atomics.store(this.slots, ControlSlot.Mode, modeCode(mode));
    if (
      Atomics.compareExchange(this.slots, ControlSlot.State, ControlState.Pause, ControlState.Run) ===
      ControlState.Pause
    ) {
      Atomics.notify(this.slots, ControlSlot.State);
    }
  }

  /** Whether the current run was asked to stop. */
  get stopRequested(): boolean {
    return Atomics.load(this.slots, ControlSlot.State) === ControlState.Stop;
  }

  /** Stops the run: KeyboardInterrupt for running Python, and wakes a paused worker. */
  stop(): void {
    Atomics.store(this.slots, ControlSlot.State, ControlState.Stop);
    Atomics.store(this.interrupt, 0, SIGINT);
    Atomics.notify(this.slots, ControlSlot.State);
  }
}

/** The worker's side: read at phase boundaries, blocks (no CPU) while paused. */
export class WorkerControl {
  private readonly slots: Int32Array;
  readonly interrupt: Int32Array;

  constructor(buffers: ControlBuffers) {
    this.slots = new Int32Array(buffers.control);
    this.interrupt = new Int32Array(buffers.interrupt);
  }

  /** After a run: a stop that raced with its end must not interrupt whatever Python does next. */
  endRun(): void {
    Atomics.store(this.interrupt, 0, 0);
  }

  get state(): ControlState {
    return Atomics.load(this.slots, ControlSlot.State);
  }

  get mode(): RunMode {
    return modeFromCode(Atomics.load(this.slots, ControlSlot.Mode));
  }

  get stopRequested(): boolean {
    return this.state === ControlState.Stop;
  }

  /** Marks the run paused (unless a stop already came in). False when it must stop instead. */
  enterPause(): boolean {
    const prev = Atomics.compareExchange(this.slots, ControlSlot.State, ControlState.Run, ControlState.Pause);
    return prev !== ControlState.Stop;
  }

  /** Blocks until the host resumes or stops the run; returns the state that ended the pause. */
  waitWhilePaused(): ControlState.Run | ControlState.Stop {
    for (;;) {
      const s = Atomics.load(this.slots, ControlSlot.State);
      if (s !== ControlState.Pause) return s === ControlState.Stop ? ControlState.Stop : ControlState.Run;
      Atomics.wait(this.slots, ControlSlot.State, ControlState.Pause);
    }
  }

  /**
   * True while a stop's KeyboardInterrupt has not reached Python yet (Pyodide clears the buffer when it
   * raises it). Once it has, the script's own `except KeyboardInterrupt:` handler runs undisturbed, as after
   * Ctrl-C in python3; a handler that never ends is ended by the stop's grace period (process.ts).
   */
  get interruptPending(): boolean {
    return Atomics.load(this.interrupt, 0) !== 0;
  }

  /**
   * time.sleep: blocks the thread without using the CPU for `ms`, waking at once when the run is stopped
   * (true: the stop's KeyboardInterrupt is pending). A pause in between does not shorten the sleep, nor does
   * a stop whose interrupt was already raised (a sleep in the script's KeyboardInterrupt handler).
   */
  sleep(ms: number): boolean {
    const deadline = performance.now() + ms;
    for (;;) {
      const state = Atomics.load(this.slots, ControlSlot.State);
      if (state === ControlState.Stop && this.interruptPending) return true;
      const left = deadline - performance.now();
      if (left <= 0) return false;
      Atomics.wait(this.slots, ControlSlot.State, state, left);
    }
  }
}
