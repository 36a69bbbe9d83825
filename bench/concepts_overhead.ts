// What the concept views (src/python/concepts/: decision boundary, fitted curve, loss landscape, autograd
// graph, activation inputs, computed from the training step's graph at most updatesPerSecond times a second)
// cost a learner's training: bench/learner_train.py through the CLI with them and without them
// (BACKPROP_LENS_CONCEPTS=0), runs interleaved so load on the machine hits both alike, best run kept.
// Target: W1 (2-8-8-1 tanh, batch 32) keeps at least 80% of its steps per second.
//   node --import tsx bench/concepts_overhead.ts [--rounds N]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fmtRate, table } from './timing';

const root = path.resolve(__dirname, '..');
const TARGET = 0.8;

function runOnce(withConcepts: boolean): Map<string, number> {
  const env = { ...process.env, BACKPROP_LENS_CONCEPTS: withConcepts ? '1' : '0' };
  const r = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'run', 'bench/learner_train.py'], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 300000,
  });
  const rates = new Map<string, number>();
  for (const m of (r.stdout ?? '').matchAll(/^(W\d): .* ([\d.]+) steps\/s/gm)) rates.set(m[1], Number(m[2]));
  return rates;
}

/** The Markdown table: best steps/s of each workload with and without the concept views. */
export function conceptsOverheadTable(rounds: number): string {
  const best = { on: new Map<string, number>(), off: new Map<string, number>() };
  for (let i = 0; i < rounds; i++) {
    for (const [key, on] of [
      ['off', false],
      ['on', true],
    ] as const) {
      for (const [id, rate] of runOnce(on)) best[key].set(id, Math.max(best[key].get(id) ?? 0, rate));
    }
  }
  const rows = [...best.off.keys()].map((id) => {
    const off = best.off.get(id)!;
    const on = best.on.get(id) ?? NaN;
    const kept = on / off;
    const verdict = id === 'W1' ? (kept >= TARGET ? `>= ${TARGET * 100}% met` : `>= ${TARGET * 100}% MISSED`) : '';
    return [id, fmtRate(off), fmtRate(on), `${(kept * 100).toFixed(0)}%`, verdict];
  });
  return table(['bench/learner_train.py (steps/s)', 'concept views off', 'concept views on', 'kept', 'target'], rows);
}

if (require.main === module) {
  const i = process.argv.indexOf('--rounds');
  const rounds = i > 0 ? Number(process.argv[i + 1]) : 5;
  console.log(conceptsOverheadTable(rounds));
}
