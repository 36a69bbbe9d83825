// The API of learners' tutorial files that our torch once lacked (issue 9), run in a real Pyodide on our
// torch and compared with real PyTorch 1.13 (test/unit/api-gaps-torch113.json, written by
// api-gaps-fixture.py, which is also the script run here): creation signatures (size=, out=), out= on math
// functions, range/list indexing, axis=/keepdims=, torch.linalg.norm, scatter and bincount, grad_fn classes
// and next_functions, class module paths, torch.autograd.Function, t_(), arange's values, BatchNorm1d.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { PyodideInterface } from 'pyodide';
import { installTorchShim } from '../../src/python/shim';

const root = path.resolve(__dirname, '..', '..');
const here = path.join(root, 'test', 'unit');

interface Entry {
  case: string;
  result?: unknown;
  error?: string;
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
  } else if (want !== null && typeof want === 'object') {
    assert.ok(got !== null && typeof got === 'object', `${what}: ${JSON.stringify(got)}, expected an object`);
    assert.deepEqual(Object.keys(got as object).sort(), Object.keys(want).sort(), what);
    for (const [k, w] of Object.entries(want)) close(`${what}.${k}`, (got as Record<string, unknown>)[k], w);
  } else if (typeof want === 'number' && typeof got === 'number') {
    assert.ok(Math.abs(got - want) <= 1e-6 + 1e-5 * Math.abs(want), `${what}: ${got}, expected ${want}`);
  } else {
    assert.deepEqual(got, want, what);
  }
}

test('tutorial API gaps give PyTorch 1.13 values, gradients, names and errors', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(here, 'api-gaps-torch113.json'), 'utf8')) as Entry[];
  out = '';
  const globals = py.globals.get('dict')();
  globals.set('__name__', '__main__');
  try {
    py.runPython(fs.readFileSync(path.join(here, 'api-gaps-fixture.py'), 'utf8'), { globals });
  } finally {
    globals.destroy();
  }
  const actual = JSON.parse(out) as Entry[];
  assert.deepEqual(
    actual.map((e) => e.case),
    expected.map((e) => e.case),
  );
  expected.forEach((want, k) => close(want.case, actual[k], want));
});
