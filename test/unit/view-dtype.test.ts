// Tensor.view(dtype) in the engine (ops/viewDtype.ts): the bytes reread as another dtype, with the values,
// shapes, strides and offsets PyTorch 1.13 printed (comments give the PyTorch line), its errors in its order,
// no gradient, and what is shared: the same dtype aliases the input; another dtype is a converted copy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { DType, Tensor } from '../../src/engine';
import { viewDtype } from '../../src/engine/ops/viewDtype';
import { viewInfo } from '../../src/engine/ops/view';

const f32 = (values: number[], shape = [values.length]) => new Tensor(Float32Array.from(values), shape);
const typed = (values: number[], dtype: DType, shape = [values.length]) =>
  dtype === 'bool'
    ? new Tensor(Uint8Array.from(values), shape, 'bool')
    : new Tensor(Float64Array.from(values), shape, dtype);
const values = (t: Tensor) => Array.from(t.data);

test('float32 <-> int32 and float64 <-> int64 read the IEEE bits', () => {
  // torch.tensor([1.0, -2.5, 0.1, inf, nan, -0.0]).view(torch.int32).tolist()
  const bits = viewDtype(f32([1, -2.5, 0.1, Infinity, NaN, -0]), 'int32');
  assert.equal(bits.dtype, 'int32');
  assert.deepEqual(values(bits), [1065353216, -1071644672, 1036831949, 2139095040, 2143289344, -2147483648]);
  // torch.tensor([1.0, -2.5], dtype=torch.float64).view(torch.int64).tolist()
  assert.deepEqual(
    values(viewDtype(typed([1, -2.5], 'float64'), 'int64')),
    [4607182418800017408, -4610560118520545280],
  );
  const back = viewDtype(typed([4607182418800017408, -4611686018427387904], 'int64'), 'float64');
  assert.deepEqual([back.dtype, ...values(back)], ['float64', 1, -2]);
  // A NaN's payload survives the round trip: [0x3f800000, 0x7fc00001] as float32 and back.
  const round = viewDtype(viewDtype(typed([0x3f800000, 0x7fc00001], 'int32'), 'float32'), 'int32');
  assert.deepEqual(values(round), [1065353216, 2143289345]);
});

test('one-byte dtypes: int8, uint8 and bool reinterpret each other', () => {
  assert.deepEqual(values(viewDtype(typed([1, -1, 127, -128], 'int8'), 'uint8')), [1, 255, 127, 128]);
  assert.deepEqual(values(viewDtype(typed([0, 1, 2, 255], 'uint8'), 'int8')), [0, 1, 2, -1]);
  // Any nonzero byte is True (stored as 1, as the engine's bool ops expect).
  const flags = viewDtype(typed([0, 1, 2, 0], 'uint8'), 'bool');
  assert.deepEqual([flags.dtype, ...values(flags)], ['bool', 0, 1, 1, 0]);
  assert.deepEqual(values(viewDtype(typed([1, 0], 'bool'), 'uint8')), [1, 0]);
});

test('different element sizes change the last dimension (little-endian bytes)', () => {
  // torch.tensor([[1.5, 2.0], [3.0, -1.0]]).view(torch.int16).tolist()
  const halves = viewDtype(f32([1.5, 2, 3, -1], [2, 2]), 'int16');
  assert.deepEqual(halves.shape, [2, 4]);
  assert.deepEqual(values(halves), [0, 16320, 0, 16384, 0, 16448, 0, -16512]);
  // torch.tensor([1, 0, 0, 0, 2, 0, 0, 0], dtype=torch.uint8).view(torch.int32).tolist()
  assert.deepEqual(values(viewDtype(typed([1, 0, 0, 0, 2, 0, 0, 0], 'uint8'), 'int32')), [1, 2]);
  assert.deepEqual(values(viewDtype(typed([3, -3], 'int16'), 'uint8')), [3, 0, 253, 255]);
  assert.deepEqual(viewDtype(f32([]), 'float64').shape, [0]);
});

