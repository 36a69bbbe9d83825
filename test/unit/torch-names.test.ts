// Every public name real PyTorch 1.13 has in torch, torch.Tensor, torch.nn, torch.nn.functional,
// torch.nn.init, torch.optim, torch.optim.lr_scheduler, torch.utils.data, torch.autograd, torch.linalg and
// torch.cuda (test/unit/torch-names-torch113.json, written by torch-names-fixture.py) either exists on our
// torch or raises NotImplementedError naming it and what is supported, never an AttributeError or TypeError
// of ours; so do nn.Module's public methods on every nn.Module class we have. torch-names-check.py runs the
// checks in a real Pyodide on our torch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { assertClose, fixtureRunner, float32Tolerance, pytorchResults } from './pyodide-fixture';

interface Tally {
  ok: string[];
  unsupported: string[];
  failures: Record<string, string>;
}

interface Names {
  modules: Record<string, string[]>;
  tensor: string[];
  module_methods: Record<string, unknown>;
}

const fixture = fixtureRunner();
const json = fs.readFileSync(path.join(__dirname, 'torch-names-torch113.json'), 'utf8');
const names = pytorchResults('torch-names-torch113.json') as Names;
let report: Record<string, Tally> & {
  'not torch names on Tensor': Record<string, string>;
  messages: Record<string, unknown>;
  'tensor names shipped': string[];
  'not torch names on modules': Record<string, unknown>;
  'module names shipped': Record<string, string[]>;
};

function checked(group: string, expected: string[] | undefined, t: { diagnostic(m: string): void }): void {
  report ??= fixture.run('torch-names-check.py', json) as typeof report;
  const tally = report[group];
  assert.deepEqual(tally.failures, {}, `${group}: names that neither work nor say they are unsupported`);
  if (expected) assert.deepEqual([...tally.ok, ...tally.unsupported].sort(), [...expected].sort(), group);
  t.diagnostic(`${group}: ${tally.ok.length} work, ${tally.unsupported.length} raise NotImplementedError`);
}

for (const module of Object.keys(names.modules)) {
  test(`${module}: every PyTorch 1.13 name works or raises NotImplementedError naming it`, (t) =>
    checked(module, names.modules[module], t));
}

test('torch.Tensor: every PyTorch 1.13 method and property works or raises NotImplementedError naming it', (t) =>
  checked('torch.Tensor', names.tensor, t));

test("nn.Module's public methods work (or say they are unsupported) on every nn.Module class we have", (t) =>
  checked('nn.Module methods', undefined, t));

test('names PyTorch does not have stay AttributeErrors on a tensor, so hasattr() is False', () => {
  report ??= fixture.run('torch-names-check.py', json) as typeof report;
  assert.deepEqual(report['not torch names on Tensor'], {
    not_a_torch_name: 'AttributeError',
    numpy_only: 'AttributeError',
    shapee: 'AttributeError',
  });
});

test('names PyTorch 1.13 does not have are AttributeErrors on torch modules too, with its message', () => {
  report ??= fixture.run('torch-names-check.py', json) as typeof report;
  // What PyTorch 1.13 itself does for each: the lookup's error, hasattr(), and `from <module> import <name>`.
  assert.deepEqual(report['not torch names on modules'], {
    'torch.nn.CircularPad2d': [
      "AttributeError: module 'torch.nn' has no attribute 'CircularPad2d'",
      false,
      "ImportError: cannot import name 'CircularPad2d' from 'torch.nn'",
    ],
    'torch.tensr': [
      "AttributeError: module 'torch' has no attribute 'tensr'",
      false,
      "ImportError: cannot import name 'tensr' from 'torch'",
    ],
    'torch.nn.functional.relu6_': [
      "AttributeError: module 'torch.nn.functional' has no attribute 'relu6_'",
      false,
      "ImportError: cannot import name 'relu6_' from 'torch.nn.functional'",
    ],
  });
});

test('the shipped src/python/torch/_module_names.py lists the names of the JSON for each module', () => {
  report ??= fixture.run('torch-names-check.py', json) as typeof report;
  const expected = Object.fromEntries(
    Object.entries(names.modules)
      .filter(([module]) => module !== 'torch.cuda')
      .map(([module, list]) => [module, [...list].sort()]),
  );
  assert.deepEqual(report['module names shipped'], expected);
});

test('the shipped src/python/torch/_tensor_names.py lists exactly the names of the JSON', () => {
  report ??= fixture.run('torch-names-check.py', json) as typeof report;
  assert.deepEqual(report['tensor names shipped'], [...names.tensor].sort());
});

test('a missing tensor attribute is a NotImplementedError (and an AttributeError, for hasattr) with a hint', () => {
  report ??= fixture.run('torch-names-check.py', json) as typeof report;
  // Each message: the feature, 'is not supported by Backprop Lens', the hint in brackets (its start here).
  const hints: Record<string, [boolean, string]> = {
    'Tensor.stft': [true, 'no spectral transforms (torch.fft, stft) here)'],
    'Tensor.<in-place>': [true, 'the in-place form is missing: write x = x.<base>(...) instead)'],
    'Tensor.to_sparse': [true, 'sparse and quantized tensors do not exist here: every tensor is a dense CPU tensor'],
    'Tensor.geqrf': [true, 'of linear algebra, torch.linalg.norm/vector_norm/matrix_norm, matmul (@), mm, bmm, dot'],
    // Module attributes stay plain NotImplementedErrors: `from torch import fft` must not become an ImportError.
    'torch.fft': [false, 'no spectral transforms here)'],
    'torch.nn.parallel.DistributedDataParallel': [
      false,
      'everything runs on one CPU: nn.DataParallel is here and calls the model itself; use the model directly)',
    ],
  };
  assert.deepEqual(Object.keys(report.messages).sort(), Object.keys(hints).sort());
  for (const [name, [attributeError, hint]] of Object.entries(hints)) {
    const [type, isAttributeError, message] = report.messages[name] as [string, boolean, string];
    assert.equal(type, 'NotImplementedError', name);
    assert.equal(isAttributeError, attributeError, name);
    assert.ok(message.startsWith(`${name} is not supported by Backprop Lens (${hint}`), message);
  }
});

interface AliasCase {
  case: string;
  result?: unknown;
  error?: string;
  message?: string;
}

test('aliases and one-line compositions give PyTorch 1.13 values, grad_fn names, gradients and errors', () => {
  const expected = pytorchResults('aliases-torch113.json') as AliasCase[];
  const actual = fixture.run('aliases-fixture.py') as AliasCase[];
  assert.deepEqual(
    actual.map((e) => e.case),
    expected.map((e) => e.case),
  );
  expected.forEach((want, k) => assertClose(want.case, actual[k], want, float32Tolerance));
});
