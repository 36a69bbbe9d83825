// The concept views' events (src/python/concepts/) on real runs: example files and fixtures nobody tuned the
// views for, each run through the CLI (dist/cli.js, built) with --events. Checks what the views promise:
// the boundary's grid and that it separates XOR, the fitted curve equals the model's outputs, the landscape's
// path equals the recorded parameter values (a local minimum traps, a large learning rate zig-zags), the
// autograd graph's nodes are PyTorch 1.13's (concepts-graph-torch113.json, from concepts-graph-fixture.py),
// the activation inputs, and that the run state keeps them across a snapshot and its JSON.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type {
  BoundaryPrediction,
  ConceptEvent,
  FitPrediction,
  GraphEvent,
  LandscapeEvent,
  RunEvent,
} from '../../src/protocol';
import { conceptsFromJson, conceptsToJson } from '../../src/shared/conceptState';
import { RunState } from '../../src/shared/runState';
import { Runner } from '../../src/python/runner';
import { runThroughCli } from './extension-cliRun';

const runs = new Map<string, RunEvent[]>();
function eventsOf(file: string): RunEvent[] {
  if (!runs.has(file)) runs.set(file, runThroughCli(file).events);
  return runs.get(file)!;
}
const all = <T extends ConceptEvent['type']>(file: string, type: T) =>
  eventsOf(file).filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);
const lastOf = <T extends ConceptEvent['type']>(file: string, type: T) => {
  const list = all(file, type);
  assert.ok(list.length > 0, `${file}: no ${type} event`);
  return list[list.length - 1];
};
const close = (a: number, b: number, tol = 1e-4) => Math.abs(a - b) <= tol * (1 + Math.abs(b));

test('xor.py: the boundary grid covers the data and separates XOR at the end', () => {
  const events = all('examples/xor.py', 'prediction') as BoundaryPrediction[];
  for (const e of events) {
    assert.equal(e.kind, 'boundary');
    assert.ok(e.cols <= 64 && e.rows <= 64 && e.cols >= 16);
    assert.equal(e.cellClass.length, e.cols * e.rows);
    assert.equal(e.cellConfidence.length, e.cols * e.rows);
    assert.ok(e.x0 < 0 && e.x1 > 1 && e.y0 < 0 && e.y1 > 1, 'the grid covers the points with a margin');
  }
  const e = events[events.length - 1];
  assert.equal(e.input.name, 'X');
  assert.equal(e.target.name, 'y');
  assert.equal(e.readout, 'probability');
  assert.deepEqual(Array.from(e.targets), [0, 1, 1, 0]);
  assert.deepEqual(Array.from(e.predicted), [0, 1, 1, 0]);
  assert.equal(e.accuracy, 1);
  // The cell under each point has the point's class.
  for (let i = 0; i < 4; i++) {
    const col = Math.floor(((e.points[2 * i] - e.x0) / (e.x1 - e.x0)) * e.cols);
    const row = Math.floor(((e.points[2 * i + 1] - e.y0) / (e.y1 - e.y0)) * e.rows);
    assert.equal(e.cellClass[row * e.cols + col], e.targets[i], `cell under point ${i}`);
  }
});

test('linear_model.py: the fitted curve is the model w x + b with the final parameters', () => {
  const e = lastOf('examples/linear_model.py', 'prediction') as FitPrediction;
  assert.equal(e.kind, 'fit');
  assert.equal(e.input.name, 'x');
  assert.equal(e.target.name, 'y');
  const params = eventsOf('examples/linear_model.py').filter((p) => p.type === 'params');
  const final = params[params.length - 1];
  assert.ok(final.type === 'params');
  const w = final.params.find((p) => p.name === 'linear.weight')!.value[0];
  const b = final.params.find((p) => p.name === 'linear.bias')!.value[0];
  e.xs.forEach((x, i) => assert.ok(close(e.ys[i], w * x + b), `curve at ${x}`));
  e.points.forEach((x, i) => assert.ok(close(e.fitted[i], w * x + b), `fitted at ${x}`));
  assert.equal(e.points.length, 32);
});

