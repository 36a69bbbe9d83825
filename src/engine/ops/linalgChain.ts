// Products of several matrices: torch.linalg.matrix_power (square-and-multiply, as ATen's
// linalg_matrix_power) and torch.linalg.multi_dot (the cheapest parenthesization of the chain, as ATen's
// matrix-chain order), both made of matmul, so their nodes and gradients are matmul's; and the matrix norms and
// condition numbers read off the singular values.
import { pyError } from '../errors';
import { Tensor } from '../tensor';
import { matmul } from './matmul';
import { clone, expand, reshape, squeeze, unsqueeze, view } from './view';
import { narrow } from './indexing';
import { amax, amin, sum } from './reduce';
import { div } from './arith';
import { eye } from './create';
import { inv } from './linalg';
import { matrices, svd } from './linalgDecomp';
import { typeName } from './linalgCommon';

/**
 * A^n for integer n (A^-1 to the -n for negative n, the identity batch for 0). Integer and bool matrices take
 * n >= 0 as in PyTorch (products by matmul; inv refuses them for n < 0).
 */
export function matrixPower(A: Tensor, n: number): Tensor {
  const { m } = matrices(A, 'linalg.matrix_power', true, false);
  if (n === 0) return clone(expand(eye(m, m, { dtype: A.dtype }), A.shape));
  let a = n < 0 ? inv(A) : A;
  let k = Math.abs(n);
  if (k === 1) return n < 0 ? a : clone(a);
  if (k === 2) return matmul(a, a);
  if (k === 3) return matmul(matmul(a, a), a);
  let result: Tensor | null = null;
  for (;;) {
    if (k & 1) result = result ? matmul(result, a) : a;
    k >>= 1;
    if (k === 0) break;
    a = matmul(a, a);
  }
  return result!;
}

/**
 * The chain product of matrices, the first may be a vector (a row) and the last a vector (a column), in the
 * order that needs the fewest multiplications; the result viewed to its final shape (ViewBackward0).
 */
export function multiDot(tensors: readonly Tensor[]): Tensor {
  const count = tensors.length;
  if (count < 2) throw pyError('RuntimeError', `multi_dot(): expected at least 2 tensors but got ${count}`);
  const first = tensors[0];
  const last = tensors[count - 1];
  tensors.forEach((t, i) => {
    if (t.dtype !== first.dtype) {
      throw pyError(
        'RuntimeError',
        `multi_dot(): all tensors must have be the same dtype but tensor 0 is ${typeName(first.dtype)} and tensor ${i} ${typeName(t.dtype)}`,
      );
    }
  });
  const mats = tensors.map((t, i) => {
    const vectorOk = (i === 0 || i === count - 1) && t.ndim === 1;
    if (t.ndim !== 2 && !vectorOk) {
      const which = i === 0 ? 'first' : i === count - 1 ? 'last' : '';
      const text =
        which !== ''
          ? `multi_dot(): the ${which} tensor must be 1D or 2D but got ${t.ndim}D`
          : `multi_dot(): tensor ${i} must be 2D but got ${t.ndim}D`;
      throw pyError('RuntimeError', text);
    }
    if (t.ndim === 2) return t;
    return i === 0 ? reshape(t, [1, t.shape[0]]) : reshape(t, [t.shape[0], 1]);
  });
  for (let i = 1; i < count; i++) {
    if (mats[i - 1].shape[1] !== mats[i].shape[0]) {
      throw pyError(
        'RuntimeError',
        `multi_dot(): tensors ${i - 1} and ${i} with shapes ${mats[i - 1].shape.join('x')} and ${mats[i].shape.join('x')} cannot be multiplied`,
      );
    }
  }
  const dims = [mats[0].shape[0], ...mats.map((t) => t.shape[1])];
  // cost[i][j]: fewest multiplications for mats i..j; split[i][j] where the last product splits them
  const cost = mats.map(() => new Array<number>(count).fill(0));
  const split = mats.map(() => new Array<number>(count).fill(0));
  for (let len = 1; len < count; len++)
    for (let i = 0; i + len < count; i++) {
      const j = i + len;
      cost[i][j] = Infinity;
      for (let s = i; s < j; s++) {
        const c = cost[i][s] + cost[s + 1][j] + dims[i] * dims[s + 1] * dims[j + 1];
        if (c < cost[i][j]) {
          cost[i][j] = c;
          split[i][j] = s;
        }
      }
    }
  const product = (i: number, j: number): Tensor =>
    i === j ? mats[i] : matmul(product(i, split[i][j]), product(split[i][j] + 1, j));
  const result = product(0, count - 1);
  const shape = [...(first.ndim === 2 ? [first.shape[0]] : []), ...(last.ndim === 2 ? [last.shape[1]] : [])];
  return view(result, shape);
}

/**
 * torch.linalg.matrix_norm over the last two dims for the orders read off the singular values: 2 (largest,
 * AmaxBackward0), -2 (smallest, AminBackward0), 'nuc' (their sum, SumBackward1).
 */
export function singularValueNorm(A: Tensor, ord: 2 | -2 | 'nuc', keepdim = false): Tensor {
  const s = svd(A, false, false)[1];
  const r = ord === 2 ? amax(s, -1) : ord === -2 ? amin(s, -1) : sum(s, -1);
  return keepdim ? unsqueeze(unsqueeze(r, -1), -1) : r;
}

/** torch.linalg.cond for p None, 2 and -2: the ratio of the extreme singular values (ATen's narrow, div, squeeze). */
export function cond2(A: Tensor, p: 2 | -2 = 2): Tensor {
  const s = svd(A, false, false)[1];
  const k = s.shape[s.ndim - 1];
  const first = narrow(s, -1, 0, 1);
  const last = narrow(s, -1, k - 1, 1);
  return squeeze(p === 2 ? div(first, last) : div(last, first), -1);
}
