// Embedding and the recurrent layers in the engine: embedding's lookup, its scatter-add gradient (none for
// the padding row) and its errors; RNN (tanh, relu), LSTM and GRU gradients against float64 finite
// differences through every option (layers, bidirectional, batch_first, given initial states) and the
// one-step cells. Values against real PyTorch are checked by the conformance files (test/conformance/rnn_*).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { RnnMode, RnnOptions, cellStep, inputProjection, rnn } from '../../src/engine/nn/rnn';
import { gradcheck as checkGradients, inDouble } from './finite-differences';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const rnd = lcg(20261205);

function input(shape: number[], scale = 1): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return new Tensor(
    Float64Array.from({ length: n }, () => (rnd() * 2 - 1) * scale),
    shape,
    'float64',
    true,
  );
}

function ids(values: number[], shape = [values.length]): Tensor {
  return new Tensor(Float64Array.from(values), shape, 'int64');
}

const gradcheck = (
  name: string,
  inputs: Tensor[],
  fn: (...x: Tensor[]) => Tensor,
  skip?: (k: number, i: number) => boolean,
): void => checkGradients(name, inputs, fn, { rnd, step: 1e-4, tolerance: 1e-6, skip });

test('embedding looks rows up for indices of any shape', () => {
  const w = new Tensor(Float32Array.from([0, 1, 10, 11, 20, 21]), [3, 2]);
  const out = torch.embedding(w, ids([2, 0, 2, 1], [2, 2]));
  assert.deepEqual(out.shape, [2, 2, 2]);
  assert.deepEqual(Array.from(out.data), [20, 21, 0, 1, 20, 21, 10, 11]);
  assert.equal(out.dtype, 'float32');
  assert.deepEqual(torch.embedding(w, ids([1], [])).shape, [2]); // a 0-d index gives one row
});

