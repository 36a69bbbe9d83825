// backprop-lens CLI: runs a learner's file the way `python FILE` would, on our runtime.
//   backprop-lens run FILE.py [--events OUT.jsonl] [--seed N] [--backend builtin|python] [--python PATH]
//                             [--repeat N] [--memory-limit MB] [--mode train|step|backprop|phases] [--nproc N]
// `--mode step|backprop|phases` pauses as the extension's Step / Backprop / Step-through-phases do and
// continues each pause at once, so `--events` records every `paused` event (tests and teachers' scripts).
// `--repeat N` runs the file N times in one runtime, as clicking Train again does (each run starts clean);
// `--memory-limit` is what the extension's backpropLens.memoryLimitMB sets (default 4096).
// `--backend python` runs the file on the learner's own Python and PyTorch (src/python/pytorchRunner.ts);
// `--nproc N` runs it there under torchrun with N processes (rank 0 reports).
// Prints exactly what the script prints; on an uncaught exception a Python-style traceback limited to the
// user's file goes to stderr and the exit code is 1; `sys.exit(N)` exits with N. `--events` writes every
// RunEvent as one JSON line.
// Runtime warnings (a NaN loss) only go to the events file: the printed output stays the script's own.
import fs from 'node:fs';
import path from 'node:path';
import type { RunEvent, RunMode } from './protocol';
import { PytorchRunner } from './python/pytorchRunner';
import { readPythonSource } from './python/pythonSource';
import { Runner } from './python/runner';

const USAGE =
  'usage: backprop-lens run FILE.py [--events OUT.jsonl] [--seed N] [--backend builtin|python] [--python PATH]\n' +
  '                         [--repeat N] [--memory-limit MB] [--mode train|step|backprop|phases] [--nproc N]\n';

interface CliArgs {
  file: string;
  events: string | null;
  seed: number | null;
  backend: 'builtin' | 'python';
  python: string | null;
  repeat: number;
  memoryLimitMB: number | undefined;
  /** Pauses as the extension's Step/Backprop/Phases would, each continued at once (the events record them). */
  mode: RunMode;
  /** Python backend under torchrun: its processes (1: plain python). */
  processes: number;
}

const MODES: readonly RunMode[] = ['train', 'step', 'backprop', 'phases'];

function parseArgs(argv: string[]): CliArgs | string {
  const [command, ...rest] = argv;
  if (command !== 'run')
    return command === undefined || command === '--help' || command === '-h' ? '' : `unknown command '${command}'`;
  let file: string | null = null;
  let events: string | null = null;
  let seed: number | null = null;
  let backend: CliArgs['backend'] = 'builtin';
  let python: string | null = null;
  let repeat = 1;
  let memoryLimitMB: number | undefined;
  let mode: RunMode = 'train';
  let processes = 1;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--events') events = rest[++i] ?? null;
    else if (a === '--seed') {
      seed = Number(rest[++i]);
      if (!Number.isInteger(seed)) return '--seed needs an integer';
    } else if (a === '--backend') {
      const b = rest[++i];
      if (b !== 'builtin' && b !== 'python') return '--backend needs builtin or python';
      backend = b;
    } else if (a === '--python') {
      python = rest[++i] ?? null;
      if (!python) return '--python needs a path';
      backend = 'python';
    } else if (a === '--repeat') {
      repeat = Number(rest[++i]);
      if (!Number.isInteger(repeat) || repeat < 1) return '--repeat needs a positive integer';
    } else if (a === '--memory-limit') {
      memoryLimitMB = Number(rest[++i]);
      if (!Number.isInteger(memoryLimitMB) || memoryLimitMB < 64)
        return '--memory-limit needs a number of MB (64 or more)';
    } else if (a === '--mode') {
      const m = rest[++i] as RunMode;
      if (!MODES.includes(m)) return `--mode needs one of ${MODES.join(', ')}`;
      mode = m;
    } else if (a === '--nproc') {
      processes = Number(rest[++i]);
      if (!Number.isInteger(processes) || processes < 1) return '--nproc needs a positive integer';
      backend = 'python';
    } else if (a.startsWith('--')) return `unknown option '${a}'`;
    else if (file === null) file = a;
    else return `unexpected argument '${a}'`;
  }
  if (file === null) return 'no file given';
  if (events === null && rest.includes('--events')) return '--events needs a file name';
  return { file, events, seed, backend, python, repeat, memoryLimitMB, mode, processes };
}

