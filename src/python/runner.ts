// The host side of the Python runtime, used by the CLI and the extension. Each run happens in a process of
// its own (runtimeProcess.ts / process.ts): a crash, an out-of-memory or os._exit there ends the run with an
// error event, never the extension host, and every run starts as clean as a new `python3` process because
// a process serves one run and is then retired. To keep start-up fast, a spare process is started (Pyodide
// loaded, torch imported) while a run goes, so the next run begins at once; `warm()` starts one early.
// Stopping must always work: the process terminates its worker when a stopped run does not end within
// stopTimeoutMs, and the host kills a process that does not answer at all.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { ProcessMessage, RunEvent, RunMode, RunRequest } from '../protocol';
import { readPythonSource } from './pythonSource';
import { RuntimeProcess, supportedPermissionFlag } from './runtimeProcess';

export type FinishedEvent = Extract<RunEvent, { type: 'finished' }>;

export const DEFAULT_MEMORY_LIMIT_MB = 4096;

export interface RunnerOptions {
  /** The folder holding runtime-process.js, worker.js, pyodide/ and python/ (the build output). */
  distDir: string;
  /** How long a stopped run may take to end before its worker is terminated. */
  stopTimeoutMs?: number;
  /** Most MB a run may use (V8 heap and tensors); read when a process starts. */
  memoryLimitMB?: number | (() => number);
  /** Folders a run may read and write besides its file's own and the temp folder (the workspace's). */
  folders?: () => string[];
  /** Keep a loaded spare process for the next run (default true; the CLI's single run needs none). */
  spare?: boolean;
  /**
   * Run under Node's permission model where the runtime has one (default true); a string forces that flag
   * (tests: a flag the runtime refuses makes the runner fall back to running without the model).
   */
  permissions?: boolean | string;
}

/** What a caller gives for a run; everything but the file has a default. */
export interface RunOptions {
  file: string;
  /** sys.argv (default `[file]`). */
  argv?: string[];
  /** The text to run; read from `file` when absent. */
  source?: string;
  mode?: RunMode;
  seed?: number | null;
  pauseOnNaN?: boolean;
  updatesPerSecond?: number;
  quiet?: boolean;
  /** Slow motion: at most this many steps a second (0: full speed). */
  maxStepsPerSecond?: number;
  /** Multiplies every optimizer's lr at construction (the lr comparison); default 1. */
  lrScale?: number;
  /** Python backend: the working directory of the run's process (the built-in runtime uses the file's folder). */
  cwd?: string;
  /** Python backend: run under torchrun with this many processes (rank 0 reports); 1 or absent: plain `python`. */
  processes?: number;
}

interface ActiveRun {
  request: RunRequest;
  proc: RuntimeProcess;
  started: number;
  steps: number;
  resolve: (e: FinishedEvent) => void;
  stopTimer: NodeJS.Timeout | null;
  /** Started again once already (the runtime refused the permission flag). */
  retried: boolean;
}

/** Extra time the process gets, after its own grace period, before the host kills it outright. */
const KILL_AFTER_MS = 2000;

/** The folder of a file that exists on disk (the process must be allowed to read it), else null. */
function diskFolder(file: string): string | null {
  const full = path.resolve(file);
  return fs.existsSync(full) ? path.dirname(full) : null;
}

export class Runner extends EventEmitter {
  private readonly options: RunnerOptions;
  private readonly stopTimeoutMs: number;
  private permissionFlag: string | null;
  private spare: RuntimeProcess | null = null;
  private active: ActiveRun | null = null;
  private nextRunId = 1;
  private disposed = false;

  constructor(options: RunnerOptions) {
    super();
    this.options = options;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 1000;
    const permissions = options.permissions ?? true;
    this.permissionFlag =
      typeof permissions === 'string' ? permissions : permissions ? supportedPermissionFlag() : null;
  }

  override on(event: 'event', listener: (e: RunEvent) => void): this {
    return super.on(event, listener);
  }

  /** Starts a process and loads Python (and torch) in it so the next run begins at once. */
  warm(): Promise<void> {
    if (this.disposed) return Promise.reject(new Error('Runner is disposed'));
    const spare = (this.spare ??= this.startProcess(null));
    return spare.ready.catch((err: unknown) => {
      // This runtime (an Electron build, say) has no permission model after all: warm one without it.
      if (spare.refusedPermissionFlag && this.permissionFlag === null) return this.warm();
      throw err;
    });
  }

  get running(): boolean {
    return this.active !== null;
  }

  /** The id of the process running the current run (for diagnostics and tests). */
  get pid(): number | undefined {
    return this.active?.proc.pid;
  }

  /** The id of the loaded spare process the next run will use, if one is waiting (for diagnostics and tests). */
  get sparePid(): number | undefined {
    return this.spare?.pid;
  }

  /** Whether the runtime runs under Node's permission model (the flag, or null). */
  get permissionModel(): string | null {
    return this.permissionFlag;
  }

  /** Runs a file to its end (or stop/failure); resolves with the `finished` event. */
  async run(options: RunOptions): Promise<FinishedEvent> {
    if (this.disposed) throw new Error('Runner is disposed');
    if (this.active) throw new Error('a run is already in progress');
    const request: RunRequest = {
      type: 'run',
      runId: this.nextRunId++,
      file: options.file,
      ...(options.argv ? { argv: options.argv } : {}),
      source: options.source ?? readPythonSource(options.file),
      mode: options.mode ?? 'train',
      seed: options.seed ?? null,
      pauseOnNaN: options.pauseOnNaN ?? false,
      updatesPerSecond: options.updatesPerSecond ?? 10,
      quiet: options.quiet ?? false,
      ...(options.maxStepsPerSecond ? { maxStepsPerSecond: options.maxStepsPerSecond } : {}),
      ...(options.lrScale !== undefined && options.lrScale !== 1 ? { lrScale: options.lrScale } : {}),
    };
    return new Promise<FinishedEvent>((resolve) => {
      const proc = this.takeProcess(diskFolder(request.file));
      this.active = { request, proc, started: Date.now(), steps: 0, resolve, stopTimer: null, retried: false };
      proc.send(request);
    });
  }

