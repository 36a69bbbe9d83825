// float64 and the integer dtypes (int32, int16, int8, uint8) beside float32, int64 and bool, run in a real
// Pyodide on our torch and compared with real PyTorch 1.13 (test/unit/dtypes-torch113.json, written by
// dtypes-fixture.py, which is also the script run here): promotion (tensor/tensor, 0-d tensors, Python
// scalars), printing with `dtype=` suffixes, conversions and integer wrap-around, indexing, float64
// gradients, float64 models trained by each optimizer, set_default_dtype, and mixed-dtype product errors.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { PyodideInterface } from 'pyodide';
import { installTorchShim } from '../../src/python/shim';

const root = path.resolve(__dirname, '..', '..');
const here = path.join(root, 'test', 'unit');

type Entry = Record<string, unknown> & { expr?: string; optimizer?: string };
interface Results {
  exprs: Entry[];
  grads: Entry[];
  default: Entry[];
  training: Entry[];
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

/**
 * Numbers equal to within a few float64 ulps (JavaScript's exp/log/pow/tanh may differ from glibc's and
 * Sleef's in the last bit; a float32 rounding anywhere would be 1e-8 off and fail); everything else equal.
 */
function close(what: string, got: unknown, want: unknown): void {
  if (Array.isArray(want)) {
    assert.ok(
      Array.isArray(got) && got.length === want.length,
      `${what}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`,
    );
    want.forEach((w, i) => close(`${what}[${i}]`, (got as unknown[])[i], w));
  } else if (typeof want === 'number' && typeof got === 'number') {
    assert.ok(Math.abs(got - want) <= 1e-14 * Math.max(1, Math.abs(want)), `${what}: ${got}, expected ${want}`);
  } else {
    assert.deepEqual(got, want, what);
  }
}

let results: { want: Results; got: Results } | null = null;

function run(): { want: Results; got: Results } {
  if (results) return results;
  const want = JSON.parse(fs.readFileSync(path.join(here, 'dtypes-torch113.json'), 'utf8')) as Results;
  out = '';
  const globals = py.globals.get('dict')();
  globals.set('__name__', '__main__');
  try {
    py.runPython(fs.readFileSync(path.join(here, 'dtypes-fixture.py'), 'utf8'), { globals });
  } finally {
    globals.destroy();
  }
  results = { want, got: JSON.parse(out) as Results };
  return results;
}

function compare(section: keyof Results, numeric: string[]): void {
  const { want, got } = run();
  const label = (e: Entry) => String(e.expr ?? e.optimizer);
  assert.deepEqual(got[section].map(label), want[section].map(label));
  want[section].forEach((w, k) => {
    const g = got[section][k];
    const strip = (e: Entry) => Object.fromEntries(Object.entries(e).filter(([key]) => !numeric.includes(key)));
    assert.deepEqual(strip(g), strip(w), label(w));
    for (const key of numeric) close(`${label(w)}: ${key}`, g[key], w[key]);
  });
}

test('dtype promotion, printing, conversions, indexing and errors match PyTorch 1.13', () => {
  compare('exprs', ['data']);
});

test('float64 gradients match PyTorch 1.13 in double precision', () => {
  compare('grads', ['data', 'grads']);
});

test('torch.set_default_dtype(torch.float64) changes literals, factories and printing', () => {
  compare('default', ['data']);
});

test('float64 models train with SGD, Adam, RMSprop and Adagrad as in PyTorch 1.13', () => {
  compare('training', ['loss', 'weights']);
});
