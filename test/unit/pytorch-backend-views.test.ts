// The Python backend's panel views against the built-in runtime's, for the same files: the concept views
// (decision boundary, fitted curve, exact and sliced loss landscapes, autograd graph, activation inputs, batch)
// at the end of a run, the series of steps with every step's gradient norms and update ratios, stepping phase
// by phase (forward, loss, backward, update) with what each pause shows, matplotlib figures drawn by the
// learner's real matplotlib (Agg), and torchrun with two CPU processes (gloo) where only rank 0 reports.
// Uses the built dist/ and Debian's python3-torch / python3-matplotlib (see pytorch-backend-helpers.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunEvent } from '../../src/protocol';
import { PytorchRunner } from '../../src/python/pytorchRunner';
import { type CliResult, needsTorch, root, runCli, torchPython } from './pytorch-backend-helpers';

const examples = path.join(root, 'examples');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-views-'));
const both = async (file: string, extra: string[], cwd: string) => ({
  builtin: await runCli(file, extra, cwd),
  python: await runCli(file, [...extra, '--backend', 'python', '--python', torchPython!], cwd),
});
type Of<T extends RunEvent['type']> = Extract<RunEvent, { type: T }>;
const last = <T extends RunEvent['type']>(r: CliResult, type: T): Of<T> => {
  const found = r.events.filter((e): e is Of<T> => e.type === type);
  assert.ok(found.length > 0, `a ${type} event`);
  return found[found.length - 1];
};

function near(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const [a, e] = [Number(actual[i]), Number(expected[i])];
    if (Number.isNaN(e)) assert.ok(Number.isNaN(a), `${what}[${i}]: ${a}, built-in NaN`);
    else assert.ok(Math.abs(a - e) <= tol * Math.max(1, Math.abs(e)), `${what}[${i}]: ${a}, built-in ${e}`);
  }
}

/** Each parameter's whole per-step series of `steps` events (gradNorms or updateRatios). */
function perStep(r: CliResult, key: 'gradNorms' | 'updateRatios'): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const e of r.events) {
    if (e.type !== 'steps' || !e[key]) continue;
    const { names } = e[key]!;
    const series = key === 'gradNorms' ? e.gradNorms!.norms : e.updateRatios!.ratios;
    names.forEach((n, k) => out.set(n, [...(out.get(n) ?? []), ...series[k]]));
  }
  return out;
}

const CONCEPTS = ['prediction', 'landscape', 'graph', 'activationInputs', 'batch'] as const;

function sameBatch(python: CliResult, builtin: CliResult): void {
  const [p, b] = [last(python, 'batch'), last(builtin, 'batch')];
  for (const k of ['input', 'target', 'output'] as const) {
    assert.equal(p[k]?.name, b[k]?.name, `batch ${k} name`);
    assert.deepEqual(p[k]?.shape, b[k]?.shape, `batch ${k} shape`);
    near(p[k]!.rows, b[k]!.rows, 1e-5, `batch ${k} rows`);
  }
}

function sameGraph(python: CliResult, builtin: CliResult): void {
  // PyTorch's graph has no nodes for data tensors: the built-in draws them, the probe cannot see them.
  const key = (n: { name: string; kind: string; label: string | null }) => `${n.kind} ${n.name} ${n.label ?? ''}`;
  const nodes = (g: Of<'graph'>) => g.nodes.filter((n) => n.kind !== 'data');
  const [p, b] = [nodes(last(python, 'graph')), nodes(last(builtin, 'graph'))];
  assert.deepEqual(p.map(key).sort(), b.map(key).sort(), 'the same autograd nodes');
  for (const n of b.filter((x) => x.kind === 'param')) {
    const twin = p.find((x) => x.kind === 'param' && x.label === n.label)!;
    near([twin.value!.norm, twin.value!.mean], [n.value!.norm, n.value!.mean], 1e-4, `${n.label} value`);
    near([twin.grad!.norm], [n.grad!.norm], 1e-3, `${n.label} gradient`);
    assert.equal(twin.depth, n.depth, `${n.label} depth`);
  }
}

