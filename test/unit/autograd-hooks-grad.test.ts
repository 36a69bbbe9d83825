// Tensor.register_hook and torch.autograd.grad in the engine (autograd.ts): a hook sees the gradient that
// backward computes without it, its replacement is what `.grad` and the rest of the graph receive, a removed
// hook no longer runs; gradientsOf returns what backward would accumulate and leaves `.grad` alone.
// (Their Python forms are compared with PyTorch 1.13 by test/conformance/autograd_beyond_basics.py.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';

/** A tensor's `.grad` values (failing when it has none). */
function gradValues(t: Tensor): number[] {
  assert.ok(t.grad, 'no gradient');
  return Array.from(t.grad.data);
}

function leaf(values: number[]): Tensor {
  return new Tensor(Float32Array.from(values), [values.length], 'float32', true);
}

/** loss = sum(tanh(w * x)^2), with h = w * x returned so a hook can sit on it. */
function graph(w: Tensor): { h: Tensor; loss: Tensor } {
  const h = torch.mul(w, leaf([0.5, -1.5, 2]).detach());
  return { h, loss: torch.sum(torch.pow(torch.tanh(h), 2)) };
}

test('a hook on an intermediate sees its gradient; a replacement flows on to the leaf', () => {
  const plain = leaf([0.3, -0.2, 0.7]);
  const { h: h0, loss: l0 } = graph(plain);
  h0.retain_grad();
  l0.backward();

  const w = leaf([0.3, -0.2, 0.7]);
  const { h, loss } = graph(w);
  const seen: number[][] = [];
  h.register_hook((g) => {
    seen.push(Array.from(g.data));
    return torch.mul(g, 3);
  });
  loss.backward();
  assert.deepEqual(seen, [gradValues(h0)]);
  const expected = gradValues(plain).map((v) => Math.fround(v * 3));
  assert.deepEqual(gradValues(w), expected);
});

test('a leaf hook changes what reaches .grad, and a removed hook does not run', () => {
  const w = leaf([1, -2, 3]);
  const remove = w.register_hook((g) => torch.mul(g, 10));
  torch.sum(torch.mul(w, w)).backward();
  assert.deepEqual(gradValues(w), [20, -40, 60]);
  remove();
  w.grad = null;
  torch.sum(torch.mul(w, w)).backward();
  assert.deepEqual(gradValues(w), [2, -4, 6]);
  assert.throws(
    () =>
      leaf([1])
        .detach()
        .register_hook(() => null),
    /doesn't require gradient/,
  );
});

test('gradientsOf returns what backward accumulates, without touching .grad', () => {
  const a = leaf([0.5, -1, 2]);
  const b = leaf([1.5, 0.25, -0.75]);
  const out = () => torch.add(torch.mul(a, b), torch.exp(a));
  const seed = Float32Array.from([1, 0.5, -2]);
  const [ga, gb] = torch.gradientsOf([out()], [seed], [a, b]);
  assert.equal(a.grad, null);
  assert.equal(b.grad, null);
  out().backward(new Tensor(seed, [3]));
  assert.deepEqual(Array.from(ga as Float32Array), gradValues(a));
  assert.deepEqual(Array.from(gb as Float32Array), gradValues(b));

  const unused = leaf([4]);
  assert.throws(() => torch.gradientsOf([torch.sum(out())], [Float32Array.from([1])], [unused]), /not have been used/);
  const [none] = torch.gradientsOf([torch.sum(out())], [Float32Array.from([1])], [unused], false, true);
  assert.equal(none, null);
});
