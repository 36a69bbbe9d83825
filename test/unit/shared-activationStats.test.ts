// The activations view's numbers on real runs through the CLI: the host's RunState keeps the latest
// module outputs (and re-sends them in snapshots), and the summaries label each module by path and type with
// the dead (ReLU) or saturated (Sigmoid/Tanh) share computed from its actual output.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { RunEvent } from '../../src/protocol';
import { deadOrSaturated, functionalActivation, summarizeActivations } from '../../src/shared/activationStats';
import { RunState } from '../../src/shared/runState';
import { runThroughCli } from './extension-cliRun';

type Activations = Extract<RunEvent, { type: 'activations' }>;

function fold(events: RunEvent[]): RunState {
  const started = events.find((e) => e.type === 'started');
  assert.ok(started?.type === 'started');
  const r = new RunState(started.runId, started.file, started.mode);
  events.forEach((e, i) => r.apply(e, i));
  return r;
}

const output = (a: Activations, p: string) => a.outputs.find((o) => o.path === p)!.data;

test('shared xor_mlp.py: Linear -> Tanh -> Linear -> Sigmoid outputs in forward order, saturation from the values', () => {
  const run = runThroughCli('test/reference/scripts/xor_mlp.py');
  const state = fold(run.events);
  const last = [...run.events].reverse().find((e): e is Activations => e.type === 'activations');
  assert.ok(last);
  const snap = state.snapshot();
  assert.equal(snap.activations, last, 'the run state keeps the latest activations');
  // Re-sent to a view that becomes visible: it continues from the snapshot with the same outputs.
  assert.equal(RunState.fromSnapshot(snap).activations, last);

  const summaries = summarizeActivations(last.outputs, snap.modules);
  assert.deepEqual(
    summaries.map((s) => `${s.path}: ${s.type}`),
    ['0: Linear', '1: Tanh', '2: Linear', '3: Sigmoid', ': Sequential'],
  );
  assert.deepEqual(
    summaries.map((s) => s.kind),
    [null, 'saturated', null, 'saturated', null],
  );
  // Tanh's output is tanh of the first Linear's, Sigmoid's the logistic of the second's (float32 rounding).
  const lin0 = output(last, '0');
  output(last, '1').forEach((v, i) => assert.ok(Math.abs(v - Math.tanh(lin0[i])) < 1e-6));
  const lin2 = output(last, '2');
  output(last, '3').forEach((v, i) => assert.ok(Math.abs(v - 1 / (1 + Math.exp(-lin2[i]))) < 1e-6));
  // Saturated share counted on the pre-activations: |tanh(z)| > 0.99 iff |z| > atanh(0.99).
  const expectedTanh = Array.from(lin0).filter((z) => Math.abs(z) > Math.atanh(0.99)).length / lin0.length;
  assert.ok(Math.abs(summaries[1].fraction - expectedTanh) < 1e-9);
  // sigmoid(z) < 0.01 or > 0.99 iff |z| > logit(0.99).
  const expectedSigmoid = Array.from(lin2).filter((z) => Math.abs(z) > Math.log(0.99 / 0.01)).length / lin2.length;
  assert.ok(Math.abs(summaries[3].fraction - expectedSigmoid) < 1e-9);
  assert.ok(summaries[3].hist.min >= 0 && summaries[3].hist.max <= 1);

  // A new model replaces the outputs: the previous ones belong to other modules.
  state.apply({ type: 'model', runId: snap.runId, modules: [] }, 0);
  assert.equal(state.activations, null);
});

test('a ReLU layer: its dead share is the share of its input that was <= 0', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-relu-')), 'relu_net.py');
  fs.writeFileSync(
    file,
    [
      'import torch',
      'import torch.nn as nn',
      'torch.manual_seed(3)',
      'model = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 1))',
      'x = torch.randn(32, 3)',
      'y = x.sum(dim=1, keepdim=True)',
      'optimizer = torch.optim.SGD(model.parameters(), lr=0.05)',
      'for step in range(5):',
      '    loss = nn.functional.mse_loss(model(x), y)',
      '    optimizer.zero_grad()',
      '    loss.backward()',
      '    optimizer.step()',
      '',
    ].join('\n'),
  );
  const run = runThroughCli(file);
  const last = fold(run.events).activations;
  assert.ok(last);
  const z = output(last, '0');
  const relu = output(last, '1');
  const summary = summarizeActivations(last.outputs, fold(run.events).modules).find((s) => s.path === '1')!;
  assert.equal(summary.type, 'ReLU');
  assert.equal(summary.kind, 'dead');
  const expected = Array.from(z).filter((v) => v <= 0).length / z.length;
  assert.ok(expected > 0 && expected < 1, 'some units are dead for some inputs, not all');
  assert.equal(summary.fraction, expected);
  assert.equal(relu.filter((v) => v === 0).length / relu.length, expected);
});

