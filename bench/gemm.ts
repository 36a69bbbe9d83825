// Kernel micro-benchmark: GFLOP/s of each matrix-multiply kernel on the products the benchmark networks make
// (forward X W^T = "NT", backward G W = "NN" and G^T X = "TN"), and the crossover size for WASM_MIN_WORK.
// Run alone with `node --import tsx bench/gemm.ts` (add --experimental-wasm-relaxed-simd on Node 20).
import { gemmTs } from '../src/engine/kernels/gemm-ts';
import { loadWasmGemm } from '../src/engine/kernels/gemm-wasm';
import { loadWasmKernels } from '../src/engine/kernels/wasm-kernels';
import { fmtRate, ratePerSecond, table } from './timing';

type Kernel = { name: string; fn: typeof gemmTs };

export function gemmKernels(): Kernel[] {
  const kernels: Kernel[] = [{ name: 'ts', fn: gemmTs }];
  for (const flavor of ['simd', 'relaxed-simd'] as const) {
    const k = loadWasmGemm(flavor);
    if (k) kernels.push({ name: `wasm ${flavor}`, fn: k.gemm });
  }
  return kernels;
}

// [label, transA, transB, m, n, k]
const CASES: [string, boolean, boolean, number, number, number][] = [
  ['NT W1 fwd 32x8x8', false, true, 32, 8, 8],
  ['NT W2 fwd 64x16x16', false, true, 64, 16, 16],
  ['TN W2 dW 16x16x64', true, false, 16, 16, 64],
  ['NT 32x32x32', false, true, 32, 32, 32],
  ['NT W3 fwd L1 128x256x784', false, true, 128, 256, 784],
  ['TN W3 dW L1 256x784x128', true, false, 256, 784, 128],
  ['NN W3 dX L2 128x256x128', false, false, 128, 256, 128],
  ['NT W3 fwd L2 128x128x256', false, true, 128, 128, 256],
  ['TN W3 dW L2 128x256x128', true, false, 128, 256, 128],
];

/**
 * The SIMD kernel alone, operands already in wasm memory: the difference to the 'wasm simd' column is the
 * cost of copying operands in and the result out (what keeping tensors in wasm memory would save).
 */
function rawSimdKernel(): Kernel['fn'] | null {
  const kernels = loadWasmKernels('simd');
  if (!kernels) return null;
  kernels.reserve(16 << 20); // ample for the largest case: the timed calls never grow memory
  return (tA, tB, m, n, k, A, _aOff, B, _bOff, C) => {
    const a = kernels.base;
    const b = a + A.length * 4;
    const c = b + B.length * 4;
    const scratch = c + C.length * 4;
    kernels.ex.gemm(tA ? 1 : 0, tB ? 1 : 0, m, n, k, a, b, c, 0, scratch, 0, kernels.fusedMadd ? 1 : 0);
  };
}

/** Best GFLOP/s of every kernel on every case; kernels alternate round by round (fair under load). */
export function runGemmBench(budgetMs = 200, rounds = 5): string {
  const kernels = gemmKernels();
  const raw = rawSimdKernel();
  if (raw) kernels.push({ name: 'simd, no copies', fn: raw });
  const rows: string[][] = [];
  for (const [label, tA, tB, m, n, k] of CASES) {
    const A = Float32Array.from({ length: m * k }, () => Math.random() - 0.5);
    const B = Float32Array.from({ length: k * n }, () => Math.random() - 0.5);
    const C = new Float32Array(m * n);
    const flops = 2 * m * n * k;
    const best = kernels.map(() => 0);
    for (let r = 0; r < rounds; r++) {
      kernels.forEach((kr, i) => {
        const rate = ratePerSecond(() => kr.fn(tA, tB, m, n, k, A, 0, B, 0, C, 0, false), budgetMs / rounds, 1);
        best[i] = Math.max(best[i], (rate * flops) / 1e9);
      });
    }
    rows.push([label, ...best.map(fmtRate)]);
  }
  return table(['product (GFLOP/s)', ...kernels.map((k) => k.name)], rows);
}

if (require.main === module) console.log(runGemmBench());
