// The Python `torch` shim in a real Pyodide: printing, indexing, DataLoader order, unsupported features,
// the runtime hooks, and PyTorch-exact seeded initialisation. Expected text is what PyTorch 1.13 prints
// (the shared learner scripts' .expected.txt files and the golden rng.json), compared with the shared
// comparison tool's rules where numbers are involved.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { PyodideInterface } from 'pyodide';
import { installTorchShim } from '../../src/python/shim';
import type { ModuleInfo } from '../../src/protocol';
import type { Tensor } from '../../src/engine/tensor';
import { bundledScriptsDir, compareTool, goldenDir } from '../reference/paths';

const root = path.resolve(__dirname, '..', '..');
let py: PyodideInterface;
let out = '';
const seen: { modules: ModuleInfo[]; params: string[] }[] = [];
const forwards: { path: string; shape: number[] }[] = [];
const hints: string[] = [];

before(async () => {
  const { loadPyodide } = require(path.join(root, 'node_modules', 'pyodide', 'pyodide.js'));
  py = await loadPyodide({ indexURL: path.join(root, 'node_modules', 'pyodide') + path.sep });
  const decoder = new TextDecoder();
  py.setStdout({ write: (b: Uint8Array) => ((out += decoder.decode(b, { stream: true })), b.length) });
  await installTorchShim(
    py,
    {
      modelSeen: (modules, params) => seen.push({ modules, params: params.map((p) => p.name) }),
      moduleForward: (p: string, o: Tensor) => forwards.push({ path: p, shape: o.shape.slice() }),
      hint: (message: string) => hints.push(message),
      write: () => undefined,
    },
    { torchDir: path.join(root, 'src', 'python', 'torch') },
  );
});

after(() => {
  // Pyodide keeps no handles that would hold the process open; nothing to close.
});

/** Runs Python source in a fresh namespace (with `vars` defined) and returns what it printed. */
function run(source: string, vars: Record<string, unknown> = {}): string {
  out = '';
  const globals = py.globals.get('dict')();
  for (const [k, v] of Object.entries(vars)) globals.set(k, v);
  try {
    py.runPython(source, { globals });
  } finally {
    globals.destroy();
  }
  return out;
}

/** The shared tool's comparison: tokens equal, numbers within tolerance or the last printed digit. */
function sameOutput(expected: string, actual: string): void {
  const tmp = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'shim-'));
  fs.writeFileSync(path.join(tmp, 'e.txt'), expected);
  fs.writeFileSync(path.join(tmp, 'a.txt'), actual);
  const r = require('node:child_process').spawnSync(
    process.execPath,
    [compareTool, path.join(tmp, 'e.txt'), path.join(tmp, 'a.txt')],
    { encoding: 'utf8' },
  );
  assert.equal(r.stdout.trim(), 'match', `expected:\n${expected}\nactual:\n${actual}`);
}

function script(name: string): { source: string; expected: string } {
  return {
    source: fs.readFileSync(path.join(bundledScriptsDir, `${name}.py`), 'utf8'),
    expected: fs.readFileSync(path.join(bundledScriptsDir, `${name}.expected.txt`), 'utf8'),
  };
}

test('module printing, named_parameters and state_dict keys match PyTorch (modules_and_models.py)', () => {
  const { source, expected } = script('modules_and_models');
  sameOutput(expected, run(source));
});

test('seeded nn.Linear has PyTorch 1.13 weights and prints with grad_fn (seed_linear.py)', () => {
  const { source, expected } = script('seed_linear');
  sameOutput(expected, run(source));
  const golden = JSON.parse(fs.readFileSync(path.join(goldenDir, 'rng.json'), 'utf8')).cases[0];
  const weights = JSON.parse(
    run(
      `import torch, json\ntorch.manual_seed(${golden.seed})\nm = torch.nn.Linear(4, 6)\nprint(json.dumps([m.weight.flatten().tolist(), m.bias.tolist()]))`,
    ),
  );
  assert.deepEqual(weights[0].map(Math.fround), golden.linear_4_6.weight.data.map(Math.fround));
  assert.deepEqual(weights[1].map(Math.fround), golden.linear_4_6.bias.data.map(Math.fround));
});

