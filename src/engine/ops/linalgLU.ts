// torch.linalg's LU family over batches of matrices (float32 and float64): lu_factor_ex, lu, lu_unpack and
// lu_solve, the factors in the input's precision as getf2 computes them (lapackLU.ts), the solves and
// derivatives in double rounded once, with PyTorch's derivatives beside them
// (linalg_lu_backward through L and U; lu_solve's through the packed factors and B). Pivots are int32 and
// 1-based, as LAPACK returns them.
import { pyError } from '../errors';
import { Tensor, allocate } from '../tensor';
import { broadcastShapes } from '../shape';
import { type Mat, luSolve, matMul, transposed } from './linalgKernels';
import { type Factors, getrf, getrs, luBackward, permutation, permutationMatrix, unpack } from './lapackLU';
import type { DType } from '../buffers';
import { broadcastTo, matrices, recorded, slice, stored } from './linalgCommon';

/** ScalarType's name (Float, Double) as ATen's messages print it. */
function scalarName(d: DType): string {
  return d === 'float32' ? 'Float' : d === 'float64' ? 'Double' : d === 'int64' ? 'Long' : d;
}

function int32(values: ArrayLike<number>, shape: number[]): Tensor {
  return new Tensor(Float64Array.from(values), shape, 'int32');
}

/** Packed factors, 0-based pivots and info of each matrix of A. */
function factorAll(A: Tensor, m: number, n: number, count: number): Factors[] {
  const round = A.dtype === 'float32' ? Math.fround : (v: number) => v;
  const out: Factors[] = [];
  for (let i = 0; i < count; i++) out.push(getrf(A.data, i * m * n, m, n, round));
  return out;
}

/** The gradient of the packed factors as that of (L, U): gL below the diagonal, gU on and above it. */
function packedGrad(A: Tensor, fs: Factors[], m: number, n: number, g: Float32Array): Float32Array {
  const k = Math.min(m, n);
  const ga = allocate(A.dtype, A.data.length) as Float32Array;
  fs.forEach((f, b) => {
    const gi = slice(g, b * m * n, m * n);
    const { L, U } = unpack(f.lu, m, n);
    const gL = new Float64Array(m * k);
    const gU = new Float64Array(k * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) gL[i * k + j] = gi[i * n + j];
    for (let i = 0; i < k; i++) for (let j = 0; j < n; j++) gU[i * n + j] = gi[i * n + j];
    ga.set(luBackward(gL, gU, permutation(f.piv, m), L, U, m, n), b * m * n);
  });
  return ga;
}

function checkPivot(pivot: boolean, what: string): void {
  if (!pivot) throw pyError('RuntimeError', `${what}: LU without pivoting is not implemented on the CPU`);
}

/**
 * torch.linalg.lu_factor_ex(A): [LU, pivots, info]. Only LU carries a gradient (LinalgLuFactorExBackward0):
 * that of L's strictly lower part and U's upper part, through linalg_lu_backward.
 */
export function luFactorEx(A: Tensor, pivot = true): [Tensor, Tensor, Tensor] {
  const { m, n, batch, fs } = factorInput(A, pivot);
  const k = Math.min(m, n);
  const lu = new Float64Array(fs.length * m * n);
  const piv = new Float64Array(fs.length * k);
  fs.forEach((f, b) => {
    lu.set(f.lu, b * m * n);
    for (let i = 0; i < k; i++) piv[b * k + i] = f.piv[i] + 1;
  });
  const LU = new Tensor(stored(A.dtype, lu), A.shape, A.dtype);
  const [out] = recorded('LinalgLuFactorExBackward0', [A], [LU], ([g]) => [packedGrad(A, fs, m, n, g)]);
  return [
    out,
    int32(piv, [...batch, k]),
    int32(
      fs.map((f) => f.info),
      batch,
    ),
  ];
}

/** A checked as lu_factor checks it, and the factors of each of its matrices. */
function factorInput(A: Tensor, pivot: boolean) {
  if (A.ndim < 2) {
    throw pyError(
      'RuntimeError',
      `torch.lu_factor: Expected tensor with 2 or more dimensions. Got size: [${A.shape.join(', ')}] instead`,
    );
  }
  if (A.dtype !== 'float32' && A.dtype !== 'float64') {
    const name = A.dtype === 'int64' ? 'Long' : A.dtype === 'int32' ? 'Int' : A.dtype === 'bool' ? 'Bool' : A.dtype;
    throw pyError('RuntimeError', `"lu_cpu" not implemented for '${name}'`);
  }
  checkPivot(pivot, 'linalg.lu_factor');
  const { m, n, count, batch } = matrices(A, 'torch.linalg.lu_factor', false);
  return { m, n, batch, fs: factorAll(A, m, n, count) };
}

