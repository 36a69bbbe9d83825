// The worker_threads entry (bundled to dist/worker.js): owns one Pyodide and runs one file at a time.
// Commands arrive as WorkerCommand messages (`init`, then `run`s); everything the run does goes back as
// RunEvents. A run is one synchronous Python call, so pause/stop arrive through shared memory (control.ts),
// never through this thread's message queue.
// Started with workerData { makeSnapshot: true } (by scripts/prepare-python.mjs at build time), it instead
// makes the start-up snapshot, posts it and ends.
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { PyodideInterface } from 'pyodide';
import { onBackward, setGradEnabled } from '../engine/autograd';
import { onOptimizerStep } from '../engine/optim';
import type { RunEvent, RunRequest, WorkerCommand } from '../protocol';
import { WorkerControl } from './control';
import { errorFromHost, errorFromPython, type PythonFailure } from './errors';
import type { ShimHooks } from './hooks';
import { Recorder } from './recorder';
import { makeStartupSnapshot, stage, stagesBegin, startPython } from './startup';

/** PyTorch's default CPU seed: each run starts as a fresh `python` process would. */
const DEFAULT_TORCH_SEED = 67280421310721;

const port = parentPort;
if (!port) throw new Error('worker.js must run in a worker thread');
const send = (e: RunEvent): void => port.postMessage(e);

let recorder: Recorder | null = null;
let control: WorkerControl | null = null;
let python: Promise<PyodideInterface> | null = null;
/** Commands run strictly one after another (a run may arrive while Pyodide is still loading). */
let queue: Promise<void> = Promise.resolve();

const hooks: ShimHooks = {
  modelSeen: (modules, params) => recorder?.modelSeen(modules, params),
  moduleForward: (path, output) => recorder?.moduleForward(path, output),
  hint: (message) => recorder?.hint(message),
  write: (stream, text) => {
    if (recorder) recorder.write(stream, text);
    else send({ type: 'output', runId: 0, stream, text });
  },
};
onBackward((root) => recorder?.backward(root));
onOptimizerStep((optimizer, lrs) => recorder?.optimizerStep(optimizer, lrs));

async function init(cmd: Extract<WorkerCommand, { type: 'init' }>): Promise<void> {
  control = new WorkerControl({ control: cmd.control, interrupt: cmd.interrupt });
  const started = performance.now();
  python = startPython(__dirname, hooks).then(({ py, shimError }) => {
    py.setInterruptBuffer(control!.interrupt);
    // Not printed by default: the user's output must stay their script's own (`import torch` re-raises it).
    if (shimError && process.env.BACKPROP_LENS_DEBUG) process.stderr.write(`backprop-lens: torch is unavailable: ${shimError}\n`);
    return py;
  });
  await python;
  send({ type: 'ready', loadMs: Math.round(performance.now() - started) });
}

/** 128 random bits for Python's `random` (not for cryptography: a fresh process' unpredictable seed). */
function entropy(): bigint {
  let n = 0n;
  for (let i = 0; i < 4; i++) n = (n << 32n) | BigInt(Math.floor(Math.random() * 0x100000000));
  return n;
}

/** Calls a function of _bl_run and converts its result to plain JS. */
function callHelper<T>(py: PyodideInterface, name: string, ...args: unknown[]): T | null {
  const fn = py.pyimport(`_bl_run.${name}`);
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

function unmount(py: PyodideInterface, dir: string): void {
  try {
    py.FS.unmount(dir);
  } catch {
    /* already gone */
  }
}

function run(py: PyodideInterface, req: RunRequest): void {
  const ctl = control!;
  const started = performance.now();
  const rec = new Recorder(
    {
      runId: req.runId,
      mode: req.mode,
      pauseOnNaN: req.pauseOnNaN,
      updatesPerSecond: req.updatesPerSecond,
      quiet: req.quiet ?? false,
    },
    send,
    ctl,
    {
      userPosition: () => {
        try {
          const pos = callHelper<[number, number]>(py, 'user_position', req.file);
          return pos ? { file: req.file, line: pos[0], column: pos[1] } : null;
        } catch {
          return null; // e.g. the stop's KeyboardInterrupt landed here
        }
      },
      interrupt: () => {
        // Throws a PythonError carrying KeyboardInterrupt; the bridge lets it through unchanged.
        ctl.reassertStop();
        py.checkInterrupt();
      },
      nameTensors: (tensors) => {
        try {
          return callHelper<(string | null)[]>(py, 'name_tensors', req.file, tensors) ?? tensors.map(() => null);
        } catch {
          return tensors.map(() => null);
        }
      },
      flushStreams: () => {
        try {
          callHelper(py, 'flush_streams');
        } catch {
          /* as above */
        }
      },
    },
  );
  recorder = rec;
  send({ type: 'started', runId: req.runId, file: req.file, mode: req.mode });
  let failure: PythonFailure | null = null;
  let fatal: unknown = null;
  let mounted: string | null = null;
  try {
    stagesBegin();
    setGradEnabled(true);
    callHelper(py, 'reset_state', req.seed ?? DEFAULT_TORCH_SEED, entropy());
    mounted = mountScriptFolder(py, req.file);
    stage('run: state reset, folder mounted');
    failure = callHelper<PythonFailure>(py, 'run_file', req.source, req.file, [req.file], mounted);
    stage('run: file ran');
  } catch (err) {
    fatal = err;
  } finally {
    if (mounted) unmount(py, mounted);
  }
  rec.finish();
  recorder = null;
  const stopped = ctl.stopRequested;
  let status: 'finished' | 'stopped' | 'failed' = 'finished';
  if (stopped) status = 'stopped';
  else if (fatal) {
    status = 'failed';
    send(errorFromHost(req.runId, fatal, 'the Python runtime failed'));
  } else if (failure) {
    status = 'failed';
    send(errorFromPython(req.runId, req.file, failure));
  }
  ctl.endRun();
  send({ type: 'finished', runId: req.runId, status, wallMs: Math.round(performance.now() - started), steps: rec.steps });
  // Anything but a Python exception means Pyodide itself broke: end this thread; the host starts another.
  if (fatal && !(fatal instanceof Error && fatal.constructor.name === 'PythonError')) process.exit(1);
}

function serve(): void {
  port!.on('message', (cmd: WorkerCommand) => {
    queue = queue.then(async () => {
      if (cmd.type === 'init') return init(cmd);
      if (!python) throw new Error('run before init');
      run(await python, cmd);
    });
    queue.catch((err) => {
      // Loading failed: nothing can run in this worker; the host sees the thread exit with this error.
      setImmediate(() => {
        throw err;
      });
    });
  });
}

if ((workerData as { makeSnapshot?: boolean } | null)?.makeSnapshot) {
  makeStartupSnapshot(__dirname).then(
    ({ file, info }) => port.postMessage({ snapshot: file, info }),
    (err) => {
      throw err;
    },
  );
} else {
  serve();
}