test('tensor, Parameter, Size, dtype and return_types print as PyTorch', () => {
  const printed = run(`
import torch
print(torch.tensor([[1.5, 2], [3, 4]]))
print(torch.tensor([1, 2, 3]), torch.tensor([True, False]), torch.tensor(3.0))
print(torch.nn.Parameter(torch.ones(2)))
print(torch.zeros(4, 2).shape, torch.float32, torch.long, torch.bool)
print(torch.tensor([[1.0, 5.0], [7.0, 2.0]]).max(dim=1))
print(f"{torch.tensor(2.0) / 3:.4f}")
`);
  assert.equal(
    printed,
    'tensor([[1.5000, 2.0000],\n        [3.0000, 4.0000]])\n' +
      'tensor([1, 2, 3]) tensor([ True, False]) tensor(3.)\n' +
      'Parameter containing:\ntensor([1., 1.], requires_grad=True)\n' +
      'torch.Size([4, 2]) torch.float32 torch.int64 torch.bool\n' +
      'torch.return_types.max(\nvalues=tensor([5., 7.]),\nindices=tensor([1, 0]))\n' +
      '0.6667\n',
  );
});

test('indexing: ints, slices, None, Ellipsis, masks, index tensors, assignment, and gradients through them', () => {
  const printed = run(`
import torch
t = torch.arange(12).reshape(3, 4)
print(t[1].tolist(), t[:, 1].tolist(), t[1:, ::2].tolist(), t[..., -1].tolist(), tuple(t[None, 0].shape))
print(t[t > 8].tolist(), t[[0, 2]].tolist(), t[torch.tensor([2, 0]), 1].tolist(), t[0, 3].item())
t[0] = 7
t[1, 2:] = torch.tensor([9, 8])
print(t.tolist())
x = torch.ones(3, 2, requires_grad=True)
(x[1:, 0] * torch.tensor([2.0, 3.0])).sum().backward()
print(x.grad.tolist(), x[0].grad_fn.name(), x[:, 0].grad_fn.name(), x[torch.tensor([0])].grad_fn.name())
`);
  assert.equal(
    printed,
    '[4, 5, 6, 7] [1, 5, 9] [[4, 6], [8, 10]] [3, 7, 11] (1, 4)\n' +
      '[9, 10, 11] [[0, 1, 2, 3], [8, 9, 10, 11]] [9, 1] 3\n' +
      '[[7, 7, 7, 7], [4, 5, 9, 8], [8, 9, 10, 11]]\n' +
      '[[0.0, 0.0], [2.0, 0.0], [3.0, 0.0]] SelectBackward0 SelectBackward0 IndexBackward0\n',
  );
});

test('DataLoader: batch sizes, drop_last, len, and PyTorch 1.13 shuffle order (minibatch_dataloader.py)', () => {
  const printed = run(`
import torch
from torch.utils.data import DataLoader, TensorDataset
ds = TensorDataset(torch.arange(10).float(), torch.arange(10))
print([len(xb) for xb, yb in DataLoader(ds, batch_size=4)], len(DataLoader(ds, batch_size=4)))
print([len(xb) for xb, yb in DataLoader(ds, batch_size=4, drop_last=True)], len(DataLoader(ds, batch_size=4, drop_last=True)))
print([yb.tolist() for xb, yb in DataLoader(ds, batch_size=5)])
torch.manual_seed(0)
a = [yb.tolist() for _, yb in DataLoader(ds, batch_size=10, shuffle=True)][0]
torch.manual_seed(0)
b = [yb.tolist() for _, yb in DataLoader(ds, batch_size=10, shuffle=True)][0]
print(a == b, sorted(a) == list(range(10)), a != list(range(10)))
`);
  assert.equal(printed, '[4, 4, 2] 3\n[4, 4] 2\n[[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]\nTrue True True\n');
  const { source, expected } = script('minibatch_dataloader');
  sameOutput(expected, run(source));
});

test('unsupported features raise NotImplementedError naming the feature and the supported list', () => {
  const printed = run(`
import torch, torch.nn as nn, torch.nn.functional as F
x = torch.ones(2)
for expr in ['nn.SyncBatchNorm(2)', 'torch.fft', 'F.conv_tbc', 'torch.optim.SparseAdam', 'x.apply_(abs)']:
    try:
        eval(expr)
        print('no error', expr)
    except NotImplementedError as e:
        print(expr, '|', 'Backprop Lens' in str(e), "README 'Supported PyTorch'" in str(e))
print(torch.cuda.is_available(), x.to('cpu') is x, x.cpu() is x)
`);
  assert.equal(
    printed,
    'nn.SyncBatchNorm(2) | True True\ntorch.fft | True True\nF.conv_tbc | True True\n' +
      'torch.optim.SparseAdam | True True\nx.apply_(abs) | True True\nFalse True True\n',
  );
  assert.match(
    run(`import torch\ntry:\n    torch.nn.CrossMapLRN2d\nexcept NotImplementedError as e:\n    print(e)`),
    /^torch\.nn\.CrossMapLRN2d is not supported/,
  );
});

test('engine errors arrive as the Python exception PyTorch raises', () => {
  const printed = run(`
import torch
for f in [lambda: torch.ones(2, 3) @ torch.ones(2, 3), lambda: torch.ones(3)[5], lambda: torch.ones(2).view(3)]:
    try:
        f()
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__)
`);
  assert.equal(printed, 'RuntimeError\nIndexError\nRuntimeError\n');
});

