// The data-cleaning reductions (nan_to_num, nansum, nanmean, median, nanmedian), the fused products (addmm,
// addmv, addr, baddbmm, addbmm), erfinv, the initialisers trunc_normal_, orthogonal_, sparse_ and dirac_,
// full backward hooks, torch.device('cpu:0') and the legacy tensor types, run in a real Pyodide on our torch
// and compared with real PyTorch 1.13 (nan-fused-init-torch113.json, written by nan-fused-init-fixture.py,
// which is also the script run here): values, gradients, grad_fn names and errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose, fixtureRunner, float32Tolerance, pytorchResults } from './pyodide-fixture';

interface Entry {
  case: string;
  result?: unknown;
  error?: string;
}

const fixture = fixtureRunner();

function close(what: string, got: unknown, want: unknown): void {
  assertClose(what, got, want, float32Tolerance);
}

test('NaN reductions, fused products and initialisers give PyTorch 1.13 values, gradients and errors', () => {
  const expected = pytorchResults('nan-fused-init-torch113.json') as Entry[];
  const actual = fixture.run('nan-fused-init-fixture.py') as Entry[];
  assert.deepEqual(
    actual.map((e) => e.case),
    expected.map((e) => e.case),
  );
  expected.forEach((want, k) => close(want.case, actual[k], want));
});
