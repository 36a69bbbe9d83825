// Starts, steers and records runs: at most one run per file, one at a time in the shared Python worker.
// Keeps each file's RunSnapshot (through a RunState) so views that become visible can be sent it again,
// and hands the views the worker's events batched to at most ~30 posts a second.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunEvent, RunMode, RunSnapshot } from '../protocol';
import type { FinishedEvent, RunOptions } from '../python/runner';
import { EventBatcher, isStateChange } from './eventBatcher';
import { RunState } from '../shared/runState';
import { readSettings } from './settings';
import type { Backend } from './backendChoice';

/**
 * What the controller needs from a runner: src/python/runner.ts (the built-in engine) or pytorchRunner.ts (the
 * learner's Python and PyTorch). An interface so tests can drive it with a fake.
 */
export interface RunnerLike {
  warm(): Promise<void> | void;
  run(options: RunOptions): Promise<FinishedEvent>;
  on(event: 'event', listener: (e: RunEvent) => void): unknown;
  continue(mode: RunMode): void;
  pause(): void;
  stop(): void;
  dispose(): Promise<void> | void;
}

export interface RunBatch {
  /** `uri.toString()` of the file the run belongs to. */
  key: string;
  events: RunEvent[];
}

const FLUSH_MS = 33;

export class RunController implements vscode.Disposable {
  private readonly runStates = new Map<string, RunState>();
  private readonly batchers = new Map<string, EventBatcher>();
  private readonly runFiles = new Map<number, string>();
  private current: { key: string; runId: number; done: Promise<unknown>; runner: RunnerLike } | undefined;
  private nextPlaceholder = 1;
  private flushTimer: NodeJS.Timeout | undefined;
  /** One runner per backend, made when first needed; `stale` ones are replaced at their next run. */
  private readonly runners = new Map<Backend, RunnerLike>();
  private readonly stale = new Set<Backend>();
  /** Each runner numbers its runs from 1: the controller gives every run a number of its own. */
  private readonly runIds = new WeakMap<RunnerLike, Map<number, number>>();
  private nextRunId = 1;
  private warmed = false;
  /** Slow motion: most steps a second for runs started from now on (0: full speed; kept per workspace). */
  slowMotion = 0;

  private readonly batchEmitter = new vscode.EventEmitter<RunBatch>();
  /** Batched events for the views of one file. */
  readonly onDidBatch = this.batchEmitter.event;
  private readonly resetEmitter = new vscode.EventEmitter<string>();
  /** A new run of the file began: views should draw it from a fresh snapshot. */
  readonly onDidReset = this.resetEmitter.event;
  private readonly stateEmitter = new vscode.EventEmitter<string>();
  /** A file's run changed state (started, paused, resumed, finished) or made progress (at most ~30/s). */
  readonly onDidChangeRun = this.stateEmitter.event;
  private readonly eventEmitter = new vscode.EventEmitter<{ key: string; event: RunEvent }>();
  /** Every event as it arrives, unbatched (diagnostics, paused line). */
  readonly onDidEvent = this.eventEmitter.event;

  constructor(private readonly createRunner: (backend: Backend) => RunnerLike) {}

  /** The runner of `backend` (default: the current run's). */
  private getRunner(backend?: Backend): RunnerLike {
    if (!backend) return this.current?.runner ?? this.getRunner('builtin');
    let runner = this.runners.get(backend);
    if (!runner) {
      const created = this.createRunner(backend);
      created.on('event', (e) => this.handle(this.renumber(created, e), created));
      this.runners.set(backend, created);
      runner = created;
    }
    return runner;
  }

  /** `backend`'s runner is out of date (another interpreter was chosen): the next run makes a new one. */
  resetRunner(backend: Backend): void {
    this.stale.add(backend);
  }

  private replaceStaleRunner(backend: Backend): void {
    if (!this.stale.delete(backend)) return;
    const old = this.runners.get(backend);
    this.runners.delete(backend);
    void old?.dispose();
  }

  /** The event with the controller's number for its run (unique across runners). */
  private renumber(runner: RunnerLike, event: RunEvent): RunEvent {
    if (!('runId' in event)) return event;
    let ids = this.runIds.get(runner);
    if (!ids) this.runIds.set(runner, (ids = new Map()));
    let runId = ids.get(event.runId);
    if (runId === undefined) ids.set(event.runId, (runId = this.nextRunId++));
    return runId === event.runId ? event : { ...event, runId };
  }

  /** Starts the worker loading Pyodide in the background, once. */
  warm(): void {
    if (this.warmed) return;
    this.warmed = true;
    try {
      void Promise.resolve(this.getRunner('builtin').warm()).catch(() => undefined);
    } catch {
      // A failed warm-up shows up again, with its message, on the first run.
    }
  }

  runState(key: string): RunState | undefined {
    return this.runStates.get(key);
  }

  snapshot(key: string): RunSnapshot | null {
    return this.runStates.get(key)?.snapshot() ?? null;
  }