function sameLandscape(python: CliResult, builtin: CliResult): void {
  const [p, b] = [last(python, 'landscape'), last(builtin, 'landscape')];
  assert.equal(p.kind, b.kind);
  assert.equal(p.numel, b.numel);
  assert.deepEqual(
    p.axes.map((a) => a.label),
    b.axes.map((a) => a.label),
  );
  // The path: the exact one has every step (up to 600 points) as the built-in's; a slice's has a point at
  // every step while that is cheap (the probe keeps to a share of the run's time), so the points of the steps
  // both recorded are compared.
  const width = p.axes.length + 1;
  const pointsOf = (l: Of<'landscape'>) =>
    new Map(Array.from(l.pathSteps, (step, i) => [step, Array.from(l.path.subarray(i * width, (i + 1) * width))]));
  const [ours, theirs] = [pointsOf(p), pointsOf(b)];
  const common = [...ours.keys()].filter((step) => theirs.has(step));
  assert.ok(common.includes(0) && common.includes(b.step), 'the first step and the end are on both paths');
  for (const step of common) near(ours.get(step)!, theirs.get(step)!, 1e-3, `path at step ${step}`);
  if (p.kind === 'slice') {
    // The slice spans 1.3 times the path's reach: the sampled path reaches about as far.
    p.axes.forEach((a, i) => near([a.min, a.max], [b.axes[i].min, b.axes[i].max], 0.02, `axis ${a.label}`));
    const centre = (l: Of<'landscape'>) => l.values[(l.axes[0].count * l.axes[1].count - 1) / 2];
    near([centre(p)], [centre(b)], 1e-4, 'the loss at the weights now (the slice centre)');
    return;
  }
  near(p.path, b.path, 1e-3, 'path');
  p.axes.forEach((a, i) => near([a.min, a.max], [b.axes[i].min, b.axes[i].max], 1e-4, `axis ${a.label}`));
  // Grids shrink to a time budget during a run: where both have the same count, every value is compared,
  // else the values at the grid points both share (the corners at least).
  const [pc, bc] = [p.axes.map((a) => a.count), b.axes.map((a) => a.count)];
  const shared = (i: number, n: number, m: number) => (i * (m - 1)) % (n - 1) === 0;
  let compared = 0;
  const index = (counts: number[], at: number[]) => (at.length === 1 ? at[0] : at[1] * counts[0] + at[0]);
  const rows = p.axes.length === 1 ? [0] : Array.from({ length: pc[1] }, (_, r) => r);
  for (const r of rows) {
    for (let c = 0; c < pc[0]; c++) {
      if (!shared(c, pc[0], bc[0]) || (p.axes.length === 2 && !shared(r, pc[1], bc[1]))) continue;
      const pAt = p.axes.length === 1 ? [c] : [c, r];
      const bAt = pAt.map((v, k) => (v * (bc[k] - 1)) / (pc[k] - 1));
      near([p.values[index(pc, pAt)]], [b.values[index(bc, bAt)]], 1e-4, `loss at ${pAt}`);
      compared++;
    }
  }
  assert.ok(compared >= 2 ** p.axes.length, 'at least the corners compared');
}

function samePrediction(python: CliResult, builtin: CliResult): void {
  const [p, b] = [last(python, 'prediction'), last(builtin, 'prediction')];
  assert.equal(p.kind, b.kind);
  assert.equal(p.readout, b.readout);
  assert.deepEqual([p.input, p.target], [b.input, b.target], 'the tensors named as the built-in names them');
  near(p.points, b.points, 0, 'points');
  near(p.targets, b.targets, 0, 'targets');
  if (p.kind === 'boundary' && b.kind === 'boundary') {
    near([p.x0, p.x1, p.y0, p.y1], [b.x0, b.x1, b.y0, b.y1], 1e-6, 'grid bounds');
    near(p.predicted, b.predicted, 0, 'predicted classes');
    assert.equal(p.accuracy, b.accuracy);
    // The grid is finer after each prediction of a run: equal grids where both computed as many.
    if (p.cols === b.cols) {
      near(p.cellClass, b.cellClass, 0, 'cell classes');
      near(p.cellConfidence, b.cellConfidence, 1e-4, 'cell confidence');
    }
  } else if (p.kind === 'fit' && b.kind === 'fit') {
    near(p.xs, b.xs, 1e-6, 'curve inputs');
    near(p.ys, b.ys, 1e-4, 'curve');
    near(p.fitted, b.fitted, 1e-4, 'fitted');
  }
}

