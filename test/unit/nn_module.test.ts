// nn.Module behaviour: registration order and dotted names (checked against what PyTorch printed for
// test/reference/scripts/modules_and_models.py), dedup of shared parameters, train/eval, zero_grad,
// state_dict round trip, apply, forward hooks and the layers' extra_repr text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Tensor } from '../../src/engine/tensor';
import { manual_seed } from '../../src/engine/random';
import { Module } from '../../src/engine/nn/module';
import { Parameter } from '../../src/engine/nn/parameter';
import { Linear } from '../../src/engine/nn/linear';
import { Flatten, Identity, ModuleList, Sequential } from '../../src/engine/nn/containers';
import {
  ELU,
  GELU,
  LeakyReLU,
  LogSoftmax,
  ReLU,
  SiLU,
  Sigmoid,
  Softmax,
  Softplus,
  Tanh,
} from '../../src/engine/nn/activation';
import { Dropout } from '../../src/engine/nn/dropout';
import { bundledScriptsDir as scriptsDir } from '../reference/paths';

// The model of modules_and_models.py, written against the TypeScript API.
class Block extends Module {
  declare linear: Linear;
  declare act: ReLU;
  constructor(nIn: number, nOut: number) {
    super();
    this.add_module('linear', new Linear(nIn, nOut));
    this.add_module('act', new ReLU());
  }
  override forward(x: Tensor): Tensor {
    return this.act.call(this.linear.call(x));
  }
}

class Model extends Module {
  declare blocks: Sequential;
  declare head: Linear;
  constructor() {
    super();
    this.add_module('blocks', new Sequential(new Block(3, 5), new Block(5, 5)));
    this.add_module('head', new Linear(5, 2));
  }
  override forward(x: Tensor): Tensor {
    return this.head.call(this.blocks.call(x));
  }
}

function expectedOutput(): string[] {
  return fs.readFileSync(path.join(scriptsDir, 'modules_and_models.expected.txt'), 'utf8').split('\n');
}

test('repr of a nested model equals what PyTorch printed', () => {
  const lines = expectedOutput();
  const end = lines.indexOf(')');
  assert.equal(new Model().repr(), lines.slice(0, end + 1).join('\n'));
});

test('named_parameters: registration order and dotted names as PyTorch printed them', () => {
  const lines = expectedOutput();
  const model = new Model();
  const printed = [...model.named_parameters()].map(
    ([name, p]) => `${name} (${p.shape.join(', ')}${p.shape.length === 1 ? ',' : ''}) True`,
  );
  const start = lines.findIndex((l) => l.startsWith('blocks.0.linear.weight'));
  assert.deepEqual(printed, lines.slice(start, start + 6));
  const count = [...model.parameters()].reduce((s, p) => s + p.numel(), 0);
  assert.equal(String(count), lines[start + 6]);
  const keys = lines.find((l) => l.startsWith("['blocks"));
  assert.equal(`[${[...model.state_dict().keys()].map((k) => `'${k}'`).join(', ')}]`, keys);
});

test('children, modules and their names', () => {
  const model = new Model();
  assert.deepEqual(
    [...model.named_children()].map(([n]) => n),
    ['blocks', 'head'],
  );
  assert.deepEqual(
    [...model.named_modules()].map(([n, m]) => `${n}:${m.typeName}`),
    [
      ':Model',
      'blocks:Sequential',
      'blocks.0:Block',
      'blocks.0.linear:Linear',
      'blocks.0.act:ReLU',
      'blocks.1:Block',
      'blocks.1.linear:Linear',
      'blocks.1.act:ReLU',
      'head:Linear',
    ],
  );
  assert.equal([...model.modules()].length, 9);
});

test('a shared layer or parameter is reported once', () => {
  const shared = new Linear(2, 2);
  const seq = new Sequential(shared, new ReLU(), shared);
  assert.deepEqual(
    [...seq.named_parameters()].map(([n]) => n),
    ['0.weight', '0.bias'],
  );
  assert.equal([...seq.named_modules()].length, 3);
  // state_dict keeps every path, as PyTorch does.
  assert.deepEqual([...seq.state_dict().keys()], ['0.weight', '0.bias', '2.weight', '2.bias']);
  const tied = new Module();
  const p = new Parameter(new Tensor(new Float32Array(2), [2]));
  tied.register_parameter('a', p);
  tied.register_parameter('b', p);
  assert.deepEqual(
    [...tied.named_parameters()].map(([n]) => n),
    ['a'],
  );
});