test('a strided input keeps PyTorch strides and storage offset, scaled by the size ratio', () => {
  // a = torch.arange(12.).reshape(3, 4)[:, 2:]; a.view(torch.int16): stride (8, 1), offset 4, shape [3, 4]
  const a = torch.narrow(torch.reshape(torch.arange(12, null, 1, { dtype: 'float32' }), [3, 4]), 1, 2, 2);
  const v = viewDtype(a, 'int16');
  const info = viewInfo(v);
  assert.deepEqual([v.shape, info.strides, info.offset], [[3, 4], [8, 1], 4]);
  assert.deepEqual(values(v).slice(0, 4), [0, 16384, 0, 16448]); // 2.0 and 3.0: a[0].view(torch.int16)
  // b = torch.arange(24, dtype=torch.int16).reshape(3, 8)[:, 4:]; b.view(torch.float64): stride (2, 1), offset 1
  const b = torch.narrow(torch.reshape(torch.arange(24, null, 1, { dtype: 'int16' }), [3, 8]), 1, 4, 4);
  const w = viewDtype(b, 'int64');
  assert.deepEqual([w.shape, viewInfo(w).strides, viewInfo(w).offset], [[3, 1], [2, 1], 1]);
  assert.deepEqual(values(w), [1970350607106052, 4222184781053964, 6474018955001876]);
  // The same element size keeps a transpose's strides: torch.zeros(2, 3).t().view(torch.int32).stride() (1, 3)
  const t = viewDtype(torch.t(torch.zeros([2, 3])), 'int32');
  assert.deepEqual([viewInfo(t).strides, t.is_contiguous()], [[1, 3], false]);
});

test("what cannot be viewed gives PyTorch's message, in its order", () => {
  const refused = (t: Tensor, dtype: DType, message: string) =>
    assert.throws(
      () => viewDtype(t, dtype),
      (e: Error) => e.name === 'RuntimeError' && e.message === message,
    );
  const sizes = (d: string) => `to view Float as ${d} (different element sizes)`;
  refused(f32([2], []), 'int16', `self.dim() cannot be 0 ${sizes('Short')}`);
  refused(torch.t(torch.zeros([2, 2])), 'int16', `self.stride(-1) must be 1 ${sizes('Short')}, but got 2`);
  // Growing: the last size, then the offset, then stride(-1), then the other strides.
  refused(
    torch.t(torch.zeros([3, 2])),
    'float64',
    `self.size(-1) must be divisible by 2 ${sizes('Double')}, but got 3`,
  );
  const x = torch.zeros([10]);
  refused(
    torch.narrow(x, 0, 1, 4),
    'float64',
    `self.storage_offset() must be divisible by 2 ${sizes('Double')}, but got 1`,
  );
  refused(torch.t(torch.zeros([4, 2])), 'float64', `self.stride(-1) must be 1 ${sizes('Double')}, but got 2`);
  refused(
    torch.narrow(torch.zeros([3, 5]), 1, 0, 2),
    'float64',
    `self.stride(0) must be divisible by 2 ${sizes('Double')}, but got 5`,
  );
});

test('no gradient flows: the result is a leaf that does not require grad', () => {
  const w = new Tensor(Float32Array.from([1, 2]), [2], 'float32', true);
  for (const dtype of ['float32', 'float64', 'int32'] as DType[]) {
    const v = viewDtype(torch.mul(w, 2), dtype);
    assert.deepEqual([v.requiresGrad, v.gradFn, v.isLeaf], [false, null, true]);
  }
});

test('the same dtype shares memory and version counter; another dtype is a copy', () => {
  const x = f32([1, 2]);
  const same = viewDtype(x, 'float32');
  assert.notEqual(same, x);
  same.fill_(5);
  assert.deepEqual([values(x), x.version], [[5, 5], 1]);
  const bits = viewDtype(x, 'int32');
  bits.fill_(0);
  assert.deepEqual(values(x), [5, 5]); // the engine stores int32 as values, not bytes: no write-through
});
