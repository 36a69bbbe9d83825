// One run inside the worker: resets what a new python3 process would have fresh, mounts the file's folder,
// runs the file as __main__ (src/python/_bl_run.py), reports how it ended as python3 would (a traceback of
// the learner's frames, an exit status for sys.exit and os._exit), then finishes the way python3 exits
// (atexit handlers, open files flushed and closed). The RunReporter turns what happens meanwhile into events.
import fs from 'node:fs';
import path from 'node:path';
import type { PyodideInterface } from 'pyodide';
import { setGradEnabled } from '../engine/autograd';
import type { RunEvent, RunRequest } from '../protocol';
import type { WorkerControl } from './control';
import { errorFromHost, errorFromPython, type PythonFailure } from './errors';
import { RunReporter, type PythonProbe } from './runReporter';
import { stage, stagesBegin } from './startup';

/** PyTorch's default CPU seed: each run starts as a fresh `python` process would. */
const DEFAULT_TORCH_SEED = 67280421310721;

/** What _bl_run.run_file returns: nothing (ran to the end), an exit status (sys.exit) or the exception. */
type PythonOutcome = PythonFailure | { exit: number } | null;

/** How a run ended, for its `finished` event. */
interface Ending {
  status: 'finished' | 'stopped' | 'failed';
  exitCode: number;
  /** Pyodide can no longer be used (os._exit, a fatal error): this worker must not run anything more. */
  dead: boolean;
}

/** 128 random bits for Python's `random` (not for cryptography: a fresh process' unpredictable seed). */
function entropy(): bigint {
  let n = 0n;
  for (let i = 0; i < 4; i++) n = (n << 32n) | BigInt(Math.floor(Math.random() * 0x100000000));
  return n;
}

/**
 * The _bl_run module, taken once before the learner's code runs: importing it again while their frames are
 * on the stack (a hook asking for the current line) would be refused by the import guard (_bl_guard.py).
 */
const helperModules = new WeakMap<PyodideInterface, ReturnType<PyodideInterface['pyimport']>>();

/** Calls a function of _bl_run and converts its result to plain JS. */
export function callHelper<T>(py: PyodideInterface, name: string, ...args: unknown[]): T | null {
  let helpers = helperModules.get(py);
  if (!helpers) {
    helpers = py.pyimport('_bl_run');
    helperModules.set(py, helpers);
  }
  const fn = helpers[name];
  try {
    const result = fn(...args);
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && 'toJs' in result) {
      const js = result.toJs({ dict_converter: Object.fromEntries });
      result.destroy();
      return js as T;
    }
    return result as T;
  } finally {
    fn.destroy();
  }
}

/**
 * Makes the folder of a file that exists on disk visible to Python at the same absolute path (Pyodide's
 * NODEFS), so the script can import its own modules and open files beside it, as with `python FILE`.
 * Returns the mounted path, or null (no such file on disk, or a path Pyodide itself uses).
 */
function mountScriptFolder(py: PyodideInterface, file: string): string | null {
  const full = path.resolve(file);
  if (!path.isAbsolute(full) || !fs.existsSync(full)) return null;
  const dir = path.dirname(full).split(path.sep).join('/');
  if (!dir.startsWith('/') || dir === '/') return null;
  const analysis = py.FS.analyzePath(dir, false);
  if (analysis.exists) {
    // Never mount over Pyodide's own folders (/lib, /home/pyodide, /tmp, ...): only an empty placeholder.
    if (!analysis.object || !py.FS.isDir(analysis.object.mode) || py.FS.readdir(dir).length > 2) return null;
    if (analysis.object.mounted) return null;
  } else {
    py.FS.mkdirTree(dir);
  }
  try {
    py.FS.mount(py.FS.filesystems.NODEFS, { root: path.dirname(full) }, dir);
    return dir;
  } catch {
    return null;
  }
}

/** The reporter's window into Python: positions, names, flushing, raising the stop's interrupt. */
function pythonProbe(py: PyodideInterface, file: string, ctl: WorkerControl): PythonProbe {
  const quietly = <T>(f: () => T, otherwise: T): T => {
    try {
      return f();
    } catch {
      return otherwise; // e.g. the stop's KeyboardInterrupt landed here
    }
  };
  return {
    userPosition: () =>
      quietly(() => {
        const pos = callHelper<[number, number]>(py, 'user_position', file);
        return pos ? { file, line: pos[0], column: pos[1] } : null;
      }, null),
    interrupt: () => {
      // Raises the stop's KeyboardInterrupt now if Python has not seen it yet (a PythonError that the bridge
      // lets through unchanged); once it has, the script's handler for it runs on undisturbed.
      if (ctl.interruptPending) py.checkInterrupt();
    },
    nameTensors: (tensors) =>
      quietly(
        () => callHelper<(string | null)[]>(py, 'name_tensors', file, tensors) ?? tensors.map(() => null),
        tensors.map(() => null),
      ),
    flushStreams: () => quietly(() => callHelper(py, 'flush_streams'), null),
  };
}