test(
  'concept views of examples/xor.py: boundary, slice landscape, graph, activations, batch',
  { skip: needsTorch },
  async () => {
    const { builtin, python } = await both('xor.py', [], examples);
    assert.equal(python.status, 0, python.stderr);
    for (const kind of CONCEPTS)
      assert.ok(
        python.events.some((e) => e.type === kind),
        `a ${kind} event`,
      );
    samePrediction(python, builtin);
    sameLandscape(python, builtin);
    sameGraph(python, builtin);
    sameBatch(python, builtin);
    const [p, b] = [last(python, 'activationInputs').items, last(builtin, 'activationInputs').items];
    assert.deepEqual(
      p.map((i) => [i.path, i.fn, i.shape, i.param, i.deadUnits, i.units]),
      b.map((i) => [i.path, i.fn, i.shape, i.param, i.deadUnits, i.units]),
    );
    p.forEach((item, k) => {
      near(item.counts, b[k].counts, 0, `${item.fn} histogram`);
      near([item.min, item.max, item.flat], [b[k].min, b[k].max, b[k].flat], 1e-5, `${item.fn} range`);
    });
    // Each step's gradient norm and update ratio per parameter.
    for (const key of ['gradNorms', 'updateRatios'] as const) {
      const [ours, theirs] = [perStep(python, key), perStep(builtin, key)];
      assert.deepEqual([...ours.keys()], [...theirs.keys()]);
      // Recorded at every step while that is cheap, else at fewer (NaN between): the steps recorded must match.
      for (const [name, series] of theirs) {
        const mine = ours.get(name)!;
        assert.equal(mine.length, series.length, `${key} ${name}: one entry per step`);
        const at = mine.flatMap((v, i) => (Number.isNaN(v) ? [] : [i]));
        assert.ok(at.length > 1 && (key === 'updateRatios' || at[0] === 0), `${key} ${name} recorded at ${at}`);
        near(
          at.map((i) => mine[i]),
          at.map((i) => series[i]),
          key === 'gradNorms' ? 1e-4 : 1e-3,
          `${key} ${name}`,
        );
      }
    }
  },
);

test('concept views of examples/linear_model.py: fitted curve and exact landscape', { skip: needsTorch }, async () => {
  const { builtin, python } = await both('linear_model.py', [], examples);
  assert.equal(python.status, 0, python.stderr);
  samePrediction(python, builtin);
  sameLandscape(python, builtin);
  sameBatch(python, builtin);
  sameGraph(python, builtin);
});

test(
  'a file training a model per learning rate gets one series each, labelled alike',
  { skip: needsTorch },
  async () => {
    const { builtin, python } = await both('learning_rates.py', [], examples);
    const series = (r: CliResult) => {
      const byIndex = new Map<number, Of<'series'>>();
      for (const e of r.events) if (e.type === 'series') byIndex.set(e.index, e);
      return [...byIndex.values()].map((e) => [e.index, e.firstStep, e.label, e.model, e.optimizer]);
    };
    assert.deepEqual(series(python), series(builtin));
    assert.deepEqual(
      series(python).map((s) => s[2]),
      ['lr=0.02', 'lr=0.5', 'lr=1.1'],
    );
  },
);

const PHASES_FILE = [
  'import torch',
  'import torch.nn as nn',
  '',
  'torch.manual_seed(0)',
  'x = torch.linspace(-1, 1, 8).unsqueeze(1)',
  'y = 2 * x + 1',
  'model = nn.Sequential(nn.Linear(1, 3), nn.Tanh(), nn.Linear(3, 1))',
  'criterion = nn.MSELoss()',
  'optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)',
  'for epoch in range(2):',
  '    prediction = model(x)',
  '    loss = criterion(prediction, y)',
  '    optimizer.zero_grad()',
  '    loss.backward()',
  '    optimizer.step()',
  'a = torch.zeros(1, requires_grad=True)',
  'b = torch.zeros(1, requires_grad=True)',
  'for step in range(2):',
  '    fitted = x * a + b',
  '    loss = ((fitted - y) ** 2).mean()',
  '    loss.backward()',
  '    with torch.no_grad():',
  '        a -= 0.1 * a.grad',
  '        b -= 0.1 * b.grad',
  '    a.grad.zero_()',
  '    b.grad.zero_()',
  'w = torch.tensor([1.0, -1.0], requires_grad=True)',
  'loss = ((x.squeeze(1)[:2] * w - 1) ** 2).mean()',
  'loss.backward()',
  'print("done", round(loss.item(), 4))',
  '',
].join('\n');

