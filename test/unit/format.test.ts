// Tensor printing against what real PyTorch 1.13 printed: every case of format-torch113.json (written by
// format-fixture.py from real tensors and print options) and lines from the shared scripts' expected output.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Node } from '../../src/engine/autograd';
import {
  formatTensor,
  pyExp,
  pyFixed,
  resetPrintOptions,
  setPrintOptions,
  type SetPrintOptions,
} from '../../src/engine/format';
import { Tensor, type DType } from '../../src/engine/tensor';
import { bundledScriptsDir } from '../reference/paths';

const here = path.dirname(fileURLToPath(import.meta.url));

interface FixtureCase {
  name: string;
  shape: number[];
  dtype: DType;
  data: (number | string)[];
  requires_grad: boolean;
  grad_fn: string | null;
  parameter: boolean;
  opts: SetPrintOptions;
  expected: string;
}

const fixture: { cases: FixtureCase[] } = JSON.parse(fs.readFileSync(path.join(here, 'format-torch113.json'), 'utf8'));

function decode(v: number | string): number {
  if (typeof v === 'number') return v;
  return { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 }[v] ?? NaN;
}

function build(c: FixtureCase): Tensor {
  const values = c.data.map(decode);
  const data =
    c.dtype === 'float32'
      ? Float32Array.from(values)
      : c.dtype === 'int64'
        ? Float64Array.from(values)
        : Uint8Array.from(values);
  const t = new Tensor(data, c.shape, c.dtype, c.requires_grad && c.grad_fn === null);
  if (c.grad_fn) {
    t.gradFn = new Node(c.grad_fn, [], () => []);
    t.requiresGrad = true;
  }
  return t;
}

for (const c of fixture.cases) {
  test(`prints like PyTorch: ${c.name}`, () => {
    resetPrintOptions();
    if (Object.keys(c.opts).length > 0) setPrintOptions(c.opts);
    try {
      assert.equal(formatTensor(build(c), { isParameter: c.parameter }), c.expected);
    } finally {
      resetPrintOptions();
    }
  });
}

/** A float32 tensor from the digits a script printed: formatting those values must give the same text. */
function printed(rows: number[][] | number[], opts: { gradFnName?: string; requiresGrad?: boolean } = {}): string {
  const nested = Array.isArray(rows[0]);
  const flat = nested ? (rows as number[][]).flat() : (rows as number[]);
  const shape = nested ? [rows.length, (rows as number[][])[0].length] : [rows.length];
  return formatTensor(new Tensor(Float32Array.from(flat), shape), opts);
}

function expectedLines(script: string, from: number, count: number): string {
  const file = path.join(bundledScriptsDir, `${script}.expected.txt`);
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .slice(from - 1, from - 1 + count)
    .join('\n');
}

test('seed_linear: grad_fn moves to its own line past the line width', () => {
  const text = printed([[-2.2543, 1.6845, -0.1735, -2.148, -1.4049, 2.0733]], { gradFnName: 'AddmmBackward0' });
  assert.equal(text, expectedLines('seed_linear', 1, 2));
});

test('xor_mlp: an integral float column prints in int mode', () => {
  assert.equal(printed([[0], [1], [1], [0]]), expectedLines('xor_mlp', 5, 4));
});

test('activations: fixed-point rows and a 0-d sum', () => {
  assert.equal(printed([0.1192, 0.3775, 0.5, 0.6225, 0.8808]), expectedLines('activations', 1, 1));
  assert.equal(printed([-0.964, -0.4621, 0, 0.4621, 0.964]), expectedLines('activations', 3, 1));
  const sum = formatTensor(new Tensor(Float32Array.of(0.99999994), []));
  assert.equal(sum, expectedLines('activations', 6, 1));
});

test('manual_gradient_descent: requires_grad suffix', () => {
  const line = `${printed([3.027], { requiresGrad: true })} ${printed([-1.9999], { requiresGrad: true })}`;
  assert.equal(line, expectedLines('manual_gradient_descent', 5, 1));
});

test('modules_and_models: a 2x5 matrix with zeros', () => {
  const row = [1.4322, 0.1022, 0.1443, 0.0397, 0];
  assert.equal(printed([row, row]), expectedLines('modules_and_models', 22, 2));
});

test("Python's float formatting: ties to even on the exact binary value", () => {
  assert.equal(pyFixed(0.125, 2), '0.12');
  assert.equal(pyFixed(0.375, 2), '0.38');
  assert.equal(pyFixed(2.5, 0), '2');
  assert.equal(pyFixed(0.45, 1), '0.5'); // 0.45 is a little above 0.45 in binary
  assert.equal(pyFixed(-0, 4), '-0.0000');
  assert.equal(pyFixed(1e22, 1), '10000000000000000000000.0');
  assert.equal(pyExp(0.125, 1), '1.2e-01');
  assert.equal(pyExp(9.99995e-5, 4), '9.9999e-05'); // below the decimal tie in binary
  assert.equal(pyExp(-0, 2), '-0.00e+00');
  assert.equal(pyExp(1.5e300, 3), '1.500e+300');
});
