// LSTM with projections (proj_size) in the engine: the recurrence's gradients against float64 finite
// differences (dense and packed, layers, bidirectional, batch_first, bias=False), the shapes h, c and the
// output take, the weight checks, and the TypeScript nn.LSTM({ projSize }) against numbers PyTorch 1.13
// printed. The Python module's names, checks and messages are compared with PyTorch by the conformance file
// test/conformance/lstm_proj_inference_bits.py.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { RnnOptions, rnn } from '../../src/engine/nn/rnn';
import { rnnPacked } from '../../src/engine/nn/rnnPacked';
import { gradcheck as checkGradients, inDouble } from './finite-differences';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const rnd = lcg(20260412);

function input(shape: number[], scale = 1): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return new Tensor(
    Float64Array.from({ length: n }, () => (rnd() * 2 - 1) * scale),
    shape,
    'float64',
    true,
  );
}

const gradcheck = (name: string, inputs: Tensor[], fn: (...x: Tensor[]) => Tensor): void =>
  checkGradients(name, inputs, fn, { rnd, step: 1e-4, tolerance: 1e-6 });

function options(more: Partial<RnnOptions> = {}): RnnOptions {
  return {
    mode: 'LSTM',
    hasBiases: true,
    numLayers: 1,
    dropout: 0,
    training: true,
    bidirectional: false,
    batchFirst: false,
    ...more,
  };
}

/** An LSTM's flat weights with projections, in PyTorch's order (weight_hr after each pair of biases). */
function weights(o: RnnOptions, inputSize: number, hidden: number, proj: number): Tensor[] {
  const out: Tensor[] = [];
  const dirs = o.bidirectional ? 2 : 1;
  for (let l = 0; l < o.numLayers; l++) {
    for (let d = 0; d < dirs; d++) {
      out.push(input([4 * hidden, l === 0 ? inputSize : proj * dirs], 0.8), input([4 * hidden, proj], 0.8));
      if (o.hasBiases) out.push(input([4 * hidden], 0.5), input([4 * hidden], 0.5));
      out.push(input([proj, hidden], 0.8));
    }
  }
  return out;
}

const flatten = (ts: Tensor[]): Tensor =>
  torch.cat(
    ts.map((t) => torch.reshape(t, [-1])),
    0,
  );

test('projected LSTM gradients match finite differences: layers, bidirectional, batch_first, bias=False', () => {
  const cases: Partial<RnnOptions>[] = [
    {},
    { numLayers: 2, bidirectional: true },
    { batchFirst: true, hasBiases: false },
  ];
  for (const more of cases) {
    const o = options(more);
    const dirs = o.bidirectional ? 2 : 1;
    const w = weights(o, 3, 3, 2);
    const x = input(o.batchFirst ? [2, 4, 3] : [4, 2, 3]);
    const h0 = input([o.numLayers * dirs, 2, 2]);
    const c0 = input([o.numLayers * dirs, 2, 3]);
    gradcheck(`proj ${JSON.stringify(more)}`, [x, ...w, h0, c0], (...xs) => {
      const r = rnn(xs[0], xs.slice(1 + w.length), xs.slice(1, 1 + w.length), o);
      return flatten([r.output, ...r.hidden]);
    });
  }
});

test('projected LSTM over a packed sequence: gradients match finite differences', () => {
  for (const bidirectional of [false, true]) {
    const o = options({ numLayers: 2, bidirectional });
    const dirs = bidirectional ? 2 : 1;
    const w = weights(o, 2, 3, 2);
    const sizes = [3, 2, 2, 1]; // three sequences of lengths 4, 3, 1
    const data = input([8, 2]);
    const h0 = input([2 * dirs, 3, 2]);
    const c0 = input([2 * dirs, 3, 3]);
    gradcheck(`packed proj bidirectional=${bidirectional}`, [data, ...w, h0, c0], (...xs) => {
      const r = rnnPacked(xs[0], sizes, xs.slice(1 + w.length), xs.slice(1, 1 + w.length), o);
      return flatten([r.output, ...r.hidden]);
    });
  }
});

test('with projections h and the output have proj_size features, c keeps hidden_size', () => {
  const o = options({ numLayers: 2, bidirectional: true, batchFirst: true });
  const w = weights(o, 3, 5, 2);
  const r = inDouble(() => rnn(input([6, 4, 3]), [input([4, 6, 2]), input([4, 6, 5])], w, o));
  assert.deepEqual(
    [r.output.shape, r.hidden[0].shape, r.hidden[1].shape],
    [
      [6, 4, 4],
      [4, 6, 2],
      [4, 6, 5],
    ],
  );
  // The projection is an mm with weight_hr's transpose (ATen's matmul_hr); the steps are stacked as before.
  assert.equal(r.output.gradFn?.name, 'TransposeBackward0');
  assert.equal(r.hidden[0].gradFn?.name, 'StackBackward0');
});