test('linear_model.py: the exact 2-D landscape path equals the recorded parameter values', () => {
  const e = lastOf('examples/linear_model.py', 'landscape');
  assert.equal(e.kind, 'exact');
  assert.deepEqual(
    e.axes.map((a) => a.label),
    ['linear.weight', 'linear.bias'],
  );
  assert.equal(e.values.length, e.axes[0].count * e.axes[1].count);
  const at = new Map<number, number[]>();
  e.pathSteps.forEach((s, i) => at.set(s, Array.from(e.path.subarray(i * 3, i * 3 + 3))));
  let checked = 0;
  for (const p of eventsOf('examples/linear_model.py')) {
    if (p.type !== 'params' || p.phase !== 'update') continue;
    // Parameters after step k's update are the ones step k + 1's forward used.
    const point = at.get(p.step + 1);
    if (!point) continue;
    assert.ok(
      close(point[0], p.params[0].value[0], 1e-6) && close(point[1], p.params[1].value[0], 1e-6),
      `step ${p.step + 1}`,
    );
    checked++;
  }
  assert.ok(checked >= 1);
  // The losses on the path are the recorded losses of those steps.
  const losses = eventsOf('examples/linear_model.py').flatMap((s) =>
    s.type === 'steps' ? Array.from(s.losses).map((l, i) => [s.firstStep + i, l]) : [],
  );
  const lossAt = new Map(losses as [number, number][]);
  e.pathSteps.forEach((s, i) => lossAt.has(s) && assert.ok(close(e.path[i * 3 + 2], lossAt.get(s)!), `loss at ${s}`));
  // The grid's minimum is where training ended (y = 2x + 1).
  const min = e.values.indexOf(Math.min(...e.values));
  const wAt = e.axes[0].min + ((min % e.axes[0].count) / (e.axes[0].count - 1)) * (e.axes[0].max - e.axes[0].min);
  assert.ok(Math.abs(wAt - 2) < 0.2, `minimum at w = ${wAt}`);
});

test('local_minimum.py: the second run is trapped in the shallow valley, the first found the deep one', () => {
  const e = lastOf('examples/local_minimum.py', 'landscape');
  assert.equal(e.kind, 'exact');
  assert.equal(e.axes.length, 1);
  assert.equal(e.axes[0].label, 'w');
  assert.equal(e.input, null);
  assert.ok(e.axes[0].min < -1.5 && e.axes[0].max > 1.5, 'both valleys are in view');
  assert.equal(e.earlier.length, 1);
  const end = e.path[e.path.length - 2];
  const earlierEnd = e.earlier[0][e.earlier[0].length - 2];
  assert.ok(Math.abs(end - 1.1309) < 0.01, `trapped at ${end}`);
  assert.ok(Math.abs(earlierEnd + 1.3008) < 0.01, `earlier run at ${earlierEnd}`);
  assert.ok(e.path[1] === 6 && e.earlier[0][1] === 2, 'f(2) = 6, f(-2) = 2');
  // The curve is f(w) = w^4 - 3w^2 + w.
  const f = (w: number) => w ** 4 - 3 * w ** 2 + w;
  const a = e.axes[0];
  for (let i = 0; i < a.count; i += 10)
    assert.ok(close(e.values[i], f(a.min + (i / (a.count - 1)) * (a.max - a.min)), 1e-3));
  // Run 1's path is every step of w's values, which the params events recorded (the reporter follows run 1's w).
  for (const p of eventsOf('examples/local_minimum.py')) {
    if (p.type !== 'params' || p.step >= 149) continue;
    assert.ok(close(e.earlier[0][(p.step + 1) * 2], p.params[0].value[0], 1e-6), `step ${p.step + 1}`);
  }
});

test('learning_rates.py: the large learning rate zig-zags across the valley; the smaller ones are earlier paths', () => {
  const e = lastOf('examples/learning_rates.py', 'landscape');
  assert.equal(e.kind, 'exact');
  assert.equal(e.earlier.length, 2);
  const b = Array.from({ length: e.path.length / 3 }, (_, i) => e.path[i * 3 + 1] + 0.5);
  let flips = 0;
  for (let i = 2; i < b.length; i++) if (Math.sign(b[i]) !== Math.sign(b[i - 1])) flips++;
  assert.ok(flips > b.length * 0.8, `bias crosses the valley floor ${flips} times in ${b.length} steps`);
  assert.ok(Math.abs(b[b.length - 1]) > 10 * Math.abs(b[2]), 'and each time further out');
  // The frame keeps the first zig-zags readable: the diverged end is outside it.
  assert.ok(e.axes[1].max < 100);
});