test('embedding gradient adds into the rows used, none into the padding row (as PyTorch)', () => {
  // PyTorch 1.13: Embedding(5, 3, padding_idx=1)(tensor([[1, 2, 1], [0, 1, 4]])).sum().backward()
  const w = new Tensor(new Float32Array(15), [5, 3], 'float32', true);
  torch.sum(torch.embedding(w, ids([1, 2, 1, 0, 1, 4], [2, 3]), 1)).backward();
  assert.deepEqual(Array.from(w.grad!.data), [1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1]);
  assert.equal(torch.embedding(w, ids([0])).gradFn?.name, 'EmbeddingBackward0');
  // scale_grad_by_freq: Embedding(5, 3, scale_grad_by_freq=True)(tensor([1, 1, 2])).sum().backward()
  const v = new Tensor(new Float32Array(15), [5, 3], 'float32', true);
  torch.sum(torch.embedding(v, ids([1, 1, 2]), null, true)).backward();
  assert.deepEqual(Array.from(v.grad!.data), [0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
});

test('embedding gradients match finite differences (float64), padding row excepted', () => {
  const index = ids([3, 0, 3, 2, 4, 3, 1], [7]);
  gradcheck('embedding', [input([5, 4])], (w) => torch.embedding(w, index));
  gradcheck(
    'padding_idx=3',
    [input([5, 4])],
    (w) => torch.embedding(w, index, 3),
    (_, i) => Math.floor(i / 4) === 3,
  );
  const w = input([5, 4]);
  inDouble(() => torch.sum(torch.embedding(w, index, 3)).backward());
  assert.deepEqual(Array.from(w.grad!.data.subarray(12, 16)), [0, 0, 0, 0]);
  // scale_grad_by_freq is not a derivative: each row's gradient is divided by how often its index occurs.
  const plain = input([5, 4]);
  const scaled = new Tensor(Float64Array.from(plain.data), [5, 4], 'float64', true);
  const g = torch.reshape(torch.arange(28, null, 1, { dtype: 'float64' }), [7, 4]);
  inDouble(() => torch.embedding(plain, index).backward(g));
  inDouble(() => torch.embedding(scaled, index, null, true).backward(g));
  const counts = [1, 1, 1, 3, 1];
  for (let i = 0; i < 20; i++) {
    const expected = plain.grad!.data[i] / counts[Math.floor(i / 4)];
    assert.ok(Math.abs(scaled.grad!.data[i] - expected) <= 1e-12 * Math.abs(expected), `row ${Math.floor(i / 4)}`);
  }
});

test("embedding refuses float indices and indices out of range with PyTorch's messages", () => {
  const w = new Tensor(new Float32Array(6), [3, 2]);
  assert.throws(
    () => torch.embedding(w, new Tensor(Float32Array.from([1]), [1])),
    (e: Error) =>
      e.name === 'RuntimeError' &&
      e.message ===
        "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.FloatTensor instead (while checking arguments for embedding)",
  );
  for (const bad of [3, -1]) {
    assert.throws(
      () => torch.embedding(w, ids([0, bad])),
      (e: Error) => e.name === 'IndexError' && e.message === 'index out of range in self',
    );
  }
});

const GATES: Record<RnnMode, number> = { RNN_TANH: 1, RNN_RELU: 1, LSTM: 4, GRU: 3 };

/** Flat weights in PyTorch's order for the options, each a float64 leaf. */
function weights(o: RnnOptions, inputSize: number, hidden: number): Tensor[] {
  const out: Tensor[] = [];
  const dirs = o.bidirectional ? 2 : 1;
  const g = GATES[o.mode] * hidden;
  for (let l = 0; l < o.numLayers; l++) {
    for (let d = 0; d < dirs; d++) {
      out.push(input([g, l === 0 ? inputSize : hidden * dirs], 0.8), input([g, hidden], 0.8));
      if (o.hasBiases) out.push(input([g], 0.5), input([g], 0.5));
    }
  }
  return out;
}

function options(mode: RnnMode, more: Partial<RnnOptions> = {}): RnnOptions {
  return {
    mode,
    hasBiases: true,
    numLayers: 1,
    dropout: 0,
    training: true,
    bidirectional: false,
    batchFirst: false,
    ...more,
  };
}

/** Everything rnn() returns, flattened into one tensor for the check. */
function flatRun(o: RnnOptions, nw: number) {
  return (...xs: Tensor[]): Tensor => {
    const [x, ...rest] = xs;
    const r = rnn(x, rest.slice(nw), rest.slice(0, nw), o);
    return torch.cat(
      [r.output, ...r.hidden].map((t) => torch.reshape(t, [-1])),
      0,
    );
  };
}

for (const mode of ['RNN_TANH', 'RNN_RELU', 'LSTM', 'GRU'] as RnnMode[]) {
  test(`${mode} gradients match finite differences: layers, bidirectional, batch_first, bias=False`, () => {
    const cases: Partial<RnnOptions>[] = [
      {},
      { numLayers: 2, bidirectional: true },
      { batchFirst: true, hasBiases: false },
    ];
    for (const more of cases) {
      const o = options(mode, more);
      const dirs = o.bidirectional ? 2 : 1;
      const w = weights(o, 3, 2);
      const x = input(o.batchFirst ? [2, 4, 3] : [4, 2, 3]);
      const states = Array.from({ length: mode === 'LSTM' ? 2 : 1 }, () => input([o.numLayers * dirs, 2, 2]));
      gradcheck(`${mode} ${JSON.stringify(more)}`, [x, ...w, ...states], flatRun(o, w.length));
    }
  });
}

test('rnn shapes and grad_fn names are PyTorch 1.13 CPU ones', () => {
  const o = options('LSTM', { numLayers: 2, bidirectional: true, batchFirst: true });
  const w = weights(o, 3, 2);
  const zeros = () => new Tensor(new Float64Array(4 * 5 * 2), [4, 5, 2], 'float64');
  const r = inDouble(() => rnn(input([5, 7, 3]), [zeros(), zeros()], w, o));
  assert.deepEqual(r.output.shape, [5, 7, 4]);
  assert.deepEqual(
    r.hidden.map((t) => t.shape),
    [
      [4, 5, 2],
      [4, 5, 2],
    ],
  );
  // ATen's LSTM takes a transposed view back to batch-first; its RNN and GRU transpose in place.
  assert.equal(r.output.gradFn?.name, 'TransposeBackward0');
  assert.equal(r.hidden[0].gradFn?.name, 'StackBackward0');
  const g = options('GRU', { batchFirst: true });
  const gz = new Tensor(new Float64Array(5 * 2), [1, 5, 2], 'float64');
  const gr = inDouble(() => rnn(input([5, 7, 3]), [gz], weights(g, 3, 2), g));
  assert.equal(gr.output.gradFn?.name, 'TransposeBackward1');
});

test('dropout between layers only in training, and never after the last layer', () => {
  const o = options('RNN_TANH', { numLayers: 2, dropout: 1 });
  const w = weights(o, 3, 2);
  const x = input([4, 1, 3]);
  const h0 = new Tensor(new Float64Array(4), [2, 1, 2], 'float64');
  // p = 1 zeroes layer 0's output: layer 1 then runs on zeros.
  const dropped = inDouble(() => rnn(x, [h0], w, o));
  const zeros = new Tensor(new Float64Array(8), [4, 1, 2], 'float64');
  const layer1 = inDouble(() => rnn(zeros, [torch.narrow(h0, 0, 1, 1)], w.slice(4), { ...o, numLayers: 1 }));
  assert.deepEqual(Array.from(dropped.output.data), Array.from(layer1.output.data));
  assert.deepEqual(Array.from(dropped.hidden[0].data.subarray(2)), Array.from(layer1.hidden[0].data));
  // In eval mode there is no dropout at all.
  const evalRun = inDouble(() => rnn(x, [h0], w, { ...o, training: false }));
  const plain = inDouble(() => rnn(x, [h0], w, { ...o, dropout: 0 }));
  assert.deepEqual(Array.from(evalRun.output.data), Array.from(plain.output.data));
  assert.notDeepEqual(Array.from(dropped.output.data), Array.from(plain.output.data));
});

test('one-step cells give what the sequence layer gives for one step', () => {
  for (const mode of ['RNN_TANH', 'LSTM', 'GRU'] as RnnMode[]) {
    const o = options(mode);
    const w = weights(o, 3, 2);
    const x = input([1, 2, 3]);
    const states = Array.from({ length: mode === 'LSTM' ? 2 : 1 }, () => input([1, 2, 2]));
    const whole = inDouble(() => rnn(x, states, w, o));
    const p = { wIh: w[0], wHh: w[1], bIh: w[2], bHh: w[3] };
    const x0 = torch.reshape(x, [2, 3]);
    const step = inDouble(() =>
      cellStep(
        mode,
        inputProjection(x0, p),
        states.map((s) => torch.reshape(s, [2, 2])),
        p,
      ),
    );
    step.forEach((t, k) => assert.deepEqual(Array.from(t.data), Array.from(whole.hidden[k].data)));
  }
});

test("the engine's nn.LSTM and nn.Embedding start from PyTorch's numbers after manual_seed", () => {
  // Printed by PyTorch 1.13: torch.manual_seed(0); l = nn.LSTM(3, 2, bidirectional=True);
  // l.weight_ih_l0[0].tolist(), l.bias_hh_l0_reverse.tolist(); then torch.manual_seed(0);
  // nn.Embedding(4, 3, padding_idx=1).weight.tolist().
  torch.manual_seed(0);
  const lstm = new torch.nn.LSTM(3, 2, { bidirectional: true });
  const names = [...lstm.named_parameters()].map(([n]) => n);
  assert.deepEqual(names, [
    'weight_ih_l0',
    'weight_hh_l0',
    'bias_ih_l0',
    'bias_hh_l0',
    'weight_ih_l0_reverse',
    'weight_hh_l0_reverse',
    'bias_ih_l0_reverse',
    'bias_hh_l0_reverse',
  ]);
  const params = Object.fromEntries(lstm.named_parameters());
  assert.deepEqual(
    Array.from(params.weight_ih_l0.data.subarray(0, 3)),
    [-0.005293981172144413, 0.37932288646698, -0.5819807648658752],
  );
  assert.deepEqual(
    Array.from(params.bias_hh_l0_reverse.data),
    [
      -0.6735885739326477, -0.012709634378552437, -0.5324930548667908, -0.5454315543174744, -0.03896130621433258,
      0.10616858303546906, -0.28958162665367126, 0.4195813238620758,
    ],
  );
  torch.manual_seed(0);
  const emb = new torch.nn.Embedding(4, 3, 1);
  assert.deepEqual(
    Array.from(emb.weight.data),
    [
      1.5409960746765137, -0.293428897857666, -2.1787893772125244, 0, 0, 0, 0.40334683656692505, 0.8380263447761536,
      -0.7192575931549072, -0.40334352850914, -0.5966353416442871, 0.18203648924827576,
    ],
  );
  const [out, [h, c]] = lstm.forward(new Tensor(new Float32Array(5 * 2 * 3).fill(0.5), [5, 2, 3]));
  assert.deepEqual(
    [out.shape, h.shape, c.shape],
    [
      [5, 2, 4],
      [2, 2, 2],
      [2, 2, 2],
    ],
  );
  assert.equal(lstm.toString(), 'LSTM(3, 2, bidirectional=True)');
});
