// One time step of each recurrent cell, built from engine ops so autograd records every step. The formulas
// and the order of every addition follow PyTorch 1.13's CPU implementation (aten/src/ATen/native/RNN.cpp):
// the input projection x W_ih^T + b_ih is computed once for the whole sequence (`xw`, one row per batch
// element here), and each step adds it to the hidden projection h W_hh^T + b_hh. An LSTM with projections
// (proj_size > 0) multiplies its new hidden state by W_hr^T, so h (and the output) has proj_size features
// while the cell state keeps hidden_size; the product is an mm with W_hr's transpose, as ATen's matmul_hr.
import { Tensor } from '../tensor';
import { add, mul, sub } from '../ops/arith';
import { relu, sigmoid, tanh } from '../ops/activation';
import { linear, matmul } from '../ops/matmul';
import { t } from '../ops/view';
import { chunk } from '../ops/misc';

export type RnnMode = 'RNN_TANH' | 'RNN_RELU' | 'LSTM' | 'GRU';

/**
 * One layer-direction's parameters: weight_ih, weight_hh, with bias=True bias_ih and bias_hh, and for an
 * LSTM with projections weight_hr ([proj_size, hidden_size]).
 */
export interface CellParams {
  wIh: Tensor;
  wHh: Tensor;
  bIh: Tensor | null;
  bHh: Tensor | null;
  wHr?: Tensor | null;
}

/** The state a cell carries: [h] for RNN and GRU, [h, c] for LSTM. */
export type CellState = Tensor[];

/** How many gate blocks the weights stack: LSTM i, f, g, o; GRU r, z, n; a plain RNN one. */
export function gateCount(mode: RnnMode): number {
  return mode === 'LSTM' ? 4 : mode === 'GRU' ? 3 : 1;
}

/** x W_ih^T + b_ih: the input half of every gate, for all steps at once (PyTorch's `linear_ih`). */
export function inputProjection(x: Tensor, p: CellParams): Tensor {
  return linear(x, p.wIh, p.bIh);
}

/** One step from the precomputed input projection `xw` ([batch, gates * hidden]) and the previous state. */
export function cellStep(mode: RnnMode, xw: Tensor, state: CellState, p: CellParams): CellState {
  const h = state[0];
  switch (mode) {
    case 'RNN_TANH':
      // SimpleCell: tanh(linear_hh(h).add_(xw))
      return [tanh(add(linear(h, p.wHh, p.bHh), xw))];
    case 'RNN_RELU':
      return [relu(add(linear(h, p.wHh, p.bHh), xw))];
    case 'LSTM':
      return lstmStep(xw, h, state[1], p);
    case 'GRU':
      return [gruStep(xw, h, p)];
  }
}

/**
 * LSTMCell: gates = linear_hh(h) + xw, chunked i, f, g, o; c' = f * c + i * g; h' = o * tanh(c'), then
 * h' W_hr^T with projections (its gradient flows through mm's: into W_hr and back into o * tanh(c')).
 */
function lstmStep(xw: Tensor, h: Tensor, c: Tensor, p: CellParams): CellState {
  const gates = add(linear(h, p.wHh, p.bHh), xw);
  const [i, f, g, o] = chunk(gates, 4, 1);
  const ingate = sigmoid(i);
  const forgetgate = sigmoid(f);
  const cellgate = tanh(g);
  const outgate = sigmoid(o);
  const cy = add(mul(forgetgate, c), mul(ingate, cellgate));
  const hy = mul(outgate, tanh(cy));
  return [p.wHr ? matmul(hy, t(p.wHr)) : hy, cy];
}

/** GRUCell: r = sigma(hr + xr), z = sigma(hz + xz), n = tanh(xn + hn * r), h' = (h - n) * z + n. */
function gruStep(xw: Tensor, h: Tensor, p: CellParams): Tensor {
  const [xr, xz, xn] = chunk(xw, 3, 1);
  const [hr, hz, hn] = chunk(linear(h, p.wHh, p.bHh), 3, 1);
  // PyTorch adds into the hidden chunk and takes sigmoid_ there, in place on a [batch, 3 * hidden] view: its
  // loop walks rows of `hidden` values (vectorRows.ts), whatever the contiguous sum here looks like.
  const hidden = hr.shape[hr.ndim - 1];
  const resetgate = sigmoid(add(hr, xr), hidden);
  const inputgate = sigmoid(add(hz, xz), hidden);
  const newgate = tanh(add(xn, mul(hn, resetgate)));
  return add(mul(sub(h, newgate), inputgate), newgate);
}
