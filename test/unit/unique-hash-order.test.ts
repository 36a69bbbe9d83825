// torch.unique over all elements against what PyTorch 1.13 (CPU, GCC 12's libstdc++) printed: sorted=False
// gives the std::unordered_set's iteration order (integers hash to themselves, floats through _Hash_bytes,
// float64 over 8 bytes), NaNs are inserted once each, sort where std::sort leaves them and read inverse 0 and
// count 0; bool has its own False-then-True kernel.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Tensor } from '../../src/engine';
import { uniqueFlat } from '../../src/engine/ops/uniqueHash';

const ints = (v: number[]) => new Tensor(Float64Array.from(v), [v.length], 'int64');
const f32 = (v: number[]) => new Tensor(Float32Array.from(v), [v.length], 'float32');
const list = (t: Tensor) => Array.from(t.data as ArrayLike<number>);

test('int64, sorted=False: the hash set order, inverse and counts', () => {
  const [v, inv, c] = uniqueFlat(ints([3, 1, 2, 3, 1, 5, 7, 2, 0, -1, 100]), false);
  assert.deepEqual(list(v), [100, 0, 7, 5, -1, 2, 1, 3]);
  assert.deepEqual(list(inv), [7, 6, 5, 7, 6, 3, 2, 5, 1, 4, 0]);
  assert.deepEqual(list(c), [1, 1, 1, 1, 1, 2, 2, 2]);
});

test('int64 with rehashes past 13 and 29 buckets (torch.manual_seed(3); randint(-1000, 1000, (40,)))', () => {
  // prettier-ignore
  const x = [-14, 48, 737, 667, -640, -720, 840, 525, 981, -261, 514, -909, -175, 689, 386, -851, 975, -386, 840,
    -116, 356, -971, 751, -794, -528, -782, 777, -286, -306, 170, -550, 871, 404, 233, -981, 482, -227, 800, -938, 441];
  // prettier-ignore
  const expected = [441, -938, 800, -981, 233, 871, -550, 482, 777, 514, -175, -116, 667, -227, 840, -286, -640, 689,
    -909, -261, -851, 737, 48, 404, -14, 975, -528, 386, -386, 356, 525, -306, 751, 981, -971, -794, -782, -720, 170];
  assert.deepEqual(list(uniqueFlat(ints(x), false)[0]), expected);
});

test('float32 and float64, sorted=False: _Hash_bytes over 4 and 8 bytes', () => {
  // prettier-ignore
  const x = [-3.6, 3.1, 0.2, -0.6, -4.5, 2.7, 0.8, -2.1, 1.7, -0.7, -3.2, 1.8, 2.2, -1.0, -3.1, 3.4, 2.2, 3.2, 5.2,
    -4.4, 3.4, 6.2, -2.7, -5.7, 1.0, 1.5, 1.6, -0.8, -1.8, 2.6].map(Math.fround);
  // prettier-ignore
  const single = [2.6, -2.7, 6.2, -4.4, -1.8, 3.2, 3.4, -3.1, -1.0, -3.6, 5.2, 0.8, -0.8, -5.7, -3.2, 1.5, 3.1, -0.6,
    -4.5, 2.7, 1.8, 0.2, -2.1, 1.6, -0.7, 1.0, 1.7, 2.2].map(Math.fround);
  // prettier-ignore
  const double = [-1.8, -0.8, 1.5, -5.7, 2.6, 6.2, -2.7, 3.2, 3.4, -3.1, 1.0, -1.0, -3.6, 3.1, 1.8, -0.6, 5.2, -4.5,
    -3.2, 1.7, 1.6, -4.4, 2.7, -2.1, -0.7, 0.2, 0.8, 2.2].map(Math.fround);
  assert.deepEqual(list(uniqueFlat(f32(x), false)[0]), single);
  const x64 = new Tensor(Float64Array.from(x), [x.length], 'float64');
  assert.deepEqual(list(uniqueFlat(x64, false)[0]), double);
});

test('NaN: one entry per NaN, inverse 0 and count 0, placed by std::sort when sorted', () => {
  const x = f32([0.5, 2.0, -1.0, 0.5, 3.25, 2.0, NaN, 1e6]);
  const [u, ui, uc] = uniqueFlat(x, false);
  assert.deepEqual(list(u), [1e6, NaN, 3.25, -1, 2, 0.5]);
  assert.deepEqual(list(ui), [5, 4, 3, 5, 2, 4, 0, 0]);
  assert.deepEqual(list(uc), [1, 0, 1, 1, 2, 2]);
  const [s, si, sc] = uniqueFlat(x, true);
  assert.deepEqual(list(s), [-1, 3.25, 1e6, NaN, 0.5, 2]);
  assert.deepEqual(list(si), [4, 5, 0, 4, 1, 5, 0, 2]);
  assert.deepEqual(list(sc), [1, 1, 1, 0, 2, 2]);
  assert.deepEqual(list(uniqueFlat(f32([2, NaN, 1, NaN]), true)[0]), [1, NaN, NaN, 2]);
});

test('±0 is one value, the first one seen; bool is False then True', () => {
  assert.deepEqual(list(uniqueFlat(f32([-0, 0, 1]), true)[0]), [-0, 1]);
  assert.deepEqual(list(uniqueFlat(f32([1, -0, 0]), false)[0]), [-0, 1]);
  const b = new Tensor(Uint8Array.from([1, 0, 1]), [3], 'bool');
  const [v, inv, c] = uniqueFlat(b, false);
  assert.deepEqual(
    [list(v), list(inv), list(c)],
    [
      [0, 1],
      [1, 0, 1],
      [1, 2],
    ],
  );
});
