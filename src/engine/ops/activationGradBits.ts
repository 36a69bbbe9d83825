// The float32 input gradients of the activations as PyTorch 1.13's CPU backward kernels compute them on an AVX2
// machine (aten/src/ATen/native/cpu/Activation.cpp): `cpu_kernel_vec` again, the vector code over whole blocks of
// 16 values (SLEEF's expf, log1pf, tanhf) and the scalar code over the last n % 16 (glibc's), every step rounded
// to float32. GCC contracts a * b + c into one fused multiply-add in both codes where the source writes it so;
// which steps fuse was found by replaying every combination against PyTorch (each other choice misses hundreds
// of values in ten thousand). test/unit/activation-grad-bits.test.ts compares each with PyTorch.
import { glibcLog1pf, glibcTanhf } from './glibcFloat';
import { expf } from './sleefExp';
import { tanhf } from './sleefTanh';
import { log1pf } from './sleefLog';
import { fma32 } from './sleefDF';
import { BLOCK } from './float32Kernels';
import type { Float32BackwardKernel } from './unary';
import { glibcExpf } from './glibcExpf';

const f = Math.fround;

/** One value's gradient from the output gradient g and the input x. */
type GradStep = (g: number, x: number) => number;

/** `vec` over whole blocks of 16 values, `scalar` over the rest; float64 declines (its double path runs). */
function vectorizedGrad(vec: GradStep, scalar: GradStep): Float32BackwardKernel {
  return (g, x, _y, r) => {
    if (!(r instanceof Float32Array)) return false;
    const n = r.length;
    const full = n - (n % BLOCK);
    for (let i = 0; i < full; i++) r[i] = vec(g[i], x[i]);
    for (let i = full; i < n; i++) r[i] = scalar(g[i], x[i]);
    return true;
  };
}

/** silu_backward: dy s (1 + x (1 - s)) with s = 1 / (1 + e^-x), the inner multiply-add fused. */
function siluGrad(dy: number, x: number, e: number): number {
  const s = f(1 / f(1 + e));
  return f(f(dy * s) * fma32(x, f(1 - s), 1));
}
export const siluBackwardKernel = vectorizedGrad(
  (dy, x) => siluGrad(dy, x, expf(-x)),
  (dy, x) => siluGrad(dy, x, glibcExpf(-x)),
);

/**
 * elu_backward on the input (elu, selu, celu): dy scale where x > 0, else ((dy inputScale) (alpha scale))
 * e^(x inputScale), the coefficients as float32 and multiplied left to right.
 */
export function eluBackwardKernel(alpha: number, scale: number, inputScale: number): Float32BackwardKernel {
  const neg = f(f(alpha) * f(scale));
  const pos = f(scale);
  const inScale = f(inputScale);
  return vectorizedGrad(
    (dy, x) => (x > 0 ? f(dy * pos) : f(f(f(dy * inScale) * neg) * expf(f(x * inScale)))),
    (dy, x) => (x <= 0 ? f(f(f(dy * inScale) * neg) * glibcExpf(f(x * inScale))) : f(dy * pos)),
  );
}

/** softplus_backward: dy where beta x > threshold, else (dy z) / (z + 1) with z = e^(beta x). */
export function softplusBackwardKernel(beta: number, threshold: number): Float32BackwardKernel {
  const b = f(beta);
  const th = f(threshold);
  const step = (dy: number, bx: number, z: number) => (bx > th ? dy : f(f(dy * z) / f(z + 1)));
  return vectorizedGrad(
    (dy, x) => step(dy, f(x * b), expf(f(x * b))),
    (dy, x) => step(dy, f(x * b), glibcExpf(f(x * b))),
  );
}

/** mish_backward: dy (t + (x s) (1 - t^2)) with t = tanh(softplus(x)), s = sigmoid(x), both multiply-adds fused. */
function mishGrad(dy: number, x: number, s: number, t: number): number {
  return f(dy * fma32(f(x * s), fma32(-t, t, 1), t));
}
export const mishBackwardKernel = vectorizedGrad(
  (dy, x) => mishGrad(dy, x, f(1 / f(1 + expf(-x))), tanhf(log1pf(expf(x)))),
  (dy, x) => mishGrad(dy, x, f(1 / f(1 + glibcExpf(-x))), glibcTanhf(glibcLog1pf(glibcExpf(x)))),
);

const GELU_BETA = f(Math.SQRT2 * 1.1283791670955126 * 0.5);
const GELU_KAPPA = f(0.044715);
const GELU_KAPPA3 = f(3 * GELU_KAPPA);

/**
 * GeluBackwardKernelImpl's tanh branch: dy (left' + right') with left' = (1 + tanh(u)) / 2 and
 * right' = ((x / 2) (1 - tanh(u)^2)) (beta (1 + 3 kappa x^2)), u = beta (x + kappa x^3); the multiply-adds in u,
 * 1 - tanh^2 and 1 + 3 kappa x^2 fused.
 */
function geluTanhGrad(dy: number, x: number, tanh: (v: number) => number): number {
  const xsq = f(x * x);
  const th = tanh(f(GELU_BETA * fma32(GELU_KAPPA, f(xsq * x), x)));
  const leftDerivative = f(0.5 * f(1 + th));
  const innerDerivative = f(GELU_BETA * fma32(GELU_KAPPA3, xsq, 1));
  const rightDerivative = f(f(f(0.5 * x) * fma32(-th, th, 1)) * innerDerivative);
  return f(dy * f(leftDerivative + rightDerivative));
}
export const geluTanhBackwardKernel = vectorizedGrad(
  (dy, x) => geluTanhGrad(dy, x, tanhf),
  (dy, x) => geluTanhGrad(dy, x, glibcTanhf),
);

const hardswishVec = (dy: number, x: number) => (x < -3 ? 0 : x >= 3 ? dy : f(dy * f(f(x / 3) + 0.5)));
const hardswishScalar = (dy: number, x: number) => (x < -3 ? 0 : x <= 3 ? f(dy * f(f(x / 3) + 0.5)) : dy);
const hardswishFloat32 = vectorizedGrad(hardswishVec, hardswishScalar);

/**
 * hardswish_backward: +0 below -3, dy (x / 3 + 1/2) up to 3, dy above; the vector code sends x = 3 itself to dy,
 * the scalar code to the formula. float64 too (its blocks are 8 values), for the +0 and x = 3.
 */
export const hardswishBackwardKernel: Float32BackwardKernel = (g, x, y, r) => {
  if (hardswishFloat32(g, x, y, r)) return true;
  const n = r.length;
  const full = n - (n % 8);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    const linear = i < full ? !(v >= 3) : v <= 3; // as each code compares (a NaN takes dy in the scalar code)
    r[i] = v < -3 ? 0 : linear ? g[i] * (v / 3 + 0.5) : g[i];
  }
  return true;
};