test('modules that are not ReLU, Sigmoid or Tanh get no dead/saturated share', () => {
  const values = Float32Array.from([0, 0.5, -1, 2]);
  assert.deepEqual(deadOrSaturated('Linear', values), { kind: null, fraction: NaN });
  assert.deepEqual(deadOrSaturated('ReLU', values), { kind: 'dead', fraction: 0.25 });
  assert.deepEqual(deadOrSaturated('Sigmoid', Float32Array.from([0.005, 0.5, 0.995, NaN])), {
    kind: 'saturated',
    fraction: 2 / 3,
  });
});

const labels = (a: Activations, modules: Parameters<typeof summarizeActivations>[1]) =>
  summarizeActivations(a.outputs, modules).map((s) => `${s.path}: ${s.type}`);

test('examples/spiral.py: F.relu inside forward shows as relu#1/relu#2 after the Linear it consumed, with its dead share', () => {
  const run = runThroughCli('examples/spiral.py');
  const state = fold(run.events);
  const last = state.activations;
  assert.ok(last);
  assert.deepEqual(labels(last, state.modules), [
    'fc1: Linear',
    'relu#1: ReLU (functional)',
    'fc2: Linear',
    'relu#2: ReLU (functional)',
    'head: Linear',
    ': SpiralNet',
  ]);
  // The model tree is the modules only.
  assert.deepEqual(
    state.modules.map((m) => m.path),
    ['', 'fc1', 'fc2', 'head'],
  );
  const summaries = summarizeActivations(last.outputs, state.modules);
  for (const [linear, relu] of [
    ['fc1', 'relu#1'],
    ['fc2', 'relu#2'],
  ]) {
    const z = output(last, linear);
    const r = output(last, relu);
    assert.equal(r.length, z.length);
    r.forEach((v, i) => assert.equal(v, Math.max(0, z[i])));
    const s = summaries.find((x) => x.path === relu)!;
    assert.equal(s.kind, 'dead');
    assert.equal(s.fraction, Array.from(z).filter((v) => v <= 0).length / z.length);
  }
  // The next layer consumed the ReLU's output: head(relu#2) is the model's output.
  assert.deepEqual(output(last, 'head'), output(last, ''));
});

test('examples/xor.py: torch.tanh and torch.sigmoid in forward show as Tanh/Sigmoid outputs with saturated shares', () => {
  const run = runThroughCli('examples/xor.py');
  const state = fold(run.events);
  const last = state.activations;
  assert.ok(last);
  assert.deepEqual(labels(last, state.modules), [
    'hidden: Linear',
    'tanh#1: Tanh (functional)',
    'out: Linear',
    'sigmoid#1: Sigmoid (functional)',
    ': XorNet',
  ]);
  const summaries = summarizeActivations(last.outputs, state.modules);
  const hidden = output(last, 'hidden');
  output(last, 'tanh#1').forEach((v, i) => assert.ok(Math.abs(v - Math.tanh(hidden[i])) < 1e-6));
  const logits = output(last, 'out');
  output(last, 'sigmoid#1').forEach((v, i) => assert.ok(Math.abs(v - 1 / (1 + Math.exp(-logits[i]))) < 1e-6));
  assert.deepEqual(output(last, 'sigmoid#1'), output(last, ''));
  const tanh = summaries[1];
  assert.equal(tanh.kind, 'saturated');
  assert.equal(tanh.fraction, Array.from(hidden).filter((z) => Math.abs(z) > Math.atanh(0.99)).length / hidden.length);
  const sigmoid = summaries[3];
  assert.equal(sigmoid.kind, 'saturated');
  // The trained XOR net is sure of its four answers: its logits are far from 0.
  const expected = Array.from(logits).filter((z) => Math.abs(z) > Math.log(0.99 / 0.01)).length / logits.length;
  assert.equal(sigmoid.fraction, expected);
  assert.ok(expected > 0);
});

