// Adam / AdamW parameter update in WebAssembly SIMD (assembly/adam.ts), for optimizers to call on large
// tensors. In TypeScript every float32 operation of PyTorch's update needs a Math.fround, and the loop ran
// at ~15 ns per element (the largest cost of an MNIST-size Adam step); in f32x4 lanes float32 rounding is
// native, so this is bit-identical to the float32 sequence and ~5x faster including the copies in and out
// of wasm memory.
import { wasmKernels } from './wasm-kernels';
import { pow } from '../pymath';

export interface AdamHyperparameters {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
  amsgrad: boolean;
  maximize: boolean;
  /** AdamW: shrink the weights by (1 - lr * weight_decay) instead of adding weight_decay * p to the gradient. */
  decoupled: boolean;
  /**
   * true: g + wd * p, m * beta1 + g * (1 - beta1) and v * beta2 + (1 - beta2) * g * g are single-rounding
   * fused multiply-adds, as PyTorch 1.13's AVX2 kernels compute them (bit-identical to real PyTorch);
   * false: every product rounded first, g * g before scaling.
   */
  fused: boolean;
}

/** Below this many elements the call and copies cost more than the TypeScript loop. */
export const ADAM_WASM_MIN_ELEMENTS = 256;

// Flag bits, as assembly/adam.ts.
const MAXIMIZE = 1;
const DECOUPLED = 2;
const AMSGRAD = 4;
const WEIGHT_DECAY = 8;
const FUSED = 16;

const f32 = Math.fround;

/**
 * One Adam step on a parameter: updates p, expAvg, expAvgSq (and maxExpAvgSq when amsgrad) in place, with
 * float32 rounding after every operation exactly as PyTorch 1.13's single-tensor Adam. `step` is the
 * parameter's step count after incrementing (1 on the first update). Returns false, having changed nothing,
 * when the tensor is small or WebAssembly SIMD is unavailable: the caller then runs its own loop.
 */
export function adamStepWasm(
  p: Float32Array,
  grad: Float32Array,
  expAvg: Float32Array,
  expAvgSq: Float32Array,
  maxExpAvgSq: Float32Array | null,
  step: number,
  h: AdamHyperparameters,
): boolean {
  const n = p.length;
  if (n < ADAM_WASM_MIN_ELEMENTS) return false;
  const kernels = wasmKernels();
  if (!kernels) return false;
  const amsgrad = h.amsgrad && maxExpAvgSq !== null;
  // Scalars as PyTorch computes them: Python floats (double), rounded to float32 where they meet a tensor.
  const bc1 = 1 - pow(h.beta1, step);
  const bc2Sqrt = f32(Math.sqrt(1 - pow(h.beta2, step)));
  const stepSize = f32(h.lr / bc1);
  const decay = h.decoupled ? f32(1 - h.lr * h.weightDecay) : 1;
  const useWeightDecay = h.decoupled ? h.weightDecay !== 0 : f32(h.weightDecay) !== 0;
  const flags =
    (h.maximize ? MAXIMIZE : 0) |
    (h.decoupled ? DECOUPLED : 0) |
    (amsgrad ? AMSGRAD : 0) |
    (useWeightDecay ? WEIGHT_DECAY : 0) |
    (h.fused ? FUSED : 0);

  const bytes = (n * 4 + 63) & ~63;
  kernels.reserve(bytes * (amsgrad ? 5 : 4));
  const at = kernels.base;
  const [pAt, gAt, mAt, vAt, vmaxAt] = [at, at + bytes, at + 2 * bytes, at + 3 * bytes, at + 4 * bytes];
  kernels.put(p, 0, n, pAt);
  kernels.put(grad, 0, n, gAt);
  kernels.put(expAvg, 0, n, mAt);
  kernels.put(expAvgSq, 0, n, vAt);
  if (amsgrad) kernels.put(maxExpAvgSq, 0, n, vmaxAt);
  kernels.ex.adamStep(
    n,
    pAt,
    gAt,
    mAt,
    vAt,
    amsgrad ? vmaxAt : 0,
    flags,
    h.beta1,
    h.beta2,
    f32(1 - h.beta1),
    f32(1 - h.beta2),
    h.eps,
    h.weightDecay,
    decay,
    stepSize,
    bc2Sqrt,
  );
  kernels.get(pAt, n, p, 0);
  kernels.get(mAt, n, expAvg, 0);
  kernels.get(vAt, n, expAvgSq, 0);
  if (amsgrad) kernels.get(vmaxAt, n, maxExpAvgSq, 0);
  return true;
}
