// Where an engine training step spends its time: runs one workload under the V8 sampling profiler and
// prints the functions with the most self time (wasm-function[...] entries are the WebAssembly kernels).
//   node --import tsx bench/profile.ts W3 [steps] [--out FILE.cpuprofile]   (open the file in Chrome DevTools)
import fs from 'node:fs';
import { Session } from 'node:inspector';
import { engineWorkload } from './engine';
import { WORKLOADS } from './workloads';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))),
  );
}

async function main(): Promise<void> {
  const [id = 'W3', stepsText] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const outIndex = process.argv.indexOf('--out');
  const spec = WORKLOADS.find((w) => w.id === id);
  if (!spec) throw new Error(`unknown workload ${id}; one of ${WORKLOADS.map((w) => w.id).join(', ')}`);
  const steps = Number(stepsText ?? (id === 'W3' ? 200 : 20000));
  const run = engineWorkload(spec);
  for (let i = 0; i < Math.min(steps, 50); i++) run.step(); // warm-up outside the profile

  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
  await post(session, 'Profiler.start');
  const start = performance.now();
  for (let i = 0; i < steps; i++) run.step();
  const seconds = (performance.now() - start) / 1000;
  const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
  session.disconnect();

  if (outIndex > 0 && process.argv[outIndex + 1]) fs.writeFileSync(process.argv[outIndex + 1], JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  for (const s of profile.samples) {
    const f = byId.get(s)!.callFrame;
    const key = `${f.functionName || '(anonymous)'}  ${f.url.split('/').slice(-2).join('/')}`;
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length;
  console.log(`${id}: ${steps} steps, ${(steps / seconds).toFixed(1)} steps/s under the profiler; self time:`);
  for (const [key, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`${((100 * n) / total).toFixed(1).padStart(6)} %  ${key}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
