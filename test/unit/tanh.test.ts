// torch.tanh of float32 tensors against PyTorch 1.13 (tanh-torch113.json, made by tanh-fixture.py): the same
// float32 bits as SLEEF's tanhf (src/engine/ops/sleefTanh.ts) on every path the engine has: the TypeScript loop
// (its shortcut through tanh in double and the full replay alike), the WebAssembly kernel in double lanes,
// and (in a Node with relaxed SIMD) the four-lane kernel with fused multiply-adds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { TR_TANH } from '../../src/engine/kernels/elementwise';
import { loadWasmKernels } from '../../src/engine/kernels/wasm-kernels';
import { sleefTanhf, tanhf, tanhfLoop } from '../../src/engine/ops/sleefTanh';
import { assertSameBits, floats, type Encoded } from './float32-bits';

const fixture = JSON.parse(readFileSync(join(__dirname, 'tanh-torch113.json'), 'utf8')) as {
  x: Encoded;
  tanh: Encoded;
  off_count: number;
  prefixes: { n: number; tanh: Encoded }[];
};

const x = floats(fixture.x);
const expected = floats(fixture.tanh);

test('torch.tanh gives PyTorch 1.13 float32 bits (SLEEF tanhf), special values and tensor lengths included', () => {
  assertSameBits(torch.tanh(new Tensor(x.slice(), [x.length])).data as Float32Array, expected, 'tanh', x);
  // Every value takes SLEEF's code, the last n % 16 too: short tensors run the TypeScript loop, from 1024
  // values the WebAssembly kernel.
  for (const p of fixture.prefixes) {
    const y = torch.tanh(new Tensor(x.slice(0, p.n), [p.n])).data as Float32Array;
    assertSameBits(y, floats(p.tanh), `tanh of ${p.n} values`, x);
  }
});

test('the TypeScript loop, its full replay and the double-lane WebAssembly kernel agree with PyTorch', () => {
  // The fixture holds values where SLEEF's result differs from tanh rounded once.
  assert.ok(fixture.off_count >= 100);
  const y = new Float32Array(x.length);
  tanhfLoop(x, y);
  assertSameBits(y, expected, 'tanhfLoop', x);
  // The replay alone, over 0 < |x| <= 8.66 (tanhf answers 0, +-1 and NaN before it).
  const replayed = x.map((v) => (v !== 0 && Math.abs(v) <= 8.66 ? sleefTanhf(v) : tanhf(v)));
  assertSameBits(replayed, expected, 'sleefTanhf (the replay alone)', x);
  assertSameBits(x.map(tanhf), expected, 'tanhf', x);
  const k = loadWasmKernels('simd');
  assert.ok(k, 'WebAssembly SIMD kernels load');
  k.reserve(x.length * 4);
  k.put(x, 0, x.length, k.base);
  k.ex.trForward(TR_TANH, x.length, k.base, k.base);
  const out = new Float32Array(x.length);
  k.get(k.base, x.length, out, 0);
  assertSameBits(out, expected, 'wasm simd tanh', x);
});

test('the four-lane fused-multiply-add kernel (relaxed SIMD) agrees with PyTorch where the machine fuses', () => {
  const child = spawnSync(
    process.execPath,
    ['--experimental-wasm-relaxed-simd', '--import', 'tsx', join(__dirname, 'tanh-relaxed-child.ts')],
    { cwd: join(__dirname, '..', '..'), encoding: 'utf8', timeout: 120000 },
  );
  assert.equal(child.status, 0, child.stderr);
  // Every machine V8 supports with FMA (x86-64 with FMA3, arm64) fuses; the kernel refuses itself elsewhere.
  assert.match(child.stdout, /^(fused: tanh matches PyTorch|not fused: four-lane kernel unused)$/m);
});
