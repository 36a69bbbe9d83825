// One framework under test, as a long-lived child of bench/run.ts: reads requests `W1 300` (workload id,
// milliseconds) from stdin and answers each with one JSON line {"rate": steps per second, "cpuRate": steps
// per CPU second}. Keeping each
// framework in its own process isolates JIT state and memory; answering one short round at a time lets the
// parent interleave frameworks, so a noisy neighbour on the machine hurts them all alike.
//   node --import tsx bench/child.ts engine | tfjs-cpu | tfjs-wasm | gemm
import readline from 'node:readline';
import { engineWorkload } from './engine';
import { WORKLOADS } from './workloads';
import { gemmBackend } from '../src/engine/kernels/gemm';

type Step = () => void;

async function stepFor(framework: string, id: string): Promise<Step> {
  const spec = WORKLOADS.find((w) => w.id === id);
  if (!spec) throw new Error(`unknown workload ${id}`);
  if (framework === 'engine') return engineWorkload(spec).step;
  // Loaded only here: TensorFlow.js takes a second to import.
  const { tfWorkload, useTfBackend } = await import('./tfjs');
  const backend = framework === 'tfjs-wasm' ? 'wasm' : 'cpu';
  if (!(await useTfBackend(backend))) throw new Error(`TensorFlow.js backend ${backend} unavailable`);
  return tfWorkload(spec).step;
}

/**
 * Runs `step` for about `ms` milliseconds; returns steps per wall-clock second and per second of this
 * process's CPU time (all its threads: V8's GC and compiler threads count against us).
 */
function round(step: Step, ms: number): { rate: number; cpuRate: number } {
  let steps = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    step();
    steps++;
    now = performance.now();
  }
  const used = process.cpuUsage(cpu);
  return { rate: (steps * 1000) / (now - start), cpuRate: steps / ((used.user + used.system) / 1e6) };
}

async function main(): Promise<void> {
  const framework = process.argv[2];
  // TensorFlow.js prints a banner to stdout on import; keep stdout for answers only.
  const answer = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => process.stderr.write(chunk)) as typeof process.stdout.write;
  const steps = new Map<string, Step>();
  answer(JSON.stringify({ ready: true, backend: framework === 'engine' ? gemmBackend() : framework }) + '\n');
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const [id, msText] = line.trim().split(/\s+/);
    if (!id) continue;
    try {
      if (framework === 'gemm') {
        const { runGemmBench } = await import('./gemm');
        answer(JSON.stringify({ table: runGemmBench(Number(msText) || 200) }) + '\n');
        continue;
      }
      let step = steps.get(id);
      if (!step) {
        step = await stepFor(framework, id);
        steps.set(id, step);
        round(step, Math.max(500, Number(msText))); // warm-up: JIT, caches, wasm memory growth
      }
      answer(JSON.stringify(round(step, Number(msText))) + '\n');
    } catch (err) {
      answer(JSON.stringify({ error: String(err instanceof Error ? err.message : err) }) + '\n');
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