/** torch.linalg.lu_factor: lu_factor_ex that raises for a zero pivot (a RuntimeError in 1.13). */
export function luFactor(A: Tensor, pivot = true, what = 'torch.linalg.lu_factor'): [Tensor, Tensor] {
  const [LU, piv, info] = luFactorEx(A, pivot);
  const bad = Array.from(info.data).findIndex((v) => v > 0);
  if (bad >= 0) throw luZeroPivot(what, info.data[bad], A.ndim > 2 ? `(Batch element ${bad}): ` : '');
  return [LU, piv];
}

function luZeroPivot(what: string, info: number, prefix: string): Error {
  return pyError(
    'RuntimeError',
    `${what}: ${prefix}U[${info},${info}] is zero and using it on lu_solve would result in a division by zero. If you still want to perform the factorization, consider calling linalg.lu(A, pivot) or linalg.lu_factor_ex(A, pivot)`,
  );
}

/** The (P, L, U) tensors of packed factors; L and U share one node `name` whose gradient goes to `input`. */
function unpacked(
  input: Tensor,
  fs: Factors[],
  m: number,
  n: number,
  batch: number[],
  name: string,
  backward: (gL: Float32Array, gU: Float32Array) => Float32Array,
): [Tensor, Tensor, Tensor] {
  const k = Math.min(m, n);
  const count = fs.length;
  const P = new Float64Array(count * m * m);
  const L = new Float64Array(count * m * k);
  const U = new Float64Array(count * k * n);
  fs.forEach((f, b) => {
    P.set(permutationMatrix(permutation(f.piv, m)), b * m * m);
    const parts = unpack(f.lu, m, n);
    L.set(parts.L, b * m * k);
    U.set(parts.U, b * k * n);
  });
  const dtype = input.dtype;
  const outs = [
    new Tensor(stored(dtype, L), [...batch, m, k], dtype),
    new Tensor(stored(dtype, U), [...batch, k, n], dtype),
  ];
  const [Lt, Ut] = recorded(name, [input], outs, ([gL, gU]) => [backward(gL, gU)]);
  return [new Tensor(stored(dtype, P), [...batch, m, m], dtype), Lt, Ut];
}

/** torch.linalg.lu(A): P, L, U with A = P L U (LinalgLuBackward0 through L and U). */
export function lu(A: Tensor, pivot = true): [Tensor, Tensor, Tensor] {
  const input = factorInput(A, pivot);
  const { m, n, batch } = input;
  const k = Math.min(m, n);
  // the factors rounded to the dtype, as PyTorch unpacks its own
  const fs = input.fs.map((f) => ({ ...f, lu: Float64Array.from(stored(A.dtype, f.lu)) }));
  return unpacked(A, fs, m, n, batch, 'LinalgLuBackward0', (gL, gU) => {
    const ga = allocate(A.dtype, A.data.length) as Float32Array;
    fs.forEach((f, b) => {
      const { L, U } = unpack(f.lu, m, n);
      const g = luBackward(slice(gL, b * m * k, m * k), slice(gU, b * k * n, k * n), permutation(f.piv, m), L, U, m, n);
      ga.set(g, b * m * n);
    });
    return ga;
  });
}

/** 0-based pivots of each matrix from PyTorch's 1-based int32 ones. */
function pivotsOf(pivots: Tensor, count: number, k: number): Int32Array[] {
  const out: Int32Array[] = [];
  for (let b = 0; b < count; b++) {
    const p = new Int32Array(k);
    for (let i = 0; i < k; i++) p[i] = pivots.data[b * k + i] - 1;
    out.push(p);
  }
  return out;
}

/**
 * torch.lu_unpack(LU, pivots, unpack_data, unpack_pivots): P, L, U (empty where not unpacked). The gradient of
 * LU (LuUnpackBackward0) is gL's strictly lower part plus gU's upper part.
 */
export function luUnpack(LU: Tensor, pivots: Tensor, unpackData = true, unpackPivots = true): [Tensor, Tensor, Tensor] {
  const { m, n, count, batch } = matrices(LU, 'torch.lu_unpack', false);
  const k = Math.min(m, n);
  const pivs = pivotsOf(pivots, count, k);
  const fs = pivs.map((piv, b) => ({ lu: slice(LU.data, b * m * n, m * n), piv, info: 0 }));
  const [P, L, U] = unpacked(LU, fs, m, n, batch, 'LuUnpackBackward0', (gL, gU) => {
    const ga = allocate(LU.dtype, LU.data.length) as Float32Array;
    for (let b = 0; b < count; b++)
      for (let i = 0; i < m; i++)
        for (let j = 0; j < n; j++)
          ga[b * m * n + i * n + j] = i > j ? gL[b * m * k + i * k + j] : gU[b * k * n + i * n + j];
    return ga;
  });
  const empty = () => new Tensor(allocate(LU.dtype, 0), [0], LU.dtype);
  return [unpackPivots ? P : empty(), unpackData ? L : empty(), unpackData ? U : empty()];
}