test('weights that do not fit the projection are refused', () => {
  const o = options();
  const w = weights(o, 3, 3, 2);
  w[4] = input([2, 4]); // weight_hr must be [proj_size, hidden_size]
  assert.throws(
    () => inDouble(() => rnn(input([4, 2, 3]), [input([1, 2, 2]), input([1, 2, 3])], w, o)),
    (e: Error) =>
      e.name === 'RuntimeError' &&
      /RNN weights have unexpected shapes \[12, 3\] and \[12, 2\] and \[2, 4\]/.test(e.message),
  );
  assert.throws(
    () => inDouble(() => rnn(input([4, 2, 3]), [input([1, 2, 2]), input([1, 2, 3])], w.slice(0, 4), o)),
    /got an incorrect number of RNN parameters \(4\)/,
  );
});

test("the engine's nn.LSTM with projSize has PyTorch's parameters and numbers after manual_seed", () => {
  // Printed by PyTorch 1.13: torch.manual_seed(0); l = nn.LSTM(3, 4, proj_size=2, bidirectional=True,
  // num_layers=2); l.weight_hr_l0.flatten().tolist(); out, (h, c) = l(torch.full((5, 2, 3), 0.5));
  // out[-1, 0].tolist(), h[:, 1].flatten().tolist().
  torch.manual_seed(0);
  const lstm = new torch.nn.LSTM(3, 4, { projSize: 2, bidirectional: true, numLayers: 2 });
  const names = [...lstm.named_parameters()].map(([n]) => n);
  const layer = (l: number, s: string) =>
    ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh', 'weight_hr'].map((n) => `${n}_l${l}${s}`);
  assert.deepEqual(names, [...layer(0, ''), ...layer(0, '_reverse'), ...layer(1, ''), ...layer(1, '_reverse')]);
  const params = Object.fromEntries(lstm.named_parameters());
  assert.deepEqual(params.weight_ih_l1.shape, [16, 4]);
  assert.deepEqual(params.weight_hh_l1.shape, [16, 2]);
  assert.deepEqual(
    Array.from(params.weight_hr_l0.data),
    [
      -0.30426955223083496, 0.45368504524230957, 0.3426499366760254, -0.42164146900177, -0.12444216012954712,
      0.022561311721801758, 0.07295054197311401, 0.11858713626861572,
    ],
  );
  const [out, [h, c]] = lstm.forward(new Tensor(new Float32Array(5 * 2 * 3).fill(0.5), [5, 2, 3]));
  assert.deepEqual(
    [out.shape, h.shape, c.shape],
    [
      [5, 2, 4],
      [4, 2, 2],
      [4, 2, 4],
    ],
  );
  assert.deepEqual(
    Array.from(out.data.subarray(4 * 4 * 2, 4 * 4 * 2 + 4)),
    [0.22113941609859467, 0.04483388736844063, 0.020306438207626343, 0.03927137330174446],
  );
  const h1 = [0, 1, 2, 3].flatMap((k) => Array.from(h.data.subarray(k * 4 + 2, k * 4 + 4)));
  assert.deepEqual(
    h1,
    [
      -0.115122951567173, -0.02626088634133339, -0.0470522865653038, 0.006107790861278772, 0.22113941609859467,
      0.04483388736844063, 0.046281956136226654, 0.07741878181695938,
    ],
  );
  assert.equal(lstm.toString(), 'LSTM(3, 4, proj_size=2, num_layers=2, bidirectional=True)');
});

test("nn.LSTM's projSize checks, with PyTorch's messages", () => {
  const refused = (make: () => unknown, message: string) =>
    assert.throws(make, (e: Error) => e.name === 'ValueError' && e.message === message);
  refused(
    () => new torch.nn.LSTM(3, 4, { projSize: -1 }),
    'proj_size should be a positive integer or zero to disable projections',
  );
  refused(() => new torch.nn.LSTM(3, 4, { projSize: 4 }), 'proj_size has to be smaller than hidden_size');
  refused(
    () => new torch.nn.GRU(3, 4, { projSize: 2 }),
    'proj_size argument is only supported for LSTM, not RNN or GRU',
  );
});
