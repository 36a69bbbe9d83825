// Every matrix-multiply kernel against a float64 reference: all orientations, odd sizes, accumulate.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { gemm, gemmBackend, WASM_MIN_WORK } from '../../src/engine/kernels/gemm';
import { gemmTs } from '../../src/engine/kernels/gemm-ts';
import { loadWasmGemm } from '../../src/engine/kernels/gemm-wasm';
import { checkAll, checkCase, compareBits } from './gemm-cases';

test('TypeScript kernel matches the float64 reference in every orientation', () => {
  assert.deepEqual(checkAll(gemmTs), []);
});

test('WebAssembly SIMD kernel matches the float64 reference in every orientation', () => {
  // Node >= 20 always has WebAssembly SIMD, so the kernel must load here.
  const kernel = loadWasmGemm('simd');
  assert.ok(kernel, 'the SIMD module failed to validate');
  assert.deepEqual(checkAll(kernel.gemm), []);
});

test('WebAssembly relaxed-SIMD kernel matches the reference and the plain SIMD kernel bit for bit', () => {
  const here = loadWasmGemm('relaxed-simd');
  const plain = loadWasmGemm('simd');
  if (here && plain) {
    assert.deepEqual([...checkAll(here.gemm), ...compareBits(here.gemm, plain.gemm)], []);
    return;
  }
  // This Node needs the flag: check the kernel in a child process that has it.
  const root = path.resolve(__dirname, '../..');
  const child = spawnSync(
    process.execPath,
    ['--experimental-wasm-relaxed-simd', '--import', 'tsx', 'test/unit/gemm-relaxed-child.ts'],
    { cwd: root, encoding: 'utf8' },
  );
  assert.equal(child.status, 0, child.stderr + child.stdout);
  assert.match(child.stdout, /relaxed-simd ok/);
});

test('gemm dispatches both small and large products correctly', () => {
  assert.match(gemmBackend(), /^(relaxed-simd|simd)$/);
  // One case on each side of the threshold, in every orientation.
  const side = Math.ceil(Math.cbrt(WASM_MIN_WORK));
  assert.deepEqual(
    checkAll(gemm, [
      [3, 5, 7],
      [side + 1, side + 2, side + 3],
    ]),
    [],
  );
});

test('a product with k = 0 is zeros, or leaves C unchanged when accumulating', () => {
  for (const fn of [gemmTs, gemm]) {
    assert.equal(checkCase(fn, false, true, 3, 4, 0, false), null);
    assert.equal(checkCase(fn, false, false, 3, 4, 0, true), null);
  }
});

test('the wasm kernel keeps working after its memory grows', () => {
  const kernel = loadWasmGemm('simd');
  assert.ok(kernel);
  assert.equal(checkCase(kernel.gemm, false, true, 4, 4, 4, false), null);
  assert.equal(checkCase(kernel.gemm, true, false, 300, 301, 302, true), null); // needs several more pages
  assert.equal(checkCase(kernel.gemm, false, true, 5, 6, 7, true), null);
});

test('a product onto repeated rows (Linear onto its bias) equals filling C with them and accumulating', () => {
  const values = (n: number, seed: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(seed + i * 1.7));
  // Below and above the wasm threshold, edge tiles included.
  for (const [m, n, k] of [
    [3, 5, 7],
    [37, 100, 70],
    [300, 100, 2],
  ]) {
    const A = values(m * k, 1);
    const B = values(n * k, 2);
    const row = values(n, 3);
    const onto = values(m * n, 4); // garbage the product must overwrite
    gemm(false, true, m, n, k, A, 0, B, 0, onto, 0, false, row);
    const filled = new Float32Array(m * n);
    for (let r = 0; r < m; r++) filled.set(row, r * n);
    gemm(false, true, m, n, k, A, 0, B, 0, filled, 0, true);
    assert.deepEqual(new Uint32Array(onto.buffer), new Uint32Array(filled.buffer), `${m}x${n}x${k}`);
    assert.equal(
      checkCase((...args) => gemm(...args), false, true, m, n, k, true),
      null,
    );
  }
});
