// Gamma and Dirichlet draws as PyTorch 1.13's CPU kernels make them (aten/src/ATen/native/Distributions.cpp
// _s_gamma_cpu, _s_dirichlet_cpu; the sampler in Distributions.h): Marsaglia and Tsang's rejection method,
// alpha < 1 boosted by a uniform power, every uniform a 53-bit double and every normal the double Box-Muller
// pair the generator caches, element by element in order, so that a seeded draw repeats PyTorch's. The
// reparameterised gradients are ATen's too: standard_gamma_grad_one (a Taylor series for small x, Rice's
// saddle point for large alpha, a bivariate rational fit between) and dirichlet_grad_one.
import { Tensor, allocate } from '../tensor';
import type { Generator } from '../random';
import { defaultGen } from '../random';
import { diffNode } from './gradOps';
import { mul, sub } from './arith';
import { sum } from './reduce';
import { digammaDouble } from './gammaFunctions';
import { dirichletGradOne } from './dirichletGrad';

const f32 = Math.fround;
const ONE_THIRD_F = f32(1 / 3);
const C0331_F = f32(0.0331);
const FLT_MIN = 1.1754943508222875e-38;
const DBL_MIN = 2.2250738585072014e-308;

/** sample_gamma<scalar_t, double>: `single` when scalar_t is float (alpha's own steps in float32). */
export function sampleGamma(alpha0: number, single: boolean, gen: Generator): number {
  const r = single ? f32 : (v: number) => v;
  let alpha = r(alpha0);
  let scale = 1;
  if (alpha < 1) {
    if (alpha === 0) return 0;
    scale *= Math.pow(1 - gen.uniformDouble(), r(1 / alpha));
    alpha = r(alpha + 1);
  }
  const d = r(alpha - ONE_THIRD_F);
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let y: number;
    do {
      x = gen.standardNormalDouble();
      y = 1 + c * x;
    } while (y <= 0);
    const v = y * y * y;
    const u = 1 - gen.uniformDouble();
    const xx = x * x;
    if (u < 1 - C0331_F * xx * xx) return r(scale * d * v);
    if (Math.log(u) < 0.5 * xx + d * (1 - v + Math.log(v))) return r(scale * d * v);
  }
}

/** standard_gamma_grad_one<scalar_t, double>: -(d/dalpha cdf(x; alpha)) / pdf(x; alpha). */
export function standardGammaGradOne(alpha: number, x: number): number {
  if (x < f32(0.8)) {
    let numer = 1;
    let denom = alpha;
    let series1 = numer / denom;
    let series2 = numer / (denom * denom);
    for (let i = 1; i <= 5; i++) {
      numer *= -x / i;
      denom += 1;
      series1 += numer / denom;
      series2 += numer / (denom * denom);
    }
    const powXAlpha = Math.pow(x, alpha);
    const pdf = Math.pow(x, alpha - 1) * Math.exp(-x);
    const cdf = powXAlpha * series1;
    const cdfAlpha = (Math.log(x) - digammaDouble(alpha)) * cdf - powXAlpha * series2;
    const result = -cdfAlpha / pdf;
    return Number.isNaN(result) ? 0 : result;
  }
  if (alpha > 8) {
    if (f32(0.9) * alpha <= x && x <= f32(1.1) * alpha) {
      const numer1 = 1 + 24 * alpha * (1 + 12 * alpha);
      const numer2 = 1440 * (alpha * alpha) + 6 * x * (53 - 120 * x) - (65 * x * x) / alpha + alpha * (107 + 3600 * x);
      const denom = 1244160 * (alpha * alpha) * (alpha * alpha);
      return (numer1 * numer2) / denom;
    }
    const denom = Math.sqrt(8 * alpha);
    const term2 = denom / (alpha - x);
    const term3 = Math.pow(x - alpha - alpha * Math.log(x / alpha), -1.5);
    const term23 = x < alpha ? term2 - term3 : term2 + term3;
    const term1 = Math.log(x / alpha) * term23 - (Math.sqrt(2 / alpha) * (alpha + x)) / ((alpha - x) * (alpha - x));
    const stirling = 1 + (1 / (12 * alpha)) * (1 + 1 / (24 * alpha));
    return (-stirling * (x * term1)) / denom;
  }
  const u = Math.log(x / alpha);
  const v = Math.log(alpha);
  const coef = GAMMA_GRAD_UV[0].map((c0, i) => c0 + u * (GAMMA_GRAD_UV[1][i] + u * GAMMA_GRAD_UV[2][i]));
  const p = coef[0] + v * (coef[1] + v * (coef[2] + v * coef[3]));
  const q = coef[4] + v * (coef[5] + v * (coef[6] + v * coef[7]));
  return Math.exp(p / q);
}

