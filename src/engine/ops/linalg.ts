// The small dense linear algebra learners meet in closed-form regression (the normal equation
// `torch.inverse(X.T @ X) @ X.T @ y`) and in exercises: the inverse and the determinant of square matrices
// (batched over leading dims), by Gauss-Jordan / LU elimination with partial pivoting in double, rounded
// once. Values agree with LAPACK's to the last bits, not bit for bit.
import { pyError } from '../errors';
import { Node, isGradEnabled } from '../autograd';
import { Tensor, allocate, floats, isFloatDType } from '../tensor';

function squareBatches(t: Tensor, what: string): { n: number; batches: number } {
  if (t.ndim < 2 || t.shape[t.ndim - 1] !== t.shape[t.ndim - 2]) {
    throw pyError(
      'RuntimeError',
      `${what}: A must be batches of square matrices, but they are ${t.shape[t.ndim - 2] ?? 1} by ${t.shape[t.ndim - 1] ?? 1} matrices`,
    );
  }
  if (!isFloatDType(t.dtype)) {
    throw pyError('RuntimeError', `${what}: Expected a floating point or complex tensor as input. Got Long`);
  }
  const n = t.shape[t.ndim - 1];
  return { n, batches: t.shape.slice(0, -2).reduce((p, x) => p * x, 1) };
}

/** Inverse (into `inv`) and determinant of the n x n matrix at a[offset...]; throws when it is singular. */
function invertOne(a: ArrayLike<number>, offset: number, n: number, inv: Float64Array | null): number {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) m[i] = a[offset + i];
  if (inv) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) inv[i * n + j] = i === j ? 1 : 0;
  let det = 1;
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[pivot * n + c])) pivot = r;
    if (m[pivot * n + c] === 0) {
      if (!inv) return 0;
      throw pyError(
        'LinAlgError',
        `linalg.inv: The diagonal element ${c + 1} is zero, the inversion could not be completed because the input matrix is singular.`,
      );
    }
    if (pivot !== c) {
      det = -det;
      for (const mat of inv ? [m, inv] : [m])
        for (let j = 0; j < n; j++) [mat[c * n + j], mat[pivot * n + j]] = [mat[pivot * n + j], mat[c * n + j]];
    }
    const p = m[c * n + c];
    det *= p;
    for (let r = 0; r < n; r++) {
      if (r === c || (!inv && r < c)) continue;
      const f = m[r * n + c] / p;
      if (f === 0) continue;
      for (let j = 0; j < n; j++) {
        m[r * n + j] -= f * m[c * n + j];
        if (inv) inv[r * n + j] -= f * inv[c * n + j];
      }
    }
  }
  if (inv) for (let r = 0; r < n; r++) for (let j = 0; j < n; j++) inv[r * n + j] /= m[r * n + r];
  return det;
}

/** torch.linalg.inv / torch.inverse; d(A^-1) = -A^-T g A^-T. */
export function inv(t: Tensor): Tensor {
  const { n, batches } = squareBatches(t, 'linalg.inv');
  const out = allocate(t.dtype, t.data.length);
  const one = new Float64Array(n * n);
  for (let b = 0; b < batches; b++) {
    invertOne(t.data, b * n * n, n, one);
    for (let i = 0; i < n * n; i++) out[b * n * n + i] = one[i];
  }
  if (!(t.requiresGrad && isGradEnabled())) return new Tensor(out, t.shape, t.dtype);
  const node = new Node('LinalgInvExBackward0', [t], (g) => {
    const r = floats(g.length);
    for (let b = 0; b < batches; b++) {
      const o = b * n * n;
      // r = -(A^-1)^T g (A^-1)^T
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++)
            for (let l = 0; l < n; l++) s += out[o + k * n + i] * g[o + k * n + l] * out[o + j * n + l];
          r[o + i * n + j] = -s;
        }
    }
    return [r];
  });
  return new Tensor(out, t.shape, t.dtype, true, node);
}

/** torch.det / torch.linalg.det; d det(A) = g det(A) A^-T. */
export function det(t: Tensor): Tensor {
  const { n, batches } = squareBatches(t, 'linalg.det');
  const shape = t.shape.slice(0, -2);
  const out = allocate(t.dtype, batches);
  for (let b = 0; b < batches; b++) out[b] = invertOne(t.data, b * n * n, n, null);
  if (!(t.requiresGrad && isGradEnabled())) return new Tensor(out, shape, t.dtype);
  const node = new Node('LinalgDetBackward0', [t], (g) => {
    const r = floats(t.data.length);
    const one = new Float64Array(n * n);
    for (let b = 0; b < batches; b++) {
      if (out[b] === 0) continue; // singular: no inverse here (PyTorch goes through an SVD)
      invertOne(t.data, b * n * n, n, one);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) r[b * n * n + i * n + j] = g[b] * out[b] * one[j * n + i];
    }
    return [r];
  });
  return new Tensor(out, shape, t.dtype, true, node);
}

/** out = a x b along `dim` (of size 3) for every other index; a, b and out share one shape. */
function crossInto(out: Float32Array, a: ArrayLike<number>, b: ArrayLike<number>, shape: number[], dim: number): void {
  const inner = shape.slice(dim + 1).reduce((p, n) => p * n, 1);
  const outer = a.length / (3 * inner);
  // float32 rounds each product and difference as PyTorch's kernel does; float64 keeps them exact.
  const r = out instanceof Float32Array ? Math.fround : (x: number) => x;
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const x = o * 3 * inner + i;
      const y = x + inner;
      const z = y + inner;
      out[x] = r(r(a[y] * b[z]) - r(a[z] * b[y]));
      out[y] = r(r(a[z] * b[x]) - r(a[x] * b[z]));
      out[z] = r(r(a[x] * b[y]) - r(a[y] * b[x]));
    }
}

/**
 * torch.cross / torch.linalg.cross of two float tensors of one shape (the Python layer broadcasts and picks
 * `dim`); d/da = b x g, d/db = g x a.
 */
export function cross(a: Tensor, b: Tensor, dim: number): Tensor {
  const shape = a.shape;
  const d = dim < 0 ? dim + shape.length : dim;
  if (shape.join() !== b.shape.join() || shape[d] !== 3) {
    throw pyError(
      'RuntimeError',
      `linalg.cross: inputs dimension ${dim} must have length 3. Got ${a.shape[d] ?? 0} and ${b.shape[d] ?? 0}`,
    );
  }
  if (!isFloatDType(a.dtype) || a.dtype !== b.dtype) {
    throw pyError(
      'RuntimeError',
      `linalg.cross: expected two float tensors of one dtype, got ${a.dtype} and ${b.dtype}`,
    );
  }
  const out = allocate(a.dtype, a.data.length) as Float32Array;
  crossInto(out, a.data, b.data, shape, d);
  if (!((a.requiresGrad || b.requiresGrad) && isGradEnabled())) return new Tensor(out, shape, a.dtype);
  const node = new Node('LinalgCrossBackward0', [a, b], (g) => {
    const ga = allocate(a.dtype, g.length) as Float32Array;
    const gb = allocate(a.dtype, g.length) as Float32Array;
    if (a.requiresGrad) crossInto(ga, b.data, g, shape, d);
    if (b.requiresGrad) crossInto(gb, g, a.data, shape, d);
    return [a.requiresGrad ? ga : null, b.requiresGrad ? gb : null];
  });
  return new Tensor(out, shape, a.dtype, true, node);
}
