// The reliability suite: the runtime under the load a class of learners puts on it, from the extension host's
// side (this process plays the host). Runs in a row, start/stop cycles, two files at once, and a flood of
// output; each checks that nothing is lost and that the next run works, and the host's heap stays flat.
// Printed figures: runs done, the host's heap before and after, and the host event loop's delay (p50, p99,
// max), which says whether the host was ever blocked. Delays are printed, not asserted: a timing threshold
// would fail on a busy machine without anything being wrong.
//
// Bounded in time: each phase does its count (200 runs, 50 start/stop cycles) or stops when its time budget
// is spent (RELIABILITY_BUDGET_S, default 60 s a phase), whichever comes first, and says how far it got; a
// tenth of each count is always done, however long it takes. Uses the built dist/: run `npm run build` first.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { RunEvent } from '../../src/protocol';
import { Runner, type FinishedEvent } from '../../src/python/runner';

const distDir = path.resolve(__dirname, '..', '..', 'dist');
const budgetMs = Number(process.env.RELIABILITY_BUDGET_S ?? 60) * 1000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-reliability-'));

function writeFile(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

interface Collected {
  finished: FinishedEvent;
  stdout: string;
  stderr: string;
  errors: RunEvent[];
}

/** Runs a file on `runner`, collecting what it printed; `onOutput` sees each stdout chunk as it comes. */
async function collect(runner: Runner, file: string, onOutput?: (text: string) => void): Promise<Collected> {
  let stdout = '';
  let stderr = '';
  const errors: RunEvent[] = [];
  const listener = (e: RunEvent) => {
    if (e.type === 'output') {
      if (e.stream === 'stdout') {
        stdout += e.text;
        onOutput?.(e.text);
      } else stderr += e.text;
    } else if (e.type === 'error') errors.push(e);
  };
  runner.on('event', listener);
  try {
    const finished = await runner.run({ file });
    return { finished, stdout, stderr, errors };
  } finally {
    runner.off('event', listener);
  }
}

const MB = 1024 * 1024;
function heapMB(): number {
  global.gc?.();
  return process.memoryUsage().heapUsed / MB;
}

type Phase = () => Promise<string>;

/** 200 runs in a row, each printing its own number: every run's output arrives whole, in its own run. */
const runsInARow: Phase = async () => {
  const runner = new Runner({ distDir });
  try {
    await runner.warm();
    const file = writeFile('count.py', 'import torch\nprint("run", torch.ones(2).sum().item())\n');
    const started = Date.now();
    let heapAfterWarmUp = 0;
    let done = 0;
    for (; done < 200 && (done < 20 || Date.now() - started < budgetMs); done++) {
      const r = await collect(runner, file);
      assert.equal(r.finished.status, 'finished', `run ${done}: ${r.stderr}`);
      assert.equal(r.stdout, 'run 2.0\n', `run ${done}`);
      if (done === 9) heapAfterWarmUp = heapMB();
    }
    const heapEnd = heapMB();
    // Flat: a leak of even 50 KB a run (an event list, a process's listeners) would add 10 MB over 200 runs.
    assert.ok(heapEnd - heapAfterWarmUp < 8, `host heap grew from ${heapAfterWarmUp} to ${heapEnd} MB`);
    return `${done} runs in a row in ${((Date.now() - started) / 1000).toFixed(1)} s; host heap ${heapAfterWarmUp.toFixed(1)} -> ${heapEnd.toFixed(1)} MB`;
  } finally {
    await runner.dispose();
  }
};

/** 50 cycles of start, first output, Stop: each ends as stopped with what it printed, and the next starts. */
const startStopCycles: Phase = async () => {
  const runner = new Runner({ distDir, stopTimeoutMs: 500 });
  try {
    await runner.warm();
    const file = writeFile(
      'forever.py',
      'import torch\ni = 0\nwhile True:\n    if i == 0:\n        print("looping", flush=True)\n    i += 1\n',
    );
    const started = Date.now();
    let done = 0;
    for (; done < 50 && (done < 5 || Date.now() - started < budgetMs); done++) {
      const r = await collect(runner, file, () => runner.stop());
      assert.equal(r.finished.status, 'stopped', `cycle ${done}`);
      assert.equal(r.stdout, 'looping\n', `cycle ${done}`);
    }
    const after = await collect(runner, writeFile('after.py', 'print("still works")\n'));
    assert.equal(after.stdout, 'still works\n');
    return `${done} start/stop cycles in ${((Date.now() - started) / 1000).toFixed(1)} s, then a run that works`;
  } finally {
    await runner.dispose();
  }
};

/** Two files training at once, each in its own runner: each prints exactly what it prints alone. */
const twoFilesAtOnce: Phase = async () => {
  const files = ['xor.py', 'spiral.py'].map((f) => path.resolve(__dirname, '..', '..', 'examples', f));
  const alone: string[] = [];
  for (const file of files) {
    const runner = new Runner({ distDir, spare: false });
    try {
      alone.push((await collect(runner, file)).stdout);
    } finally {
      await runner.dispose();
    }
  }
  const runners = files.map(() => new Runner({ distDir, spare: false }));
  try {
    const together = await Promise.all(files.map((file, i) => collect(runners[i], file)));
    together.forEach((r, i) => {
      assert.equal(r.finished.status, 'finished', `${files[i]}: ${r.stderr}`);
      assert.equal(r.stdout, alone[i], `${files[i]} printed something else beside another run`);
    });
  } finally {
    await Promise.all(runners.map((r) => r.dispose()));
  }
  return 'examples/xor.py and examples/spiral.py at once print what each prints alone';
};

/** A million lines, then 10 MB in one print: every byte arrives, in order. */
const outputFlood: Phase = async () => {
  const runner = new Runner({ distDir, spare: false });
  try {
    const file = writeFile(
      'flood.py',
      'for i in range(1_000_000):\n    print(i)\nprint("x" * (10 * 1024 * 1024))\nprint("end")\n',
    );
    const started = Date.now();
    const r = await collect(runner, file);
    assert.equal(r.finished.status, 'finished', r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines.length, 1_000_000 + 3); // the numbers, the 10 MB line, "end", and the empty tail
    for (const i of [0, 1, 99_999, 500_000, 999_999]) assert.equal(lines[i], String(i));
    assert.equal(lines[1_000_000].length, 10 * MB);
    assert.equal(lines[1_000_001], 'end');
    return `1,000,000 lines and a 10 MB line (${(r.stdout.length / MB).toFixed(1)} MB) arrived whole in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  } finally {
    await runner.dispose();
  }
};

async function main(): Promise<number> {
  const phases: [string, Phase][] = [
    ['runs in a row', runsInARow],
    ['start/stop cycles', startStopCycles],
    ['two files at once', twoFilesAtOnce],
    ['output flood', outputFlood],
  ];
  let passed = 0;
  let failed = 0;
  for (const [name, phase] of phases) {
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    try {
      const figure = await phase();
      lag.disable();
      const ms = (ns: number) => (ns / 1e6).toFixed(0);
      console.log(
        `ok ${name}: ${figure}; host event-loop delay p50 ${ms(lag.percentile(50))} ms, p99 ${ms(lag.percentile(99))} ms, max ${ms(lag.max)} ms`,
      );
      passed++;
    } catch (err) {
      lag.disable();
      console.log(`not ok ${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      failed++;
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
