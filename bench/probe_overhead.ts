// The Python backend's instrumentation cost: real PyTorch's training steps per second on the benchmark
// workloads, plain and under the probe (src/python/real/backprop_lens_probe.py, events written to a file
// with the default 10 snapshots a second), measured two ways:
//   - bench/torch_bench.py as two long-lived children answering `W1 250`-style rounds, interleaved round by
//     round and best round kept (the same loop timed inside Python; load on the machine hits both alike);
//   - bench/learner_train.py, the workloads as a learner's whole script, best of a few runs (interleaved).
// Targets: at most 10% fewer steps/s on W3 (784-256-128-10, Adam), at most 2x on W1 (a 2-8-8-1 MLP, where
// every step is a few microseconds of PyTorch and the hooks' Python calls show most).
//   node --import tsx bench/probe_overhead.ts [--quick]     (also a section of `npm run bench`)
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fmtRate, table } from './timing';

const root = path.resolve(__dirname, '..');
const probe = path.join(root, 'src', 'python', 'real', 'backprop_lens_probe.py');
const ROUND_MS: Record<string, number> = { W1: 250, W2: 250, W3: 600 };
/** Most a run under the probe may be slower, as a factor of plain steps/s divided by probed steps/s. */
const TARGETS: Record<string, number> = { W1: 2, W3: 1.1 };
// One thread, and glibc's allocator pinned: by default its dynamic mmap threshold makes W3's large
// temporaries come and go as fresh pages (a third of the time in page faults here), and whether that happens
// depends on what else the process holds, so the probe once made plain PyTorch look 2-3x *slower*.
const env = {
  OMP_NUM_THREADS: '1',
  OPENBLAS_NUM_THREADS: '1',
  MKL_NUM_THREADS: '1',
  MALLOC_MMAP_THRESHOLD_: '1000000000',
  MALLOC_TRIM_THRESHOLD_: '1000000000',
};

/** A Python that imports torch: $BENCH_PYTHON, Debian's /usr/bin/python3, then the PATH's. */
export function findProbePython(): string | null {
  for (const py of [process.env.BENCH_PYTHON, '/usr/bin/python3', 'python3', 'python'].filter(Boolean) as string[]) {
    if (spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60000 }).status === 0) return py;
  }
  return null;
}

/** bench/torch_bench.py as a child speaking its line protocol. */
class TorchChild {
  private readonly lines: AsyncIterator<string>;
  private constructor(private readonly proc: ChildProcess) {
    this.lines = readline.createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  }

  static async start(python: string, args: string[]): Promise<TorchChild | null> {
    const proc = spawn(python, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const child = new TorchChild(proc);
    const first = await child.next();
    return first?.ready ? child : null;
  }

  private async next(): Promise<Record<string, any> | null> {
    for (;;) {
      const r = await this.lines.next();
      if (r.done) return null;
      try {
        return JSON.parse(r.value);
      } catch {
        /* a stray line */
      }
    }
  }

  /** Steps per wall-clock second and per CPU second of one round. */
  async rate(workload: string, ms: number): Promise<{ rate: number; cpuRate: number }> {
    this.proc.stdin!.write(`${workload} ${ms}\n`);
    const reply = await this.next();
    return { rate: reply?.rate ?? NaN, cpuRate: reply?.cpuRate ?? NaN };
  }

  stop(): void {
    this.proc.stdin!.end();
  }
}

/** Best steps/s per workload of bench/learner_train.py over `times` runs of each of `variants` (arguments),
 * run in turn (plain, probed, plain, ...) so that load from elsewhere on the machine hits each alike. */
function learnerRates(python: string, variants: string[][], times: number): Map<string, number>[] {
  const best = variants.map(() => new Map<string, number>());
  for (let i = 0; i < times; i++) {
    variants.forEach((args, k) => {
      const r = spawnSync(python, args, {
        cwd: root,
        env: { ...process.env, ...env },
        encoding: 'utf8',
        timeout: 300000,
      });
      for (const m of (r.stdout ?? '').matchAll(/^(W\d): .* ([\d.]+) steps\/s/gm))
        best[k].set(m[1], Math.max(best[k].get(m[1]) ?? 0, Number(m[2])));
    });
  }
  return best;
}

const slowdown = (plain: number, probed: number) => plain / probed;
const verdict = (id: string, factor: number) =>
  TARGETS[id] === undefined || !Number.isFinite(factor)
    ? ''
    : `<= ${TARGETS[id]}x ${factor <= TARGETS[id] ? 'met' : 'MISSED'}`;

/** The overhead table (Markdown), or a line saying why there is none. */
export async function probeOverheadTable(python: string | null, quick = false): Promise<string> {
  if (!python) return 'no python3 with torch found (set BENCH_PYTHON): probe overhead not measured';
  const events = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-bench-')), 'events.jsonl');
  const [plain, probed] = await Promise.all([
    TorchChild.start(python, ['bench/torch_bench.py']),
    TorchChild.start(python, [probe, '--events', events, 'bench/torch_bench.py']),
  ]);
  if (!plain || !probed) return 'bench/torch_bench.py did not start (plain or under the probe)';
  const rounds = quick ? 2 : 5;
  const workloads = ['W1', 'W3'];
  const best = new Map<string, number>();
  for (const w of workloads) {
    for (let r = 0; r < rounds; r++) {
      const order: [string, TorchChild][] =
        r % 2 === 0
          ? [
              ['plain', plain],
              ['probe', probed],
            ]
          : [
              ['probe', probed],
              ['plain', plain],
            ];
      for (const [name, child] of order) {
        const { rate, cpuRate } = await child.rate(w, ROUND_MS[w]);
        best.set(`${name}/${w}`, Math.max(best.get(`${name}/${w}`) ?? 0, rate));
        best.set(`${name}/${w}/cpu`, Math.max(best.get(`${name}/${w}/cpu`) ?? 0, cpuRate));
      }
    }
  }
  plain.stop();
  probed.stop();
  const times = quick ? 1 : 3;
  const [learnerPlain, learnerProbed] = learnerRates(
    python,
    [['bench/learner_train.py'], [probe, '--events', events, 'bench/learner_train.py']],
    times,
  );
  fs.rmSync(path.dirname(events), { recursive: true, force: true });
  const rows = workloads.map((w) => {
    const a = best.get(`plain/${w}`) ?? NaN;
    const b = best.get(`probe/${w}`) ?? NaN;
    const la = learnerPlain.get(w) ?? NaN;
    const lb = learnerProbed.get(w) ?? NaN;
    const factor = slowdown(a, b);
    const cpu = slowdown(best.get(`plain/${w}/cpu`) ?? NaN, best.get(`probe/${w}/cpu`) ?? NaN);
    const x = (f: number) => `${f.toFixed(2)}x`;
    return [
      w,
      fmtRate(a),
      fmtRate(b),
      x(factor),
      x(cpu),
      fmtRate(la),
      fmtRate(lb),
      x(slowdown(la, lb)),
      verdict(w, factor),
    ];
  });
  const header = [
    'steps/s',
    'PyTorch',
    'under probe',
    'slowdown',
    'same, CPU time',
    'learner script',
    'under probe',
    'slowdown',
    'target',
  ];
  return table(header, rows);
}

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  probeOverheadTable(findProbePython(), quick).then(
    (text) => console.log(`## Python backend: the probe's overhead on real PyTorch (1 thread)\n\n${text}`),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
