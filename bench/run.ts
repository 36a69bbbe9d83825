// `npm run bench`: training steps per second on the three workloads of bench/workloads.ts, measured two ways:
//   - the engine's TypeScript API (src/engine/nn, a documented API of its own) against TensorFlow.js (cpu
//     and wasm backends) and real PyTorch (single thread, when a python3 with torch is installed): what the
//     engine itself can do;
//   - what learners run: the same workloads as a Python script (bench/learner_train.py) through the CLI
//     (Pyodide, the Python torch package and its engine calls) against the same script on real PyTorch;
// plus the matrix-multiply kernels in GFLOP/s. Prints the tables and writes them to bench/RESULTS.md.
// Timings are never asserted; ratios are taken between frameworks measured in the same run, interleaved
// round by round, best round kept, so load from other processes affects all of them alike.
//   npm run bench [-- --quick] [-- --no-write] [-- --no-torch]
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { conceptsOverheadTable } from './concepts_overhead';
import { elementwiseTable, forwardLoopTable, fullBatchTable } from './full_batch';
import { probeOverheadTable } from './probe_overhead';
import { fmtRate, table } from './timing';
import { WORKLOADS } from './workloads';

const root = path.resolve(__dirname, '..');
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 2 : 5;
const ROUND_MS: Record<string, number> = { W1: 250, W2: 250, W3: 600 };
/** Our targets, as multiples of single-threaded PyTorch's steps per second. */
const TARGETS: Record<string, number> = { W1: 5, W2: 2, W3: 0.5 };
const RELAXED_FLAG = '--experimental-wasm-relaxed-simd';

/** A framework in a child process speaking the line protocol of bench/child.ts. */
class Contender {
  private lines: AsyncIterator<string>;
  info: Record<string, unknown> = {};
  private constructor(
    readonly name: string,
    private proc: ChildProcess,
  ) {
    this.lines = readline.createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  }

  static async start(
    name: string,
    cmd: string,
    args: string[],
    env: Record<string, string> = {},
  ): Promise<Contender | null> {
    const proc = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'ignore'] });
    const c = new Contender(name, proc);
    proc.on('error', () => undefined);
    const first = await c.next();
    if (!first || !first.ready) {
      proc.kill();
      return null;
    }
    c.info = first;
    return c;
  }

  private async next(): Promise<Record<string, any> | null> {
    const r = await this.lines.next();
    if (r.done) return null;
    try {
      return JSON.parse(r.value);
    } catch {
      return this.next(); // stray output
    }
  }

  async ask(request: string): Promise<Record<string, any> | null> {
    if (this.proc.exitCode !== null || !this.proc.stdin!.writable) return null;
    this.proc.stdin!.write(request + '\n');
    return this.next();
  }

  stop(): void {
    this.proc.stdin!.end();
  }
}

/** A python3 that can import torch, or null. */
function findTorchPython(): string | null {
  if (process.argv.includes('--no-torch')) return null;
  const candidates = [process.env.BENCH_PYTHON, 'python3', '/usr/bin/python3', 'python'].filter(Boolean) as string[];
  for (const py of candidates) {
    const r = spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60000 });
    if (r.status === 0) return py;
  }
  return null;
}

/** Whether this Node accepts the relaxed-SIMD flag (Node 20 needs it; newer ones have the feature on). */
function nodeAccepts(flag: string): boolean {
  return spawnSync(process.execPath, [flag, '-e', '0'], { stdio: 'ignore' }).status === 0;
}

