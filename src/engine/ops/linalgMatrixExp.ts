// torch.linalg.matrix_exp: PyTorch's scheme (Bader, Blanes and Casas' optimized Taylor polynomials of
// degree 1, 2, 4, 8, 12 or 18, the degree picked by the operator 1-norm against thresholds of the dtype,
// beyond the last one scaling by 2^-s and squaring s times), with its coefficients rounded to the dtype as
// PyTorch stores them, evaluated in double and rounded once. Its derivative is PyTorch's too: the
// upper-right block of the exponential of [[A^T, G], [0, A^T]] (Mathias' chain rule).
import { pyError } from '../errors';
import { Tensor, allocate, isFloatDType } from '../tensor';
import type { DType } from '../buffers';
import { type Mat, matMul, transposed } from './linalgKernels';
import { matrices, recorded, slice, stored } from './linalgCommon';

const THETAS: Record<'float32' | 'float64', number[]> = {
  float32: [
    1.192092800768788e-7, 5.978858893805233e-4, 5.116619363445086e-2, 5.800524627688768e-1, 1.461661507209034,
    3.010066362817634,
  ],
  float64: [
    2.220446049250313e-16, 2.580956802971767e-8, 3.397168839976962e-4, 4.991228871115323e-2, 2.99615891381158e-1,
    1.090863719290036,
  ],
};

const SQRT_177 = 13.30413469565007;
const X3 = 2 / 3;
const T8 = {
  x1: X3 * ((1 + SQRT_177) / 88),
  x2: X3 * ((1 + SQRT_177) / 352),
  x4: (-271 + 29 * SQRT_177) / (315 * X3),
  x5: (-11 + 11 * SQRT_177) / (1260 * X3),
  x6: (-99 + 11 * SQRT_177) / (5040 * X3),
  x7: (89 - SQRT_177) / (5040 * X3),
  y2: (857 - 58 * SQRT_177) / 630,
};

// rows: the linear combinations B_i = sum_j b[i][j] A^j (A^0 = I) of the degree 12 and 18 schemes
const B12 = [
  [9.0198e-16, 0.4693211759541824, -0.20099424927047285, -0.04623946134063072],
  [5.315978957598713, 1.1992679041713223, 0.01179296240992997, 0.01108844528519168],
  [0.18188869982170436, 0.05502798439925399, 0.09351590770535415, 0.006107005288980582],
  [-2.086132e-13, -0.13181061013830184, -0.02027855540589259, -0.006759518468630863],
];
const B18 = [
  [0, -0.10036558103014462, -0.00802924648241157, -8.9213849804573e-4, 0],
  [0, 0.3978497494996451, 1.3678377846041172, 0.49828962252538267, -6.378981945947233e-4],
  [-10.967639605296206, 1.680158138789062, 0.05717798464788655, -0.0069821012248805206, 3.349750170860705e-5],
  [-0.09043168323908106, -0.06764045190713819, 0.06759613017704597, 0.029555257042931552, -1.391802575160607e-5],
  [0, 0, -0.09233646193671186, -0.016936493900208172, -1.400867981820361e-5],
];

/** A coefficient as the dtype stores it (PyTorch's constants are scalar_t). */
function coef(dtype: DType, c: number): number {
  return dtype === 'float32' ? Math.fround(c) : c;
}

function identity(n: number): Mat {
  const I = new Float64Array(n * n);
  for (let i = 0; i < n; i++) I[i * n + i] = 1;
  return I;
}

/** sum_j c[j] * Ms[j]. */
function combine(Ms: Mat[], c: number[]): Mat {
  const out = new Float64Array(Ms[0].length);
  Ms.forEach((M, j) => {
    if (c[j] !== 0) for (let i = 0; i < out.length; i++) out[i] += c[j] * M[i];
  });
  return out;
}

/** [I, A, A^2, A^3, A^6][0..count) as PyTorch fills its buffer of powers. */
function powers(A: Mat, n: number, count: number): Mat[] {
  const ps = [identity(n), A];
  if (count > 2) ps.push(matMul(A, A, n, n, n));
  if (count > 3) ps.push(matMul(A, ps[2], n, n, n));
  if (count > 4) ps.push(matMul(ps[3], ps[3], n, n, n));
  return ps;
}

