// Full-batch speed (issue 9, item 11), three tables for `npm run bench` (or alone:
// `node --import tsx bench/full_batch.ts [--quick]`):
//   - element-wise ops on a 3000x100 float32 tensor, the engine against real PyTorch on one thread, best
//     single call of interleaved rounds (the engine runs them through the WebAssembly SIMD kernels of
//     src/engine/kernels/elementwise.ts; "TS only" is BACKPROP_LENS_WASM=0);
//   - bench/full_batch_mlp.py, a 3000-point full-batch MLP tutorial, through the CLI and on real PyTorch;
//   - bench/forward_loop.py, 10,000 forward passes that never call backward(), time per 1000 iterations
//     through the CLI (flat when unreachable graphs are freed).
// Ratios only, never thresholds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as torch from '../src/engine';
import { table } from './timing';

const root = path.resolve(__dirname, '..');
// As bench/probe_overhead.ts: one thread, and glibc's allocator kept from returning each large temporary to
// the kernel (fresh pages for every 1.2 MB result would make PyTorch look several times slower than it is).
const torchEnv = {
  OMP_NUM_THREADS: '1',
  OPENBLAS_NUM_THREADS: '1',
  MKL_NUM_THREADS: '1',
  MALLOC_MMAP_THRESHOLD_: '1000000000',
  MALLOC_TRIM_THRESHOLD_: '1000000000',
};

/** The ops of bench/elementwise_torch.py, on the engine. */
function elementwiseOps(): Record<string, () => unknown> {
  torch.manual_seed(0);
  const x = torch.randn([3000, 100]);
  const y = torch.randn([3000, 100]);
  const b = torch.randn([100]);
  return {
    relu: () => torch.relu(x),
    tanh: () => torch.tanh(x),
    sigmoid: () => torch.sigmoid(x),
    exp: () => torch.exp(x),
    add: () => torch.add(x, y),
    mul: () => torch.mul(x, y),
    'affine (x * 2 + 1)': () => torch.add(torch.mul(x, 2), 1),
    'bias add (x + b)': () => torch.add(x, b),
    'squared difference': () => torch.pow(torch.sub(x, y), 2),
  };
}

/** Best microseconds of one call per op, over `calls` interleaved rounds. */
function engineMicros(calls: number): Record<string, number> {
  const ops = elementwiseOps();
  const best: Record<string, number> = {};
  for (let r = 0; r < calls; r++) {
    for (const [name, op] of Object.entries(ops)) {
      const start = performance.now();
      op();
      best[name] = Math.min(best[name] ?? Infinity, (performance.now() - start) * 1000);
    }
  }
  return best;
}

/**
 * engineMicros in a child process with the given environment (BACKPROP_LENS_WASM=0 for TypeScript only) and
 * Node flags (relaxed SIMD, which the runtime process turns on: src/python/relaxedSimd.ts).
 */
function childMicros(
  calls: number,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Record<string, number> | null {
  const r = spawnSync(process.execPath, [...nodeArgs, '--import', 'tsx', __filename, '--engine-only', String(calls)], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 300000,
  });
  const line = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Record<string, number>;
  } catch {
    return null;
  }
}

function torchMicros(torchPython: string, calls: number): Record<string, number> | null {
  const r = spawnSync(torchPython, ['bench/elementwise_torch.py', String(calls)], {
    cwd: root,
    env: { ...process.env, ...torchEnv },
    encoding: 'utf8',
    timeout: 300000,
  });
  try {
    return JSON.parse((r.stdout ?? '').trim()) as Record<string, number>;
  } catch {
    return null;
  }
}

function keepBest(into: Record<string, number>, from: Record<string, number> | null): void {
  if (from) for (const [k, v] of Object.entries(from)) into[k] = Math.min(into[k] ?? Infinity, v);
}

const us = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(0));

export function elementwiseTable(torchPython: string | null, quick: boolean): string {
  const calls = quick ? 15 : 40;
  const runtime: Record<string, number> = {};
  const plain: Record<string, number> = {};
  const tsOnly: Record<string, number> = {};
  const real: Record<string, number> = {};
  for (let round = 0; round < (quick ? 1 : 3); round++) {
    keepBest(runtime, childMicros(calls, {}, ['--experimental-wasm-relaxed-simd']));
    keepBest(plain, engineMicros(calls));
    keepBest(tsOnly, childMicros(calls, { BACKPROP_LENS_WASM: '0' }));
    if (torchPython) keepBest(real, torchMicros(torchPython, calls));
  }
  const rows = Object.keys(elementwiseOps()).map((name) => [
    name,
    us(runtime[name]),
    us(plain[name]),
    us(tsOnly[name]),
    us(real[name]),
    real[name] ? `${(runtime[name] / real[name]).toFixed(1)}x` : '',
  ]);
  return table(
    [
      '3000x100 float32 (µs per call)',
      'engine (relaxed SIMD)',
      'engine (plain SIMD)',
      'engine (TS only)',
      'PyTorch',
      'engine / PyTorch',
    ],
    rows,
  );
}

