// How PyTorch 1.13's CPU kernels walk a contiguous float32 tensor, as unaryFloat kernels (fill y from x and
// return true; decline with false for float64 output, which keeps its double loop):
//   - float32Kernel: one function over every value, as the vml kernels (log, erf, sin...) map SLEEF over the
//     whole tensor, tail included;
//   - vectorizedLoop: `cpu_kernel_vec`'s loop (aten/src/ATen/native/cpu/Loops.h), the vectorised code over
//     whole blocks of two AVX2 vectors (16 values) and the scalar code (glibc's functions) over the last
//     n % 16, every value of a tensor under 16.
/** A unaryFloat kernel over float32 values. */
export type Float32Kernel = (x: Float32Array, y: Float32Array) => boolean;

/** Values per iteration of PyTorch's vectorised loop; the rest take the scalar code. */
export const BLOCK = 16;

/** `fn` over every value. */
export function float32Kernel(fn: (v: number) => number): Float32Kernel {
  return (x, y) => {
    if (!(y instanceof Float32Array)) return false;
    for (let i = 0; i < y.length; i++) y[i] = fn(x[i]);
    return true;
  };
}

/** `vec` over whole blocks of 16 values, `scalar` over the rest. */
export function vectorizedLoop(vec: (v: number) => number, scalar: (v: number) => number): Float32Kernel {
  return (x, y) => {
    if (!(y instanceof Float32Array)) return false;
    const n = y.length;
    const full = n - (n % BLOCK);
    for (let i = 0; i < full; i++) y[i] = vec(x[i]);
    for (let i = full; i < n; i++) y[i] = scalar(x[i]);
    return true;
  };
}