test('line_wb.py: plain tensors w, b get a fitted line and an exact landscape named after the variables', () => {
  const fit = lastOf('test/unit/fixtures/concepts/line_wb.py', 'prediction') as FitPrediction;
  assert.equal(fit.input.name, 'hours');
  assert.equal(fit.target.name, 'score');
  assert.equal(fit.output.name, 'predicted');
  const land = lastOf('test/unit/fixtures/concepts/line_wb.py', 'landscape');
  assert.deepEqual(
    land.axes.map((a) => a.label),
    ['slope', 'intercept'],
  );
  const [w, b] = [land.path[land.path.length - 3], land.path[land.path.length - 2]];
  assert.ok(Math.abs(w - 1.813) < 0.002 && Math.abs(b - 0.579) < 0.002, `${w} ${b}`);
  fit.xs.forEach((x, i) => assert.ok(close(fit.ys[i], w * x + b, 1e-3)));
});

test('classifier_2d.py: mini-batches give a boundary over the points seen, which classifies them', () => {
  const e = lastOf('test/unit/fixtures/concepts/classifier_2d.py', 'prediction') as BoundaryPrediction;
  assert.equal(e.readout, 'softmax');
  assert.equal(e.classes, 2);
  assert.equal(e.input.name, 'xb');
  assert.ok(e.targets.length > 32, 'points of several batches');
  assert.ok(e.accuracy > 0.95, `accuracy ${e.accuracy}`);
});

test('regression_1d.py and spiral.py: a curve through noisy data, a three-class boundary', () => {
  const fit = lastOf('test/unit/fixtures/concepts/regression_1d.py', 'prediction') as FitPrediction;
  let err = 0;
  fit.points.forEach((x, i) => (err += (fit.fitted[i] - fit.targets[i]) ** 2));
  assert.ok(err / fit.points.length < 0.02);
  const spiral = lastOf('examples/spiral.py', 'prediction') as BoundaryPrediction;
  assert.equal(spiral.classes, 3);
  assert.ok(spiral.accuracy > 0.95);
  assert.deepEqual(new Set(spiral.cellClass), new Set([0, 1, 2]));
});

/** Node names with their inputs' names, as concepts-graph-fixture.py writes PyTorch's (data nodes are None there). */
function canonical(g: GraphEvent): string[] {
  const inputs = g.nodes.map(() => [] as string[]);
  for (const [from, to] of g.edges) if (g.nodes[from].kind !== 'data') inputs[to].push(g.nodes[from].name);
  return g.nodes
    .map((n, i) => ({ n, i }))
    .filter(({ n }) => n.kind !== 'data')
    .map(({ n, i }) => `${n.name}<${inputs[i].sort().join(',')}`)
    .sort();
}

test('the autograd graph names its nodes as PyTorch 1.13 does', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(__dirname, 'concepts-graph-torch113.json'), 'utf8')) as {
    graphs: Record<string, string[]>;
  };
  for (const [file, graph] of Object.entries(expected.graphs)) {
    const g = lastOf(file, 'graph');
    assert.equal(g.hidden, 0, file);
    assert.deepEqual(canonical(g), graph, file);
  }
  const xor = lastOf('examples/xor.py', 'graph');
  assert.deepEqual(
    xor.nodes.filter((n) => n.kind === 'param').map((n) => n.label),
    ['hidden.weight', 'hidden.bias', 'out.weight', 'out.bias'],
  );
  const loss = xor.nodes[xor.nodes.length - 1];
  assert.equal(loss.name, 'BinaryCrossEntropyBackward0');
  assert.equal(loss.grad!.mean, 1);
  assert.ok(xor.nodes.every((n) => n.depth <= loss.depth));
});

