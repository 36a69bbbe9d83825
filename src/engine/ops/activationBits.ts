// The float32 activations as PyTorch 1.13's CPU kernels compute them on an AVX2 machine (aten/src/ATen/native/
// cpu/Activation.cpp), so that outputs, and the losses built on them, print PyTorch's digits:
//   - silu, softplus, elu (selu, celu), mish and gelu's tanh form go through `cpu_kernel_vec`: the vectorised
//     code over whole blocks of 16 values, with SLEEF's expf, log1pf and tanhf (sleefExp.ts, sleefLog.ts,
//     sleefTanh.ts), and the scalar code over the last n % 16 (every value of a tensor under 16), there with
//     glibc's expf (glibcExpf.ts), log1pf and tanhf (glibcFloat.ts). Every step rounds to float32;
//   - logsigmoid (`_vec_log_sigmoid`) computes the tail with the vector code too: min(x, 0) - log1p(e^-|x|);
//   - gelu (exact form) of a contiguous tensor of more than one value is oneDNN's `eltwise_gelu_erf` (PyTorch
//     hands it to mkldnn), Abramowitz and Stegun's erf with oneDNN's own exp (dnnlGeluErf below); a single
//     value takes the scalar kernel, x / 2 (1 + erf(x / sqrt 2)) with glibc's erff.
// test/unit/unary-bits.test.ts compares each with PyTorch.
import { erff as glibcErff } from './erff';
import { glibcLog1pf, glibcTanhf } from './glibcFloat';
import { expf } from './sleefExp';
import { tanhf } from './sleefTanh';
import { log1pf } from './sleefLog';
import { pow2, fma32 } from './sleefDF';
import { BLOCK, type Float32Kernel } from './float32Kernels';
import {
  TR_EXP,
  TR_TANH,
  scaledExpInScratch,
  transcendentalInScratch,
  transcendentalScratch,
} from '../kernels/elementwise';
import type { Float32BackwardKernel } from './unary';
import { glibcExpf } from './glibcExpf';

const f = Math.fround;

// The kernels of `cpu_kernel_vec` (float32Kernels.ts's vectorizedLoop) each walk the values in a loop of
// their own, the vector code over [0, vectorEnd(n)) and the scalar code over the rest: a shared loop calling
// the two codes as functions goes through one megamorphic call site, several times slower. Where WebAssembly
// SIMD is there, SLEEF's expf and tanhf of the vector part run in the kernels' scratch region
// (kernels/elementwise.ts, the same bits), one pass each, between the float32 steps written here.

/** Where the scalar tail of n values starts. */
function vectorEnd(n: number): number {
  return n - (n % BLOCK);
}

/** silu: x / (1 + e^-x). */
export const siluKernel: Float32Kernel = (x, y) => {
  if (!(y instanceof Float32Array)) return false;
  const n = y.length;
  const full = vectorEnd(n);
  const e = transcendentalScratch(full);
  if (e !== null) {
    for (let i = 0; i < full; i++) e[i] = -x[i];
    transcendentalInScratch(TR_EXP, 0, full);
    for (let i = 0; i < full; i++) y[i] = x[i] / f(1 + e[i]);
  } else for (let i = 0; i < full; i++) y[i] = x[i] / f(1 + expf(-x[i]));
  for (let i = full; i < n; i++) y[i] = x[i] / f(1 + glibcExpf(-x[i]));
  return true;
};

/** softplus: x where beta x > threshold, else log1p(e^(beta x)) / beta; beta and threshold as float32. */
export function softplusKernel(beta: number, threshold: number): Float32Kernel {
  const b = f(beta);
  const th = f(threshold);
  return (x, y) => {
    if (!(y instanceof Float32Array)) return false;
    const n = y.length;
    const full = vectorEnd(n);
    const e = scaledExpInScratch(x, b, full);
    for (let i = 0; i < full; i++) {
      const v = x[i];
      const z = f(v * b);
      y[i] = z > th ? v : log1pf(e !== null ? e[i] : expf(z)) / b;
    }
    for (let i = full; i < n; i++) {
      const v = x[i];
      const z = f(v * b);
      y[i] = z > th ? v : glibcLog1pf(glibcExpf(z)) / b;
    }
    return true;
  };
}

/**
 * elu_kernel (elu, selu, celu): x scale where x > 0, else (e^(x inputScale) - 1) alpha scale, the coefficients
 * rounded to float32 and alpha scale multiplied in float32.
 */
