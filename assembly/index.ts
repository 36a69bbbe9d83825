// The engine's WebAssembly kernels, one module: matrix multiply and the Adam update.
export { gemm } from './gemm';
export { adamStep } from './adam';

/** First byte the host may use: everything below belongs to this module's static data. */
export function heapBase(): usize {
  return __heap_base;
}
