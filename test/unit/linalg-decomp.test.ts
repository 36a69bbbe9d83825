// torch.linalg's solvers and factorizations (src/engine/ops/linalgDecomp.ts, linalgChain.ts) against
// test/unit/linalg-decomp-torch113.json (made by linalg-decomp-fixture.py with Debian's python3-torch): values
// to 1e-5 (float32) or 1e-9 (float64) relative to the output's scale, the gradients of a fixed weighted sum of
// the outputs, grad_fn names, the reconstruction of each factorization, and the error texts. Eigenvectors,
// singular vectors, Q and R are compared with their signs (a free choice that LAPACK's dsyevd, dgesdd and
// Householder QR make, and the engine follows step by step).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as torch from '../../src/engine';
import { Tensor } from '../../src/engine';
import { tensor } from '../../src/engine/ops/create';
import { setFloat64Mode } from '../../src/engine/buffers';

interface Values {
  shape: number[];
  values: number[];
  dtype?: string;
}
interface Case {
  name: string;
  dtype: 'float32' | 'float64';
  inputs: Values[];
  outputs: Values[];
  grad_fn: string | null;
  sign_free: number[] | null;
  grads?: number[][];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(fs.readFileSync(path.join(here, 'linalg-decomp-torch113.json'), 'utf8')) as {
  cases: Case[];
  errors: { expr: string; type: string; message: string }[];
};

const E = torch as unknown as Record<string, (...args: unknown[]) => unknown>;

/** The engine call for each case name (the fixture's PyTorch call, in the engine's terms). */
const OPS: Record<string, (...xs: Tensor[]) => Tensor | Tensor[]> = {
  solve: (A, B) => torch.solve(A, B),
  solve_vec: (A, B) => torch.solve(A, B),
  solve_batched: (A, B) => torch.solve(A, B),
  inv: (A) => torch.inv(A),
  det: (A) => torch.det(A),
  slogdet: (A) => torch.slogdet(A),
  logdet: (A) => torch.logdet(A),
  cholesky: (A) => torch.cholesky(A),
  cholesky_upper: (A) => torch.cholesky(A, true),
  qr_tall: (A) => torch.qr(A),
  qr_square_batched: (A) => torch.qr(A),
  qr_wide: (A) => torch.qr(A),
  qr_complete: (A) => torch.qr(A, 'complete'),
  qr_r: (A) => torch.qr(A, 'r')[1],
  eigh: (A) => torch.eigh(A) as Tensor[],
  eigh_upper_batched: (A) => torch.eigh(A, 'U') as Tensor[],
  eigvalsh: (A) => torch.eigh(A, 'L', false)[0],
  svd_tall: (A) => torch.svd(A, false),
  svd_wide: (A) => torch.svd(A, false),
  svd_full: (A) => torch.svd(A, true),
  svd_batched: (A) => torch.svd(A, false),
  svdvals: (A) => torch.svd(A, false, false)[1],
  pinv: (A) => torch.pinv(A),
  pinv_wide: (A) => torch.pinv(A),
  lstsq: (A, B) => torch.lstsq(A, B)[0],
  matrix_rank: (A) => torch.matrixRank(A),
  matrix_power: (A) => torch.matrixPower(A, 5),
  matrix_power_neg: (A) => torch.matrixPower(A, -2),
  multi_dot: (A, B, C) => torch.multiDot([A, B, C]),
  norm_2: (A) => torch.singularValueNorm(A, 2),
  norm_nuc: (A) => torch.singularValueNorm(A, 'nuc'),
  norm_m2: (A) => torch.singularValueNorm(A, -2),
  cond: (A) => torch.cond2(A),
};

/** fn as the bridge runs an op on `dtype` operands (float64 buffers for float64, see buffers.ts). */
function inMode<T>(dtype: string, fn: () => T): T {
  const previous = setFloat64Mode(dtype === 'float64');
  try {
    return fn();
  } finally {
    setFloat64Mode(previous);
  }
}

function weights(n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.sin(0.7 * i + 0.3));
}

function close(actual: ArrayLike<number>, expected: number[], rtol: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  const scale = Math.max(1, ...expected.map((v) => Math.abs(v)));
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (!(Math.abs(a - e) <= rtol * scale) && !(Number.isNaN(a) && Number.isNaN(e)) && a !== e)
      assert.fail(`${what}: element ${i} is ${actual[i]}, PyTorch ${expected[i]}`);
  }
}