export function eluKernel(alpha: number, scale: number, inputScale: number): Float32Kernel {
  const neg = f(f(alpha) * f(scale));
  const pos = f(scale);
  const inScale = f(inputScale);
  return (x, y) => {
    if (!(y instanceof Float32Array)) return false;
    const n = y.length;
    const full = vectorEnd(n);
    const e = scaledExpInScratch(x, inScale, full);
    for (let i = 0; i < full; i++) {
      const v = x[i];
      y[i] = v > 0 ? f(v * pos) : f(f((e !== null ? e[i] : expf(f(v * inScale))) - 1) * neg);
    }
    for (let i = full; i < n; i++) {
      const v = x[i];
      y[i] = v <= 0 ? f(f(glibcExpf(f(v * inScale)) - 1) * neg) : f(v * pos);
    }
    return true;
  };
}

/** logsigmoid: min(x, 0) - log1p(e^-|x|), the vector code on every value. */
export const logsigmoidKernel: Float32Kernel = (x, y) => {
  if (!(y instanceof Float32Array)) return false;
  for (let i = 0; i < y.length; i++) {
    const v = x[i];
    y[i] = (v < 0 || v !== v ? v : 0) - log1pf(expf(-Math.abs(v)));
  }
  return true;
};

const hex = (h: number) => {
  const b = new DataView(new ArrayBuffer(4));
  b.setUint32(0, h);
  return b.getFloat32(0);
};
// oneDNN 2.6's constants (jit_uni_eltwise_injector.cpp), as bit patterns.
const EXP_LOG2E = hex(0x3fb8aa3b);
const EXP_LN_MAX = hex(0x42b17218);
const EXP_LN_MIN = hex(0xc2aeac50);
const LN2F = hex(0x3f317218);
const EXP_POL = [0x3f7ffffb, 0x3efffee3, 0x3e2aad40, 0x3d2b9d0d, 0x3c07cfce].map(hex);
const ERF_P = hex(0x3ea7ba05);
const ONE_OVER_SQRT2 = hex(0x3f3504f3);
const ERF_POL = [0x3e827906, 0xbe91a98e, 0x3fb5f0e3, 0xbfba00e3, 0x3f87dc22].map(hex);

/** oneDNN's exp_compute_vector_fwd: 2 * 2^(n - 1) * p(r), n = floor(x log2 e + 1/2), zero below ln FLT_MIN. */
function dnnlExpf(v: number): number {
  const x = Math.max(Math.min(v, EXP_LN_MAX), EXP_LN_MIN);
  const n = Math.floor(f(f(x * EXP_LOG2E) + 0.5));
  const r = fma32(-n, LN2F, x);
  let p = EXP_POL[4];
  for (let i = 3; i >= 0; i--) p = fma32(p, r, EXP_POL[i]);
  p = fma32(p, r, 1);
  const scale = v < EXP_LN_MIN ? 0 : pow2(n - 1);
  return f(f(p * scale) * 2);
}

/** oneDNN's gelu_erf_compute_vector_fwd: S + S erf(s / sqrt 2) with S = s / 2 and A&S 7.1.26's erf. */
function dnnlGeluErf(s: number): number {
  const x = f(s * ONE_OVER_SQRT2);
  const t = f(1 / fma32(ERF_P, Math.abs(x), 1));
  const e = f(-dnnlExpf(-f(x * x)) * t);
  let r = ERF_POL[4];
  for (let i = 3; i >= 0; i--) r = fma32(r, t, ERF_POL[i]);
  const erf = fma32(e, r, 1);
  const half = f(s * 0.5);
  return fma32(s < 0 || Object.is(s, -0) ? -erf : erf, half, half);
}

const SQRT1_2 = f(Math.SQRT1_2);

/** gelu (exact form): oneDNN's kernel for more than one value, PyTorch's scalar code for one. */
export const geluKernel: Float32Kernel = (x, y) => {
  if (!(y instanceof Float32Array)) return false;
  if (y.length === 1) y[0] = f(x[0] * 0.5) * f(1 + glibcErff(f(x[0] * SQRT1_2)));
  else for (let i = 0; i < y.length; i++) y[i] = dnnlGeluErf(x[i]);
  return true;
};

