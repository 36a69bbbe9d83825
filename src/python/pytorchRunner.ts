// The Python backend: runs a learner's file on their own Python and PyTorch (GPUs, every layer PyTorch has)
// instead of the built-in engine, with the same public API and the same RunEvents as Runner (runner.ts).
// Each run is a child process `PYTHON backprop_lens_probe.py ... FILE` (src/python/real/): the probe runs the
// file unchanged under a few patches and writes RunEvents as JSON lines to descriptor 3; the host writes
// control commands (pause, continue, step, backprop) to descriptor 4. What the script prints arrives as
// `output` events (the probe captures sys.stdout/sys.stderr); anything written to the real descriptors by
// native code is passed on as output too. Stop is SIGINT (a KeyboardInterrupt in the script, as Ctrl-C),
// then, after stopTimeoutMs, SIGKILL of the child's whole process group (DataLoader workers included).
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { RunEvent, RunMode } from '../protocol';
import { listenForProbe, type ProbeSocket } from './probeSocket';
import { checkPython, findProbe, parseProbeLine, type TorchCheck } from './pytorchEnv';
import type { FinishedEvent, RunOptions } from './runner';

export interface PytorchRunnerOptions {
  /** The build output (dist/), where the probe lives in probe/. */
  distDir: string;
  /** The interpreter: a path or a command on the PATH (default `python3`). */
  python?: string;
  /** How long a stopped run may take to end before its process group is killed (default 3 s). */
  stopTimeoutMs?: number;
  /** Working directory of the run (default: this process's, as `python FILE` from here). */
  cwd?: string;
  /** Most values copied back per tensor in a snapshot (the probe's --max-elements). */
  maxElements?: number;
}

interface ActiveRun {
  runId: number;
  child: ChildProcess;
  started: number;
  steps: number;
  resolve: (e: FinishedEvent) => void;
  /** The probe's `finished`, held until the process has closed its output (nothing may follow it). */
  finished: FinishedEvent | null;
  stopRequested: boolean;
  timers: NodeJS.Timeout[];
  stderrTail: string;
  sourceFile: string | null;
  /** Under torchrun: rank 0's connection (events in, commands out) instead of descriptors 3 and 4. */
  socket: ProbeSocket | null;
}

/** After the probe said `finished`, how long its process may take to exit before it is killed. */
const EXIT_GRACE_MS = 5000;

export class PytorchRunner extends EventEmitter {
  readonly python: string;
  private readonly distDir: string;
  private readonly stopTimeoutMs: number;
  private readonly cwd: string | undefined;
  private readonly maxElements: number | undefined;
  private checked: Promise<TorchCheck> | null = null;
  private active: ActiveRun | null = null;
  private nextRunId = 1;
  private disposed = false;

  constructor(options: PytorchRunnerOptions) {
    super();
    this.distDir = options.distDir;
    this.python = options.python ?? 'python3';
    this.stopTimeoutMs = options.stopTimeoutMs ?? 3000;
    this.cwd = options.cwd;
    this.maxElements = options.maxElements;
  }

  override on(event: 'event', listener: (e: RunEvent) => void): this {
    return super.on(event, listener);
  }

  /** Whether the interpreter runs Python 3.8+ with torch (asked once; `problem` says what to install). */
  check(): Promise<TorchCheck> {
    this.checked ??= checkPython(this.python);
    return this.checked;
  }

  /** Checks the interpreter ahead of the first run; rejects with what is missing and how to install it. */
  async warm(): Promise<void> {
    const result = await this.check();
    if (!result.ok) throw new Error(result.problem);
  }

  get running(): boolean {
    return this.active !== null;
  }

  /** Runs a file to its end (or stop/failure); resolves with the `finished` event. */
  run(options: RunOptions): Promise<FinishedEvent> {
    if (this.disposed) return Promise.reject(new Error('PytorchRunner is disposed'));
    if (this.active) return Promise.reject(new Error('a run is already in progress'));
    let probe: string;
    try {
      probe = findProbe(this.distDir);
    } catch (err) {
      return Promise.reject(err);
    }
    if ((options.processes ?? 1) > 1) return this.runTorchrun(probe, options);
    const runId = this.nextRunId++;
    const sourceFile = this.unsavedSource(options);
    const args = [probe, ...this.probeArgs(runId, options, sourceFile, 'fd:3', 'fd:4')];
    const child = this.spawnProbe(args, options, {}, ['ignore', 'pipe', 'pipe', 'pipe', 'pipe']);
    return new Promise<FinishedEvent>((resolve) => this.begin(runId, child, resolve, sourceFile, null));
  }

