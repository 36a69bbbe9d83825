// exp, sigmoid and tanh in WebAssembly (assembly/transcendental.ts) against the TypeScript reference loops
// (SLEEF's expf of src/engine/ops/sleefExp.ts, 1 / (1 + expf(-x)), SLEEF's tanhf of sleefTanh.ts;
// softmax-exp.test.ts and tanh.test.ts compare them with PyTorch itself): the same float32 bits on
// millions of inputs spread over every range where the functions change (tiny, around 0.6 where tanh in
// double switches formulas, large, past overflow) and the special values; the backward loops bit for bit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  TR_EXP,
  TR_SIGMOID,
  TR_TANH,
  activationBackwardWasm,
  transcendentalWasm,
} from '../../src/engine/kernels/elementwise';
import { expf } from '../../src/engine/ops/sleefExp';
import { tanhf } from '../../src/engine/ops/sleefTanh';
import { firstDifference } from './float32-bits';

const SPECIAL = [
  NaN,
  0,
  -0,
  Infinity,
  -Infinity,
  1e-45,
  -1e-45,
  3.4e38,
  -3.4e38,
  88.72,
  88.73,
  -103.9,
  -104,
  0.6,
  -0.6,
  20,
  -20,
  709,
  -745,
];

function inputs(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    // Magnitudes from 1e-8 to 1e3 (log-uniform), both signs, plus the special values.
    const mag = Math.exp(Math.log(1e-8) + next() * Math.log(1e11));
    x[i] = i < SPECIAL.length ? SPECIAL[i] : next() < 0.5 ? -mag : mag;
  }
  return x;
}

const N = 1 << 21;

for (const [name, fn, ref] of [
  ['exp', TR_EXP, expf],
  ['sigmoid', TR_SIGMOID, (v: number) => 1 / Math.fround(1 + expf(-v))],
  ['tanh', TR_TANH, tanhf],
] as const) {
  test(`${name}: the kernel gives the TypeScript loop's float32 bits on ${N} inputs`, () => {
    const x = inputs(N + 3, fn + 1);
    const y = new Float32Array(x.length);
    assert.ok(transcendentalWasm(fn, x, y));
    const expected = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) expected[i] = ref(x[i]);
    const i = firstDifference(y, expected);
    assert.equal(i, -1, i < 0 ? '' : `${name}(${x[i]}) = ${y[i]}, TypeScript ${expected[i]}`);
  });
}

test("sigmoid and tanh backward kernels compute PyTorch's float32 formulas bit for bit", () => {
  const y = inputs(100003, 7).map((v) => Math.tanh(v));
  const g = inputs(100003, 9);
  for (const isTanh of [false, true]) {
    const r = new Float32Array(y.length);
    assert.ok(activationBackwardWasm(isTanh, y, g, r));
    const expected = new Float32Array(y.length);
    for (let i = 0; i < y.length; i++) {
      const f = Math.fround;
      expected[i] = isTanh ? g[i] * f(1 - y[i] * y[i]) : f(g[i] * f(1 - y[i])) * y[i];
    }
    assert.equal(firstDifference(r, expected), -1, isTanh ? 'tanh' : 'sigmoid');
  }
});
