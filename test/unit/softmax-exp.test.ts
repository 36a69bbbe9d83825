// exp, sigmoid, softmax, log_softmax and cross_entropy of float32 tensors against PyTorch 1.13
// (softmax-exp-torch113.json, made by softmax-exp-fixture.py): the same float32 bits, from SLEEF's expf
// (src/engine/ops/sleefExp.ts) and PyTorch's softmax kernels (softmaxKernels.ts), on every path the engine
// has: the TypeScript loops, the WebAssembly kernel in double lanes, and (in a Node with relaxed SIMD) the
// four-lane kernel with fused multiply-adds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { TR_EXP, TR_SIGMOID } from '../../src/engine/kernels/elementwise';
import { loadWasmKernels } from '../../src/engine/kernels/wasm-kernels';
import { expfLoop, sigmoidScalarTail, sigmoidfLoop } from '../../src/engine/ops/sleefExp';
import { assertSameBits, floats, type Encoded } from './float32-bits';

const fixture = JSON.parse(readFileSync(join(__dirname, 'softmax-exp-torch113.json'), 'utf8')) as {
  unary: { x: Encoded; exp: Encoded; sigmoid: Encoded };
  unary_small: { exp: Encoded; sigmoid: Encoded };
  softmax: { x: Encoded; dim: number; softmax: Encoded; log_softmax: Encoded }[];
  cross_entropy: { logits: Encoded; target: number[]; probs: Encoded; mean: Encoded; sum: Encoded; soft: Encoded }[];
};

const decode = (e: Encoded) => new Tensor(floats(e), e.shape, 'float32');

const x = floats(fixture.unary.x);
const expected = { exp: floats(fixture.unary.exp), sigmoid: floats(fixture.unary.sigmoid) };

test('torch.exp and torch.sigmoid give PyTorch 1.13 float32 bits (SLEEF expf), special values included', () => {
  assertSameBits(torch.exp(new Tensor(x.slice(), [x.length])).data as Float32Array, expected.exp, 'exp', x);
  assertSameBits(torch.sigmoid(new Tensor(x.slice(), [x.length])).data as Float32Array, expected.sigmoid, 'sigmoid', x);
  // Below the WebAssembly size threshold the TypeScript loops run; the last n % 16 take PyTorch's scalar code.
  const small = x.slice(0, 300);
  for (const name of ['exp', 'sigmoid'] as const) {
    const y = torch[name](new Tensor(small.slice(), [300])).data as Float32Array;
    assertSameBits(y, floats(fixture.unary_small[name]), `${name} of 300 values`, small);
  }
});

test('the TypeScript loops and the double-lane WebAssembly kernel agree with PyTorch', () => {
  const y = new Float32Array(x.length);
  expfLoop(x, y);
  assertSameBits(y, expected.exp, 'expfLoop', x);
  sigmoidfLoop(x, y);
  assertSameBits(y, expected.sigmoid, 'sigmoidfLoop', x);
  const k = loadWasmKernels('simd');
  assert.ok(k, 'WebAssembly SIMD kernels load');
  for (const [fn, want, name] of [
    [TR_EXP, expected.exp, 'exp'],
    [TR_SIGMOID, expected.sigmoid, 'sigmoid'],
  ] as const) {
    k.reserve(x.length * 4);
    k.put(x, 0, x.length, k.base);
    k.ex.trForward(fn, x.length, k.base, k.base);
    const out = new Float32Array(x.length);
    k.get(k.base, x.length, out, 0);
    if (name === 'sigmoid') sigmoidScalarTail(x, out); // the kernel computes every value as the vector code
    assertSameBits(out, want, `wasm simd ${name}`, x);
  }
});

test('the four-lane fused-multiply-add kernel (relaxed SIMD) agrees with PyTorch where the machine fuses', () => {
  const child = spawnSync(
    process.execPath,
    ['--experimental-wasm-relaxed-simd', '--import', 'tsx', join(__dirname, 'softmax-exp-relaxed-child.ts')],
    { cwd: join(__dirname, '..', '..'), encoding: 'utf8', timeout: 120000 },
  );
  assert.equal(child.status, 0, child.stderr);
  // Every machine V8 supports with FMA (x86-64 with FMA3, arm64) fuses; the kernel refuses itself elsewhere.
  assert.match(child.stdout, /^(fused: exp and sigmoid match PyTorch|not fused: four-lane kernel unused)$/m);
});

test('softmax and log_softmax over every dim give PyTorch 1.13 float32 bits', () => {
  for (const c of fixture.softmax) {
    const t = decode(c.x);
    const what = `[${c.x.shape}] dim ${c.dim}`;
    assertSameBits(torch.softmax(t, c.dim).data as Float32Array, floats(c.softmax), `softmax ${what}`);
    const log = torch.log_softmax(t, c.dim).data as Float32Array;
    const want = floats(c.log_softmax);
    if (c.dim === c.x.shape.length - 1) {
      // log(sum) by SLEEF's logf, as PyTorch (sleefLog.ts): the same bits.
      assertSameBits(log, want, `log_softmax ${what}`);
    } else {
      for (let i = 0; i < want.length; i++)
        assert.ok(Math.abs(log[i] - want[i]) <= 4e-7 * Math.max(1, Math.abs(want[i])));
    }
  }
});

test('cross_entropy with class indices and with probabilities matches PyTorch 1.13', () => {
  for (const c of fixture.cross_entropy) {
    const logits = decode(c.logits);
    const target = torch.tensor(c.target, { dtype: 'int64' });
    const what = `[${c.logits.shape}]`;
    assertSameBits(torch.cross_entropy(logits, target).data as Float32Array, floats(c.mean), `mean ${what}`);
    const sum = torch.cross_entropy(logits, target, null, -100, 'sum');
    assertSameBits(sum.data as Float32Array, floats(c.sum), `sum ${what}`);
    const soft = torch.cross_entropy(logits, decode(c.probs));
    assertSameBits(soft.data as Float32Array, floats(c.soft), `probabilities ${what}`);
  }
});
