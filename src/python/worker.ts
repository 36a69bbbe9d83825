// The worker_threads entry (bundled to dist/worker.js), started by the runtime's own process (process.ts):
// owns one Pyodide and runs a file. Commands arrive as WorkerCommand messages (`init`, then a `run`);
// everything the run does goes back as RunEvents, and what it prints goes into the output ring
// (outputRing.ts). A run is one synchronous Python call, so pause/stop arrive through shared memory
// (control.ts), never through this thread's message queue.
// Started with workerData { makeSnapshot: true } (by scripts/prepare-python.mjs at build time), it instead
// makes the start-up snapshot, posts it and ends.
import { parentPort, workerData } from 'node:worker_threads';
import type { PyodideInterface } from 'pyodide';
import { onBackward, onBeforeBackward, onUntrackedInplace } from '../engine/autograd';
import { setMemoryLimitMB } from '../engine/memory';
import { onOptimizerStep } from '../engine/optim';
import type { RunEvent, WorkerCommand, WorkerPost } from '../protocol';
import { WorkerControl } from './control';
import type { ShimHooks } from './hooks';
import { OutputWriter } from './outputRing';
import { callHelper, runFile } from './runFile';
import type { RunReporter } from './runReporter';
import { makeStartupSnapshot, startPython } from './startup';

/** The deepest Python recursion the worker's stack holds (process.ts gives it 1 GB). */
const MAX_RECURSION_LIMIT = 1_000_000;

const port = parentPort;
if (!port) throw new Error('worker.js must run in a worker thread');
let output: OutputWriter | null = null;
const send = (event: RunEvent): void =>
  port.postMessage({ at: output ? output.beforePost() : 0, event } satisfies WorkerPost);

let reporter: RunReporter | null = null;
let control: WorkerControl | null = null;
let python: Promise<PyodideInterface> | null = null;
/** Commands run strictly one after another (a run may arrive while Pyodide is still loading). */
let queue: Promise<void> = Promise.resolve();

const hooks: ShimHooks = {
  modelSeen: (modules, params) => reporter?.modelSeen(modules, params),
  moduleForward: (path, out) => reporter?.moduleForward(path, out),
  hint: (message) => reporter?.hint(message),
  lossStart: (fn, reduction, input, target) => reporter?.lossStart(fn, reduction, input, target),
  lossEnd: (fn, reduction, loss) => reporter?.lossEnd(fn, reduction, loss),
  gradEnabled: () => reporter?.gradEnabled(),
  write: (stream, bytes) => output?.write(stream, bytes),
  figure: (figure) => reporter?.figure(figure),
  scalar: (chart, label, step, value) => reporter?.scalar(chart, label, step, value),
};
onBeforeBackward((root) => reporter?.beforeBackward(root));
onBackward((root) => reporter?.backward(root));
onUntrackedInplace((target, done) => reporter?.untrackedInplace(target, done));
onOptimizerStep((optimizer, lrs) => reporter?.optimizerStep(optimizer, lrs));

async function init(cmd: Extract<WorkerCommand, { type: 'init' }>): Promise<void> {
  control = new WorkerControl({ control: cmd.control, interrupt: cmd.interrupt });
  setMemoryLimitMB(cmd.memoryLimitMB);
  output = new OutputWriter(cmd.output, (at) => port!.postMessage({ at } satisfies WorkerPost));
  const started = performance.now();
  python = startPython(__dirname, hooks).then(({ py, shimError }) => {
    py.setInterruptBuffer(control!.interrupt);
    callHelper(py, 'install_recursion_cap', MAX_RECURSION_LIMIT);
    // time.time() with sub-millisecond ticks, as timers around one fast step expect.
    callHelper(py, 'install_clock');
    // A stop during time.sleep raises its KeyboardInterrupt from the sleep itself, at once.
    callHelper(py, 'install_sleep', (seconds: number) => {
      if (control!.sleep(seconds * 1000)) py.checkInterrupt();
    });
    // Not printed by default: the user's output must stay their script's own (`import torch` re-raises it).
    if (shimError && process.env.BACKPROP_LENS_DEBUG)
      process.stderr.write(`backprop-lens: torch is unavailable: ${shimError}\n`);
    return py;
  });
  await python;
  send({ type: 'ready', loadMs: Math.round(performance.now() - started) });
}

function serve(): void {
  port!.on('message', (cmd: WorkerCommand) => {
    queue = queue.then(async () => {
      if (cmd.type === 'init') return init(cmd);
      if (!python) throw new Error('no Python runtime in this worker (not started, or ended by the last run)');
      // A runtime that ended (os._exit, a fatal error) takes no more runs; the host retires the process anyway.
      if (!runFile(await python, cmd, control!, send, (r) => (reporter = r))) python = null;
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