/** Pyodide's error for os._exit(n) (and for the end of the runtime): the status it exited with. */
function exitStatusOf(err: unknown): number | null {
  const e = err as { name?: string; status?: unknown } | null;
  return e && e.name === 'Exit' && typeof e.status === 'number' ? e.status : null;
}

/** Runs the file; returns how Python ended it, or throws what broke the runtime itself. */
function execute(py: PyodideInterface, req: RunRequest): PythonOutcome {
  stagesBegin();
  setGradEnabled(true);
  callHelper(py, 'reset_state', req.seed ?? DEFAULT_TORCH_SEED, entropy());
  callHelper(py, 'set_lr_scale', req.lrScale ?? 1);
  // Left mounted after the run: end_run() may still write the script's files, and the process is retired.
  const mounted = mountScriptFolder(py, req.file);
  stage('run: state reset, folder mounted');
  const outcome = callHelper<PythonOutcome>(py, 'run_file', req.source, req.file, req.argv ?? [req.file], mounted);
  stage('run: file ran');
  return outcome;
}

/** Reports how the run ended (an error event where python3 would print a traceback) and returns its ending. */
function conclude(
  req: RunRequest,
  outcome: PythonOutcome,
  fatal: unknown,
  stopped: boolean,
  send: (e: RunEvent) => void,
): Ending {
  const exited = exitStatusOf(fatal);
  if (exited !== null) return { status: 'finished', exitCode: exited, dead: true };
  if (stopped) return { status: 'stopped', exitCode: 130, dead: fatal !== null && !isPythonError(fatal) };
  if (fatal !== null) {
    send(stackOverflow(req.runId, fatal) ?? errorFromHost(req.runId, fatal, 'the Python runtime failed'));
    return { status: 'failed', exitCode: 1, dead: !isPythonError(fatal) };
  }
  if (outcome && 'exit' in outcome) return { status: 'finished', exitCode: outcome.exit, dead: false };
  if (outcome) {
    send(errorFromPython(req.runId, req.file, outcome));
    return { status: 'failed', exitCode: 1, dead: false };
  }
  return { status: 'finished', exitCode: 0, dead: false };
}

/**
 * Recursion deeper than the worker's stack holds (a limit raised far past 100000) ends Pyodide with a JS
 * stack overflow before Python's own check: reported as the RecursionError python3 would raise (the
 * runtime cannot say at which line any more).
 */
function stackOverflow(runId: number, err: unknown): RunEvent | null {
  if (!(err instanceof Error) || !/Maximum call stack size exceeded/.test(err.message)) return null;
  const message = 'maximum recursion depth exceeded (the stack ran out before the limit set by sys.setrecursionlimit)';
  return {
    type: 'error',
    runId,
    kind: 'RecursionError',
    message,
    pos: null,
    traceback: `RecursionError: ${message}\n`,
  };
}

function isPythonError(err: unknown): boolean {
  return err instanceof Error && err.constructor.name === 'PythonError';
}

/**
 * Runs one request to its end and sends its events, `finished` last. `setReporter` hands the run's reporter
 * to the worker's hooks (and takes it back with null). Returns false when Pyodide can no longer be used.
 */
export function runFile(
  py: PyodideInterface,
  req: RunRequest,
  ctl: WorkerControl,
  send: (e: RunEvent) => void,
  setReporter: (r: RunReporter | null) => void,
): boolean {
  const started = performance.now();
  const options = {
    runId: req.runId,
    mode: req.mode,
    pauseOnNaN: req.pauseOnNaN,
    updatesPerSecond: req.updatesPerSecond,
    quiet: req.quiet ?? false,
    maxStepsPerSecond: req.maxStepsPerSecond ?? 0,
  };
  const reporter = new RunReporter(options, send, ctl, pythonProbe(py, req.file, ctl));
  setReporter(reporter);
  send({ type: 'started', runId: req.runId, file: req.file, mode: req.mode });
  let outcome: PythonOutcome = null;
  let fatal: unknown = null;
  try {
    outcome = execute(py, req);
  } catch (err) {
    fatal = err;
  }
  if (fatal === null) {
    try {
      callHelper(py, 'show_open_figures');
    } catch {
      /* a stop or a broken figure as the file ends: the run's own outcome is what counts */
    }
  }
  reporter.finish();
  setReporter(null);
  const ending = conclude(req, outcome, fatal, ctl.stopRequested, send);
  ctl.endRun();
  if (!ending.dead) {
    try {
      callHelper(py, 'end_run');
    } catch {
      /* a second stop during the atexit handlers: the run is over either way */
    }
  }
  const wallMs = Math.round(performance.now() - started);
  send({
    type: 'finished',
    runId: req.runId,
    status: ending.status,
    wallMs,
    steps: reporter.steps,
    exitCode: ending.exitCode,
  });
  return !ending.dead;
}