const singleThread = { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

async function trainingTable(torchPython: string | null): Promise<{ text: string; notes: string[] }> {
  const tsx = ['--import', 'tsx', 'bench/child.ts'];
  const starting: Promise<Contender | null>[] = [
    Contender.start('engine', process.execPath, [...tsx, 'engine']),
    Contender.start('engine (TS only)', process.execPath, [...tsx, 'engine'], { BACKPROP_LENS_WASM: '0' }),
    Contender.start('tfjs cpu', process.execPath, [...tsx, 'tfjs-cpu']),
    Contender.start('tfjs wasm', process.execPath, [...tsx, 'tfjs-wasm']),
  ];
  if (torchPython) starting.push(Contender.start('PyTorch', torchPython, ['bench/torch_bench.py'], singleThread));
  const contenders = (await Promise.all(starting)).filter((c): c is Contender => c !== null);
  const engine = contenders.find((c) => c.name === 'engine');
  // The fused-multiply-add kernel, as VS Code's Electron and Node >= 22 run it, when this Node needs a flag.
  if (engine && engine.info.backend !== 'relaxed-simd' && nodeAccepts(RELAXED_FLAG)) {
    const relaxed = await Contender.start('engine (relaxed SIMD)', process.execPath, [RELAXED_FLAG, ...tsx, 'engine']);
    if (relaxed && relaxed.info.backend === 'relaxed-simd') contenders.splice(1, 0, relaxed);
    else relaxed?.stop();
  }
  const best = new Map<string, number>();
  const bestCpu = new Map<string, number>();
  for (const w of WORKLOADS) {
    for (let r = 0; r < ROUNDS; r++) {
      // Rotate the order so no framework always runs right after the same neighbour.
      const order = contenders.map((_, i) => contenders[(i + r) % contenders.length]);
      for (const c of order) {
        const reply = await c.ask(`${w.id} ${ROUND_MS[w.id]}`);
        const key = `${c.name}/${w.id}`;
        if (reply && typeof reply.rate === 'number') best.set(key, Math.max(best.get(key) ?? 0, reply.rate));
        if (reply && typeof reply.cpuRate === 'number')
          bestCpu.set(key, Math.max(bestCpu.get(key) ?? 0, reply.cpuRate));
      }
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  for (const c of contenders) c.stop();

  const names = contenders.map((c) => c.name);
  const hasTorch = names.includes('PyTorch');
  const hasTfWasm = names.includes('tfjs wasm');
  const rows = WORKLOADS.map((w) => {
    const rate = (n: string) => best.get(`${n}/${w.id}`) ?? NaN;
    const ours = rate('engine');
    const cells = [w.id, ...names.map((n) => fmtRate(rate(n)))];
    if (hasTfWasm) cells.push(`${(ours / rate('tfjs wasm')).toFixed(1)}x`);
    if (hasTorch) {
      const ratio = ours / rate('PyTorch');
      const cpuRatio = (bestCpu.get(`engine/${w.id}`) ?? NaN) / (bestCpu.get(`PyTorch/${w.id}`) ?? NaN);
      cells.push(
        `${ratio.toFixed(2)}x`,
        `${cpuRatio.toFixed(2)}x`,
        `${TARGETS[w.id]}x ${ratio >= TARGETS[w.id] ? 'met' : 'MISSED'}`,
      );
    }
    return cells;
  });
  const header = ['steps/s', ...names];
  if (hasTfWasm) header.push('engine / tfjs wasm');
  if (hasTorch) header.push('engine / PyTorch', 'same, CPU time', 'target');
  const notes = WORKLOADS.map((w) => `${w.id}: ${w.title}`);
  const torchInfo = contenders.find((c) => c.name === 'PyTorch')?.info;
  notes.push(
    torchInfo
      ? `PyTorch ${torchInfo.torch}, 1 thread, BLAS: ${torchInfo.blas}`
      : 'PyTorch: no python3 with torch found (set BENCH_PYTHON); its columns are omitted',
  );
  notes.push(`engine kernels: ${engine?.info.backend ?? '?'}; "engine (TS only)" sets BACKPROP_LENS_WASM=0`);
  if (hasTorch) {
    notes.push(
      '"same, CPU time": the ratio of steps per second of each process\'s CPU time (all threads), which a busy ' +
        'machine distorts less than wall-clock time; the target is judged on wall-clock time',
    );
  }
  return { text: table(header, rows), notes };
}

async function kernelTable(): Promise<string> {
  const flags = nodeAccepts(RELAXED_FLAG) ? [RELAXED_FLAG] : [];
  const c = await Contender.start('gemm', process.execPath, [...flags, '--import', 'tsx', 'bench/child.ts', 'gemm']);
  const reply = await c?.ask(`gemm ${quick ? 100 : 200}`);
  c?.stop();
  return reply?.table ?? '(kernel benchmark failed)';
}

type LearnerRates = Map<string, { rate: number; loss: string }>;

/** Steps per second of each workload printed by bench/learner_train.py, best of `times` runs. */
function runLearner(cmd: string, args: string[], env: Record<string, string>, times: number): LearnerRates | string {
  const best: LearnerRates = new Map();
  for (let i = 0; i < times; i++) {
    const r = spawnSync(cmd, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 300000 });
    if (r.status !== 0) return (r.stderr ?? '').trim().split('\n').pop() ?? 'failed';
    for (const m of (r.stdout ?? '').matchAll(/^(W\d): .* ([\d.]+) steps\/s, final loss (\S+)$/gm)) {
      const rate = Number(m[2]);
      if (!(rate <= (best.get(m[1])?.rate ?? -1))) best.set(m[1], { rate, loss: m[3] });
    }
  }
  return best;
}

/** The workloads written as a learner's script, through our CLI and through real PyTorch. */
function runtimeTable(torchPython: string | null): string {
  const cli = path.join(root, 'dist/cli.js');
  const times = quick ? 1 : 3;
  const ours = fs.existsSync(cli)
    ? runLearner(process.execPath, [cli, 'run', 'bench/learner_train.py'], {}, times)
    : 'dist/cli.js missing: run npm run build';
  const real = torchPython ? runLearner(torchPython, ['bench/learner_train.py'], singleThread, times) : 'no PyTorch';
  const rows = WORKLOADS.map((w) => {
    const o = typeof ours === 'string' ? undefined : ours.get(w.id);
    const t = typeof real === 'string' ? undefined : real.get(w.id);
    const ratio = o && t ? `${(o.rate / t.rate).toFixed(2)}x` : '';
    return [
      w.id,
      fmtRate(o?.rate ?? NaN),
      fmtRate(t?.rate ?? NaN),
      ratio,
      o?.loss ?? String(ours),
      t?.loss ?? String(real),
    ];
  });
  return table(
    [
      'bench/learner_train.py (steps/s)',
      'backprop-lens run',
      'python3 + PyTorch',
      'ours / PyTorch',
      'final loss (ours)',
      'final loss (PyTorch)',
    ],
    rows,
  );
}

async function main(): Promise<void> {
  const torchPython = findTorchPython();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const env = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${cpu}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`;
  const busy = os.loadavg()[0] > os.cpus().length;
  const busyNote = busy
    ? `The machine was busy (load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores): absolute numbers are low and noisy; the ratios, measured interleaved, are the meaningful part.`
    : '';
  console.log(`# Backprop Lens benchmarks\n${env}\n${busyNote}\n`);

  console.log('## Training steps per second (higher is better)');
  const training = await trainingTable(torchPython);
  console.log(training.text + '\n\n' + training.notes.map((n) => `- ${n}`).join('\n') + '\n');

  console.log('## Matrix-multiply kernels (GFLOP/s)');
  const kernels = await kernelTable();
  console.log(kernels + '\n');

  console.log('## What learners run: the workloads as a Python script through the CLI');
  const runtime = runtimeTable(torchPython);
  console.log(runtime + '\n');

  console.log("## Python backend: the probe's overhead on real PyTorch");
  const probeOverhead = await probeOverheadTable(torchPython, quick);
  console.log(probeOverhead + '\n');
  const conceptsOverhead = fs.existsSync(path.join(root, 'dist/cli.js'))
    ? conceptsOverheadTable(quick ? 2 : 5)
    : 'dist/cli.js missing: run npm run build';
  console.log(conceptsOverhead + '\n');

  console.log('## Full batch: element-wise ops on 3000x100, a 3000-point MLP, a forward-only loop');
  const elementwise = elementwiseTable(torchPython, quick);
  const fullBatch = fullBatchTable(torchPython, quick);
  const forwardLoop = forwardLoopTable(torchPython);
  console.log([elementwise, fullBatch, forwardLoop].join('\n\n') + '\n');

  if (!process.argv.includes('--no-write')) {
    const md = [
      '# Benchmark results',
      '',
      `Measured by \`npm run bench\` (bench/run.ts) on ${env}. Best of ${ROUNDS} interleaved rounds per cell;`,
      'ratios compare frameworks measured in the same run. Regenerate with `npm run bench`.',
      ...(busyNote ? ['', busyNote] : []),
      '',
      '## Training steps per second (higher is better)',
      '',
      training.text,
      '',
      ...training.notes.map((n) => `- ${n}`),
      '',
      '## Matrix-multiply kernels (GFLOP/s, one thread)',
      '',
      'NT = X W^T (Linear forward), NN = G W (input gradient), TN = G^T X (weight gradient).',
      '"simd, no copies" is the kernel alone with operands already in wasm memory.',
      '',
      kernels,
      '',
      '## What learners run: bench/learner_train.py through the CLI vs real PyTorch',
      '',
      'The same workloads written as a learner writes them, run by `backprop-lens run` (Pyodide, our Python',
      '`torch` package and the engine calls it makes) and by python3 with real PyTorch on one thread.',
      '',
      runtime,
      '',
      "## Python backend: the probe's overhead on real PyTorch (bench/probe_overhead.ts)",
      '',
      'Steps per second of real PyTorch (1 thread) plain and under src/python/real/backprop_lens_probe.py.',
      '',
      probeOverhead,
      '',
      '## What the concept views cost (bench/concepts_overhead.ts)',
      '',
      'bench/learner_train.py through the CLI with the concept views (boundary, fit, landscape, autograd graph,',
      'activation inputs) and without them (BACKPROP_LENS_CONCEPTS=0), runs interleaved, best kept.',
      '',
      conceptsOverhead,
      '',
      '## Full batch (bench/full_batch.ts)',
      '',
      'Element-wise ops on a 3000x100 float32 tensor, best single call (µs) of interleaved rounds, against real',
      'PyTorch on one thread; bench/full_batch_mlp.py (3000 points, full batch) through the CLI and on PyTorch;',
      'bench/forward_loop.py, 10,000 forward passes that never call backward(), ms per 1000 iterations.',
      '',
      elementwise,
      '',
      fullBatch,
      '',
      forwardLoop,
      '',
    ].join('\n');
    // The Start-up section belongs to bench/startup.ts (`--write`): keep it as it is.
    const file = path.join(root, 'bench/RESULTS.md');
    const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const startup = previous.indexOf('\n## Start-up\n');
    fs.writeFileSync(file, startup >= 0 ? `${md.trimEnd()}\n${previous.slice(startup)}` : md);
    console.log('wrote bench/RESULTS.md');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