function taylor(A: Mat, n: number, degree: number, dtype: DType): Mat {
  const c = (v: number) => coef(dtype, v);
  if (degree === 1) return combine(powers(A, n, 2), [1, 1]);
  if (degree === 2) return combine(powers(A, n, 3), [1, 1, c(1 / 2)]);
  if (degree === 4) {
    const ps = powers(A, n, 3);
    const inner = combine(ps, [c(1 / 2), c(1 / 6), c(1 / 24)]);
    return combine([...ps, matMul(ps[2], inner, n, n, n)], [1, 1, 0, 1]);
  }
  if (degree === 8) {
    const ps = powers(A, n, 3);
    const a4 = matMul(ps[2], combine([ps[1], ps[2]], [c(T8.x1), c(T8.x2)]), n, n, n);
    const left = combine([ps[2], a4], [c(X3), 1]);
    const right = combine([...ps, a4], [c(T8.x4), c(T8.x5), c(T8.x6), c(T8.x7)]);
    const a8 = matMul(left, right, n, n, n);
    return combine([...ps, a4, a8], [1, 1, c(T8.y2), 0, 1]);
  }
  if (degree === 12) {
    const ps = powers(A, n, 4);
    const Bs = B12.map((row) => combine(ps, row.map(c)));
    const a6 = matMul(Bs[3], Bs[3], n, n, n);
    for (let i = 0; i < a6.length; i++) Bs[2][i] += a6[i];
    const sum = combine([Bs[1], Bs[2]], [1, 1]);
    const prod = matMul(sum, Bs[2], n, n, n);
    return combine([Bs[0], prod], [1, 1]);
  }
  const ps = powers(A, n, 5);
  const Bs = B18.map((row) => combine(ps, row.map(c)));
  const a9 = matMul(Bs[0], Bs[4], n, n, n);
  for (let i = 0; i < a9.length; i++) Bs[3][i] += a9[i];
  const prod = matMul(combine([Bs[2], Bs[3]], [1, 1]), Bs[3], n, n, n);
  return combine([Bs[1], prod], [1, 1]);
}

/** The largest absolute column sum, in the dtype's arithmetic where that decides the branch. */
function oneNorm(A: Mat, n: number, dtype: DType): number {
  let best = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(A[i * n + j]);
    s = coef(dtype, s);
    if (s > best || Number.isNaN(s)) best = s;
  }
  return best;
}

/** exp(A) of one n x n matrix, PyTorch's degree choice for `dtype`. */
export function expm(A: Mat, n: number, dtype: DType): Mat {
  const thetas = THETAS[dtype === 'float64' ? 'float64' : 'float32'].map((t) => coef(dtype, t));
  const norm = oneNorm(A, n, dtype);
  const degrees = [1, 2, 4, 8, 12];
  for (let i = 0; i < degrees.length; i++) {
    const lo = i === 0 ? -1 : thetas[i - 1];
    if (lo < norm && norm <= thetas[i]) return taylor(A, n, degrees[i], dtype);
  }
  // scale by 2^-s so that the norm is at most the last threshold, then square s times
  const ratio = coef(dtype, norm / thetas[5]);
  const s = Math.max(0, Math.ceil(coef(dtype, Math.log2(ratio))));
  const scale = 2 ** s;
  let E = taylor(
    A.map((v) => v / scale),
    n,
    18,
    dtype,
  );
  for (let p = 0; p < s; p++) E = matMul(E, E, n, n, n);
  return E;
}

/** torch.linalg.matrix_exp over a batch of square matrices (LinalgMatrixExpBackward0). */
export function matrixExp(A: Tensor): Tensor {
  if (A.ndim >= 2 && !isFloatDType(A.dtype)) {
    const name = A.dtype === 'int64' ? 'Long' : A.dtype === 'int32' ? 'Int' : A.dtype === 'bool' ? 'Bool' : A.dtype;
    throw pyError('RuntimeError', `matrix_exp: Expected a floating point or complex tensor as input. Got ${name}`);
  }
  const { n, count } = matrices(A, 'linalg.matrix_exp', true);
  const dtype = A.dtype;
  const out = new Float64Array(count * n * n);
  for (let i = 0; i < count; i++) out.set(expm(slice(A.data, i * n * n, n * n), n, dtype), i * n * n);
  const E = new Tensor(stored(dtype, out), A.shape, dtype);
  return recorded('LinalgMatrixExpBackward0', [A], [E], ([g]) => {
    const ga = allocate(dtype, A.data.length) as Float32Array;
    for (let i = 0; i < count; i++) {
      const At = transposed(slice(A.data, i * n * n, n * n), n, n);
      // [[A^T, G], [0, A^T]] with G as the dtype holds it; the exponential's upper-right block is A's gradient
      const m = 2 * n;
      const meta = new Float64Array(m * m);
      for (let p = 0; p < n; p++)
        for (let q = 0; q < n; q++) {
          meta[p * m + q] = At[p * n + q];
          meta[(p + n) * m + q + n] = At[p * n + q];
          meta[p * m + q + n] = g[i * n * n + p * n + q];
        }
      const big = expm(meta, m, dtype);
      for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) ga[i * n * n + p * n + q] = big[p * m + q + n];
    }
    return [ga];
  })[0];
}
