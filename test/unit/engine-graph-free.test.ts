// A loop that builds autograd graphs and never calls backward() (hand-written gradients, or a loss only
// printed) must not keep them: once nothing references a loss, its nodes, saved tensors and buffers are
// garbage. Checked with WeakRefs across a forced collection; bench/full_batch.ts times the same loop.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function forwardOnly(w1: Tensor, w2: Tensor, x: Tensor, y: Tensor): WeakRef<object>[] {
  const h = torch.tanh(torch.matmul(x, w1));
  const out = torch.matmul(h, w2);
  const loss = torch.mean(torch.pow(torch.sub(out, y), 2));
  const gradOut = torch.div(torch.mul(torch.sub(out, y), 2), 64); // a hand-written backward's first step
  return [new WeakRef(loss), new WeakRef(loss.gradFn!), new WeakRef(h), new WeakRef(gradOut), new WeakRef(h.data)];
}

test('graphs of a forward-only loop are collected once unreachable', async () => {
  torch.manual_seed(0);
  const x = torch.randn([64, 2]);
  const y = torch.randn([64, 1]);
  const w1 = torch.randn([2, 32]).requires_grad_();
  const w2 = torch.randn([32, 1]).requires_grad_();
  const refs: WeakRef<object>[] = [];
  for (let i = 0; i < 200; i++) refs.push(...forwardOnly(w1, w2, x, y));
  // WeakRefs made in this turn stay alive until it ends.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const alive = refs.filter((r) => r.deref() !== undefined).length;
  assert.equal(alive, 0, `${alive} of ${refs.length} graph objects still reachable`);
  // The leaves themselves are untouched and still usable.
  assert.equal(w1.grad, null);
  assert.ok(w1.requiresGrad && w1.isLeaf);
});
