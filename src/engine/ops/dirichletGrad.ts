// ATen's dirichlet_grad_one (aten/src/ATen/native/Distributions.h): the reparameterised gradient of a
// Dirichlet (and so Beta) draw x with respect to its concentration alpha, given total = sum(alpha) — Taylor
// series near 0 and 1, Rice's saddle point when alpha and total - alpha are large, else a rational
// correction to an analytic approximation. The steps ATen takes in scalar_t are rounded to float32 for
// float32 inputs (`single`); the accscalar_t ones stay double.
import { glibcLogf } from './glibcLogf';
import { DIGAMMA_A, PSI_10 } from './gammaFunctions';

const f32 = Math.fround;

/** digamma_one<scalar_t, double>: x and its own steps in scalar_t, the sums in double. */
function digammaOne(x0: number, single: boolean): number {
  const r = single ? f32 : (v: number) => v;
  const log = single ? glibcLogf : Math.log;
  let x = r(x0);
  if (x === 0) return Infinity;
  let extra = 0;
  if (x < 0) {
    if (x === Math.floor(x)) return Infinity;
    const pi = r(Math.PI);
    extra = -r(pi / r(Math.tan(r(pi * x))));
    x = r(1 - x);
  }
  let result = 0;
  while (x < 10) {
    result -= r(1 / x);
    x = r(x + 1);
  }
  if (x === 10) return r(result + PSI_10 + extra);
  let y = 0;
  if (x < f32(1e17)) {
    const z = 1 / r(x * x);
    let p = DIGAMMA_A[0];
    for (let i = 1; i < 7; i++) p = p * z + DIGAMMA_A[i];
    y = z * p;
  }
  return r(result + log(x) - r(0.5 / x) - y + extra);
}

function betaGradAlphaSmall(x: number, alpha: number, beta: number, single: boolean): number {
  const r = single ? f32 : (v: number) => v;
  const log = single ? glibcLogf : Math.log;
  const factor = r(r(digammaOne(alpha, single) - digammaOne(r(alpha + beta), single)) - log(x));
  let numer = 1;
  let series = r(r(numer / alpha) * r(factor + r(1 / alpha)));
  for (let i = 1; i <= 10; i++) {
    numer = r(numer * r(r(r(i - beta) * x) / i));
    const denom = r(alpha + i);
    series = r(series + r(r(numer / denom) * r(factor + r(1 / denom))));
  }
  const result = r(r(x * r(Math.pow(r(1 - x), -beta))) * series);
  return Number.isNaN(result) ? 0 : result;
}

function betaGradBetaSmall(x: number, alpha: number, beta: number, single: boolean): number {
  const r = single ? f32 : (v: number) => v;
  const factor = r(digammaOne(r(alpha + beta), single) - digammaOne(beta, single));
  let numer = 1;
  let betas = 1;
  let dbetas = 0;
  let series = r(factor / alpha);
  for (let i = 1; i <= 8; i++) {
    numer = r(numer * r(-x / i));
    dbetas = r(r(dbetas * r(beta - i)) + betas);
    betas = r(betas * r(beta - i));
    series = r(series + r(r(numer / r(alpha + i)) * r(dbetas + r(factor * betas))));
  }
  const result = r(-r(Math.pow(r(1 - x), r(1 - beta))) * series);
  return Number.isNaN(result) ? 0 : result;
}

