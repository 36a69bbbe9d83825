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
import {
  TR_EXP,
  TR_SIGMOID,
  TR_TANH,
  scaledExpInScratch,
  transcendentalInScratch,
  transcendentalScratch,
} from '../kernels/elementwise';

const f = Math.fround;

// Each kernel below walks the values in a loop of its own, the vector code's steps over whole blocks of 16
// values (`full`) and the scalar code's over the rest; float64 declines (its double path runs). A shared loop
// taking the two steps as functions would call them through one megamorphic call site, several times slower.

/** Where the scalar tail of n values starts. */
function vectorEnd(n: number): number {
  return n - (n % BLOCK);
}

/** silu_backward: dy s (1 + x (1 - s)) with s = 1 / (1 + e^-x), the inner multiply-add fused. */
function siluGrad(dy: number, x: number, e: number): number {
  const s = f(1 / f(1 + e));
  return f(f(dy * s) * fma32(x, f(1 - s), 1));
}
export const siluBackwardKernel: Float32BackwardKernel = (g, x, _y, r) => {
  if (!(r instanceof Float32Array)) return false;
  const n = r.length;
  const full = vectorEnd(n);
  const e = transcendentalScratch(full);
  if (e !== null) {
    for (let i = 0; i < full; i++) e[i] = -x[i];
    transcendentalInScratch(TR_EXP, 0, full);
    for (let i = 0; i < full; i++) r[i] = siluGrad(g[i], x[i], e[i]);
  } else for (let i = 0; i < full; i++) r[i] = siluGrad(g[i], x[i], expf(-x[i]));
  for (let i = full; i < n; i++) r[i] = siluGrad(g[i], x[i], glibcExpf(-x[i]));
  return true;
};

/**
 * elu_backward on the input (elu, selu, celu): dy scale where x > 0, else ((dy inputScale) (alpha scale))
 * e^(x inputScale), the coefficients as float32 and multiplied left to right.
 */
export function eluBackwardKernel(alpha: number, scale: number, inputScale: number): Float32BackwardKernel {
  const neg = f(f(alpha) * f(scale));
  const pos = f(scale);
  const inScale = f(inputScale);
  return (g, x, _y, r) => {
    if (!(r instanceof Float32Array)) return false;
    const n = r.length;
    const full = vectorEnd(n);
    const e = scaledExpInScratch(x, inScale, full);
    for (let i = 0; i < full; i++) {
      const dy = g[i];
      const v = x[i];
      r[i] = v > 0 ? f(dy * pos) : f(f(f(dy * inScale) * neg) * (e !== null ? e[i] : expf(f(v * inScale))));
    }
    for (let i = full; i < n; i++) {
      const dy = g[i];
      const v = x[i];
      r[i] = v <= 0 ? f(f(f(dy * inScale) * neg) * glibcExpf(f(v * inScale))) : f(dy * pos);
    }
    return true;
  };
}

/** softplus_backward: dy where beta x > threshold, else (dy z) / (z + 1) with z = e^(beta x). */
export function softplusBackwardKernel(beta: number, threshold: number): Float32BackwardKernel {
  const b = f(beta);
  const th = f(threshold);
  return (g, x, _y, r) => {
    if (!(r instanceof Float32Array)) return false;
    const n = r.length;
    const full = vectorEnd(n);
    const e = scaledExpInScratch(x, b, full);
    for (let i = 0; i < full; i++) {
      const dy = g[i];
      const bx = f(x[i] * b);
      r[i] = bx > th ? dy : softplusGrad(dy, e !== null ? e[i] : expf(bx));
    }
    for (let i = full; i < n; i++) {
      const dy = g[i];
      const bx = f(x[i] * b);
      r[i] = bx > th ? dy : softplusGrad(dy, glibcExpf(bx));
    }
    return true;
  };
}

/** softplus_backward below the threshold: (dy z) / (z + 1). */
function softplusGrad(dy: number, z: number): number {
  return f(f(dy * z) / f(z + 1));
}