  /** Pauses a running file at its next phase boundary (after a backward or an optimizer step). */
  pause(): void {
    this.active?.proc.send({ type: 'pause' });
  }

  /** Resumes a paused run in `mode` (which may differ from the mode it started in). */
  continue(mode: RunMode): void {
    this.active?.proc.send({ type: 'continue', mode });
  }

  /** Stops the run: KeyboardInterrupt in Python; after stopTimeoutMs its worker is terminated. */
  stop(): void {
    const run = this.active;
    if (!run) return;
    run.proc.send({ type: 'stop', graceMs: this.stopTimeoutMs });
    run.stopTimer ??= setTimeout(() => {
      if (this.active === run) run.proc.kill('SIGKILL'); // the process itself did not answer: 'exit' ends the run
    }, this.stopTimeoutMs + KILL_AFTER_MS);
  }

  /** Ends every process; a run in progress finishes as stopped. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const run = this.active;
    if (run)
      this.finish(run, {
        type: 'finished',
        runId: run.request.runId,
        status: 'stopped',
        wallMs: Date.now() - run.started,
        steps: run.steps,
      });
    const procs = [run?.proc, this.spare].filter((p): p is RuntimeProcess => !!p);
    this.spare = null;
    await Promise.all(procs.map((p) => this.retire(p)));
  }

  /** The spare when it may read the file's folder, else a new process that may. */
  private takeProcess(folder: string | null): RuntimeProcess {
    const spare = this.spare;
    if (spare && spare.memoryLimitMB !== this.memoryLimitMB()) {
      this.spare = null; // the setting changed since it started
      void this.retire(spare);
    } else if (spare && spare.exitReason === null && spare.allows(folder)) {
      this.spare = null;
      return spare;
    }
    // A file outside the folders the spare may read: a process of its own; the spare stays for the others.
    return this.startProcess(folder);
  }

  private memoryLimitMB(): number {
    const limit =
      typeof this.options.memoryLimitMB === 'function' ? this.options.memoryLimitMB() : this.options.memoryLimitMB;
    return limit && Number.isFinite(limit) && limit > 0 ? Math.round(limit) : DEFAULT_MEMORY_LIMIT_MB;
  }

  private startProcess(folder: string | null): RuntimeProcess {
    const folders = [...(this.options.folders?.() ?? []), ...(folder ? [folder] : [])];
    const proc = new RuntimeProcess({
      distDir: this.options.distDir,
      memoryLimitMB: this.memoryLimitMB(),
      folders,
      permissionFlag: this.permissionFlag,
    });
    proc.on('message', (m: ProcessMessage) => this.onMessage(proc, m));
    proc.on('exit', () => this.onExit(proc));
    return proc;
  }

  private onMessage(proc: RuntimeProcess, e: ProcessMessage): void {
    if (e.type === 'lost') {
      // The worker of an idle process failed (Pyodide did not load): drop the process.
      if (this.spare === proc) this.spare = null;
      if (this.active?.proc !== proc) void this.retire(proc);
      return;
    }
    const run = this.active;
    // `ready` is what warm() waits for; a run's events begin with `started`.
    if (!run || run.proc !== proc || e.type === 'ready') return;
    if (e.type === 'steps') run.steps = e.firstStep + e.losses.length;
    if (e.type === 'started' && this.options.spare !== false && !this.disposed) void this.warm().catch(() => undefined);
    if (e.type === 'finished') return this.finish(run, e);
    this.emit('event', e);
  }

  /** A process ended: the run it was doing (if any) ends with the reason; a spare is simply dropped. */
  private onExit(proc: RuntimeProcess): void {
    if (this.spare === proc) this.spare = null;
    if (proc.refusedPermissionFlag) this.permissionFlag = null;
    const run = this.active;
    if (!run || run.proc !== proc) return;
    if (proc.refusedPermissionFlag && !run.retried) {
      // This runtime (an Electron build, say) has no permission model after all: run without it.
      run.retried = true;
      run.proc = this.startProcess(diskFolder(run.request.file));
      run.proc.send(run.request);
      return;
    }
    const stopped = run.stopTimer !== null;
    const reason = proc.exitReason!;
    if (!stopped) {
      this.emit('event', {
        type: 'error',
        runId: run.request.runId,
        kind: reason.kind,
        message: reason.message,
        pos: null,
        traceback: `${reason.kind}: ${reason.message}\n`,
      } satisfies RunEvent);
    }
    const status = stopped ? 'stopped' : 'failed';
    this.finish(run, {
      type: 'finished',
      runId: run.request.runId,
      status,
      wallMs: Date.now() - run.started,
      steps: run.steps,
    });
  }

  private finish(run: ActiveRun, e: FinishedEvent): void {
    if (this.active !== run) return;
    if (run.stopTimer) clearTimeout(run.stopTimer);
    this.active = null;
    void this.retire(run.proc); // one run per process: the next starts clean
    this.emit('event', e);
    run.resolve(e);
  }

  /** Ends a process; resolves once it has exited. */
  private retire(proc: RuntimeProcess): Promise<void> {
    if (proc.exitReason !== null) return Promise.resolve();
    const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill();
    return gone;
  }
}