// the rational fit's coefficients, as ATen stores them (double)
const GAMMA_GRAD_UV = [
  [0.16009398, -0.094634809, 0.025146376, -0.0030648343, 1, 0.32668115, 0.10406089, 0.0014179084],
  [0.53487893, 0.1298071, 0.065735949, -0.0015649758, 0.16639465, 0.020070113, -0.0035938915, -0.00058392623],
  [0.040121004, -0.0065914022, -0.0026286047, -0.0013441777, 0.017050642, -0.0021309326, 0.00085092367, -1.5247877e-7],
];

/**
 * torch._standard_gamma(alpha): one Gamma(alpha, 1) draw per element, at least the dtype's smallest normal.
 * d (StandardGammaBackward0): g * standard_gamma_grad_one(alpha, x).
 */
export function standardGamma(alpha: Tensor, gen: Generator = defaultGen()): Tensor {
  const single = alpha.dtype !== 'float64';
  const out = allocate(alpha.dtype, alpha.data.length) as Float32Array;
  const tiny = single ? FLT_MIN : DBL_MIN;
  for (let i = 0; i < out.length; i++) out[i] = Math.max(tiny, sampleGamma(alpha.data[i], single, gen));
  const result = new Tensor(out, alpha.shape, alpha.dtype);
  return diffNode('StandardGammaBackward0', [alpha], result, (g) => [mul(g, standardGammaGrad(alpha, result))]);
}

/** torch._standard_gamma_grad(alpha, x), elementwise in double, rounded to the dtype. */
export function standardGammaGrad(alpha: Tensor, x: Tensor): Tensor {
  const out = allocate(alpha.dtype, alpha.data.length) as Float32Array;
  for (let i = 0; i < out.length; i++) out[i] = standardGammaGradOne(alpha.data[i], x.data[i]);
  return new Tensor(out, alpha.shape, alpha.dtype);
}

/** torch._sample_dirichlet(alpha): Gamma draws in double along the last dim, normalised, kept inside (0, 1). */
export function sampleDirichlet(alpha: Tensor, gen: Generator = defaultGen()): Tensor {
  const n = alpha.data.length;
  const k = alpha.shape[alpha.ndim - 1] ?? 1;
  const gammas = new Float64Array(n);
  for (let i = 0; i < n; i++) gammas[i] = Math.max(DBL_MIN, sampleGamma(alpha.data[i], false, gen));
  const single = alpha.dtype !== 'float64';
  const lo = single ? FLT_MIN : DBL_MIN;
  const hi = single ? f32(1 - 2 ** -24) : 1 - 2 ** -53;
  const out = allocate(alpha.dtype, n) as Float32Array;
  for (let row = 0; row < n; row += k) {
    let total = 0;
    for (let j = 0; j < k; j++) total += gammas[row + j];
    for (let j = 0; j < k; j++) {
      const v = gammas[row + j] / total;
      out[row + j] = Math.min(hi, Math.max(lo, single ? f32(v) : v));
    }
  }
  return new Tensor(out, alpha.shape, alpha.dtype);
}

/**
 * Dirichlet.rsample's draw (_Dirichlet.apply in torch/distributions/dirichlet.py): the sample above, with
 * the reparameterised gradient dirichlet_grad(x, alpha, total) * (g - sum(x * g)) along the last dim.
 */
export function dirichletRsample(alpha: Tensor, gen: Generator = defaultGen()): Tensor {
  const x = sampleDirichlet(alpha, gen);
  return diffNode('_DirichletBackward', [alpha], x, (g) => {
    const k = alpha.shape[alpha.ndim - 1];
    const grad = allocate(alpha.dtype, alpha.data.length) as Float32Array;
    const single = alpha.dtype !== 'float64';
    for (let row = 0; row < grad.length; row += k) {
      let total = 0;
      for (let j = 0; j < k; j++) total += alpha.data[row + j];
      if (single) total = f32(total);
      for (let j = 0; j < k; j++) grad[row + j] = dirichletGradOne(x.data[row + j], alpha.data[row + j], total, single);
    }
    const weights = new Tensor(grad, alpha.shape, alpha.dtype);
    return [mul(weights, sub(g, sum(mul(x, g), [-1], true)))];
  });
}