  /**
   * `python _blp_torchrun.py --standalone --nproc_per_node N probe.py ...` (torchrun): every rank runs the file,
   * rank 0's probe reports over a TCP connection to this process (see probeSocket.ts).
   */
  private async runTorchrun(probe: string, options: RunOptions): Promise<FinishedEvent> {
    const runId = this.nextRunId++;
    let run: ActiveRun | null = null;
    const socket = await listenForProbe(
      (line) => {
        const e = parseProbeLine(line);
        if (e && run) this.onEvent(run, e);
      },
      () => undefined,
    );
    if (this.disposed || this.active) {
      socket.close();
      throw new Error(this.disposed ? 'PytorchRunner is disposed' : 'a run is already in progress');
    }
    const sourceFile = this.unsavedSource(options);
    // torchrun, fixed for PyTorch 1.13 on Python 3.11+ (_blp_torchrun.py): a single machine, N processes.
    const torchrun = path.join(path.dirname(probe), '_blp_torchrun.py');
    const launcher = [torchrun, '--standalone', `--nproc_per_node=${options.processes}`];
    const events = `tcp:127.0.0.1:${socket.port}`;
    const args = [...launcher, probe, ...this.probeArgs(runId, options, sourceFile, events, 'tcp')];
    const child = this.spawnProbe(args, options, { BACKPROP_LENS_TOKEN: socket.token }, ['ignore', 'pipe', 'pipe']);
    return new Promise<FinishedEvent>((resolve) => {
      run = this.begin(runId, child, resolve, sourceFile, socket);
    });
  }

  private probeArgs(runId: number, options: RunOptions, sourceFile: string | null, events: string, control: string) {
    const args = ['--events', events, '--control', control, '--no-echo'];
    args.push('--run-id', String(runId), '--mode', options.mode ?? 'train');
    args.push('--updates-per-second', String(options.updatesPerSecond ?? 10));
    if (options.seed != null) args.push('--seed', String(options.seed));
    if (options.pauseOnNaN) args.push('--pause-on-nan');
    if (options.quiet) args.push('--quiet');
    if (this.maxElements) args.push('--max-elements', String(this.maxElements));
    if (sourceFile) args.push('--source', sourceFile);
    args.push(options.file);
    return args;
  }

  private spawnProbe(
    args: string[],
    options: RunOptions,
    env: Record<string, string>,
    stdio: ('ignore' | 'pipe')[],
  ): ChildProcess {
    return spawn(this.python, args, {
      cwd: options.cwd ?? this.cwd,
      env: { ...process.env, PYTHONUNBUFFERED: '1', PYTHONIOENCODING: 'utf-8', ...env },
      stdio,
      // Its own process group: a terminal's Ctrl-C reaches only us (stop() passes it on), and a kill takes
      // the workers the script started with it.
      detached: true,
    });
  }

  private begin(
    runId: number,
    child: ChildProcess,
    resolve: (e: FinishedEvent) => void,
    sourceFile: string | null,
    socket: ProbeSocket | null,
  ): ActiveRun {
    const run: ActiveRun = {
      runId,
      child,
      started: Date.now(),
      steps: 0,
      resolve,
      finished: null,
      stopRequested: false,
      timers: [],
      stderrTail: '',
      sourceFile,
      socket,
    };
    this.active = run;
    this.attach(run);
    return run;
  }

  /** Pauses a running file at its next phase boundary (a loss function's call or return, a backward, an update). */
  pause(): void {
    this.command('pause');
  }

  /** Resumes a paused run in `mode` (which may differ from the mode it started in). */
  continue(mode: RunMode): void {
    this.command(mode === 'train' ? 'continue' : mode);
  }

  /** Stops the run: KeyboardInterrupt in the script; its processes are killed after stopTimeoutMs. */
  stop(): void {
    const run = this.active;
    if (!run || run.stopRequested) return;
    run.stopRequested = true;
    signal(run.child, 'SIGINT', false);
    run.timers.push(setTimeout(() => this.kill(run), this.stopTimeoutMs));
  }

