// The Tensor's Python operators and the math methods the engine took over from the bridge, run in a real
// Pyodide on our torch and compared with real PyTorch 1.13 (test/unit/operators-torch113.json, written by
// operators-fixture.py, which is also the script run here): grad_fn names (`1 / t` is MulBackward0, `2 - t`
// RsubBackward1, `2 ** t` PowBackward1...), dtypes, values, the gradients reaching the leaves, and errors
// (`t + [1, 2]` is a TypeError, `t == None` is False).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { PyodideInterface } from 'pyodide';
import { installTorchShim } from '../../src/python/shim';

const root = path.resolve(__dirname, '..', '..');
const here = path.join(root, 'test', 'unit');

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

let py: PyodideInterface;
let out = '';

before(async () => {
  const { loadPyodide } = require(path.join(root, 'node_modules', 'pyodide', 'pyodide.js'));
  py = await loadPyodide({ indexURL: path.join(root, 'node_modules', 'pyodide') + path.sep });
  const decoder = new TextDecoder();
  py.setStdout({ write: (b: Uint8Array) => ((out += decoder.decode(b, { stream: true })), b.length) });
  const noop = () => undefined;
  await installTorchShim(
    py,
    { modelSeen: noop, moduleForward: noop, hint: noop, write: noop },
    { torchDir: path.join(root, 'src', 'python', 'torch') },
  );
});

/** Numbers within float32 rounding of PyTorch's kernels; everything else equal. */
function close(what: string, got: unknown, want: unknown): void {
  if (Array.isArray(want)) {
    assert.ok(
      Array.isArray(got) && got.length === want.length,
      `${what}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`,
    );
    want.forEach((w, i) => close(`${what}[${i}]`, (got as unknown[])[i], w));
  } else if (typeof want === 'number' && typeof got === 'number') {
    assert.ok(Math.abs(got - want) <= 1e-6 + 1e-5 * Math.abs(want), `${what}: ${got}, expected ${want}`);
  } else {
    assert.deepEqual(got, want, what);
  }
}

test('Tensor operators and math methods give PyTorch 1.13 graphs, values and errors', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(here, 'operators-torch113.json'), 'utf8')) as Entry[];
  out = '';
  const globals = py.globals.get('dict')();
  globals.set('__name__', '__main__');
  try {
    py.runPython(fs.readFileSync(path.join(here, 'operators-fixture.py'), 'utf8'), { globals });
  } finally {
    globals.destroy();
  }
  const actual = JSON.parse(out) as Entry[];
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