function inputsOf(c: Case, grad: boolean): Tensor[] {
  return c.inputs.map((x) => {
    const t = torch.reshape(tensor(x.values, { dtype: c.dtype }), x.shape);
    return grad ? t.requires_grad_() : t;
  });
}

test('linalg values, dtypes and grad_fn names match PyTorch 1.13', () => {
  assert.equal(new Set(fixture.cases.map((c) => c.name)).size, Object.keys(OPS).length);
  for (const c of fixture.cases) {
    const rtol = c.dtype === 'float32' ? 1e-5 : 1e-9;
    const out = inMode(c.dtype, () => OPS[c.name](...inputsOf(c, c.sign_free !== null)));
    const outs = Array.isArray(out) ? out : [out];
    assert.equal(outs.length, c.outputs.length, `${c.name}: outputs`);
    outs.forEach((o, k) => {
      const e = c.outputs[k];
      const what = `${c.name} ${c.dtype} output ${k}`;
      assert.deepEqual(o.shape, e.shape, `${what}: shape`);
      assert.equal(o.dtype, e.dtype, `${what}: dtype`);
      close(o.data, e.values, rtol * 4, what);
    });
    if (c.grad_fn !== null) assert.equal(outs[0].gradFn?.name, c.grad_fn, `${c.name}: grad_fn`);
  }
});

test('linalg gradients match PyTorch 1.13 (a weighted sum of the outputs, squares of sign-free ones)', () => {
  for (const c of fixture.cases) {
    if (!c.grads) continue;
    const rtol = c.dtype === 'float32' ? 1e-4 : 1e-8;
    const xs = inputsOf(c, true);
    const loss = inMode(c.dtype, () => {
      const out = OPS[c.name](...xs);
      const outs = Array.isArray(out) ? out : [out];
      let total: Tensor | null = null;
      outs.forEach((o, k) => {
        const w = torch.reshape(tensor(weights(o.data.length), { dtype: c.dtype }), o.shape);
        const term = torch.sum(torch.mul(c.sign_free!.includes(k) ? torch.mul(o, o) : o, w));
        total = total ? torch.add(total, term) : term;
      });
      return total as unknown as Tensor;
    });
    loss.backward();
    xs.forEach((x, i) => {
      assert.ok(x.grad, `${c.name}: input ${i} has a gradient`);
      close(x.grad!.data, c.grads![i], rtol, `${c.name} ${c.dtype} grad ${i}`);
    });
  }
});

function matmulValues(a: Tensor, b: Tensor): Float32Array {
  return torch.matmul(a, b).data as Float32Array;
}

test('factorizations reconstruct their input and their factors are orthonormal / triangular', () => {
  for (const dtype of ['float32', 'float64'] as const) inMode(dtype, () => reconstructs(dtype));
});

function reconstructs(dtype: 'float32' | 'float64'): void {
  {
    const tol = dtype === 'float32' ? 2e-5 : 1e-12;
    torch.manual_seed(3);
    const A = torch.randn([2, 5, 4], undefined, dtype);
    const a = A.data;
    const [U, S, Vh] = torch.svd(A, false);
    close(matmulValues(torch.mul(U, torch.unsqueeze(S, -2)), Vh), [...a], tol, `${dtype} U diag(S) Vh`);
    const [Uf, , Vhf] = torch.svd(A, true);
    assert.deepEqual(Uf.shape, [2, 5, 5]);
    close(
      matmulValues(torch.transpose(Uf, -2, -1), Uf),
      [...torch.eye(5, 5, { dtype }).data, ...torch.eye(5, 5, { dtype }).data],
      tol,
      `${dtype} U^T U`,
    );
    assert.deepEqual(Vhf.shape, [2, 4, 4]);
    const [Q, R] = torch.qr(A, 'complete');
    close(matmulValues(Q, R), [...a], tol, `${dtype} Q R`);
    for (let b = 0; b < 2; b++)
      for (let i = 0; i < 5; i++) for (let j = 0; j < Math.min(i, 4); j++) assert.equal(R.data[b * 20 + i * 4 + j], 0);
    const spd = torch.add(torch.matmul(torch.transpose(A, -2, -1), A), torch.eye(4, 4, { dtype }));
    const L = torch.cholesky(spd);
    close(matmulValues(L, torch.transpose(L, -2, -1)), [...spd.data], tol * 10, `${dtype} L L^T`);
    const [w, V] = torch.eigh(spd) as Tensor[];
    close(
      matmulValues(torch.mul(V, torch.unsqueeze(w, -2)), torch.transpose(V, -2, -1)),
      [...spd.data],
      tol * 10,
      `${dtype} V diag(w) V^T`,
    );
    const P = torch.pinv(A);
    close(matmulValues(matmulValues2(A, P), A), [...a], tol * 10, `${dtype} A pinv(A) A`);
  }
}