/** B (rows x cols each) transposed matrix by matrix. */
function transposeEach(x: ArrayLike<number>, count: number, rows: number, cols: number): Float64Array {
  const out = new Float64Array(count * rows * cols);
  for (let b = 0; b < count; b++)
    out.set(transposed(slice(x, b * rows * cols, rows * cols), rows, cols), b * rows * cols);
  return out;
}

/**
 * torch.linalg.lu_solve(LU, pivots, B, left, adjoint): X with A X = B (A^H X = B when adjoint; X A = B when
 * not left), A = P L U. Batch dims broadcast. d (LinalgLuSolveBackward0): gB by the transposed solve, and
 * from gA (-gB X^H, or its adjoint forms) the packed factors' gradient tril(P^T gA U^H, -1) + triu(L^H P^T gA).
 */
export function luSolveFactors(LU: Tensor, pivots: Tensor, B: Tensor, left = true, adjoint = false): Tensor {
  const { n, batch: luBatch } = matrices(LU, 'torch.linalg.lu_solve', true);
  if (B.ndim < 2) throw pyError('RuntimeError', 'linalg.lu_solve: The input tensor B must have at least 2 dimensions.');
  if (LU.dtype !== B.dtype) {
    throw pyError(
      'RuntimeError',
      `linalg.lu_solve: Expected LU and B to have the same dtype, but found LU of type ${scalarName(LU.dtype)} and B of type ${scalarName(B.dtype)} instead`,
    );
  }
  const br = B.shape[B.ndim - 2];
  const bc = B.shape[B.ndim - 1];
  if ((left ? br : bc) !== n) {
    throw pyError(
      'RuntimeError',
      `linalg.lu_solve: Incompatible shapes of A and B for the equation ${left ? 'AX = B' : 'XA = B'} (${n}x${n} and ${br}x${bc})`,
    );
  }
  const batch = broadcastShapes(luBatch, B.shape.slice(0, -2), 'linalg.lu_solve');
  const count = batch.reduce((p, x) => p * x, 1);
  const a = broadcastTo(LU, [...batch, n, n]);
  const b = broadcastTo(B, [...batch, br, bc]);
  const piv = broadcastTo(pivots, [...batch, n]);
  const fs = pivotsOf(piv, count, n).map((p, i) => ({ lu: slice(a.data, i * n * n, n * n), piv: p, info: 0 }));
  // X A = B is A^T X^T = B^T: solve on the transposes with the adjoint flag flipped
  const k = left ? bc : br;
  const trans = adjoint !== !left;
  const rhs = left ? Float64Array.from(b.data) : transposeEach(b.data, count, br, bc);
  const xs = new Float64Array(count * n * k);
  const round = B.dtype === 'float32' ? Math.fround : (v: number) => v;
  fs.forEach((f, i) => xs.set(getrs(f, n, slice(rhs, i * n * k, n * k), k, trans, round), i * n * k));
  const X = new Tensor(stored(B.dtype, left ? xs : transposeEach(xs, count, n, k)), b.shape, B.dtype);
  return recorded('LinalgLuSolveBackward0', [a, b], [X], ([g]) => {
    const gX = left ? Float64Array.from(g) : transposeEach(g, count, br, bc);
    const xr = left ? Float64Array.from(X.data) : transposeEach(X.data, count, br, bc);
    const ga = allocate(LU.dtype, a.data.length) as Float32Array;
    const gb = allocate(B.dtype, b.data.length) as Float32Array;
    fs.forEach((f, i) => {
      const gBi = luSolve(f, n, slice(gX, i * n * k, n * k), k, !trans);
      gb.set(left ? gBi : transposed(gBi, n, k), i * n * k);
      const Xi = slice(xr, i * n * k, n * k);
      const gA = trans ? matMul(Xi, transposed(gBi, n, k), n, k, n) : matMul(gBi, transposed(Xi, n, k), n, k, n);
      ga.set(packedFromA(f, n, gA), i * n * n);
    });
    return [a.requiresGrad ? ga : null, b.requiresGrad ? gb : null];
  })[0];
}

/** The packed factors' gradient from -gA (A = P L U): tril(P^T gA U^T, -1) + triu(L^T P^T gA). */
function packedFromA(f: Factors, n: number, minusGA: Mat): Mat {
  const perm = permutation(f.piv, n);
  const PtgA = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) PtgA[i * n + j] = -minusGA[perm[i] * n + j];
  const { L, U } = unpack(f.lu, n, n);
  const low = matMul(PtgA, transposed(U, n, n), n, n, n);
  const up = matMul(transposed(L, n, n), PtgA, n, n, n);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = i > j ? low[i * n + j] : up[i * n + j];
  return out;
}