/** JSON with typed arrays written as plain arrays (NaN/Infinity as null, as JSON.stringify does). */
function eventLine(e: RunEvent): string {
  return (
    JSON.stringify(e, (_key, value) => (ArrayBuffer.isView(value) ? Array.from(value as Float32Array) : value)) + '\n'
  );
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write((args ? `backprop-lens: ${args}\n` : '') + USAGE);
    return 2;
  }
  let source: string;
  try {
    source = readPythonSource(args.file);
  } catch (err) {
    if (!(err as NodeJS.ErrnoException).code) {
      // Not an I/O error: the coding line names an encoding there is no decoder for, as python3 says it.
      process.stderr.write(`SyntaxError: ${(err as Error).message}\n`);
      return 1;
    }
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : String(err);
    process.stderr.write(`backprop-lens: can't open file '${args.file}': ${reason}\n`);
    return 2;
  }
  const eventsOut = args.events ? fs.createWriteStream(args.events) : null;
  const runner =
    args.backend === 'python'
      ? new PytorchRunner({ distDir: __dirname, python: args.python ?? undefined })
      : new Runner({ distDir: __dirname, spare: args.repeat > 1, memoryLimitMB: args.memoryLimitMB });
  const closed = handleClosedPipes(runner);
  runner.on('event', (e) => {
    eventsOut?.write(eventLine(e));
    if (e.type === 'output') {
      if (!closed[e.stream]) (e.stream === 'stdout' ? process.stdout : process.stderr).write(e.text);
    } else if (e.type === 'error' && !closed.stderr) process.stderr.write(e.traceback);
    // Headless stepping: every pause is recorded (above) and continued at once in the same mode.
    else if (e.type === 'paused') runner.continue(args.mode);
  });
  // Ctrl-C stops the script as it would stop Python (KeyboardInterrupt), a second one ends at once.
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    runner.stop();
  });
  // As python3: tracebacks and __file__ name the file by its absolute path, sys.argv[0] as typed.
  // BACKPROP_LENS_LR_SCALE=0.1 runs the file with every optimizer's lr multiplied by 0.1 (the lr comparison).
  const lrScale = Number(process.env.BACKPROP_LENS_LR_SCALE ?? 1);
  const request = {
    file: path.resolve(args.file),
    argv: [args.file],
    source,
    mode: args.mode,
    seed: args.seed,
    lrScale: Number.isFinite(lrScale) && lrScale > 0 ? lrScale : 1,
    processes: args.processes,
  };
  let finished = await runner.run(request);
  for (let i = 1; i < args.repeat && finished.status !== 'stopped'; i++) finished = await runner.run(request);
  await runner.dispose();
  if (eventsOut) await new Promise<void>((resolve) => eventsOut.end(resolve));
  if (finished.status === 'stopped') return 130;
  if (finished.exitCode) return finished.exitCode; // sys.exit(N), os._exit(N)
  return finished.status === 'failed' ? 1 : 0;
}

/**
 * A reader that went away (`backprop-lens run FILE | head -1`) ends the run quietly, with the status of a
 * process ended by SIGPIPE (as `yes | head -1` gives), instead of an EPIPE stack trace.
 */
function handleClosedPipes(runner: { dispose(): Promise<void> }): { stdout: boolean; stderr: boolean } {
  const closed = { stdout: false, stderr: false };
  for (const stream of ['stdout', 'stderr'] as const) {
    process[stream].on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      closed[stream] = true;
      if (stream === 'stdout') void runner.dispose().finally(() => process.exit(141));
    });
  }
  return closed;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`backprop-lens: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
