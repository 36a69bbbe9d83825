// Run by gemm.test.ts in a Node started with --experimental-wasm-relaxed-simd (Node 20 needs the flag; VS Code's
// Electron and Node >= 22 have relaxed SIMD by default), so the fused-multiply-add kernel is checked too.
import { loadWasmGemm } from '../../src/engine/kernels/gemm-wasm';
import { checkAll } from './gemm-cases';

const kernel = loadWasmGemm('relaxed-simd');
if (!kernel) {
  console.error('relaxed SIMD kernel failed to load even with the flag');
  process.exit(2);
}
const failures = checkAll(kernel.gemm);
if (failures.length > 0) {
  console.error(failures.slice(0, 10).join('\n'));
  process.exit(1);
}
console.log('relaxed-simd ok');