test(
  'phases: the run pauses after forward, loss, backward and update, and resumes each time',
  { skip: needsTorch },
  async () => {
    const dir = tmp();
    const file = path.join(dir, 'phases.py');
    fs.writeFileSync(file, PHASES_FILE);
    const runner = new PytorchRunner({ distDir: path.join(root, 'dist'), python: torchPython! });
    const pauses: Of<'paused'>[] = [];
    let resumed = 0;
    const resumedBefore: number[] = [];
    runner.on('event', (e) => {
      if (e.type === 'resumed') resumed++;
      if (e.type !== 'paused') return;
      resumedBefore.push(resumed);
      pauses.push(e);
      setTimeout(() => runner.continue('phases'), 20);
    });
    const finished = await runner.run({ file, cwd: dir, mode: 'phases' });
    assert.equal(finished.status, 'finished');
    // Nothing goes on while paused: each pause was resumed before the next one came.
    assert.deepEqual(
      resumedBefore,
      pauses.map((_, i) => i),
    );
    assert.deepEqual(
      pauses.map((p) => `${p.step} ${p.phase}`),
      ['0 forward', '0 loss', '0 backward', '0 update', '1 forward', '1 loss', '1 backward', '1 update'].concat(
        // The hand-written loop and the last loss: their backward passes, no optimizer step to pause after.
        [2, 3, 4].flatMap((k) => [`${k} forward`, `${k} loss`, `${k} backward`]),
      ),
    );
    // What each pause shows, against the built-in runtime's pauses for the same file.
    const builtin = await runCli('phases.py', ['--mode', 'phases'], dir);
    const theirs = builtin.events.filter((e): e is Of<'paused'> => e.type === 'paused');
    assert.deepEqual(
      theirs.map((p) => `${p.step} ${p.phase}`),
      pauses.map((p) => `${p.step} ${p.phase}`),
    );
    pauses.forEach((p, i) => {
      const b = theirs[i];
      const at = `${p.step} ${p.phase}`;
      // A loss written by hand included: the probe finds what it compared through the learner's variables and
      // the tensors PyTorch's nodes saved, the built-in in its own graph.
      if (b.forward) {
        assert.equal(p.forward!.prediction.name, b.forward.prediction.name, at);
        near(p.forward!.prediction.values, b.forward.prediction.values, 1e-5, `${at} prediction`);
        near(p.forward!.target?.values ?? [], b.forward.target?.values ?? [], 1e-6, `${at} target`);
      }
      if (b.loss) {
        assert.deepEqual({ ...p.loss!, value: 0 }, { ...b.loss, value: 0 }, at);
        near([p.loss!.value], [b.loss.value], 1e-5, `${at} loss`);
      }
      if (b.update) {
        assert.deepEqual(
          [p.update!.optimizer, p.update!.rule, p.update!.hyper],
          [b.update.optimizer, b.update.rule, b.update.hyper],
        );
        b.update.amounts!.forEach((a, k) => near(p.update!.amounts![k]!, a!, 1e-5, `${at} amounts ${k}`));
      }
      assert.equal(p.series, b.series, `${at} series`);
    });
    fs.rmSync(dir, { recursive: true, force: true });
  },
);

const PLOT_FILE = [
  'import matplotlib.pyplot as plt',
  '',
  'plt.figure(figsize=(4, 3), dpi=50)',
  'plt.plot([3, 2, 1.5, 1.2])',
  'plt.title("loss")',
  'plt.savefig("loss.png")',
  'plt.show()',
  'plt.figure(figsize=(2, 2), dpi=40)',
  'plt.plot([1, 2, 3])',
  'print("backend", plt.get_backend(), "open", plt.get_fignums())',
  '',
].join('\n');