test('functional activations are named after the module whose forward called them, only inside a seen model', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-functional-')), 'blocks.py');
  fs.writeFileSync(
    file,
    [
      'import torch',
      'import torch.nn as nn',
      'import torch.nn.functional as F',
      'torch.manual_seed(5)',
      'class Block(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.lin = nn.Linear(4, 4)',
      '    def forward(self, x):',
      '        return self.lin(x).tanh() + F.relu(x)',
      'class Net(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.blocks = nn.ModuleList([Block(), Block()])',
      '        self.act = nn.LeakyReLU(0.1)',
      '        self.head = nn.Linear(4, 1)',
      '    def forward(self, x):',
      '        for block in self.blocks:',
      '            x = self.act(block(x))',
      '        return torch.sigmoid(self.head(F.gelu(x)))',
      'model = Net()',
      'x = torch.randn(8, 4)',
      'print(torch.relu(x).sum().item() > 0)',
      'optimizer = torch.optim.SGD(model.parameters(), lr=0.1)',
      'for step in range(3):',
      '    loss = model(x).mean()',
      '    optimizer.zero_grad()',
      '    loss.backward()',
      '    optimizer.step()',
      '    torch.tanh(loss)',
      '',
    ].join('\n'),
  );
  const run = runThroughCli(file);
  const state = fold(run.events);
  const last = state.activations;
  assert.ok(last);
  // nn.LeakyReLU calls F.leaky_relu itself: reported once, as the module. Calls outside the forward are not.
  assert.deepEqual(labels(last, state.modules), [
    'blocks.0.lin: Linear',
    'blocks.0:tanh#1: Tanh (functional)',
    'blocks.0:relu#1: ReLU (functional)',
    'blocks.0: Block',
    'act: LeakyReLU',
    'blocks.1.lin: Linear',
    'blocks.1:tanh#1: Tanh (functional)',
    'blocks.1:relu#1: ReLU (functional)',
    'blocks.1: Block',
    'gelu#1: GELU (functional)',
    'head: Linear',
    'sigmoid#1: Sigmoid (functional)',
    ': Net',
  ]);
  assert.deepEqual(
    state.modules.map((m) => m.path),
    ['', 'blocks', 'blocks.0', 'blocks.0.lin', 'blocks.1', 'blocks.1.lin', 'act', 'head'],
  );
  // Each value is the call's own output: blocks.1 returned lin(x).tanh() + F.relu(x), its tanh is that of
  // its Linear, and `act` (called after each block; the latest call is kept) is the LeakyReLU of blocks.1.
  const lin1 = output(last, 'blocks.1.lin');
  const tanh1 = output(last, 'blocks.1:tanh#1');
  const relu1 = output(last, 'blocks.1:relu#1');
  const block1 = output(last, 'blocks.1');
  tanh1.forEach((v, i) => assert.ok(Math.abs(v - Math.tanh(lin1[i])) < 1e-6));
  assert.ok(relu1.every((v) => v >= 0) && relu1.some((v) => v === 0) && relu1.some((v) => v > 0));
  block1.forEach((v, i) => assert.ok(Math.abs(v - (tanh1[i] + relu1[i])) < 1e-6));
  output(last, 'act').forEach((v, i) => assert.ok(Math.abs(v - (block1[i] > 0 ? block1[i] : 0.1 * block1[i])) < 1e-6));
});

test('functional activation paths: the enclosing module, the function and its call number; their module type decides the share', () => {
  assert.deepEqual(functionalActivation('relu#1'), {
    module: '',
    fn: 'relu',
    index: 1,
    moduleType: 'ReLU',
    label: 'ReLU (functional)',
  });
  assert.deepEqual(functionalActivation('blocks.0:log_softmax#12'), {
    module: 'blocks.0',
    fn: 'log_softmax',
    index: 12,
    moduleType: 'LogSoftmax',
    label: 'LogSoftmax (functional)',
  });
  for (const modulePath of ['', 'fc1', 'blocks.0', 'relu', 'net:relu', 'x:matmul#1', 'relu#0']) {
    assert.equal(functionalActivation(modulePath), null, modulePath);
  }
  const modules = [
    { path: '', type: 'Net', extra: '', params: [], children: ['fc'] },
    { path: 'fc', type: 'Linear', extra: '', params: [], children: [] },
  ];
  const data = Float32Array.from([0, 0, 0.5, 2]);
  const summaries = summarizeActivations(
    [
      { path: 'fc', shape: [4], data },
      { path: 'relu#1', shape: [4], data },
      { path: 'sigmoid#1', shape: [4], data: Float32Array.from([0.001, 0.5, 0.6, 0.999]) },
      { path: 'softmax#1', shape: [4], data },
      { path: '', shape: [4], data },
    ],
    modules,
  );
  assert.deepEqual(
    summaries.map((s) => [s.type, s.kind, s.fraction]),
    [
      ['Linear', null, NaN],
      ['ReLU (functional)', 'dead', 0.5],
      ['Sigmoid (functional)', 'saturated', 0.5],
      ['Softmax (functional)', null, NaN],
      ['Net', null, NaN],
    ],
  );
});

test('examples/xor.py: the output Sigmoid saturated at the right answers is not flagged; saturated at wrong ones is', () => {
  const run = runThroughCli('examples/xor.py');
  const state = fold(run.events);
  const last = state.activations;
  const target = state.concepts.batch?.target?.rows;
  assert.ok(last && target);
  assert.deepEqual(Array.from(target), [0, 1, 1, 0]);
  const probabilities = output(last, 'sigmoid#1');
  assert.ok(deadOrSaturated('Sigmoid', probabilities).fraction > 0, 'saturated by the plain count');
  const sigmoid = summarizeActivations(last.outputs, state.modules, undefined, target)[3];
  assert.equal(sigmoid.kind, 'saturated');
  assert.equal(sigmoid.fraction, 0, 'every saturated output is at its target');
  // The same outputs against the opposite labels: every saturated one is wrong.
  const flipped = target.map((t) => 1 - t);
  const wrong = summarizeActivations(last.outputs, state.modules, undefined, flipped)[3];
  assert.equal(wrong.fraction, deadOrSaturated('Sigmoid', probabilities).fraction);
  // Hidden layers keep the plain count: Tanh#1 is not the model's output.
  assert.equal(
    summarizeActivations(last.outputs, state.modules, undefined, target)[1].fraction,
    summarizeActivations(last.outputs, state.modules)[1].fraction,
  );
});