  /** Ends a run in progress (as stopped) and its processes. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const run = this.active;
    if (!run) return;
    run.stopRequested = true;
    this.kill(run);
  }

  private command(word: string): void {
    const run = this.active;
    if (run?.socket && !run.finished) return run.socket.write(`${word}\n`);
    const control = run?.child.stdio[4] as Writable | undefined;
    if (!run || run.finished || !control || control.destroyed) return;
    control.write(`${word}\n`);
  }

  /** Unsaved editor text goes to a temporary file the probe reads (tracebacks still name `file`). */
  private unsavedSource(options: RunOptions): string | null {
    if (options.source === undefined) return null;
    try {
      if (fs.readFileSync(options.file, 'utf8') === options.source) return null;
    } catch {
      /* not on disk: run the text */
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backprop-lens-'));
    const file = path.join(dir, path.basename(options.file));
    fs.writeFileSync(file, options.source);
    return file;
  }

  private attach(run: ActiveRun): void {
    const { child } = run;
    if (!run.socket) {
      const events = child.stdio[3] as Readable;
      readline.createInterface({ input: events, crlfDelay: Infinity }).on('line', (line) => {
        const e = parseProbeLine(line);
        if (e) this.onEvent(run, e);
      });
      (child.stdio[4] as Writable).on('error', () => undefined); // the probe may be gone before a command
    }
    for (const stream of ['stdout', 'stderr'] as const) {
      const pipe = child[stream]!;
      pipe.setEncoding('utf8');
      pipe.on('data', (text: string) => {
        if (stream === 'stderr') run.stderrTail = (run.stderrTail + text).slice(-2000);
        if (this.active === run)
          this.emit('event', { type: 'output', runId: run.runId, stream, text } satisfies RunEvent);
      });
    }
    child.on('error', (err) => {
      const problem =
        (err as NodeJS.ErrnoException).code === 'ENOENT'
          ? `Python was not found: '${this.python}'. Install Python 3 with PyTorch, or choose the interpreter (--python PATH).`
          : `could not start '${this.python}': ${err.message}`;
      this.fail(run, problem);
    });
    child.on('close', (code, sig) => this.onClose(run, code, sig));
  }

  private onEvent(run: ActiveRun, e: RunEvent): void {
    if (this.active !== run) return;
    if ('runId' in e && e.runId !== run.runId) return;
    if (e.type === 'steps') run.steps = e.firstStep + e.losses.length;
    if (e.type === 'finished') {
      // Held until the process has closed its pipes, so native output still comes before it.
      run.finished = e;
      run.timers.push(setTimeout(() => this.kill(run), EXIT_GRACE_MS));
      return;
    }
    this.emit('event', e);
  }

  private onClose(run: ActiveRun, code: number | null, sig: NodeJS.Signals | null): void {
    if (this.active !== run) return;
    if (run.finished) return this.finish(run, run.finished);
    const wallMs = Date.now() - run.started;
    if (run.stopRequested) {
      return this.finish(run, {
        type: 'finished',
        runId: run.runId,
        status: 'stopped',
        wallMs,
        steps: run.steps,
        exitCode: code ?? 130,
      });
    }
    if (code === 0) {
      // os._exit(0) in the script: it ended without the probe's report, but not in failure.
      return this.finish(run, {
        type: 'finished',
        runId: run.runId,
        status: 'finished',
        wallMs,
        steps: run.steps,
        exitCode: 0,
      });
    }
    const tail = run.stderrTail.trim().split('\n').slice(-3).join('\n');
    const how = sig ? `was killed (${sig})` : `exited with status ${code}`;
    this.fail(run, `the Python process ${how} before the run ended${tail ? `: ${tail}` : ''}`, code ?? 1);
  }

  private fail(run: ActiveRun, message: string, exitCode = 1): void {
    if (this.active !== run) return;
    this.emit('event', {
      type: 'error',
      runId: run.runId,
      kind: 'RuntimeError',
      message,
      pos: null,
      traceback: `RuntimeError: ${message}\n`,
    } satisfies RunEvent);
    this.finish(run, {
      type: 'finished',
      runId: run.runId,
      status: 'failed',
      wallMs: Date.now() - run.started,
      steps: run.steps,
      exitCode,
    });
  }

  /** SIGKILL for the run's process group; the run ends as stopped at once. */
  private kill(run: ActiveRun): void {
    if (this.active !== run) return;
    signal(run.child, 'SIGKILL', true);
    const finished = run.finished ?? {
      type: 'finished',
      runId: run.runId,
      status: 'stopped',
      wallMs: Date.now() - run.started,
      steps: run.steps,
      exitCode: 137,
    };
    this.finish(run, finished);
  }

  private finish(run: ActiveRun, e: FinishedEvent): void {
    if (this.active !== run) return;
    this.active = null;
    for (const t of run.timers) clearTimeout(t);
    run.socket?.close();
    if (run.sourceFile) fs.rmSync(path.dirname(run.sourceFile), { recursive: true, force: true });
    this.emit('event', e);
    run.resolve(e);
  }
}

/** Sends `sig` to the child, or to its whole process group (the child leads one: `detached`). */
function signal(child: ChildProcess, sig: NodeJS.Signals, group: boolean): void {
  if (child.pid === undefined) return;
  try {
    if (group && process.platform !== 'win32') process.kill(-child.pid, sig);
    else if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  } catch {
    /* already gone */
  }
}
