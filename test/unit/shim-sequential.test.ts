// The one-call path of a root nn.Sequential (container.py + bridge/sequential.ts `sequential_forward`) against the
// module-by-module path it replaces: same outputs and gradients bit for bit, the same activations reported,
// and a fall back to Python whenever the model changes (a swapped layer, a hook, an in-place ReLU). Uses the
// built dist/ through the Runner: run `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunEvent } from '../../src/protocol';
import { ofType, runCollecting, warmRunner } from './runtime-helpers';

const shared = warmRunner();

function run(source: string): Promise<RunEvent[]> {
  return runCollecting(shared.runner, { file: 'sequential_check.py', source, updatesPerSecond: 1000 });
}

const PRELUDE = `
import torch
import torch.nn as nn
torch.manual_seed(3)

def by_children(model, x):
    # What Module.__call__ would do, child by child (calling forward directly skips the fast path).
    for m in model:
        x = m.forward(x)
    return x

def same(a, b):
    return a.shape == b.shape and bool((a == b).all()) and bool((a.isnan() == b.isnan()).all())

x = torch.rand(16, 3) * 4 - 2
`;

test('a Sequential of Linear/Tanh/ReLU/Sigmoid gives the outputs and gradients of the module-by-module path', async () => {
  const events = await run(`${PRELUDE}
model = nn.Sequential(nn.Linear(3, 5), nn.ReLU(), nn.Linear(5, 4, bias=False), nn.Tanh(), nn.Linear(4, 1), nn.Sigmoid())
out = model(x)
out = model(x)  # second call: the cached plan
ref = by_children(model, x)
print('forward', same(out, ref), out.grad_fn.name())
out.sum().backward()
g_fast = [p.grad.clone() for p in model.parameters()]
model.zero_grad()
by_children(model, x).sum().backward()
print('grads', all(same(a, p.grad) for a, p in zip(g_fast, model.parameters())))
with torch.no_grad():
    y = model(x)
print('no_grad', y.requires_grad, same(y, ref.detach()))
model[2] = nn.Linear(5, 4)  # a swapped layer: the next call must use it
print('swapped', same(model(x), by_children(model, x)))
with torch.no_grad():
    model[0].weight.mul_(2)  # in place: same tensor, new values
print('in place', same(model(x), by_children(model, x)))
seen = []
h = model[1].register_forward_hook(lambda m, i, o: seen.append(o.shape))
model(x)
print('hook', seen)
h.remove()
model[1] = nn.ReLU(inplace=True)
print('inplace relu', same(model(x), by_children(model, x)))
try:
    model(x, x)
except TypeError as e:
    print('two inputs: TypeError')
`);
  const text = events
    .filter((e) => e.type === 'output')
    .map((e) => (e as { text: string }).text)
    .join('');
  const errors = events.filter((e) => e.type === 'error');
  assert.deepEqual(errors, []);
  assert.equal(
    text,
    [
      'forward True SigmoidBackward0',
      'grads True',
      'no_grad False True',
      'swapped True',
      'in place True',
      'hook [torch.Size([16, 5])]',
      'inplace relu True',
      'two inputs: TypeError',
      '',
    ].join('\n'),
  );
});

test('the activations reported for a root Sequential: every child under its path, then the model', async () => {
  const events = await run(`${PRELUDE}
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(3):
    opt.zero_grad()
    model(x).pow(2).mean().backward()
    opt.step()
final = model(x)
print(final.tolist())
`);
  const acts = ofType(events, 'activations');
  assert.ok(acts.length > 0);
  const last = acts[acts.length - 1];
  assert.deepEqual(
    last.outputs.map((o) => o.path),
    ['0', '1', '2', ''],
  );
  assert.deepEqual(
    last.outputs.map((o) => o.shape),
    [
      [16, 4],
      [16, 4],
      [16, 2],
      [16, 2],
    ],
  );
  // The model's reported output is the final forward's.
  const printed = events
    .filter((e) => e.type === 'output')
    .map((e) => (e as { text: string }).text)
    .join('');
  const values = (JSON.parse(printed) as number[][]).flat();
  assert.deepEqual(
    Array.from(last.outputs[3].data),
    values.map((v) => Math.fround(v)),
  );
});