function betaGradAlphaMid(x: number, alpha: number, beta: number): number {
  const total = alpha + beta;
  const mean = alpha / total;
  const std = Math.sqrt((alpha * beta) / (total + 1)) / total;
  if (mean - 0.1 * std <= x && x <= mean + 0.1 * std) {
    const b2 = beta * beta;
    const poly =
      47 * x * b2 * b2 +
      alpha *
        ((43 + 20 * (16 + 27 * beta) * x) * b2 * beta +
          alpha *
            (3 * (59 + 180 * beta - 90 * x) * b2 +
              alpha * ((453 + 1620 * beta * (1 - x) - 455 * x) * beta + alpha * (8 * (1 - x) * (135 * beta - 11)))));
    const prefactorNum = ((1 + 12 * alpha) * (1 + 12 * beta)) / (total * total);
    const prefactorDen = 12960 * alpha * alpha * alpha * beta * beta * (1 + 12 * total);
    return ((prefactorNum / (1 - x)) * poly) / prefactorDen;
  }
  const prefactor = -x / Math.sqrt((2 * alpha * beta) / total);
  const stirling =
    ((1 + 1 / (12 * alpha) + 1 / (288 * alpha * alpha)) * (1 + 1 / (12 * beta) + 1 / (288 * beta * beta))) /
    (1 + 1 / (12 * total) + 1 / (288 * total * total));
  const term1Num = 2 * (alpha * alpha) * (x - 1) + alpha * beta * (x - 1) - x * (beta * beta);
  const axbx = alpha * (x - 1) + beta * x;
  const term1Den = Math.sqrt((2 * alpha) / beta) * Math.pow(total, 1.5) * axbx * axbx;
  const term1 = term1Num / term1Den;
  const term2 = 0.5 * Math.log(alpha / (total * x));
  const term3 = Math.sqrt((8 * alpha * beta) / total) / (beta * x + alpha * (x - 1));
  const term4Base = beta * Math.log(beta / (total * (1 - x))) + alpha * Math.log(alpha / (total * x));
  const term4 = Math.pow(term4Base, -1.5);
  const term1234 = term1 + term2 * (term3 + (x < mean ? term4 : -term4));
  return stirling * prefactor * term1234;
}

// c[0] the numerator's, c[1] the denominator's coefficients, by powers of u, a and b
const RATIONAL = [
  [
    [
      [1.003668233, -0.01061107488, -0.0657888334, 0.01201642863],
      [0.6336835991, -0.3557432599, 0.05486251648, -0.001465281033],
      [-0.03276231906, 0.004474107445, 0.002429354597, -0.0001557569013],
    ],
    [
      [0.221950385, -0.3187676331, 0.01799915743, 0.01074823814],
      [-0.2951249643, 0.06219954479, 0.01535556598, 0.001550077057],
      [0.02155310298, 0.004170831599, 0.001292462449, 6.976601077e-5],
    ],
    [
      [-0.05980841433, 0.008441916499, 0.01085618172, 0.002319392565],
      [0.02911413504, 0.01400243777, -0.002721828457, 0.000751041181],
      [0.005900514878, -0.001936558688, -9.495446725e-6, 5.385558597e-5],
    ],
  ],
  [
    [
      [1, -0.02924021934, -0.04438342661, 0.007285809825],
      [0.6357567472, -0.3473456711, 0.05454656494, -0.002407477521],
      [-0.03301322327, 0.004845219414, 0.00231480583, -0.0002307248149],
    ],
    [
      [0.5925320577, -0.1757678135, 0.01505928619, 0.000564515273],
      [0.1014815858, -0.06589186703, 0.01272886114, -0.0007316646956],
      [-0.007258481865, 0.001096195486, 0.0003934994223, -4.12701925e-5],
    ],
    [
      [0.06469649321, -0.0236701437, 0.002902096474, -5.896963079e-5],
      [0.001925008108, -0.002869809258, 0.0008000589141, -6.063713228e-5],
      [-0.0003477407336, 6.959756487e-5, 1.097287507e-5, -1.650964693e-6],
    ],
  ],
];

/** dirichlet_grad_one<scalar_t, double>(x, alpha, total), rounded to the dtype. */
export function dirichletGradOne(x: number, alpha: number, total: number, single: boolean): number {
  const r = single ? f32 : (v: number) => v;
  const beta = r(total - alpha);
  const boundary = r(r(total * x) * r(1 - x));
  if (x <= 0.5 && boundary < 2.5) return betaGradAlphaSmall(x, alpha, beta, single);
  if (x >= 0.5 && boundary < 0.75) return r(-betaGradBetaSmall(r(1 - x), beta, alpha, single));
  if (alpha > 6 && beta > 6) return r(betaGradAlphaMid(x, alpha, total - alpha));
  const u = Math.log(x);
  const a = Math.log(alpha) - u;
  const b = Math.log(total) - a;
  const powU = [1, u, u * u];
  const powA = [1, a, a * a];
  let p = 0;
  let q = 0;
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      const ua = powU[i] * powA[j];
      const cp = RATIONAL[0][i][j];
      const cq = RATIONAL[1][i][j];
      p += ua * (cp[0] + b * (cp[1] + b * (cp[2] + b * cp[3])));
      q += ua * (cq[0] + b * (cq[1] + b * (cq[2] + b * cq[3])));
    }
  const approx = (x * (digammaOne(total, single) - digammaOne(alpha, single))) / (total - alpha);
  return r((p / q) * approx);
}
