// Engine behaviour that real scripts depend on: manual gradient descent under no_grad (reproducing the
// output real PyTorch printed for test/reference/scripts/manual_gradient_descent.py), views sharing memory,
// autograd bookkeeping (accumulation, retain_graph, no_grad, listeners), scalar operands, and broadcasting
// edge cases.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { sleefTanhf } from '../../src/engine/ops/sleefTanh';
import { bundledScriptsDir as scripts } from '../reference/paths';

/** Python's round(x, n) (half to even on the decimal value), formatted as Python prints floats. */
function pyRound(x: number, n: number): string {
  const s = Math.round(x * 10 ** n) / 10 ** n;
  return String(s);
}

test('manual gradient descent reproduces what PyTorch printed (test/reference/scripts/manual_gradient_descent.py)', () => {
  const expected = fs
    .readFileSync(path.join(scripts, 'manual_gradient_descent.expected.txt'), 'utf8')
    .trim()
    .split('\n');
  torch.manual_seed(1);
  const x = torch.unsqueeze(torch.linspace(-1, 1, 20), 1);
  const y = torch.add(torch.sub(torch.mul(3, x), 2), torch.mul(0.05, torch.randn([20, 1])));
  const w = torch.zeros([1], { requires_grad: true });
  const b = torch.zeros([1], { requires_grad: true });
  const lr = 0.1;
  const lines: string[] = [];
  for (let step = 0; step < 100; step++) {
    const pred = torch.add(torch.mul(x, w), b);
    const loss = torch.mean(torch.pow(torch.sub(pred, y), 2));
    loss.backward();
    // with torch.no_grad(): w -= lr * w.grad
    torch.noGrad(() => {
      torch.sub_(w, torch.mul(lr, w.grad!));
      torch.sub_(b, torch.mul(lr, b.grad!));
    });
    w.grad!.zero_();
    b.grad!.zero_();
    if (step % 25 === 0)
      lines.push(
        `${step} ${pyRound(loss.item() as number, 5)} ${pyRound(w.item() as number, 4)} ${pyRound(b.item() as number, 4)}`,
      );
  }
  assert.deepEqual(lines, expected.slice(0, 4));
  assert.equal(w.data[0].toFixed(4), '3.0270');
  assert.equal(b.data[0].toFixed(4), '-1.9999');
  assert.ok(w.isLeaf && w.requiresGrad, 'the in-place update under no_grad keeps w a leaf that requires grad');
});

test('the same update outside no_grad is refused, as PyTorch does', () => {
  const w = torch.zeros([2], { requires_grad: true });
  assert.throws(() => torch.sub_(w, 0.1), {
    name: 'RuntimeError',
    message: 'a leaf Variable that requires grad is being used in an in-place operation.',
  });
});

test('x[0], x[1:3] and reshape share memory with x; strided results are copies marked non-contiguous', () => {
  const x = torch.arange(12, null, 1, { dtype: 'float32' });
  const m = torch.view(x, 3, 4);
  const row = torch.index(m, [1]);
  torch.mul_(row, 10);
  assert.deepEqual(Array.from(x.data.slice(4, 8)), [40, 50, 60, 70]);
  torch.setitem(torch.index(m, [{ start: 2 }]), [0, 0], -1);
  assert.equal(x.data[8], -1);
  const col = torch.index(m, [{}, 0]);
  assert.equal(col.is_contiguous(), false, 'a column is a stride-4 view in PyTorch');
  assert.deepEqual(torch.view(col, 3, 1).shape, [3, 1], 'adding unit dims is a valid view even so');
  const block = torch.index(m, [{}, { start: 1, stop: 3 }]);
  assert.equal(block.is_contiguous(), false);
  assert.throws(() => torch.view(block, 6), /view size is not compatible/);
  assert.deepEqual(torch.reshape(block, [6]).shape, [6]);
});

test('gradients accumulate across backward calls; retain_graph allows a second pass; without it PyTorch refuses', () => {
  const a = torch.tensor([1, 2, 3], { dtype: 'float32', requires_grad: true });
  const l = torch.sum(torch.mul(a, a));
  l.backward(undefined, true);
  l.backward();
  assert.deepEqual(Array.from(a.grad!.data), [4, 8, 12]);
  assert.throws(() => l.backward(), /Trying to backward through the graph a second time/);
});

test('no_grad records nothing; results of ops on tensors without grad have no grad_fn', () => {
  const a = torch.ones([2], { requires_grad: true });
  const r = torch.noGrad(() => torch.mul(torch.exp(a), 2));
  assert.equal(r.requiresGrad, false);
  assert.equal(r.gradFn, null);
  assert.equal(torch.mul(torch.ones([2]), 3).gradFn, null);
  assert.equal(torch.isGradEnabled(), true);
});

test('onBackward listeners run after every backward pass with the root', () => {
  const seen: Tensor[] = [];
  const off = torch.onBackward((root) => seen.push(root));
  const a = torch.ones([2], { requires_grad: true });
  const l = torch.sum(a);
  l.backward();
  off();
  torch.sum(a).backward();
  assert.deepEqual(seen, [l]);
});

