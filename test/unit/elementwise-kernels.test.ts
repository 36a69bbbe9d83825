// The WebAssembly SIMD element-wise kernels (assembly/elementwise.ts via src/engine/kernels/elementwise.ts)
// against the TypeScript loops they replace, bit for bit: every layout (same size, scalar, row broadcast),
// lengths with and without a 4-lane tail, and the values where float32 arithmetic is delicate (NaN, ±0, ±inf,
// subnormals, huge). Then the ops that route through them, with their gradients.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import {
  EW_ADD,
  EW_MUL,
  EW_SUB_SCALED,
  EW_WASM_MIN_ELEMENTS,
  ewBinaryWasm,
  reluBackwardWasm,
  reluWasm,
} from '../../src/engine/kernels/elementwise';
import { wasmKernels } from '../../src/engine/kernels/wasm-kernels';
import { reluBackwardBits, reluBits } from '../../src/engine/ops/activation';

const SPECIAL = [NaN, -NaN, 0, -0, Infinity, -Infinity, 1e-45, -1e-45, 1e-40, 3.4e38, -3.4e38, 1, -1];

function data(n: number, seed: number): Float32Array {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32) * 2 - 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = i % 17 === 0 ? SPECIAL[(i / 17) % SPECIAL.length] : next() * 10 ** (i % 5);
  return out;
}

function sameBits(a: Float32Array, b: Float32Array, what: string): void {
  assert.equal(a.length, b.length);
  const ai = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const bi = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < a.length; i++) {
    // WebAssembly may return any quiet NaN: a NaN must stay a NaN, its payload may differ.
    if (Number.isNaN(a[i]) && Number.isNaN(b[i])) continue;
    if (ai[i] !== bi[i]) assert.fail(`${what}: element ${i} is ${a[i]}, TypeScript ${b[i]}`);
  }
}

const LENGTHS = [EW_WASM_MIN_ELEMENTS, EW_WASM_MIN_ELEMENTS + 2, EW_WASM_MIN_ELEMENTS + 3, 3000 * 100, 4099, 4100];

test('the kernels load (WebAssembly SIMD in this Node)', () => {
  assert.ok(wasmKernels(), 'no WebAssembly SIMD: the kernels below would silently fall back');
});

test('add, sub with alpha and mul match the TypeScript float32 loops for every layout', () => {
  const alphas = [1, -1, Math.fround(0.3), Math.fround(-2.5)];
  for (const n of LENGTHS) {
    const x = data(n, n);
    // Same size, a scalar, and a row of 100 (or of 3, not a multiple of 4 lanes) repeated.
    for (const m of [n, 1, n % 100 === 0 ? 100 : n % 3 === 0 ? 3 : n]) {
      const y = data(m, m + 7);
      const at = (i: number) => y[m === 1 ? 0 : i % m];
      for (const alpha of alphas) {
        const expected = new Float32Array(n);
        // Fused as PyTorch's fmadd: the float32 product is exact in a double, the sum rounds once.
        for (let i = 0; i < n; i++) expected[i] = x[i] + alpha * at(i);
        const out = new Float32Array(n);
        assert.ok(ewBinaryWasm(EW_SUB_SCALED, x, y, alpha, out));
        sameBits(out, expected, `x + ${alpha} * y, n ${n}, m ${m}`);
      }
      const sum = new Float32Array(n);
      const prod = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        sum[i] = x[i] + at(i);
        prod[i] = x[i] * at(i);
      }
      const out = new Float32Array(n);
      assert.ok(ewBinaryWasm(EW_ADD, x, y, 1, out));
      sameBits(out, sum, `x + y, n ${n}, m ${m}`);
      assert.ok(ewBinaryWasm(EW_MUL, x, y, 1, out));
      sameBits(out, prod, `x * y, n ${n}, m ${m}`);
    }
  }
});

test('small tensors and layouts the kernels do not handle are left to the TypeScript loops', () => {
  const out = new Float32Array(10);
  assert.equal(ewBinaryWasm(EW_ADD, new Float32Array(10), new Float32Array(10), 1, out), false);
  const n = EW_WASM_MIN_ELEMENTS + 1;
  assert.equal(ewBinaryWasm(EW_ADD, new Float32Array(n), new Float32Array(7), 1, new Float32Array(n)), false);
});

test('relu and its backward match reluBits / reluBackwardBits bit for bit', () => {
  for (const n of LENGTHS) {
    const x = data(n, 3 * n);
    const g = data(n, 5 * n);
    const y = new Float32Array(n);
    const yTs = new Float32Array(n);
    assert.ok(reluWasm(x, y));
    reluBits(x, yTs);
    sameBits(y, yTs, `relu, n ${n}`);
    const r = new Float32Array(n);
    const rTs = new Float32Array(n);
    assert.ok(reluBackwardWasm(yTs, g, r));
    reluBackwardBits(yTs, g, rTs);
    sameBits(r, rTs, `relu backward, n ${n}`);
  }
});

test('ops routed through the kernels keep their values and gradients', () => {
  const n = 3000;
  const x = new Tensor(
    data(n * 4, 11).map((v) => (Number.isFinite(v) ? v % 3 : 0.5)),
    [n, 4],
  );
  const b = new Tensor(new Float32Array([0.5, -1, 2, 0.25]), [4]);
  x.requires_grad_();
  b.requires_grad_();
  const y = torch.relu(torch.add(torch.mul(x, 2), b));
  const loss = torch.sum(torch.pow(torch.sub(y, 1), 2));
  loss.backward();
  // The same in plain float32 arithmetic.
  const gx = new Float32Array(n * 4);
  const gb = new Float64Array(4);
  for (let i = 0; i < n * 4; i++) {
    const h = Math.fround(Math.fround(x.data[i] * 2) + b.data[i % 4]);
    const yi = h > 0 ? h : 0;
    assert.ok(Object.is(y.data[i], yi), `forward ${i}`);
    const dy = yi > 0 ? Math.fround(2 * Math.fround(yi - 1)) : 0;
    gx[i] = Math.fround(dy * 2);
    gb[i % 4] += dy;
  }
  sameBits(x.grad!.data as Float32Array, gx, 'x.grad');
  for (let k = 0; k < 4; k++) assert.ok(Math.abs(b.grad!.data[k] - gb[k]) <= 1e-3 * Math.abs(gb[k]) + 1e-3);
});
