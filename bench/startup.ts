// Start-up and recording cost of the Python runtime, for the README:
//   cold: new Runner -> the user's first line has run (worker + Pyodide + torch shim + the file)
//   warm: run() on a warmed worker -> the user's first line has run
//   cli:  `node dist/cli.js run` of a one-line file, process start to exit
//   events: the XOR training loop (2000 steps) with every event on, vs quiet (output only)
// Run after `npm run build`: node --import tsx bench/startup.ts
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Runner } from '../src/python/runner';

const root = path.resolve(__dirname, '..');
const distDir = path.join(root, 'dist');
const xorScript = path.resolve(root, '../shared/scripts/xor_mlp.py');
const FIRST_LINE = 'print("first line")\nimport torch\n';

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** ms from `t0` until the run prints its first output. */
function firstOutput(runner: Runner, t0: number): Promise<number> {
  return new Promise((resolve) => {
    const on = (e: { type: string; runId?: number }) => {
      if (e.type === 'output' && e.runId !== 0) {
        runner.off('event', on);
        resolve(performance.now() - t0);
      }
    };
    runner.on('event', on);
  });
}

/** Wall ms to the first user line, and the CPU ms this process (all threads) spent meanwhile. */
async function cold(file: string): Promise<{ wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const runner = new Runner({ distDir });
  const first = firstOutput(runner, t0);
  await runner.run({ file, source: FIRST_LINE });
  const wall = await first;
  const cpu = process.cpuUsage(cpu0);
  await runner.dispose();
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

async function warm(runner: Runner, file: string): Promise<number> {
  const t0 = performance.now();
  const first = firstOutput(runner, t0);
  await runner.run({ file, source: FIRST_LINE });
  return first;
}

async function main(): Promise<void> {
  const file = path.join(os.tmpdir(), 'bl-first-line.py');
  fs.writeFileSync(file, FIRST_LINE);
  const colds: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < 3; i++) colds.push(await cold(file));
  const runner = new Runner({ distDir });
  await runner.warm();
  await runner.run({ file, source: FIRST_LINE });
  const warms: number[] = [];
  for (let i = 0; i < 5; i++) warms.push(await warm(runner, file));
  const clis: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, [path.join(distDir, 'cli.js'), 'run', file]);
    clis.push(performance.now() - t0);
  }
  // On a busy machine wall time stretches; the CPU time (all threads) shows the work itself.
  const loadavg = os.loadavg()[0].toFixed(1);
  console.log(
    `cold start to first user line: ${median(colds.map((c) => c.wall)).toFixed(0)} ms wall, ` +
      `${median(colds.map((c) => c.cpu)).toFixed(0)} ms CPU (median of 3; target 1500; load average ${loadavg})`,
  );
  console.log(`warm start to first user line:  ${median(warms).toFixed(0)} ms (median of 5; target 300)`);
  console.log(`CLI one-line file, process start to exit: ${median(clis).toFixed(0)} ms (median of 3)`);

  if (fs.existsSync(xorScript)) {
    const source = fs.readFileSync(xorScript, 'utf8');
    const time = async (quiet: boolean) => {
      let events = 0;
      const count = () => events++;
      runner.on('event', count);
      const t0 = performance.now();
      const fin = await runner.run({ file: xorScript, source, quiet, updatesPerSecond: 30 });
      runner.off('event', count);
      return { ms: performance.now() - t0, events, status: fin.status, steps: fin.steps };
    };
    const on: number[] = [];
    const off: number[] = [];
    let last = { events: 0, steps: 0, status: '' };
    for (let i = 0; i < 3; i++) {
      const q = await time(true);
      off.push(q.ms);
      const e = await time(false);
      on.push(e.ms);
      last = e;
    }
    console.log(
      `XOR loop (${last.steps} steps, ${last.status}): events on ${median(on).toFixed(0)} ms ` +
        `(${last.events} events), quiet ${median(off).toFixed(0)} ms`,
    );
  }
  await runner.dispose();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