test('hooks: a root model is reported once with its module tree; module outputs follow each forward', () => {
  seen.length = 0;
  forwards.length = 0;
  run(`
import torch, torch.nn as nn
model = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))
loss_fn = nn.MSELoss()
x = torch.ones(4, 2)
for _ in range(2):
    loss_fn(model(x), torch.zeros(4, 1))
`);
  assert.equal(seen.length, 1, 'the loss module is not a model; the model is reported once');
  assert.deepEqual(seen[0].params, ['0.weight', '0.bias', '2.weight', '2.bias']);
  assert.deepEqual(
    seen[0].modules.map((m) => [m.path, m.type, m.extra, m.children]),
    [
      ['', 'Sequential', '', ['0', '1', '2']],
      ['0', 'Linear', 'in_features=2, out_features=3, bias=True', []],
      ['1', 'Tanh', '', []],
      ['2', 'Linear', 'in_features=3, out_features=1, bias=True', []],
    ],
  );
  assert.deepEqual(seen[0].modules[1].params, [
    { name: '0.weight', shape: [3, 2], numel: 6 },
    { name: '0.bias', shape: [3], numel: 3 },
  ]);
  const oneStep = [
    { path: '0', shape: [4, 3] },
    { path: '1', shape: [4, 3] },
    { path: '2', shape: [4, 1] },
    { path: '', shape: [4, 1] },
  ];
  assert.deepEqual(forwards, [...oneStep, ...oneStep]);
});

test('no_grad as context manager and decorator; in-place updates of leaves under no_grad', () => {
  const { source, expected } = script('manual_gradient_descent');
  sameOutput(expected, run(source));
  const printed = run(`
import torch
w = torch.ones(2, requires_grad=True)
with torch.no_grad():
    print((w * 2).requires_grad)
@torch.no_grad()
def f(a):
    return a * 2
print(f(w).requires_grad, (w * 2).requires_grad)
try:
    w -= 1
except RuntimeError as e:
    print('RuntimeError')
`);
  assert.equal(printed, 'False\nFalse True\nRuntimeError\n');
});

test('optimizers and schedulers wrap the engine: learning_rates.py, xor_mlp.py, spiral_classifier.py, activations.py', () => {
  for (const name of ['learning_rates', 'xor_mlp', 'spiral_classifier', 'activations']) {
    const { source, expected } = script(name);
    sameOutput(expected, run(source));
  }
});

test("param_groups are live views of the engine's groups: writing lr changes the next update", () => {
  const printed = run(`
import torch
w = torch.nn.Parameter(torch.ones(2))
opt = torch.optim.SGD([w], lr=0.5)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.1)
(w * 3).sum().backward()
opt.param_groups[0]['lr'] = 0.0
opt.step()
print(w.tolist(), opt.param_groups[0]['lr'])
opt.param_groups[0]['lr'] = 1.0
opt.step()
sched.step()
print(w.tolist(), sched.get_last_lr(), opt.param_groups[0]['lr'], len(opt.param_groups[0]['params']))
`);
  assert.equal(printed, '[1.0, 1.0] 0.0\n[-2.0, -2.0] [0.1] 0.1 1\n');
});

test('every golden op (ops.json) called through torch / torch.nn.functional gives PyTorch 1.13 values and gradients', () => {
  const ops = fs.readFileSync(path.join(goldenDir, 'ops.json'), 'utf8');
  const report = JSON.parse(
    run(
      `
import json, torch
import torch.nn.functional as F
def build(a, grad):
    if not isinstance(a, dict):
        return a
    t = torch.tensor(a['data'], dtype=torch.int64 if a.get('dtype') == 'int64' else torch.float32).reshape(a['shape'])
    return t.requires_grad_(True) if grad else t
bad = []
for c in json.loads(_golden_ops)['cases']:
    try:
        fn = getattr(torch, c['op'])
    except (NotImplementedError, AttributeError):  # a name only torch.nn.functional has
        fn = getattr(F, c['op'])
    grads = c['grads'] or []
    args = [build(a, i < len(grads) and grads[i] is not None) for i, a in enumerate(c['args'])]
    out = fn(*args, **c['kwargs'])
    got = [(out, c['out'])]
    out.backward(build(c['grad_out'], False))
    got += [(a.grad, g) for a, g in zip(args, grads) if g is not None]
    for t, want in got:
        if t is None or list(t.shape) != want['shape']:
            bad.append([c['name'], 'shape'])
            continue
        for x, e in zip(t.flatten().tolist(), want['data']):
            if not abs(x - e) <= 1e-5 + 1e-4 * abs(e):
                bad.append([c['name'], x, e])
                break
print(json.dumps(bad))
`,
      { _golden_ops: ops },
    ),
  );
  assert.deepEqual(report, []);
});