function matmulValues2(a: Tensor, b: Tensor): Tensor {
  return torch.matmul(a, b);
}

test("linalg errors are PyTorch's texts and classes", () => {
  const f = (v: number[][]) => tensor(v, { dtype: 'float32' });
  const calls: Record<string, () => unknown> = {
    'torch.linalg.solve(torch.tensor([[1., 2.], [2., 4.]]), torch.ones(2))': () =>
      torch.solve(
        f([
          [1, 2],
          [2, 4],
        ]),
        tensor([1, 1], { dtype: 'float32' }),
      ),
    'torch.linalg.solve(torch.stack([torch.eye(2), torch.tensor([[1., 2.], [2., 4.]])]), torch.ones(2, 2, 1))': () =>
      torch.solve(
        tensor(
          [
            [
              [1, 0],
              [0, 1],
            ],
            [
              [1, 2],
              [2, 4],
            ],
          ],
          { dtype: 'float32' },
        ),
        torch.ones([2, 2, 1]),
      ),
    'torch.linalg.solve(torch.ones(2, 3), torch.ones(2))': () => torch.solve(torch.ones([2, 3]), torch.ones([2])),
    'torch.linalg.solve(torch.eye(2), torch.ones(3))': () => torch.solve(torch.eye(2), torch.ones([3])),
    'torch.linalg.cholesky(torch.tensor([[1., 2.], [2., 1.]]))': () =>
      torch.cholesky(
        f([
          [1, 2],
          [2, 1],
        ]),
      ),
    'torch.linalg.cholesky(torch.stack([torch.eye(2), torch.tensor([[1., 2.], [2., 1.]])]))': () =>
      torch.cholesky(
        tensor(
          [
            [
              [1, 0],
              [0, 1],
            ],
            [
              [1, 2],
              [2, 1],
            ],
          ],
          { dtype: 'float32' },
        ),
      ),
    'torch.linalg.cholesky(torch.ones(2, 3))': () => torch.cholesky(torch.ones([2, 3])),
    'torch.linalg.inv(torch.tensor([[1., 2.], [2., 4.]]))': () =>
      torch.inv(
        f([
          [1, 2],
          [2, 4],
        ]),
      ),
    'torch.linalg.eigh(torch.ones(2, 3))': () => torch.eigh(torch.ones([2, 3])),
    'torch.linalg.qr(torch.ones(3, 2), mode="x")': () => torch.qr(torch.ones([3, 2]), 'x'),
    'torch.linalg.svd(torch.tensor([[1, 2], [3, 4]]))': () =>
      torch.svd(
        tensor([
          [1, 2],
          [3, 4],
        ]),
      ),
    'torch.linalg.matrix_power(torch.ones(2, 3), 2)': () => torch.matrixPower(torch.ones([2, 3]), 2),
    'torch.linalg.multi_dot([torch.ones(2)])': () => torch.multiDot([torch.ones([2])]),
    'torch.linalg.lstsq(torch.ones(3, 2), torch.ones(2, 1))': () => torch.lstsq(torch.ones([3, 2]), torch.ones([2, 1])),
  };
  assert.equal(fixture.errors.length, Object.keys(calls).length);
  for (const e of fixture.errors) {
    const call = calls[e.expr];
    assert.ok(call, `no engine call for ${e.expr}`);
    assert.throws(call, (err: Error) => {
      assert.equal(err.message, e.message, e.expr);
      assert.equal(err.name, e.type === '_LinAlgError' ? 'LinAlgError' : e.type, e.expr);
      return true;
    });
  }
  void E;
});
