// Start-up and recording cost of the Python runtime, for the README:
//   cold: new Runner -> the user's first line has run (runtime process + worker + Pyodide + torch + the
//         file); wall time and the CPU time of this process and its children until then
//   warm: run() with the spare process loaded -> the user's first line has run (every run has a process of
//         its own; the spare is started while the previous run goes, as when a learner clicks Train again)
//   cli:  `node dist/cli.js run` of a one-line file, process start to exit
//   events: the XOR training loop (2000 steps) with every event on, vs quiet (output only)
// Run after `npm run build`: node --import tsx bench/startup.ts [--cold N] [--write]
// --write puts the numbers into bench/RESULTS.md under "## Start-up" (replacing that section only).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Runner } from '../src/python/runner';
import { bundledScriptsDir } from '../test/reference/paths';

const root = path.resolve(__dirname, '..');
const distDir = path.join(root, 'dist');
const xorScript = path.join(bundledScriptsDir, 'xor_mlp.py');
const FIRST_LINE = 'print("first line")\nimport torch\n';

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const COLD_RUNS = Number(arg('--cold') ?? 7);

/** CPU ms of this process. */
function cpuNow(): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1000;
}

/** CPU ms a process has used so far (Linux: /proc/PID/stat; elsewhere 0). */
function processCpu(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return 0;
  }
}

/** ms from `t0` until the run prints its first output, and the CPU ms (host and runtime process) by then. */
function firstOutput(runner: Runner, t0: number, cpu0: number): Promise<{ wall: number; cpu: number }> {
  return new Promise((resolve) => {
    const on = (e: { type: string; runId?: number }) => {
      if (e.type === 'output' && e.runId !== 0) {
        runner.off('event', on);
        resolve({ wall: performance.now() - t0, cpu: cpuNow() - cpu0 + processCpu(runner.pid) });
      }
    };
    runner.on('event', on);
  });
}

/** Wall ms to the first user line, and the CPU ms spent until then. */
async function cold(file: string): Promise<{ wall: number; cpu: number }> {
  const cpu0 = cpuNow();
  const t0 = performance.now();
  const runner = new Runner({ distDir, spare: false });
  const first = firstOutput(runner, t0, cpu0);
  await runner.run({ file, source: FIRST_LINE });
  const result = await first;
  await runner.dispose();
  return result;
}

const fmt = (xs: number[]) =>
  `${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;

async function warm(runner: Runner, file: string): Promise<number> {
  await runner.warm();
  const t0 = performance.now();
  const first = firstOutput(runner, t0, cpuNow());
  await runner.run({ file, source: FIRST_LINE });
  return (await first).wall;
}

async function main(): Promise<void> {
  const file = path.join(os.tmpdir(), 'bl-first-line.py');
  fs.writeFileSync(file, FIRST_LINE);
  const load0 = os.loadavg()[0];
  const colds: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < COLD_RUNS; i++) colds.push(await cold(file));
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
  const load = `${load0.toFixed(1)}-${os.loadavg()[0].toFixed(1)}`;
  const lines = [
    `cold start to first user line: ${fmt(colds.map((c) => c.wall))} wall, CPU ${fmt(colds.map((c) => c.cpu))} ` +
      `(median of ${COLD_RUNS}; target 1500 ms; load average ${load} on ${os.cpus().length} cores)`,
    `warm start to first user line: ${fmt(warms)} (median of 5; target 300 ms)`,
    `CLI one-line file, process start to exit: ${fmt(clis)} (median of 3)`,
  ];
  for (const line of lines) console.log(line);
  if (process.argv.includes('--write')) writeResults(lines);

  if (fs.existsSync(xorScript)) {
    const source = fs.readFileSync(xorScript, 'utf8');
    const time = async (quiet: boolean) => {
      let events = 0;
      const count = () => events++;
      await runner.warm();
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

/** Replaces (or appends) the "## Start-up" section of bench/RESULTS.md; the rest stays as it is. */
function writeResults(lines: string[]): void {
  const file = path.join(root, 'bench', 'RESULTS.md');
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark results\n';
  const section = [
    '## Start-up',
    '',
    `Measured by \`node --import tsx bench/startup.ts --write\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
      `Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}. "First user line" is the first output of a file ` +
      'whose first line prints, then imports torch; cold = a new runtime process and worker (Pyodide restored from the ' +
      'start-up snapshot with torch already imported), warm = the spare process, loaded before the run.',
    '',
    ...lines.map((l) => `- ${l}`),
    '',
  ].join('\n');
  const start = old.indexOf('\n## Start-up\n');
  let next: string;
  if (start < 0) next = `${old.trimEnd()}\n\n${section}`;
  else {
    const end = old.indexOf('\n## ', start + 1);
    next = old.slice(0, start + 1) + section + (end < 0 ? '' : old.slice(end));
  }
  fs.writeFileSync(file, next);
  console.log('wrote the Start-up section of bench/RESULTS.md');
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