test('every golden training run (train.json) through Python nn / optim / lr_scheduler matches PyTorch 1.13', () => {
  const train = fs.readFileSync(path.join(goldenDir, 'train.json'), 'utf8');
  const report = JSON.parse(
    run(
      `
import json, torch
import torch.nn as nn
def T(a):
    return torch.tensor(a['data'], dtype=torch.int64 if a.get('dtype') == 'int64' else torch.float32).reshape(a['shape'])
def close(name, got, want, bad):
    if list(got.shape) != want['shape']:
        bad.append([name, 'shape'])
        return
    for x, e in zip(got.flatten().tolist(), want['data']):
        if not abs(x - e) <= 1e-5 + 1e-4 * abs(e):
            bad.append([name, x, e])
            return
bad = []
for c in json.loads(_golden_train)['cases']:
    mods = []
    for spec in c['layers']:
        if spec['type'] == 'Linear':
            m = nn.Linear(spec['in'], spec['out'], bias='bias' in spec)
            with torch.no_grad():
                m.weight.copy_(T(spec['weight']))
                if 'bias' in spec:
                    m.bias.copy_(T(spec['bias']))
            mods.append(m)
        elif spec['type'] == 'LeakyReLU':
            mods.append(nn.LeakyReLU(spec.get('negative_slope', 0.01)))
        else:
            mods.append(getattr(nn, spec['type'])())
    model = nn.Sequential(*mods)
    crit = getattr(nn, c['loss']['type'])(**{k: v for k, v in c['loss'].items() if k != 'type'})
    okw = {k: (tuple(v) if k == 'betas' else v) for k, v in c['optimizer'].items() if k != 'type'}
    opt = getattr(torch.optim, c['optimizer']['type'])(model.parameters(), **okw)
    sched = None
    if c['scheduler']:
        sched = getattr(torch.optim.lr_scheduler, c['scheduler']['type'])(opt, **{k: v for k, v in c['scheduler'].items() if k != 'type'})
    X, y = T(c['X']), T(c['y'])
    n = X.shape[0]
    for step in range(c['steps']):
        if c['batch']:
            lo = (step * c['batch']) % n
            xb, yb = X[lo:lo + c['batch']], y[lo:lo + c['batch']]
        else:
            xb, yb = X, y
        opt.zero_grad()
        loss = crit(model(xb), yb)
        loss.backward()
        if step == 0:
            for i, (p, g) in enumerate(zip(model.parameters(), c['first_grads'])):
                close(c['name'] + ' first_grad ' + str(i), p.grad, g, bad)
        if abs(opt.param_groups[0]['lr'] - c['lrs'][step]) > 1e-12 * max(1.0, abs(c['lrs'][step])):
            bad.append([c['name'], 'lr', step])
        opt.step()
        if sched:
            sched.step()
        e = c['losses'][step]
        if not abs(loss.item() - e) <= 1e-5 + 1e-4 * abs(e):
            bad.append([c['name'], 'loss', step, loss.item(), e])
            break
    for i, (p, want) in enumerate(zip(model.parameters(), c['final_params'])):
        close(c['name'] + ' param ' + str(i), p, want, bad)
    with torch.no_grad():
        close(c['name'] + ' output', model(X), c['final_output'], bad)
print(json.dumps(bad))
`,
      { _golden_train: train },
    ),
  );
  assert.deepEqual(report, []);
});

test("forward() returning its layer instead of calling it (the study notes' slip) is pointed out once", () => {
  hints.length = 0;
  const printed = run(`
import torch
import torch.nn as nn

class LinearRegressionModel(nn.Module):
    def __init__(self, input_dim, output_dim):
        super().__init__()
        self.linear = nn.Linear(input_dim, output_dim)

    def forward(self, x):
        return self.linear

model = LinearRegressionModel(input_dim=4, output_dim=6)
x = torch.tensor([[1.0, 2.0, 3.0, 4.0]])
print(model(x))
model(x)
`);
  // PyTorch prints the layer itself; the printed output stays exactly that.
  assert.equal(printed, 'Linear(in_features=4, out_features=6, bias=True)\n');
  assert.deepEqual(hints, [
    'LinearRegressionModel.forward() returned the layer self.linear (Linear) itself, not its output: ' +
      'call the layer on the input, e.g. `return self.linear(x)`.',
  ]);
  // A forward that calls its layer says nothing.
  hints.length = 0;
  run(`
import torch
import torch.nn as nn

class Fixed(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(4, 6)

    def forward(self, x):
        return self.linear(x)

Fixed()(torch.ones(1, 4))
`);
  assert.deepEqual(hints, []);
});