test('registration errors use PyTorch messages', () => {
  const m = new Module();
  const p = new Parameter(new Tensor(new Float32Array(1), [1]));
  assert.throws(() => m.register_parameter('a.b', p), /parameter name can't contain "."/);
  assert.throws(() => m.register_parameter('', p), /parameter name can't be empty string/);
  assert.throws(() => m.register_parameter('training', p), /attribute 'training' already exists/);
  assert.throws(() => m.forward(), /Module \[Module\] is missing the required "forward" function/);
  m.setattr('w', p);
  assert.equal((m as unknown as { w: Parameter }).w, p);
  m.setattr('child', new Linear(1, 1));
  assert.deepEqual(
    [...m.named_parameters()].map(([n]) => n),
    ['w', 'child.weight', 'child.bias'],
  );
  assert.throws(() => m.setattr('w', 3), /cannot assign 'number' as parameter 'w'/);
  m.delattr('child');
  assert.deepEqual(
    [...m.named_parameters()].map(([n]) => n),
    ['w'],
  );
});

test('train/eval propagate to every submodule; Dropout is the identity in eval', () => {
  const drop = new Dropout(0.5);
  const model = new Sequential(new Linear(4, 4), drop);
  model.eval();
  assert.equal(drop.training, false);
  const x = new Tensor(Float32Array.from([1, 2, 3, 4]), [1, 4]);
  assert.equal(drop.call(x), x);
  model.train();
  assert.equal(drop.training, true);
  manual_seed(0);
  const y = drop.call(new Tensor(new Float32Array(1000).fill(1), [1000]));
  const values = new Set(Array.from(y.data));
  assert.deepEqual([...values].sort(), [0, 2]);
  const kept = Array.from(y.data).filter((v) => v !== 0).length;
  assert.ok(kept > 420 && kept < 580, `kept ${kept}`);
  assert.throws(() => new Dropout(1.5), /dropout probability has to be between 0 and 1, but got 1.5/);
});

test('zero_grad zeros gradients in place by default and clears them with setToNone', () => {
  const lin = new Linear(2, 3);
  const x = new Tensor(Float32Array.from([1, 2]), [1, 2]);
  const y = lin.call(x);
  let s = 0;
  for (const v of y.data) s += v;
  y.backward(new Tensor(new Float32Array(3).fill(1), [1, 3]));
  assert.deepEqual(Array.from(lin.weight.grad!.data), [1, 2, 1, 2, 1, 2]);
  assert.ok(Number.isFinite(s));
  lin.zero_grad();
  assert.deepEqual(Array.from(lin.weight.grad!.data), [0, 0, 0, 0, 0, 0]);
  lin.zero_grad(true);
  assert.equal(lin.weight.grad, null);
});

test('state_dict shares storage; load_state_dict copies and checks keys and shapes', () => {
  manual_seed(1);
  const a = new Model();
  manual_seed(2);
  const b = new Model();
  const sd = a.state_dict();
  assert.equal(sd.get('head.weight')!.data, a.head.weight.data);
  assert.equal(sd.get('head.weight')!.requiresGrad, false);
  const result = b.load_state_dict(sd);
  assert.deepEqual(result, { missing_keys: [], unexpected_keys: [] });
  for (const [name, p] of b.named_parameters()) {
    assert.deepEqual(Array.from(p.data), Array.from(sd.get(name)!.data), name);
    assert.notEqual(p.data, sd.get(name)!.data);
  }
  const partial = new Map(sd);
  partial.delete('head.bias');
  partial.set('extra', new Tensor(new Float32Array(1), [1]));
  assert.throws(
    () => b.load_state_dict(partial),
    /Missing key\(s\) in state_dict: "head.bias"\. \n\tUnexpected key\(s\) in state_dict: "extra"\./,
  );
  assert.deepEqual(b.load_state_dict(partial, false), { missing_keys: ['head.bias'], unexpected_keys: ['extra'] });
  const wrong = new Map(sd);
  wrong.set('head.bias', new Tensor(new Float32Array(3), [3]));
  assert.throws(
    () => b.load_state_dict(wrong),
    /size mismatch for head.bias: copying a param with shape torch.Size\(\[3\]\) from checkpoint, the shape in current model is torch.Size\(\[2\]\)/,
  );
});

test('get_submodule walks dotted paths', () => {
  const model = new Model();
  assert.equal(model.get_submodule('blocks.1.linear'), (model.blocks.get(1) as Block).linear);
  assert.equal(model.get_submodule(''), model);
  assert.throws(() => model.get_submodule('blocks.7'), /Sequential has no attribute `7`/);
});

test('apply visits children before the parent', () => {
  const model = new Model();
  const seen: string[] = [];
  model.apply((m) => seen.push(m.typeName));
  assert.deepEqual(seen, ['Linear', 'ReLU', 'Block', 'Linear', 'ReLU', 'Block', 'Sequential', 'Linear', 'Model']);
});

test('forward hooks see inputs and output, may replace the output, and can be removed', () => {
  const lin = new Linear(2, 1);
  const calls: number[] = [];
  const h1 = lin.register_forward_hook((m, inputs, out) => {
    assert.equal(m, lin);
    assert.equal(inputs.length, 1);
    calls.push((out as Tensor).shape[0]);
  });
  const replacement = new Tensor(Float32Array.from([7]), [1, 1]);
  const h2 = lin.register_forward_hook(() => replacement);
  const pre = lin.register_forward_pre_hook((_m, inputs) => [inputs[0]]);
  const x = new Tensor(Float32Array.from([1, 2, 3, 4]), [2, 2]);
  assert.equal(lin.call(x), replacement);
  assert.deepEqual(calls, [2]);
  h2.remove();
  assert.notEqual(lin.call(x), replacement);
  h1.remove();
  pre.remove();
  lin.call(x);
  assert.deepEqual(calls, [2, 2]);
});

test('containers: Sequential indexing and slicing, ModuleList', () => {
  const seq = new Sequential(new Linear(2, 3), new Tanh(), new Linear(3, 1));
  assert.equal(seq.length, 3);
  assert.equal(seq.get(-1).typeName, 'Linear');
  assert.throws(() => seq.get(3), /index 3 is out of range/);
  const tail = seq.slice(1);
  assert.deepEqual(
    [...tail.named_children()].map(([n]) => n),
    ['1', '2'],
  );
  const list = new ModuleList([new ReLU(), new Tanh()]);
  list.insert(1, new Sigmoid());
  assert.deepEqual(
    [...list].map((m) => m.typeName),
    ['ReLU', 'Sigmoid', 'Tanh'],
  );
  assert.deepEqual(
    [...list.named_children()].map(([n]) => n),
    ['0', '1', '2'],
  );
  assert.equal(list.repr(), 'ModuleList(\n  (0): ReLU()\n  (1): Sigmoid()\n  (2): Tanh()\n)');
});

test("extra_repr text matches PyTorch's for every layer", () => {
  const cases: [Module, string][] = [
    [new Linear(2, 4), 'Linear(in_features=2, out_features=4, bias=True)'],
    [new LeakyReLU(0.1), 'LeakyReLU(negative_slope=0.1)'],
    [new LeakyReLU(), 'LeakyReLU(negative_slope=0.01)'],
    [new ReLU(), 'ReLU()'],
    [new ReLU(true), 'ReLU(inplace=True)'],
    [new Dropout(), 'Dropout(p=0.5, inplace=False)'],
    [new ELU(), 'ELU(alpha=1.0)'],
    [new GELU(), "GELU(approximate='none')"],
    [new SiLU(), 'SiLU()'],
    [new Softplus(), 'Softplus(beta=1, threshold=20)'],
    [new Softmax(1), 'Softmax(dim=1)'],
    [new LogSoftmax(), 'LogSoftmax(dim=None)'],
    [new Flatten(), 'Flatten(start_dim=1, end_dim=-1)'],
    [new Identity(), 'Identity()'],
  ];
  for (const [m, text] of cases) assert.equal(m.repr(), text);
});
