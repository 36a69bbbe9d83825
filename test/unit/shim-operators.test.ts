// The Tensor's Python operators and the math methods the engine took over from the bridge, run in a real
// Pyodide on our torch and compared with real PyTorch 1.13 (test/unit/operators-torch113.json, written by
// operators-fixture.py, which is also the script run here): grad_fn names (`1 / t` is MulBackward0, `2 - t`
// RsubBackward1, `2 ** t` PowBackward1...), dtypes, values, the gradients reaching the leaves, and errors
// (`t + [1, 2]` is a TypeError, `t == None` is False).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose, fixtureRunner, float32Tolerance, pytorchResults } from './pyodide-fixture';

interface Entry {
  expr: string;
  grad_fn?: string | null;
  dtype?: string;
  shape?: number[];
  data?: unknown;
  grads?: unknown;
  bool?: boolean;
  other?: string;
  error?: string;
  message?: string;
  backward_error?: string;
}

const fixture = fixtureRunner();

function close(what: string, got: unknown, want: unknown): void {
  assertClose(what, got, want, float32Tolerance);
}

test('Tensor operators and math methods give PyTorch 1.13 graphs, values and errors', () => {
  const expected = pytorchResults('operators-torch113.json') as Entry[];
  const actual = fixture.run('operators-fixture.py') as Entry[];
  assert.deepEqual(
    actual.map((e) => e.expr),
    expected.map((e) => e.expr),
  );
  expected.forEach((want, k) => {
    const got = actual[k];
    const { data, grads, ...rest } = want;
    const { data: gotData, grads: gotGrads, ...gotRest } = got;
    assert.deepEqual(gotRest, rest, want.expr);
    close(`${want.expr}: values`, gotData, data);
    close(`${want.expr}: gradients`, gotGrads, grads);
  });
});
