// The learning-rate comparison's runtime side: RunRequest.lrScale (and the CLI's BACKPROP_LENS_LR_SCALE)
// multiplies every optimizer's lr at construction, defaults and explicit param groups alike, without the
// file being edited; slow motion (maxStepsPerSecond) sends every step's loss as it ends instead of batching.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { foldComparedRun, emptyComparedRun, leavesChartAt, lossAxis } from '../../src/shared/lrComparison';
import { ofType, runCollecting, warmRunner } from './runtime-helpers';

const shared = warmRunner();
const root = path.resolve(__dirname, '..', '..');

const LRS = `
import torch
w = torch.zeros(2, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
sgd = torch.optim.SGD([w, b], lr=0.05, momentum=0.9)
adam = torch.optim.Adam([{'params': [w]}, {'params': [b], 'lr': 0.2}], lr=0.001)
print(sgd.param_groups[0]['lr'], adam.param_groups[0]['lr'], adam.param_groups[1]['lr'], sgd.defaults['lr'])
`;

function printed(events: Awaited<ReturnType<typeof runCollecting>>): string {
  return ofType(events, 'output')
    .map((e) => e.text)
    .join('');
}

test('lrScale multiplies the lr of every optimizer and param group; without it the file is unchanged', async () => {
  const file = path.join(root, 'lr_scale_probe.py');
  const scaled = await runCollecting(shared.runner, { file, source: LRS, lrScale: 10 });
  // What python3 prints for 0.05 * 10, 0.001 * 10, 0.2 * 10, 0.05 * 10.
  assert.equal(printed(scaled), '0.5 0.01 2.0 0.5\n');
  const plain = await runCollecting(shared.runner, { file, source: LRS });
  assert.equal(printed(plain), '0.05 0.001 0.2 0.05\n', 'the next run is back to x1');
});

test('BACKPROP_LENS_LR_SCALE scales the optimizers of a CLI run', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-lr-'));
  const file = path.join(dir, 'lrs.py');
  fs.writeFileSync(file, LRS);
  const cli = path.join(root, 'dist/cli.js');
  const run = (env: Record<string, string>) =>
    execFileSync(process.execPath, [cli, 'run', file], { encoding: 'utf8', env: { ...process.env, ...env } });
  // What python3 prints for 0.05 * 0.1, 0.001 * 0.1, 0.2 * 0.1, 0.05 * 0.1.
  assert.equal(
    run({ BACKPROP_LENS_LR_SCALE: '0.1' }),
    '0.005000000000000001 0.0001 0.020000000000000004 0.005000000000000001\n',
  );
  assert.equal(run({}), '0.05 0.001 0.2 0.05\n');
});

test('a comparison folds each run: its lr, every loss, where it diverged; the axis clips the diverging one', async () => {
  const source = `
import torch
torch.manual_seed(0)
x = torch.linspace(-2, 2, 32).unsqueeze(1)
y = 2 * x - 1
model = torch.nn.Linear(1, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.3)
for step in range(60):
    opt.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    opt.step()
`;
  const file = path.join(root, 'compare_probe.py');
  const runs = [];
  for (const factor of [0.1, 1, 10]) {
    const record = emptyComparedRun(factor);
    const events = await runCollecting(shared.runner, { file, source, lrScale: factor });
    for (const e of events) foldComparedRun(record, e);
    runs.push(record);
  }
  assert.deepEqual(
    runs.map((r) => r.status),
    ['finished', 'finished', 'finished'],
  );
  runs.forEach((r, i) => assert.ok(Math.abs(r.lr! - [0.03, 0.3, 3][i]) < 1e-6, String(r.lr)));
  assert.deepEqual(
    runs.map((r) => r.losses.length),
    [60, 60, 60],
  );
  const [slow, good, large] = runs;
  assert.ok(good.losses[59] < slow.losses[59], 'x1 ends lower than x0.1');
  assert.ok(large.divergedAt !== null && large.divergedAt > 0, 'x10 overflows');
  assert.ok(!Number.isFinite(large.losses[large.divergedAt!]) && Number.isFinite(large.losses[large.divergedAt! - 1]));
  const [lo, hi] = lossAxis(runs);
  assert.ok(lo > 0 && lo <= good.losses[59]);
  assert.ok(hi <= 10 * Math.max(...runs.map((r) => r.losses[0])), 'clipped near the starting losses');
  assert.equal(leavesChartAt(good, hi), null);
  assert.equal(leavesChartAt(slow, hi), null);
  assert.ok(leavesChartAt(large, hi)! <= large.divergedAt!);
});

test('slow motion sends every step as it ends', async () => {
  const source = `
import torch
w = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
for step in range(8):
    opt.zero_grad()
    loss = ((w - 3) ** 2).sum()
    loss.backward()
    opt.step()
`;
  const file = path.join(root, 'slow_probe.py');
  const slow = ofType(await runCollecting(shared.runner, { file, source, maxStepsPerSecond: 40 }), 'steps');
  assert.deepEqual(
    slow.map((e) => [e.firstStep, e.losses.length]),
    [0, 1, 2, 3, 4, 5, 6, 7].map((i) => [i, 1]),
  );
  const fast = ofType(await runCollecting(shared.runner, { file, source }), 'steps');
  assert.ok(fast.length < 8, 'full speed batches the steps');
});
