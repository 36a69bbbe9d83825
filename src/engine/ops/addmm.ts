// The BLAS-style fused products: addmm, addmv, addr, baddbmm, addbmm, each beta * input + alpha * product
// with the input broadcast to the product's shape, recorded as one node (AddmmBackward0, ...) as PyTorch
// records it. Values: the product through the gemm kernel, then scaled and added as BLAS does
// (C = beta C + alpha AB; beta = 0 ignores the input, NaNs included).
import { pyError } from '../errors';
import { noGrad } from '../autograd';
import { Tensor } from '../tensor';
import { add, mul } from './arith';
import { matmul } from './matmul';
import { sum } from './reduce';
import { expand, transpose, unsqueeze } from './view';
import { diffNode, sumTo } from './gradOps';
import { commit } from './inplace';

/** How one op forms its product from its two operands, and that product's gradients as recorded ops. */
interface Product {
  name: string;
  forward: (a: Tensor, b: Tensor) => Tensor;
  grads: (a: Tensor, b: Tensor, g: Tensor) => [Tensor, Tensor];
}

const mT = (t: Tensor) => transpose(t, -1, -2);

const MM: Product = {
  name: 'AddmmBackward0',
  forward: matmul,
  grads: (a, b, g) => [matmul(g, mT(b)), matmul(mT(a), g)],
};
const MV: Product = {
  name: 'AddmvBackward0',
  forward: matmul,
  grads: (a, b, g) => [mul(unsqueeze(g, 1), unsqueeze(b, 0)), matmul(mT(a), g)],
};
const R: Product = {
  name: 'AddrBackward0',
  forward: (a, b) => mul(unsqueeze(a, 1), unsqueeze(b, 0)),
  grads: (a, b, g) => [matmul(g, b), matmul(mT(g), a)],
};
const BMM: Product = {
  name: 'BaddbmmBackward0',
  forward: matmul,
  grads: (a, b, g) => [matmul(g, mT(b)), matmul(mT(a), g)],
};
const SUMMED_BMM: Product = {
  name: 'AddbmmBackward0',
  forward: (a, b) => sum(matmul(a, b), 0),
  grads: (a, b, g) => {
    const G = expand(unsqueeze(g, 0), [a.shape[0], ...g.shape]);
    return [matmul(G, mT(b)), matmul(mT(a), G)];
  },
};

function requireDims(t: Tensor, ndim: number, what: string): void {
  if (t.ndim !== ndim)
    throw pyError(
      'RuntimeError',
      `${what} must be a ${ndim === 1 ? 'vector' : ndim === 2 ? 'matrix' : `${ndim}D tensor`}, got ${t.ndim}-D tensor`,
    );
}

function sameDtype(input: Tensor, a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype || input.dtype !== a.dtype) {
    throw pyError('RuntimeError', `${input.dtype !== b.dtype ? 'self' : 'mat1'} and mat2 must have the same dtype`);
  }
}

/** The nodes recorded here: their inputs are in PyTorch's order (input, a, b), unlike F.linear's addmm. */
const fusedNodes = new WeakSet<object>();

export function isFusedProductNode(node: object): boolean {
  return fusedNodes.has(node);
}

/** beta * input + alpha * product(a, b), recorded as one node over (input, a, b). */
function fused(p: Product, input: Tensor, a: Tensor, b: Tensor, beta: number, alpha: number): Tensor {
  sameDtype(input, a, b);
  const compute = () => {
    const prod = p.forward(a, b);
    const scaled = alpha === 1 ? prod : mul(prod, alpha);
    const base = expand(input, prod.shape); // PyTorch's broadcasting check, before beta is looked at
    return beta === 0 ? scaled : add(beta === 1 ? base : mul(base, beta), scaled);
  };
  const out = noGrad(compute);
  const result = diffNode(p.name, [input, a, b], out, (g) => {
    const [ga, gb] = a.requiresGrad || b.requiresGrad ? p.grads(a, b, g) : [null, null];
    const scale = (t: Tensor | null, k: number) => (t === null ? null : k === 1 ? t : mul(t, k));
    return [
      input.requiresGrad ? scale(sumTo(g, input.shape), beta) : null,
      a.requiresGrad ? scale(ga, alpha) : null,
      b.requiresGrad ? scale(gb, alpha) : null,
    ];
  });
  if (result.gradFn) fusedNodes.add(result.gradFn);
  return result;
}

