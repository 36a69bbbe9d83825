// Run by relaxed-simd.test.ts in a fresh Node (no flags): what the runtime process does first
// (src/python/process.ts), then which kernels the engine loads.
import { wasmKernels } from '../../src/engine/kernels/wasm-kernels';
import { enableRelaxedSimd } from '../../src/python/relaxedSimd';

const enabled = enableRelaxedSimd();
const kernels = wasmKernels();
console.log(JSON.stringify({ enabled, flavor: kernels?.flavor ?? null }));
