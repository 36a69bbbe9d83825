// torch.sigmoid of a strided view walks the view's rows as PyTorch 1.13's vectorised loop does: the vector
// code (SLEEF's expf) over whole blocks of 16 values in each contiguous row, the scalar code (glibc's expf)
// over each row's rest, every value when the innermost stride is not 1. LSTM and GRU gates are such views
// ([batch, hidden] chunks of [batch, 4 * hidden]), so a hidden size under 16 is all scalar code there.
// Pinned to PyTorch 1.13: for x = -0x1.2cde0cp+0, torch.sigmoid gives 0x1.e32224p-3 in the vector code
// (a contiguous run of 16) and 0x1.e32222p-3 in the scalar code (a column of a [64, 20] tensor).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tensor } from '../../src/engine/tensor';
import { sigmoid } from '../../src/engine/ops/activation';
import { chunk, split } from '../../src/engine/ops/misc';
import { vectorRowLength } from '../../src/engine/ops/vectorRows';

// The hex floats above, exactly (JavaScript has no hex float literals).
const X = -0x12cde0c * 2 ** -24;
const VECTOR = 0x1e32224 * 2 ** -27;
const SCALAR = 0x1e32222 * 2 ** -27;

function filled(rows: number, cols: number): Tensor {
  return new Tensor(new Float32Array(rows * cols).fill(X), [rows, cols]);
}

test('a contiguous run of 16 takes the vector code; a view whose rows are under 16 the scalar code', () => {
  assert.deepEqual(Array.from(sigmoid(filled(1, 16)).data), new Array(16).fill(VECTOR));
  const rowsOf16 = split(filled(2, 32), [16, 16], 1)[0];
  assert.equal(vectorRowLength(rowsOf16), 16);
  assert.deepEqual(Array.from(sigmoid(rowsOf16).data), new Array(32).fill(VECTOR));
  const rowsOf10 = split(filled(2, 20), [10, 10], 1)[1];
  assert.equal(vectorRowLength(rowsOf10), 10);
  assert.deepEqual(Array.from(sigmoid(rowsOf10).data), new Array(20).fill(SCALAR));
});

test('rows of 20: 16 values by the vector code, 4 by the scalar code, in each row', () => {
  const view = split(filled(3, 40), [20, 20], 1)[0];
  const y = Array.from(sigmoid(view).data);
  const row = [...new Array(16).fill(VECTOR), ...new Array(4).fill(SCALAR)];
  assert.deepEqual(y, [...row, ...row, ...row]);
});

test('a column (innermost stride 20) is all scalar code; a whole tensor keeps its last n % 16 scalar', () => {
  const column = chunk(filled(16, 20), 20, 1)[0];
  assert.equal(vectorRowLength(column), 0);
  assert.deepEqual(Array.from(sigmoid(column).data), new Array(16).fill(SCALAR));
  const whole = Array.from(sigmoid(filled(1, 18)).data);
  assert.deepEqual(whole, [...new Array(16).fill(VECTOR), SCALAR, SCALAR]);
});