const ONE_OVER_SQRT_PI = hex(0x3f106eba);
const GELU_BETA_SCALAR = f(1.1283791670955126 * Math.SQRT1_2 * 0.5);

/**
 * oneDNN's gelu_erf_compute_vector_bwd, the derivative of gelu at s: with R = s / sqrt 2 and Q = exp(-R^2),
 * (R / sqrt(pi)) Q + 1/2 + erf(R) / 2, A&S 7.1.26's erf as in the forward pass.
 */
function dnnlGeluErfDerivative(s: number): number {
  const r = f(s * ONE_OVER_SQRT2);
  const q = dnnlExpf(-f(r * r));
  const tq = f(f(r * ONE_OVER_SQRT_PI) * q);
  const w = f(1 / fma32(ERF_P, Math.abs(r), 1));
  const qw = f(-q * w);
  let poly = ERF_POL[4];
  for (let i = 3; i >= 0; i--) poly = fma32(poly, w, ERF_POL[i]);
  const e = fma32(qw, poly, 1);
  const erf = r < 0 || Object.is(r, -0) ? -e : e;
  return fma32(erf, 0.5, f(tq + 0.5));
}

/**
 * gelu's backward (exact form), g * gelu'(x): oneDNN's eltwise backward where the forward took oneDNN (more
 * than one value), else PyTorch's scalar code, dy (cdf + x pdf) with glibc's erff and expf.
 */
export const geluBackwardKernel: Float32BackwardKernel = (g, x, _y, r) => {
  if (!(r instanceof Float32Array)) return false;
  if (r.length === 1) {
    const v = x[0];
    const cdf = f(0.5 * f(1 + glibcErff(f(v * SQRT1_2))));
    const pdf = f(GELU_BETA_SCALAR * glibcExpf(f(f(v * v) * -0.5)));
    r[0] = f(g[0] * f(cdf + f(v * pdf)));
  } else for (let i = 0; i < r.length; i++) r[i] = f(g[i] * dnnlGeluErfDerivative(x[i]));
  return true;
};

// tanh enters gelu's tanh form and mish: SLEEF's tanhf in the vector code (sleefTanh.ts), glibc's in the
// scalar tail (glibcFloat.ts).
const GELU_BETA = f(Math.SQRT2 * 1.1283791670955126 * 0.5);
const GELU_KAPPA = f(0.044715);

/**
 * gelu's tanh form: x / 2 (1 + tanh(u)) with u = beta (x + kappa x^3) (geluTanhInner), the inner multiply-add
 * fused as GCC compiles it.
 */
function geluTanhInner(v: number): number {
  return f(GELU_BETA * fma32(GELU_KAPPA, f(f(v * v) * v), v));
}
export const geluTanhKernel: Float32Kernel = (x, y) => {
  if (!(y instanceof Float32Array)) return false;
  const n = y.length;
  const full = vectorEnd(n);
  const th = transcendentalScratch(full);
  if (th !== null) {
    for (let i = 0; i < full; i++) th[i] = geluTanhInner(x[i]);
    transcendentalInScratch(TR_TANH, 0, full);
    for (let i = 0; i < full; i++) y[i] = f(f(0.5 * x[i]) * f(1 + th[i]));
  } else for (let i = 0; i < full; i++) y[i] = f(f(0.5 * x[i]) * f(1 + tanhf(geluTanhInner(x[i]))));
  for (let i = full; i < n; i++) y[i] = f(f(0.5 * x[i]) * f(1 + glibcTanhf(geluTanhInner(x[i]))));
  return true;
};

/** mish: x tanh(log1p(e^x)). */
export const mishKernel: Float32Kernel = (x, y) => {
  if (!(y instanceof Float32Array)) return false;
  const n = y.length;
  const full = vectorEnd(n);
  const t = transcendentalScratch(full);
  if (t !== null) {
    t.set(x.subarray(0, full));
    transcendentalInScratch(TR_EXP, 0, full);
    for (let i = 0; i < full; i++) t[i] = log1pf(t[i]);
    transcendentalInScratch(TR_TANH, 0, full);
    for (let i = 0; i < full; i++) y[i] = f(x[i] * t[i]);
  } else for (let i = 0; i < full; i++) y[i] = f(x[i] * tanhf(log1pf(expf(x[i]))));
  for (let i = full; i < n; i++) y[i] = f(x[i] * glibcTanhf(glibcLog1pf(glibcExpf(x[i]))));
  return true;
};