export function addmm(input: Tensor, m1: Tensor, m2: Tensor, beta = 1, alpha = 1): Tensor {
  requireDims(m1, 2, 'mat1');
  requireDims(m2, 2, 'mat2');
  if (m1.shape[1] !== m2.shape[0]) {
    throw pyError(
      'RuntimeError',
      `mat1 and mat2 shapes cannot be multiplied (${m1.shape[0]}x${m1.shape[1]} and ${m2.shape[0]}x${m2.shape[1]})`,
    );
  }
  return fused(MM, input, m1, m2, beta, alpha);
}

export function addmv(input: Tensor, mat: Tensor, vec: Tensor, beta = 1, alpha = 1): Tensor {
  if (mat.ndim !== 2 || vec.ndim !== 1) {
    throw pyError('RuntimeError', `vector + matrix @ vector expected, got ${input.ndim}, ${mat.ndim}, ${vec.ndim}`);
  }
  if (mat.shape[1] !== vec.shape[0]) {
    throw pyError(
      'RuntimeError',
      `size mismatch, got ${input.shape[0] ?? 1}, ${mat.shape[0]}x${mat.shape[1]},${vec.shape[0]}`,
    );
  }
  return fused(MV, input, mat, vec, beta, alpha);
}

export function addr(input: Tensor, v1: Tensor, v2: Tensor, beta = 1, alpha = 1): Tensor {
  if (v1.ndim !== 1) throw pyError('RuntimeError', `addr: Expected 1-D argument vec1, but got ${v1.ndim}-D`);
  if (v2.ndim !== 1) throw pyError('RuntimeError', `addr: Expected 1-D argument vec2, but got ${v2.ndim}-D`);
  return fused(R, input, v1, v2, beta, alpha);
}

/** bmm's checks (baddbmm) or addbmm's own, with PyTorch's messages. */
function checkBatches(b1: Tensor, b2: Tensor, summed: boolean): void {
  requireDims(b1, 3, 'batch1');
  requireDims(b2, 3, 'batch2');
  const [n, , k] = b1.shape;
  if (summed && (b1.shape[0] !== b2.shape[0] || k !== b2.shape[1])) {
    throw pyError(
      'RuntimeError',
      `Incompatible matrix sizes for bmm (${b1.shape[1]}x${k} and ${b2.shape[1]}x${b2.shape[2]})`,
    );
  }
  if (b2.shape[0] !== n || b2.shape[1] !== k) {
    throw pyError(
      'RuntimeError',
      `Expected size for first two dimensions of batch2 tensor to be: [${n}, ${k}] but got: [${b2.shape[0]}, ${b2.shape[1]}].`,
    );
  }
}

export function baddbmm(input: Tensor, b1: Tensor, b2: Tensor, beta = 1, alpha = 1): Tensor {
  checkBatches(b1, b2, false);
  return fused(BMM, input, b1, b2, beta, alpha);
}

export function addbmm(input: Tensor, b1: Tensor, b2: Tensor, beta = 1, alpha = 1): Tensor {
  checkBatches(b1, b2, true);
  return fused(SUMMED_BMM, input, b1, b2, beta, alpha);
}

type FusedOp = (input: Tensor, a: Tensor, b: Tensor, beta?: number, alpha?: number) => Tensor;

/** The in-place forms (t.addmm_(a, b)): t becomes the op's output, node included, as PyTorch records it. */
export const fusedInplace: Record<string, FusedOp> = Object.fromEntries(
  Object.entries({ addmm, addmv, addr, baddbmm, addbmm }).map(([name, op]) => [
    `${name}_`,
    (t: Tensor, a: Tensor, b: Tensor, beta = 1, alpha = 1) =>
      commit(t, [a, b], (x, same) => op(x, same(a) as Tensor, same(b) as Tensor, beta, alpha)),
  ]),
);
