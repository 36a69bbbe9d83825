// The LU family (linalg.lu_factor/_ex, lu, lu_solve; torch.lu, lu_unpack, lu_solve), cholesky_solve,
// cholesky_inverse, cholesky_ex and linalg.matrix_exp (src/engine/ops/linalgLU.ts, lapackLU.ts,
// linalgCholeskySolve.ts, linalgMatrixExp.ts), run in a real Pyodide on our torch and compared with real
// PyTorch 1.13 (test/unit/linalg-lu-torch113.json, written by linalg-lu-fixture.py, which is also the script
// run here): values, pivots, infos, grad_fn names, gradients, return types and error texts; the float32
// factors of these small matrices bit for bit (getf2's steps in float32 arithmetic).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type FixtureCase, assertCasesMatch, fixtureRunner, pytorchResults } from './pyodide-fixture';

const fixture = fixtureRunner();

test('the LU family, Cholesky solves and matrix_exp are those of PyTorch 1.13', () =>
  assertCasesMatch(fixture, 'linalg-lu-fixture.py', 'linalg-lu-torch113.json'));

test('float32 LU factors are bit for bit those of PyTorch 1.13', () => {
  const expected = pytorchResults('linalg-lu-torch113.json') as FixtureCase[];
  const actual = fixture.run('linalg-lu-fixture.py') as FixtureCase[];
  const factorCases = /^(lu_factor|lu_factor_ex|lu|torch\.lu|lu_unpack) .*float32$/;
  let checked = 0;
  expected.forEach((want, k) => {
    if (!factorCases.test(want.case)) return;
    // with_grads results: [outputs, grad_fn names, gradients]; the outputs' float tensors are the factors
    const outs = (want.result as { dtype: string; data: number[] }[][])[0];
    const got = (actual[k].result as { dtype: string; data: number[] }[][])[0];
    outs.forEach((o, i) => {
      if (o.dtype !== 'torch.float32') return;
      assert.deepEqual(got[i].data, o.data, `${want.case} output ${i}`);
      checked++;
    });
  });
  assert.ok(checked >= 20, `${checked} factor tensors checked`);
});
