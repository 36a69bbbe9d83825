// The host side of the Python runtime, used by the CLI and the extension: owns one worker (dist/worker.js),
// starts it early (`warm`), runs one file at a time and re-emits the worker's RunEvents as 'event'.
// Stopping must always work, so a worker that does not finish within a second of `stop()` (a bare
// `except:` swallowing the interrupt, a long engine op) is terminated and a fresh one is warmed.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RunEvent, RunMode, RunRequest } from '../protocol';
import { createControlBuffers, HostControl } from './control';

export type FinishedEvent = Extract<RunEvent, { type: 'finished' }>;

export interface RunnerOptions {
  /** The folder holding worker.js, pyodide/ and python/ (the build output). */
  distDir: string;
  /** How long a stopped run may take to end before its worker is terminated. */
  stopTimeoutMs?: number;
}

/** What a caller gives for a run; everything but the file has a default. */
export interface RunOptions {
  file: string;
  /** The text to run; read from `file` when absent. */
  source?: string;
  mode?: RunMode;
  seed?: number | null;
  pauseOnNaN?: boolean;
  updatesPerSecond?: number;
  quiet?: boolean;
}

interface ActiveRun {
  runId: number;
  started: number;
  steps: number;
  resolve: (e: FinishedEvent) => void;
  stopTimer: NodeJS.Timeout | null;
}

interface WorkerHandle {
  worker: Worker;
  control: HostControl;
  ready: Promise<void>;
}

export class Runner extends EventEmitter {
  private readonly distDir: string;
  private readonly stopTimeoutMs: number;
  private handle: WorkerHandle | null = null;
  private active: ActiveRun | null = null;
  private nextRunId = 1;
  private disposed = false;

  constructor(options: RunnerOptions) {
    super();
    this.distDir = options.distDir;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 1000;
  }

  override on(event: 'event', listener: (e: RunEvent) => void): this {
    return super.on(event, listener);
  }

  /** Starts the worker and loads Python (and torch) so the next run begins at once. */
  warm(): Promise<void> {
    return this.worker().ready;
  }

  get running(): boolean {
    return this.active !== null;
  }

  /** Runs a file to its end (or stop/failure); resolves with the `finished` event. */
  async run(options: RunOptions): Promise<FinishedEvent> {
    if (this.disposed) throw new Error('Runner is disposed');
    if (this.active) throw new Error('a run is already in progress');
    const request: RunRequest = {
      type: 'run',
      runId: this.nextRunId++,
      file: options.file,
      source: options.source ?? fs.readFileSync(options.file, 'utf8'),
      mode: options.mode ?? 'train',
      seed: options.seed ?? null,
      pauseOnNaN: options.pauseOnNaN ?? false,
      updatesPerSecond: options.updatesPerSecond ?? 10,
      quiet: options.quiet ?? false,
    };
    const handle = this.worker();
    return new Promise<FinishedEvent>((resolve) => {
      this.active = { runId: request.runId, started: Date.now(), steps: 0, resolve, stopTimer: null };
      handle.control.prepareRun(request.mode);
      handle.worker.postMessage(request);
    });
  }

  /** Pauses a running file at its next phase boundary (after a backward or an optimizer step). */
  pause(): void {
    if (this.active) this.handle?.control.pause();
  }

  /** Resumes a paused run in `mode` (which may differ from the mode it started in). */
  continue(mode: RunMode): void {
    if (this.active) this.handle?.control.resume(mode);
  }

  /** Stops the run: KeyboardInterrupt in Python; after stopTimeoutMs the worker is replaced. */
  stop(): void {
    const run = this.active;
    const handle = this.handle;
    if (!run || !handle) return;
    handle.control.stop();
    run.stopTimer ??= setTimeout(() => {
      if (this.active !== run) return;
      this.discardWorker(handle);
      this.finish({ type: 'finished', runId: run.runId, status: 'stopped', wallMs: Date.now() - run.started, steps: run.steps });
      if (!this.disposed) this.warm().catch(() => undefined);
    }, this.stopTimeoutMs);
  }

  /** Ends the worker; a run in progress finishes as stopped. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const run = this.active;
    if (run) this.finish({ type: 'finished', runId: run.runId, status: 'stopped', wallMs: Date.now() - run.started, steps: run.steps });
    if (this.handle) {
      const { worker } = this.handle;
      this.handle = null;
      await worker.terminate();
    }
  }

  private worker(): WorkerHandle {
    if (this.handle) return this.handle;
    const buffers = createControlBuffers();
    // execArgv: [] - the bundled worker needs none of the parent's flags (a test runner's TS loader would
    // otherwise be loaded into it too, costing start-up time).
    const worker = new Worker(path.join(this.distDir, 'worker.js'), { execArgv: [] });
    let readyResolve!: () => void;
    let readyReject!: (err: Error) => void;
    const ready = new Promise<void>((res, rej) => {
      readyResolve = res;
      readyReject = rej;
    });
    ready.catch(() => undefined); // a failure is reported to whoever awaits warm() or the run
    const handle: WorkerHandle = { worker, control: new HostControl(buffers), ready };
    worker.on('message', (e: RunEvent) => {
      if (this.handle !== handle) return;
      if (e.type === 'ready') readyResolve();
      this.onEvent(e);
    });
    const lost = (reason: string) => {
      readyReject(new Error(reason));
      if (this.handle !== handle) return;
      this.handle = null;
      const run = this.active;
      if (!run) return;
      this.emit('event', {
        type: 'error',
        runId: run.runId,
        kind: 'RuntimeError',
        message: reason,
        pos: null,
        traceback: `RuntimeError: ${reason}\n`,
      } satisfies RunEvent);
      this.finish({ type: 'finished', runId: run.runId, status: 'failed', wallMs: Date.now() - run.started, steps: run.steps });
    };
    worker.on('error', (err) => lost(`the Python worker failed: ${err.message}`));
    worker.on('exit', (code) => lost(`the Python worker exited (code ${code})`));
    worker.postMessage({ type: 'init', control: buffers.control, interrupt: buffers.interrupt });
    this.handle = handle;
    return handle;
  }

  private discardWorker(handle: WorkerHandle): void {
    if (this.handle === handle) this.handle = null;
    handle.worker.removeAllListeners('message');
    void handle.worker.terminate();
  }

  private onEvent(e: RunEvent): void {
    const run = this.active;
    if ('runId' in e && e.runId !== 0 && (!run || e.runId !== run.runId)) return; // a late event of a stopped run
    if (e.type === 'steps' && run) run.steps = e.firstStep + e.losses.length;
    if (e.type === 'finished') return this.finish(e);
    this.emit('event', e);
  }

  private finish(e: FinishedEvent): void {
    const run = this.active;
    if (!run || run.runId !== e.runId) return;
    if (run.stopTimer) clearTimeout(run.stopTimer);
    this.active = null;
    this.emit('event', e);
    run.resolve(e);
  }
}