test('a non-leaf keeps .grad only after retain_grad()', () => {
  const a = torch.ones([2], { requires_grad: true });
  const h = torch.mul(a, 3);
  h.retain_grad();
  const k = torch.mul(h, 2);
  torch.sum(k).backward();
  assert.deepEqual(Array.from(h.grad!.data), [2, 2]);
  assert.equal(k.grad, null);
});

test('scalar operands: float scalars round to float32 like PyTorch; integer tensors stay int64', () => {
  const x = torch.tensor([1.7, -3.3], { dtype: 'float32' });
  const r = torch.mul(x, 0.1);
  assert.equal(r.data[0], Math.fround(Math.fround(1.7) * Math.fround(0.1)));
  const i = torch.tensor([3, 4]);
  assert.equal(i.dtype, 'int64');
  assert.equal(torch.mul(i, 2).dtype, 'int64');
  assert.equal(torch.add(i, 0.5).dtype, 'float32');
  assert.equal(torch.div(i, 2).dtype, 'float32');
  assert.equal(torch.sum(torch.gt(i, 3)).dtype, 'int64');
  assert.equal(torch.sum(torch.gt(i, 3)).item(), 1);
  assert.equal(torch.to(torch.eq(i, i), 'float32').dtype, 'float32');
});

test('broadcasting edge cases: empty dims, 0-d tensors, unit dims on both sides', () => {
  assert.deepEqual(torch.add(torch.zeros([0, 3]), torch.ones([3])).shape, [0, 3]);
  assert.deepEqual(torch.mul(torch.zeros([2, 1]), torch.ones([1, 0])).shape, [2, 0]);
  const s = torch.add(torch.tensor(2, { dtype: 'float32' }), torch.tensor(3, { dtype: 'float32' }));
  assert.deepEqual(s.shape, []);
  assert.equal(s.item(), 5);
  const o = torch.add(torch.ones([2, 1, 3]), torch.ones([4, 1]));
  assert.deepEqual(o.shape, [2, 4, 3]);
  const g = torch.ones([1, 3], { requires_grad: true });
  torch.sum(torch.mul(g, torch.ones([5, 1]))).backward();
  assert.deepEqual(Array.from(g.grad!.data), [5, 5, 5]);
  assert.throws(() => torch.add(torch.ones([2, 3]), torch.ones([3, 2])), {
    name: 'RuntimeError',
    message: 'The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1',
  });
});

test("backward on a non-scalar needs a gradient; the message is PyTorch's", () => {
  const a = torch.ones([2], { requires_grad: true });
  const y = torch.mul(a, 2);
  assert.throws(() => y.backward(), {
    name: 'RuntimeError',
    message: 'grad can be implicitly created only for scalar outputs',
  });
  y.backward(torch.tensor([1, 0.5], { dtype: 'float32' }));
  assert.deepEqual(Array.from(a.grad!.data), [2, 1]);
});

test('equal and allclose', () => {
  const a = torch.tensor([1, 2, 3], { dtype: 'float32' });
  assert.equal(torch.equal(a, torch.clone(a)), true);
  assert.equal(torch.equal(a, torch.tensor([1, 2], { dtype: 'float32' })), false);
  assert.equal(torch.allclose(a, torch.add(a, 1e-9)), true);
  assert.equal(torch.allclose(a, torch.add(a, 1e-3)), false);
});

test('tensor() infers dtypes from JS values; explicit dtype wins', () => {
  assert.equal(
    torch.tensor([
      [1, 2],
      [3, 4],
    ]).dtype,
    'int64',
  );
  assert.equal(torch.tensor([1, 2.5]).dtype, 'float32');
  assert.equal(torch.tensor([true, false]).dtype, 'bool');
  assert.equal(torch.tensor([0, 1], { dtype: 'float32' }).dtype, 'float32');
  assert.throws(() => torch.tensor([[1, 2], [3]]), {
    name: 'ValueError',
    message: 'expected sequence of length 2 at dim 1 (got 1)',
  });
});

test("tanh gives the bits of SLEEF's replay across magnitudes (its shortcut through tanh in double included)", () => {
  const n = 20000;
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.sin(i * 12.9898) * 10 ** ((i % 7) - 4) * 3;
  x[0] = NaN;
  x[1] = -0;
  x[2] = 25;
  x[3] = -0.6;
  const y = torch.tanh(new Tensor(x, [n]));
  const limit = Math.fround(8.664339742); // SLEEF's cut-off: +-1 beyond
  for (let i = 0; i < n; i++) {
    const a = Math.abs(x[i]);
    const want = a !== a || a === 0 ? x[i] : a > limit ? Math.sign(x[i]) : sleefTanhf(x[i]);
    assert.ok(
      Object.is(y.data[i], want) || (Number.isNaN(want) && Number.isNaN(y.data[i])),
      `tanh(${x[i]}) = ${y.data[i]}, expected ${want}`,
    );
  }
});