test('deep_mlp.py: the repeated Linear-ReLU blocks are folded', () => {
  const g = lastOf('test/unit/fixtures/concepts/deep_mlp.py', 'graph');
  const repeat = g.nodes.find((n) => n.kind === 'repeat');
  assert.ok(repeat, 'a repeat node');
  assert.equal(repeat.label, 'AddmmBackward0, ReluBackward0');
  assert.equal(repeat.count, 4);
  assert.ok(g.hidden > 10 && g.nodes.length < 30);
});

test('activation inputs: what each activation received, with its flat share', () => {
  const xor = lastOf('examples/xor.py', 'activationInputs');
  assert.deepEqual(
    xor.items.map((i) => [i.path, i.fn]),
    [
      ['tanh#1', 'tanh'],
      ['', 'sigmoid'],
    ],
  );
  for (const item of xor.items)
    assert.equal(
      item.counts.reduce((a, b) => a + b, 0),
      item.shape.reduce((a, b) => a * b, 1),
    );
  // At the end the sigmoid's inputs are far out in its tails (the model is sure of every point).
  assert.equal(xor.items[1].flat, 1);
  const relu = lastOf('test/unit/fixtures/concepts/classifier_2d.py', 'activationInputs');
  assert.deepEqual(
    relu.items.map((i) => i.fn),
    ['relu', 'relu'],
  );
  assert.ok(relu.items.every((i) => i.units === 16 && i.deadUnits <= 16 && i.flat > 0 && i.flat < 1));
});

test('the run state keeps the latest concept events in its snapshot and its JSON', () => {
  const events = eventsOf('examples/linear_model.py');
  const started = events.find((e) => e.type === 'started')!;
  assert.ok(started.type === 'started');
  const state = new RunState(started.runId, started.file, started.mode);
  for (const e of events) state.apply(e, 0);
  const snap = state.snapshot();
  assert.equal(snap.concepts?.landscape, lastOf('examples/linear_model.py', 'landscape'));
  assert.equal(snap.concepts?.prediction, lastOf('examples/linear_model.py', 'prediction'));
  const again = RunState.fromSnapshot(snap);
  assert.equal(again.concepts.graph, snap.concepts?.graph);
  const json = JSON.parse(JSON.stringify(conceptsToJson(snap.concepts!).json));
  const back = conceptsFromJson(json);
  const land = back.landscape as LandscapeEvent;
  assert.ok(land.values instanceof Float32Array);
  assert.deepEqual(Array.from(land.path), Array.from(snap.concepts!.landscape!.path));
  // A new model's events start over.
  state.apply({ type: 'model', runId: started.runId, modules: [] }, 0);
  assert.equal(state.concepts.landscape, null);
});

test('a Backprop pause gets the autograd graph, predictions and landscape of the paused step', async () => {
  const runner = new Runner({ distDir: path.resolve(__dirname, '..', '..', 'dist') });
  try {
    const seen: RunEvent[] = [];
    let pauses = 0;
    runner.on('event', (e: RunEvent) => {
      seen.push(e);
      if (e.type !== 'paused') return;
      // Two pauses, then train to the end.
      if (++pauses < 2) runner.continue('backprop');
      else runner.continue('train');
    });
    const file = path.resolve(__dirname, '..', '..', 'examples/linear_model.py');
    await runner.run({ file, mode: 'backprop', seed: null });
    const paused = seen.filter((e) => e.type === 'paused');
    assert.equal(paused.length, 2);
    for (const p of paused) {
      const before = seen.slice(0, seen.indexOf(p));
      for (const type of ['graph', 'prediction', 'landscape', 'batch'] as const) {
        const latest = before.filter((e) => e.type === type).pop();
        assert.ok(latest && 'step' in latest && latest.step === p.step, `${type} of step ${p.step}`);
      }
      const graph = before.filter((e): e is GraphEvent => e.type === 'graph').pop()!;
      // At the pause the parameters' gradients are the ones backward just computed.
      const grads = graph.nodes.filter((n) => n.kind === 'param').map((n) => n.grad!.mean);
      const params = p.type === 'paused' ? p.params.map((q) => q.grad![0]) : [];
      grads.forEach((g, i) => assert.ok(close(g, params[i], 1e-4), `grad ${i}`));
    }
  } finally {
    await runner.dispose();
  }
});
