// The engine's WebAssembly kernels, one module: matrix multiply, the Adam update, element-wise ops and column sums.
export { gemm, fillRows } from './gemm';
export { adamStep } from './adam';
export { ewBinary, ewRelu, ewReluBackward } from './elementwise';
export { trForward, trForwardFused, trBackward, maddFused } from './transcendental';
export { columnCascadeSum } from './cascadeSum';

/** First byte the host may use: everything below belongs to this module's static data. */
export function heapBase(): usize {
  return __heap_base;
}