test(
  "the learner's matplotlib: show() and the figures still open reach the Figures view in the built-in form",
  { skip: needsTorch },
  async (t) => {
    const probe = spawnSync(torchPython!, ['-c', 'import matplotlib'], { encoding: 'utf8' });
    if (probe.status !== 0) {
      if (process.env.CI === 'true') assert.fail('matplotlib is missing: apt install python3-matplotlib');
      t.diagnostic('skipped: this Python has no matplotlib');
      return;
    }
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'plot.py'), PLOT_FILE);
    const run = await runCli('plot.py', ['--backend', 'python', '--python', torchPython!], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /backend agg open \[1\]/, 'Agg forced; show() closed the first figure');
    const figures = run.events.filter((e): e is Of<'figure'> => e.type === 'figure');
    assert.deepEqual(
      figures.map((f) => [f.number, f.width, f.height, f.dpi]),
      [
        [1, 4, 3, 50],
        [1, 2, 2, 40],
      ],
    );
    // Each figure's axes and line as the built-in matplotlib sends them (pytorch-backend-manual.test.ts
    // compares a whole figure with the built-in backend's).
    assert.deepEqual(
      figures.map((f) => [f.axes.length, f.axes[0].title, f.axes[0].grid]),
      [
        [1, 'loss', [1, 1, 0, 1, 0, 1]],
        [1, '', [1, 1, 0, 1, 0, 1]],
      ],
    );
    const lines = figures.map((f) => f.axes[0].artists[0]);
    assert.ok(lines.every((l) => l.kind === 'line'));
    assert.deepEqual(
      lines.map((l) => l.kind === 'line' && [Array.from(l.x), Array.from(l.y), l.color]),
      [
        [[0, 1, 2, 3], [3, 2, 1.5, 1.2000000476837158], '#1f77b4'],
        [[0, 1, 2], [1, 2, 3], '#1f77b4'],
      ],
    );
    // savefig is matplotlib's own PNG: its signature and the size asked for (4 x 3 inches at 50 dpi).
    const png = fs.readFileSync(path.join(dir, 'loss.png'));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.toString('ascii', 12, 16), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [200, 150]);
    fs.rmSync(dir, { recursive: true, force: true });
  },
);

const DDP_FILE = [
  'import torch',
  'import torch.distributed as dist',
  'import torch.nn as nn',
  'from torch.nn.parallel import DistributedDataParallel',
  '',
  'dist.init_process_group("gloo")',
  'rank = dist.get_rank()',
  'torch.manual_seed(0)',
  'model = DistributedDataParallel(nn.Linear(2, 1))',
  'optimizer = torch.optim.SGD(model.parameters(), lr=0.1)',
  'x = torch.randn(8, 2) + rank',
  'y = x.sum(dim=1, keepdim=True)',
  'for step in range(5):',
  '    loss = nn.functional.mse_loss(model(x), y)',
  '    optimizer.zero_grad()',
  '    loss.backward()',
  '    optimizer.step()',
  'print(f"rank {rank} of {dist.get_world_size()}")',
  'dist.destroy_process_group()',
  '',
].join('\n');

test(
  'torchrun with 2 CPU processes (gloo): rank 0 reports, the run says 2 processes',
  { skip: needsTorch },
  async () => {
    const dir = tmp();
    const file = path.join(dir, 'ddp.py');
    fs.writeFileSync(file, DDP_FILE);
    const runner = new PytorchRunner({ distDir: path.join(root, 'dist'), python: torchPython! });
    const events: RunEvent[] = [];
    runner.on('event', (e) => events.push(e));
    const finished = await runner.run({ file, cwd: dir, processes: 2 });
    const output = events.flatMap((e) => (e.type === 'output' ? [e.text] : [])).join('');
    assert.equal(finished.status, 'finished', output);
    assert.equal(finished.steps, 5);
    const of = (type: RunEvent['type']) => events.filter((e) => e.type === type);
    assert.equal(of('started').length, 1, 'one run reported: rank 0');
    assert.equal(of('environment').length, 1);
    const env = of('environment')[0] as Of<'environment'>;
    assert.deepEqual([env.worldSize, env.rank, env.localRank], [2, 0, 0]);
    assert.ok(env.devices.includes('cpu'));
    const model = of('model')[0] as Of<'model'>;
    assert.deepEqual(model.devices, ['cpu']);
    assert.equal(model.modules[0].type, 'DistributedDataParallel');
    // Both ranks ran the file; rank 1 unobserved (its print reaches the output through torchrun).
    assert.match(output, /rank 0 of 2/);
    assert.match(output, /rank 1 of 2/);
    // The same from the command line: `--nproc 2`.
    const cli = await runCli('ddp.py', ['--python', torchPython!, '--nproc', '2'], dir);
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stdout, /rank 0 of 2/);
    const reported = cli.events.filter((e): e is Of<'environment'> => e.type === 'environment');
    assert.deepEqual(
      reported.map((e) => e.worldSize),
      [2],
    );
    fs.rmSync(dir, { recursive: true, force: true });
  },
);
