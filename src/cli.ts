// backprop-lens CLI: runs a learner's file the way `python FILE` would, on our runtime.
//   backprop-lens run FILE.py [--events OUT.jsonl] [--seed N]
// Prints exactly what the script prints; on an uncaught exception a Python-style traceback limited to the
// user's file goes to stderr and the exit code is 1. `--events` writes every RunEvent as one JSON line.
// Runtime warnings (a NaN loss) only go to the events file: the printed output stays the script's own.
import fs from 'node:fs';
import type { RunEvent } from './protocol';
import { Runner } from './python/runner';

const USAGE = 'usage: backprop-lens run FILE.py [--events OUT.jsonl] [--seed N]\n';

interface CliArgs {
  file: string;
  events: string | null;
  seed: number | null;
}

function parseArgs(argv: string[]): CliArgs | string {
  const [command, ...rest] = argv;
  if (command !== 'run') return command === undefined || command === '--help' || command === '-h' ? '' : `unknown command '${command}'`;
  let file: string | null = null;
  let events: string | null = null;
  let seed: number | null = null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--events') events = rest[++i] ?? null;
    else if (a === '--seed') {
      seed = Number(rest[++i]);
      if (!Number.isInteger(seed)) return '--seed needs an integer';
    } else if (a.startsWith('--')) return `unknown option '${a}'`;
    else if (file === null) file = a;
    else return `unexpected argument '${a}'`;
  }
  if (file === null) return 'no file given';
  if (events === null && rest.includes('--events')) return '--events needs a file name';
  return { file, events, seed };
}

/** JSON with typed arrays written as plain arrays (NaN/Infinity as null, as JSON.stringify does). */
function eventLine(e: RunEvent): string {
  return JSON.stringify(e, (_key, value) => (ArrayBuffer.isView(value) ? Array.from(value as Float32Array) : value)) + '\n';
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write((args ? `backprop-lens: ${args}\n` : '') + USAGE);
    return 2;
  }
  let source: string;
  try {
    source = fs.readFileSync(args.file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : String(err);
    process.stderr.write(`backprop-lens: can't open file '${args.file}': ${reason}\n`);
    return 2;
  }
  const eventsOut = args.events ? fs.createWriteStream(args.events) : null;
  const runner = new Runner({ distDir: __dirname });
  runner.on('event', (e) => {
    eventsOut?.write(eventLine(e));
    if (e.type === 'output') (e.stream === 'stdout' ? process.stdout : process.stderr).write(e.text);
    else if (e.type === 'error') process.stderr.write(e.traceback);
  });
  // Ctrl-C stops the script as it would stop Python (KeyboardInterrupt), a second one ends at once.
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    runner.stop();
  });
  const finished = await runner.run({ file: args.file, source, mode: 'train', seed: args.seed });
  await runner.dispose();
  if (eventsOut) await new Promise<void>((resolve) => eventsOut.end(resolve));
  if (finished.status === 'stopped') return 130;
  return finished.status === 'failed' ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`backprop-lens: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