  isActive(key: string): boolean {
    return this.runStates.get(key)?.isActive ?? false;
  }

  /** Keys of files that have (or had) a run, most recent last. */
  files(): string[] {
    return [...this.runStates.keys()];
  }

  /**
   * Train/Step/Backprop on a file. A paused or running run of the same file continues in the new mode;
   * a run of another file is stopped first (the worker runs one file at a time). `backend` runs it on the
   * built-in engine or on the learner's Python and PyTorch; `processes` > 1 runs it there under torchrun.
   */
  async start(
    document: vscode.TextDocument,
    mode: RunMode,
    backend: Backend = 'builtin',
    processes = 1,
  ): Promise<void> {
    const key = document.uri.toString();
    if (this.current?.key === key && this.isActive(key)) {
      this.getRunner().continue(mode);
      return;
    }
    if (this.current && this.isActive(this.current.key)) {
      this.getRunner().stop();
      await this.current.done.catch(() => undefined);
    }
    const settings = readSettings();
    // The runner numbers runs itself; until its first event names the run, a negative placeholder is used.
    const runId = -this.nextPlaceholder++;
    const file = document.uri.scheme === 'file' ? document.fileName : path.basename(document.uri.path);
    const state = new RunState(runId, file, mode, 'starting');
    // Re-inserting moves the file to the end of files(): the most recent run.
    this.runStates.delete(key);
    this.runStates.set(key, state);
    this.runFiles.set(runId, key);
    this.batchers.get(key)?.take();
    this.stateEmitter.fire(key);
    // Views learn about the new run from a fresh snapshot (their old one belongs to the previous run).
    this.resetEmitter.fire(key);
    const request: RunOptions = {
      file,
      source: document.getText(),
      mode,
      seed: settings.seed,
      pauseOnNaN: settings.pauseOnNaN,
      updatesPerSecond: settings.updatesPerSecond,
      maxStepsPerSecond: this.slowMotion,
      // The python backend runs `python FILE` from the file's folder, as the built-in runtime does.
      cwd: document.uri.scheme === 'file' ? path.dirname(file) : undefined,
      processes: backend === 'python' ? processes : 1,
    };
    this.replaceStaleRunner(backend);
    const runner = this.getRunner(backend);
    const done = runner.run(request).catch((err: unknown) => this.runFailed(runId, err));
    this.current = { key, runId, done, runner };
  }

  /** The worker could not run the file at all (it crashed or failed to load): record it as a failed run. */
  private runFailed(placeholder: number, err: unknown): void {
    const runId = this.current?.runId ?? placeholder;
    const message = err instanceof Error ? err.message : String(err);
    this.handle({ type: 'error', runId, kind: 'WorkerError', message, pos: null, traceback: message });
    this.handle({
      type: 'finished',
      runId,
      status: 'failed',
      wallMs: 0,
      steps: this.runStates.get(this.runFiles.get(runId) ?? '')?.steps ?? 0,
    });
  }

  continue(key: string, mode: RunMode): void {
    if (this.current?.key === key && this.isActive(key)) this.getRunner().continue(mode);
  }

  pause(key: string): void {
    if (this.current?.key === key && this.isActive(key)) this.getRunner().pause();
  }

  stop(key: string): void {
    if (this.current?.key === key && this.isActive(key)) this.getRunner().stop();
  }

  private handle(event: RunEvent, from?: RunnerLike): void {
    if (event.type === 'ready') return;
    if (from === this.current?.runner) this.bindRunId(event.runId);
    const key = this.runFiles.get(event.runId);
    if (!key) return;
    const state = this.runStates.get(key);
    if (!state || state.runId !== event.runId) return; // a run replaced by a newer one of the file
    state.apply(event, Date.now());
    this.eventEmitter.fire({ key, event });
    let batcher = this.batchers.get(key);
    if (!batcher) {
      batcher = new EventBatcher();
      this.batchers.set(key, batcher);
    }
    batcher.push(event);
    if (isStateChange(event)) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** The first event of a new run tells the runner's number for it. */
  private bindRunId(runId: number): void {
    const current = this.current;
    if (!current || current.runId >= 0 || runId <= 0 || this.runFiles.has(runId)) return;
    const state = this.runStates.get(current.key);
    if (!state || state.runId !== current.runId) return;
    this.runFiles.delete(current.runId);
    state.runId = runId;
    current.runId = runId;
    this.runFiles.set(runId, current.key);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const [key, batcher] of this.batchers) {
      if (batcher.size === 0) continue;
      this.batchEmitter.fire({ key, events: batcher.take() });
      this.stateEmitter.fire(key);
    }
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.current && this.isActive(this.current.key)) this.current.runner.stop();
    for (const runner of this.runners.values()) void runner.dispose();
    this.batchEmitter.dispose();
    this.resetEmitter.dispose();
    this.stateEmitter.dispose();
    this.eventEmitter.dispose();
  }
}