interface ScriptRun {
  rate: number;
  loss: string;
}

function runFullBatch(cmd: string, args: string[], env: Record<string, string>): ScriptRun | string {
  const r = spawnSync(cmd, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 600000 });
  const m = /^full-batch: .* ([\d.]+) steps\/s, final loss (\S+)$/m.exec(r.stdout ?? '');
  if (!m) return (r.stderr ?? '').trim().split('\n').pop() ?? 'failed';
  return { rate: Number(m[1]), loss: m[2] };
}

export function fullBatchTable(torchPython: string | null, quick: boolean): string {
  const cli = path.join(root, 'dist/cli.js');
  if (!fs.existsSync(cli)) return 'dist/cli.js missing: run npm run build';
  let ours: ScriptRun | string = 'failed';
  let real: ScriptRun | string = torchPython ? 'failed' : 'no PyTorch';
  const better = (a: ScriptRun | string, b: ScriptRun | string) =>
    typeof b === 'string' ? a : typeof a === 'string' || b.rate > a.rate ? b : a;
  for (let i = 0; i < (quick ? 1 : 2); i++) {
    ours = better(ours, runFullBatch(process.execPath, [cli, 'run', 'bench/full_batch_mlp.py'], {}));
    if (torchPython) real = better(real, runFullBatch(torchPython, ['bench/full_batch_mlp.py'], torchEnv));
  }
  const cell = (r: ScriptRun | string, f: (r: ScriptRun) => string) => (typeof r === 'string' ? r : f(r));
  const ratio =
    typeof ours === 'string' || typeof real === 'string' ? '' : `${(real.rate / ours.rate).toFixed(2)}x slower`;
  return table(
    ['bench/full_batch_mlp.py (3000 points, 2-100-100-1)', 'steps/s', 'final loss'],
    [
      ['backprop-lens run', cell(ours, (r) => r.rate.toFixed(1)), cell(ours, (r) => r.loss)],
      ['python3 + PyTorch (1 thread)', cell(real, (r) => r.rate.toFixed(1)), cell(real, (r) => r.loss)],
      ['PyTorch / ours', ratio, ''],
    ],
  );
}

function forwardLoopTimes(cmd: string, args: string[], env: Record<string, string>): number[] {
  const r = spawnSync(cmd, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 600000 });
  return [...(r.stdout ?? '').matchAll(/^forward-loop: \d+ ([\d.]+) ms$/gm)].map((m) => Number(m[1]));
}

export function forwardLoopTable(torchPython: string | null): string {
  const cli = path.join(root, 'dist/cli.js');
  if (!fs.existsSync(cli)) return 'dist/cli.js missing: run npm run build';
  const ours = forwardLoopTimes(process.execPath, [cli, 'run', 'bench/forward_loop.py'], {});
  const real = torchPython ? forwardLoopTimes(torchPython, ['bench/forward_loop.py'], torchEnv) : [];
  const row = (name: string, t: number[]) => {
    // The first 1000 include the JIT's warm-up; the drift compares the second block with the last.
    const drift = t.length >= 3 ? `${(t[t.length - 1] / t[1]).toFixed(2)}x` : '';
    return [name, ...t.map((v) => v.toFixed(0)), drift];
  };
  const header = ['ms per 1000 iterations', ...Array.from({ length: 10 }, (_, i) => `${i + 1}k`), 'last / 2nd'];
  return table(header, [row('backprop-lens run', ours), ...(torchPython ? [row('PyTorch', real)] : [])]);
}

if (process.argv.includes('--engine-only')) {
  console.log(JSON.stringify(engineMicros(Number(process.argv[process.argv.indexOf('--engine-only') + 1]) || 40)));
} else if (require.main === module) {
  const quick = process.argv.includes('--quick');
  const py = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
  const torchPython = py ? '/usr/bin/python3' : null;
  console.log(elementwiseTable(torchPython, quick) + '\n');
  console.log(fullBatchTable(torchPython, quick) + '\n');
  console.log(forwardLoopTable(torchPython) + '\n');
}