/** mish_backward: dy (t + (x s) (1 - t^2)) with t = tanh(softplus(x)), s = sigmoid(x), both multiply-adds fused. */
function mishGrad(dy: number, x: number, s: number, t: number): number {
  return f(dy * fma32(f(x * s), fma32(-t, t, 1), t));
}
export const mishBackwardKernel: Float32BackwardKernel = (g, x, _y, r) => {
  if (!(r instanceof Float32Array)) return false;
  const n = r.length;
  const full = vectorEnd(n);
  // With WebAssembly: sigmoid(x) in the first `full` scratch values, e^x in the next, turned into
  // tanh(log1p(e^x)) there.
  const st = transcendentalScratch(2 * full);
  if (st !== null) {
    for (let i = 0; i < full; i++) st[i] = st[full + i] = x[i];
    transcendentalInScratch(TR_SIGMOID, 0, full);
    transcendentalInScratch(TR_EXP, full, full);
    for (let i = full; i < 2 * full; i++) st[i] = log1pf(st[i]);
    transcendentalInScratch(TR_TANH, full, full);
    for (let i = 0; i < full; i++) r[i] = mishGrad(g[i], x[i], st[i], st[full + i]);
  } else {
    for (let i = 0; i < full; i++) {
      const v = x[i];
      r[i] = mishGrad(g[i], v, f(1 / f(1 + expf(-v))), tanhf(log1pf(expf(v))));
    }
  }
  for (let i = full; i < n; i++) {
    const v = x[i];
    r[i] = mishGrad(g[i], v, f(1 / f(1 + glibcExpf(-v))), glibcTanhf(glibcLog1pf(glibcExpf(v))));
  }
  return true;
};

const GELU_BETA = f(Math.SQRT2 * 1.1283791670955126 * 0.5);
const GELU_KAPPA = f(0.044715);
const GELU_KAPPA3 = f(3 * GELU_KAPPA);

/**
 * GeluBackwardKernelImpl's tanh branch: dy (left' + right') with left' = (1 + tanh(u)) / 2 and
 * right' = ((x / 2) (1 - tanh(u)^2)) (beta (1 + 3 kappa x^2)), u = beta (x + kappa x^3); the multiply-adds in u,
 * 1 - tanh^2 and 1 + 3 kappa x^2 fused; xsq = x^2 and th = tanh(u) (geluTanhInner) come in computed.
 */
function geluTanhGrad(dy: number, x: number, xsq: number, th: number): number {
  const leftDerivative = f(0.5 * f(1 + th));
  const innerDerivative = f(GELU_BETA * fma32(GELU_KAPPA3, xsq, 1));
  const rightDerivative = f(f(f(0.5 * x) * fma32(-th, th, 1)) * innerDerivative);
  return f(dy * f(leftDerivative + rightDerivative));
}

/** The argument of tanh in gelu's tanh form, from x and x^2: beta (x + kappa x^3). */
function geluTanhInner(x: number, xsq: number): number {
  return f(GELU_BETA * fma32(GELU_KAPPA, f(xsq * x), x));
}
export const geluTanhBackwardKernel: Float32BackwardKernel = (g, x, _y, r) => {
  if (!(r instanceof Float32Array)) return false;
  const n = r.length;
  const full = vectorEnd(n);
  const th = transcendentalScratch(full);
  if (th !== null) {
    for (let i = 0; i < full; i++) th[i] = geluTanhInner(x[i], f(x[i] * x[i]));
    transcendentalInScratch(TR_TANH, 0, full);
  }
  for (let i = 0; i < full; i++) {
    const v = x[i];
    const xsq = f(v * v);
    r[i] = geluTanhGrad(g[i], v, xsq, th !== null ? th[i] : tanhf(geluTanhInner(v, xsq)));
  }
  for (let i = full; i < n; i++) {
    const v = x[i];
    const xsq = f(v * v);
    r[i] = geluTanhGrad(g[i], v, xsq, glibcTanhf(geluTanhInner(v, xsq)));
  }
  return true;
};

const hardswishVec = (dy: number, x: number) => (x < -3 ? 0 : x >= 3 ? dy : f(dy * f(f(x / 3) + 0.5)));
const hardswishScalar = (dy: number, x: number) => (x < -3 ? 0 : x <= 3 ? f(dy * f(f(x / 3) + 0.5)) : dy);
const hardswishFloat32: Float32BackwardKernel = (g, x, _y, r) => {
  if (!(r instanceof Float32Array)) return false;
  const n = r.length;
  const full = vectorEnd(n);
  for (let i = 0; i < full; i++) r[i] = hardswishVec(g[i], x[i]);
  for (let i = full; i < n; i++) r[i] = hardswishScalar(g[i], x[i]);
  return true;
};

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
