// The activations view's numbers on real runs through the CLI: the host's RunRecorder keeps the latest
// module outputs (and re-sends them in snapshots), and the summaries label each module by path and type with
// the dead (ReLU) or saturated (Sigmoid/Tanh) share computed from its actual output.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { RunEvent } from '../../src/protocol';
import { deadOrSaturated, summarizeActivations } from '../../src/extension/activationStats';
import { RunRecorder } from '../../src/extension/runRecorder';
import { runThroughCli } from './extension-cliRun';

type Activations = Extract<RunEvent, { type: 'activations' }>;

function fold(events: RunEvent[]): RunRecorder {
  const started = events.find((e) => e.type === 'started');
  assert.ok(started?.type === 'started');
  const r = new RunRecorder(started.runId, started.file, started.mode);
  events.forEach((e, i) => r.apply(e, i));
  return r;
}

const output = (a: Activations, p: string) => a.outputs.find((o) => o.path === p)!.data;

test('shared xor_mlp.py: Linear -> Tanh -> Linear -> Sigmoid outputs in forward order, saturation from the values', () => {
  const run = runThroughCli('../shared/scripts/xor_mlp.py');
  const recorder = fold(run.events);
  const last = [...run.events].reverse().find((e): e is Activations => e.type === 'activations');
  assert.ok(last);
  const snap = recorder.snapshot();
  assert.equal(snap.activations, last, 'the recorder keeps the latest activations');
  // Re-sent to a view that becomes visible: it continues from the snapshot with the same outputs.
  assert.equal(RunRecorder.fromSnapshot(snap).activations, last);

  const summaries = summarizeActivations(last.outputs, snap.modules);
  assert.deepEqual(summaries.map((s) => `${s.path}: ${s.type}`), ['0: Linear', '1: Tanh', '2: Linear', '3: Sigmoid', ': Sequential']);
  assert.deepEqual(summaries.map((s) => s.kind), [null, 'saturated', null, 'saturated', null]);
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
  recorder.apply({ type: 'model', runId: snap.runId, modules: [] }, 0);
  assert.equal(recorder.activations, null);
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
  assert.deepEqual(deadOrSaturated('Sigmoid', Float32Array.from([0.005, 0.5, 0.995, NaN])), { kind: 'saturated', fraction: 2 / 3 });
});
