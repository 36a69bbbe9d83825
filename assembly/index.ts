// The engine's WebAssembly kernels, one module: matrix multiply, the Adam update and element-wise ops.
export { gemm } from './gemm';
export { adamStep } from './adam';
export { ewBinary, ewRelu, ewReluBackward } from './elementwise';
export { trForward, trForwardFused, trBackward, maddFused } from './transcendental';

/** First byte the host may use: everything below belongs to this module's static data. */
export function heapBase(): usize {
  return __heap_base;
}
