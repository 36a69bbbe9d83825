// Float32 matrix products against PyTorch 1.13 bit for bit (matmul-bits-torch113.json, made by
// matmul-bits-fixture.py): mm with k up to 2000 (OpenBLAS's K blocks), Linear forward with its bias (by input
// rank) and both backward products, torch.matmul of 1-D, 2-D and 3-D operands, bmm, dot and matrix @ vector; through the engine's ops and
// through each matrix-multiply kernel on its own (kernels/gemm-order.ts gives the order).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { gemmTs } from '../../src/engine/kernels/gemm-ts';
import { loadWasmGemm } from '../../src/engine/kernels/gemm-wasm';
import { assertSameBits, floats } from './float32-bits';
import { compareBits } from './gemm-cases';
import { checkKernelBits, fixture, lcgFloats, type Input } from './matmul-bits-cases';

const tensor = (input: Input, requiresGrad = false) =>
  new Tensor(lcgFloats(input), input.shape, 'float32', requiresGrad);
const bitsOf = (t: Tensor) => t.data as Float32Array;

test('the TypeScript kernel gives PyTorch bits for mm and Linear products', () => {
  assert.deepEqual(checkKernelBits(gemmTs), []);
});

test('the WebAssembly SIMD kernel gives PyTorch bits for mm and Linear products', () => {
  const kernel = loadWasmGemm('simd');
  assert.ok(kernel, 'the SIMD module failed to validate');
  assert.deepEqual(checkKernelBits(kernel.gemm), []);
});

test('mm gives PyTorch bits, with k across OpenBLAS K blocks', () => {
  for (const c of fixture.mm) {
    const out = torch.mm(tensor(c.a), tensor(c.b));
    assertSameBits(bitsOf(out), floats(c.out), `mm [${c.a.shape}] @ [${c.b.shape}]`);
  }
});

test('Linear (F.linear with bias) and its backward products give PyTorch bits', () => {
  for (const c of fixture.linear) {
    const x = tensor(c.x, true);
    const w = tensor(c.w, true);
    const what = `linear x [${c.x.shape}] W [${c.w.shape}]`;
    assertSameBits(bitsOf(torch.matmul(x, torch.transpose(w, 0, 1))), floats(c.nobias), `${what} x @ W.T`);
    const y = torch.linear(x, w, tensor(c.b, true));
    assertSameBits(bitsOf(y), floats(c.y), what);
    y.backward(tensor(c.gy));
    assertSameBits(bitsOf(x.grad!), floats(c.gx), `${what} grad x`);
    assertSameBits(bitsOf(w.grad!), floats(c.gw), `${what} grad W`);
  }
});

test('F.linear adds the bias where PyTorch does: before the K blocks for 2-D and contiguous 3-D input, after them otherwise', () => {
  for (const c of fixture.linearRanks) {
    const x = c.transposed ? torch.transpose(tensor(c.x), 0, 1) : tensor(c.x);
    const y = torch.linear(x, tensor(c.w), tensor(c.b));
    const what = `linear x [${c.x.shape}]${c.transposed ? '.transpose(0, 1)' : ''} W [${c.w.shape}]`;
    assertSameBits(bitsOf(torch.contiguous(y)), floats(c.y), what);
  }
});

test('matrix @ vector gives PyTorch bits (BLAS sgemv: 8 fused lanes on 4-row groups, the 2-row and 1-row kernels, the k mod 4 tail)', () => {
  for (const c of fixture.mv) {
    const out = torch.matmul(tensor(c.a), tensor(c.b));
    assertSameBits(bitsOf(out), floats(c.out), `matmul [${c.a.shape}] @ [${c.b.shape}]`);
  }
});

test('torch.matmul of 1-D, 2-D and 3-D operands and dot give PyTorch bits', () => {
  for (const c of fixture.matmul) {
    const out = torch.matmul(tensor(c.a), tensor(c.b));
    assertSameBits(bitsOf(out), floats(c.out), `matmul [${c.a.shape}] @ [${c.b.shape}]`);
  }
  for (const c of fixture.dot) {
    const out = torch.dot(tensor(c.a), tensor(c.b));
    assertSameBits(bitsOf(out), floats(c.out), `dot [${c.a.shape}]`);
  }
});

test('the WebAssembly kernel adds in the TypeScript kernel order on every tile pattern (rows, columns, K blocks)', () => {
  // Shapes around OpenBLAS's panels: 12-row panels and their 4-row ends, 8-column groups, 320-column and
  // 320-step blocks, first and later column blocks; the TypeScript kernel sums each element on its own.
  const kernel = loadWasmGemm('simd');
  assert.ok(kernel);
  const sizes: [number, number, number][] = [];
  for (const m of [1, 3, 4, 6, 8, 11, 12, 13, 16, 20, 24, 27, 36, 52]) {
    for (const n of [7, 8, 9, 16, 17, 24, 40, 57]) sizes.push([m, n, 9 + ((m * n) % 13)]);
  }
  sizes.push([14, 700, 5], [30, 330, 3], [5, 16, 700], [13, 24, 1000]);
  assert.deepEqual(compareBits(kernel.gemm, gemmTs, sizes), []);
});
