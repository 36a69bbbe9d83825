// SummaryWriter on both backends: the same file logging with add_scalar/add_scalars sends the same `scalars`
// events from the built-in runtime (our torch.utils.tensorboard) and from the Python backend (PyTorch's own
// SummaryWriter, patched by the probe's src/python/real/_blp_scalars.py). Debian has no `tensorboard`
// package, which PyTorch's SummaryWriter imports: the stand-in of test/reference/stubs is put on PYTHONPATH
// for this file's runs. Uses the built dist/ and Debian's python3-torch (see pytorch-backend-helpers.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunEvent, ScalarPoints } from '../../src/protocol';
import { RunState } from '../../src/shared/runState';
import { needsTorch, root, runCli, torchPython } from './pytorch-backend-helpers';

process.env.PYTHONPATH = [path.join(root, 'test', 'reference', 'stubs'), process.env.PYTHONPATH]
  .filter(Boolean)
  .join(path.delimiter);

const source = `
import torch
from torch import nn
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)
x = torch.linspace(-1, 1, 16).unsqueeze(1)
y = 3 * x + 1
model = nn.Linear(1, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
with SummaryWriter('runs/line') as writer:
    for step in range(40):
        loss = nn.functional.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        writer.add_scalar('Loss/train', loss, step)
        if step % 10 == 9:
            writer.add_scalars('weights', {'w': model.weight.item(), 'b': model.bias.item()}, step)
    writer.add_scalar('done', 1)
print('ok')
`;

/** Every curve of a run's scalars events, as a RunState folds them. */
function curves(events: RunEvent[]): ScalarPoints[] {
  const started = events.find((e) => e.type === 'started');
  assert.ok(started && started.type === 'started');
  const run = new RunState(started.runId, 'f.py', 'train');
  for (const e of events) run.apply(e, 0);
  return run.snapshot().scalars ?? [];
}

test(
  'add_scalar and add_scalars reach the panel alike on the built-in runtime and on real PyTorch',
  { skip: needsTorch },
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpl-tb-py-'));
    const file = path.join(dir, 'tb.py');
    fs.writeFileSync(file, source);
    const builtin = await runCli(file, [], dir);
    const python = await runCli(file, ['--backend', 'python', '--python', torchPython!], dir);
    fs.rmSync(dir, { recursive: true, force: true });
    for (const r of [builtin, python]) assert.equal(r.stdout, 'ok\n', r.stderr);
    const [ours, theirs] = [curves(builtin.events), curves(python.events)];
    const shape = (cs: ScalarPoints[]) => cs.map((c) => [c.chart, c.label, Array.from(c.steps)]);
    assert.deepEqual(shape(theirs), shape(ours));
    assert.deepEqual(shape(ours), [
      ['Loss/train', 'line', [...Array(40).keys()]],
      ['weights', 'w', [9, 19, 29, 39]],
      ['weights', 'b', [9, 19, 29, 39]],
      ['done', 'line', [0]],
    ]);
    ours.forEach((c, k) => {
      for (let i = 0; i < c.values.length; i++) {
        const [a, b] = [c.values[i], theirs[k].values[i]];
        assert.ok(Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b)), `${c.chart} ${c.label}[${i}]: ${a} vs ${b}`);
      }
    });
    // The values are the losses each backend recorded for those steps.
    const losses = (events: RunEvent[]) =>
      events.flatMap((e) => (e.type === 'steps' ? Array.from(e.losses) : ([] as number[])));
    assert.deepEqual(Array.from(ours[0].values), losses(builtin.events));
    assert.deepEqual(Array.from(theirs[0].values), losses(python.events));
  },
);
