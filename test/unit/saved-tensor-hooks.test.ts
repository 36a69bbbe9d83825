// The engine's half of torch.autograd.graph.saved_tensors_hooks (src/engine/savedTensorHooks.ts): which nodes
// were made while listing, what each saved (named by role), and a backward that computes with the unpacked
// values and leaves the saved tensors as they were. Expected gradients are PyTorch 1.13's for the same hooks
// (test/conformance/autograd_saved_tensor_hooks.py prints them through the Python side).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { releaseNode } from '../../src/engine/autograd';
import {
  savedEntries,
  setListingNodes,
  takeListedNodes,
  unpackBeforeBackward,
} from '../../src/engine/savedTensorHooks';

const leaf = (values: number[]) => new Tensor(Float32Array.from(values), [values.length], 'float32', true);

test('nodes made while listing are handed over once, oldest first; none when listing is off', () => {
  const x = leaf([1, 2, 3]);
  setListingNodes(true);
  let y: Tensor;
  try {
    y = torch.exp(torch.mul(x, x));
  } finally {
    setListingNodes(false);
  }
  const listed = takeListedNodes();
  assert.deepEqual(
    listed.map((n) => n.name),
    ['MulBackward0', 'ExpBackward0'],
  );
  assert.equal(listed[1], y.gradFn);
  assert.deepEqual(takeListedNodes(), []);
  torch.mul(x, x);
  assert.deepEqual(takeListedNodes(), []);
});

test('saved entries say which input or the output each saved tensor is', () => {
  const a = leaf([1, 2]);
  const b = leaf([3, 4]);
  const product = torch.mul(a, b);
  assert.deepEqual(
    savedEntries(product.gradFn!).map((e) => [e.tensor === a ? 'a' : e.tensor === b ? 'b' : '?', e.isOutput, e.input]),
    [
      ['a', false, 0],
      ['b', false, 1],
    ],
  );
  const e = torch.exp(a);
  const [saved] = savedEntries(e.gradFn!);
  assert.equal(saved.tensor, e);
  assert.equal(saved.isOutput, true);
  // linear saves the weight's transpose without making it: the entry is that view, with the weight's values.
  const w = new Tensor(Float32Array.from([1, 2, 3, 4, 5, 6]), [3, 2], 'float32', true);
  const out = torch.linear(new Tensor(Float32Array.from([1, 1]), [1, 2], 'float32', true), w);
  const mat2 = savedEntries(out.gradFn!).find((entry) => entry.input === 1)!;
  assert.deepEqual(mat2.tensor.shape, [2, 3]);
  assert.deepEqual(Array.from(torch.contiguous(mat2.tensor).data), [1, 3, 5, 2, 4, 6]);
  releaseNode(out.gradFn!);
  assert.deepEqual(savedEntries(out.gradFn!), []);
});

test('backward computes with the unpacked values, then the saved tensors hold their own again', () => {
  // PyTorch 1.13: unpack_hook = lambda t: t * 10 on x * x with x = [1, 2, 3] gives x.grad = [20, 40, 60].
  const x = leaf([1, 2, 3]);
  const y = torch.mul(x, x);
  const node = y.gradFn!;
  let unpacks = 0;
  let released = 0;
  unpackBeforeBackward(
    node,
    () => {
      unpacks++;
      const tenfold = torch.mul(x.detach(), 10);
      return [tenfold, tenfold];
    },
    () => released++,
  );
  torch.sum(y).backward();
  assert.deepEqual(Array.from(x.grad!.data), [20, 40, 60]);
  assert.deepEqual(Array.from(x.data), [1, 2, 3]);
  assert.equal(unpacks, 1);
  assert.equal(released, 1, 'a node freed after backward lets go of what was packed');
});

test('an unpack that gives back the same values changes nothing, and retain_graph keeps the pack', () => {
  const x = leaf([0.5, -1.5]);
  const y = torch.exp(x);
  let released = 0;
  unpackBeforeBackward(
    y.gradFn!,
    () => [torch.clone(y.detach())],
    () => released++,
  );
  torch.sum(y).backward(undefined, true);
  assert.deepEqual(Array.from(x.grad!.data), Array.from(y.data));
  assert.equal(released, 0);
});
