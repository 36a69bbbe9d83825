// The API of learners' tutorial files that our torch once lacked (issue 9), run in a real Pyodide on our
// torch and compared with real PyTorch 1.13 (test/unit/api-gaps-torch113.json, written by
// api-gaps-fixture.py, which is also the script run here): creation signatures (size=, out=), out= on math
// functions, range/list indexing, axis=/keepdims=, torch.linalg.norm, scatter and bincount, grad_fn classes
// and next_functions, class module paths, torch.autograd.Function, t_(), arange's values, BatchNorm1d.
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

test('tutorial API gaps give PyTorch 1.13 values, gradients, names and errors', () => {
  const expected = pytorchResults('api-gaps-torch113.json') as Entry[];
  const actual = fixture.run('api-gaps-fixture.py') as Entry[];
  assert.deepEqual(
    actual.map((e) => e.case),
    expected.map((e) => e.case),
  );
  expected.forEach((want, k) => close(want.case, actual[k], want));
});
