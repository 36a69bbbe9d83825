// float64 and the integer dtypes (int32, int16, int8, uint8) beside float32, int64 and bool, run in a real
// Pyodide on our torch and compared with real PyTorch 1.13 (test/unit/dtypes-torch113.json, written by
// dtypes-fixture.py, which is also the script run here): promotion (tensor/tensor, 0-d tensors, Python
// scalars), printing with `dtype=` suffixes, conversions and integer wrap-around, indexing, float64
// gradients, float64 models trained by each optimizer, set_default_dtype, and mixed-dtype product errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose, fixtureRunner, pytorchResults } from './pyodide-fixture';

type Entry = Record<string, unknown> & { expr?: string; optimizer?: string };
interface Results {
  exprs: Entry[];
  grads: Entry[];
  default: Entry[];
  training: Entry[];
}

const fixture = fixtureRunner();

/** float64: within a few ulps (V8's exp/log/pow/tanh may differ from glibc's and Sleef's in the last bit). */
function close(what: string, got: unknown, want: unknown): void {
  assertClose(what, got, want, (w) => 1e-14 * Math.max(1, Math.abs(w)));
}

let results: { want: Results; got: Results } | null = null;

function run(): { want: Results; got: Results } {
  if (results) return results;
  const want = pytorchResults('dtypes-torch113.json') as Results;
  results = { want, got: fixture.run('dtypes-fixture.py') as Results };
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
