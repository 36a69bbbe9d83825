// The runtime's own process (bundled to dist/runtime-process.js), forked by runner.ts: the learner's file
// never runs inside the extension host (or the CLI's process). Its main thread hosts the Pyodide worker
// thread (dist/worker.js) and stays free while Python runs, so it can act on the host's IPC commands at any
// moment: pause/continue/stop become writes to the worker's shared control buffer (control.ts), and the
// script's output is read out of the shared output ring (outputRing.ts) as it is printed. A run that does not
// end within the grace period after a stop has its worker terminated here (its output is still passed on).
//
// The host starts it with `--max-old-space-size` and, where the runtime supports it, Node's permission
// model (runtimeProcess.ts); the worker gets the same heap limit as resourceLimits. One process serves one
// run (the host keeps a warmed spare), so every run starts as clean as a new `python3` process.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ProcessCommand, ProcessMessage, RunEvent, WorkerPost } from '../protocol';
import { createControlBuffers, HostControl } from './control';
import { createOutputRing, OutputReader } from './outputRing';
import { enableRelaxedSimd } from './relaxedSimd';

/** The config the host passes as argv[2] (JSON). */
export interface ProcessConfig {
  memoryLimitMB: number;
}

/** How often printed text is passed on while a run goes (the host batches it further for the views). */
const OUTPUT_POLL_MS = 20;
/**
 * The worker's stack: Pyodide's interpreter recurses on the native stack, so a learner's deep recursion
 * (after sys.setrecursionlimit) needs more than Node's default 4 MB to end in Python's RecursionError:
 * 1 GB holds a million Python frames (about 700 bytes each), the cap worker.ts puts on the limit. Only the
 * part a recursion uses is ever committed.
 */
const WORKER_STACK_MB = 1024;

const config = JSON.parse(process.argv[2] ?? '{}') as Partial<ProcessConfig>;
const memoryLimitMB = config.memoryLimitMB && config.memoryLimitMB > 0 ? config.memoryLimitMB : 4096;

enableRelaxedSimd(); // before the worker compiles the engine's kernels

const buffers = createControlBuffers();
const control = new HostControl(buffers);
const ring = createOutputRing();
const output = new OutputReader(ring);
let runId = 0;
let runStarted = 0;
let steps = 0;
let finished = false;
let stopTimer: NodeJS.Timeout | null = null;
let poll: NodeJS.Timeout | null = null;
/** Why the worker is gone ({kind, message}), once it is: a run asked for later fails with it. */
let lost: { kind: string; message: string } | null = null;

const send = (m: ProcessMessage): void => {
  if (process.connected) process.send!(m);
};

function passOutput(upTo?: number): void {
  for (const { stream, text } of output.drain(upTo)) send({ type: 'output', runId, stream, text });
}

const worker = new Worker(path.join(__dirname, 'worker.js'), {
  // No `execArgv`: the worker must inherit the permission flags (Node lifts the model in a worker given its
  // own execArgv, even an empty one).
  resourceLimits: { maxOldGenerationSizeMb: memoryLimitMB, stackSizeMb: WORKER_STACK_MB },
});

worker.on('message', (post: WorkerPost) => {
  output.messageArrived();
  passOutput(post.at);
  const e = post.event;
  if (!e) return;
  if (e.type === 'steps') steps = e.firstStep + e.losses.length;
  if (e.type === 'finished') endRun(e);
  else send(e);
});

/**
 * The worker ended (crashed, ran out of memory, was terminated after a stop): the run ends with the reason.
 * The process stays until the host retires it, so that these last messages are sure to arrive.
 */
function workerEnded(message: string, kind: string): void {
  if (lost) return;
  lost = { kind, message };
  passOutput();
  if (runId !== 0 && !finished) failRun();
  else if (runId === 0) send({ type: 'lost', reason: message });
}

function failRun(): void {
  const stopped = control.stopRequested;
  if (!stopped && lost) {
    const { kind, message } = lost;
    send({ type: 'error', runId, kind, message, pos: null, traceback: `${kind}: ${message}\n` });
  }
  const wallMs = Math.round(performance.now() - runStarted);
  endRun({ type: 'finished', runId, status: stopped ? 'stopped' : 'failed', wallMs, steps });
}

worker.on('error', (err: Error & { code?: string }) => {
  if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    workerEnded(
      `the run used more than the ${memoryLimitMB} MB memory limit (setting backpropLens.memoryLimitMB)`,
      'MemoryError',
    );
  } else {
    workerEnded(`the Python runtime failed: ${err.message}`, 'RuntimeError');
  }
});
worker.on('exit', (code) => workerEnded(`the Python runtime exited (code ${code})`, 'RuntimeError'));

function endRun(e: Extract<RunEvent, { type: 'finished' }>): void {
  finished = true;
  if (stopTimer) clearTimeout(stopTimer);
  if (poll) clearInterval(poll);
  passOutput();
  send(e);
}

function onCommand(cmd: ProcessCommand): void {
  if (cmd.type === 'run') {
    runId = cmd.runId;
    runStarted = performance.now();
    finished = false;
    control.prepareRun(cmd.mode);
    if (lost) return failRun();
    worker.postMessage(cmd);
    poll = setInterval(() => {
      if (output.idle) passOutput();
    }, OUTPUT_POLL_MS);
  } else if (cmd.type === 'pause') control.pause();
  else if (cmd.type === 'continue') control.resume(cmd.mode);
  else if (cmd.type === 'stop') {
    control.stop();
    stopTimer ??= setTimeout(() => {
      // A bare `except:` swallowing the interrupts, or one long engine call: end the thread itself.
      if (!finished) void worker.terminate();
    }, cmd.graceMs);
  }
}

process.on('message', (cmd: ProcessCommand) => onCommand(cmd));
// The host went away (closed, crashed): nothing may outlive it.
process.on('disconnect', () => process.exit(0));
worker.postMessage({
  type: 'init',
  control: buffers.control,
  interrupt: buffers.interrupt,
  output: ring,
  memoryLimitMB,
});
