// Run by gemm.test.ts in a Node started with --experimental-wasm-relaxed-simd (Node 20 needs the flag; VS Code's
// Electron and Node >= 22 have relaxed SIMD by default), so the relaxed build's kernel is checked too: against
// the reference, bit for bit against the plain SIMD build (a file prints the same numbers everywhere) and
// against PyTorch's bits.
import { loadWasmGemm } from '../../src/engine/kernels/gemm-wasm';
import { checkAll, compareBits } from './gemm-cases';
import { checkKernelBits } from './matmul-bits-cases';

const kernel = loadWasmGemm('relaxed-simd');
if (!kernel) {
  console.error('relaxed SIMD kernel failed to load even with the flag');
  process.exit(2);
}
const plain = loadWasmGemm('simd');
const failures = [
  ...checkAll(kernel.gemm),
  ...(plain ? compareBits(kernel.gemm, plain.gemm) : ['no SIMD kernel']),
  // PyTorch's bits (matmul-bits-torch113.json), whether this machine's relaxed multiply-add is fused or not.
  ...checkKernelBits(kernel.gemm),
];
if (failures.length > 0) {
  console.error(failures.slice(0, 10).join('\n'));
  process.exit(1);
}
console.log('relaxed-simd ok');
