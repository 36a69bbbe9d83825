// What the fixture-against-PyTorch test files share: a real Pyodide with our torch installed (loaded once
// per test file), running a `*-fixture.py` script as __main__ and parsing the JSON it prints, and comparing
// that with the JSON real PyTorch 1.13 printed for the same script. Not a test file itself.
import { before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { PyodideInterface } from 'pyodide';
import { installTorchShim } from '../../src/python/shim';

const root = path.resolve(__dirname, '..', '..');
const here = path.join(root, 'test', 'unit');
/** test/unit modules the fixture scripts import, and where they go in Pyodide's file system. */
const SHARED_MODULES = ['fixture_cases.py'];
const SHARED_DIR = '/test_unit_shared';

/** Copies our numpy (src/python/numpy) into Pyodide beside torch, for fixtures that import numpy. */
function installNumpy(py: PyodideInterface, rel = ''): void {
  const src = path.join(root, 'src', 'python', 'numpy', rel);
  const dest = `/backprop_lens/numpy${rel ? `/${rel}` : ''}`;
  py.FS.mkdirTree(dest);
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== '__pycache__') {
      installNumpy(py, rel ? `${rel}/${entry.name}` : entry.name);
    } else if (entry.name.endsWith('.py')) {
      py.FS.writeFile(`${dest}/${entry.name}`, fs.readFileSync(path.join(src, entry.name), 'utf8'));
    }
  }
}

/**
 * A Pyodide with our torch (and with `numpy: true`, our numpy), loaded before the calling file's tests;
 * `run(name)` runs test/unit/NAME, with `input` (when given) as the script's global `fixture_input`.
 */
export function fixtureRunner(options: { numpy?: boolean } = {}): { run(script: string, input?: string): unknown } {
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
    if (options.numpy) installNumpy(py);
    // The modules the fixture scripts share (they import them by name, as from this folder).
    py.FS.mkdirTree(SHARED_DIR);
    for (const name of SHARED_MODULES)
      py.FS.writeFile(`${SHARED_DIR}/${name}`, fs.readFileSync(path.join(here, name), 'utf8'));
    py.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(SHARED_DIR)})`);
  });
  return {
    run(script: string, input?: string): unknown {
      out = '';
      const globals = py.globals.get('dict')();
      globals.set('__name__', '__main__');
      if (input !== undefined) globals.set('fixture_input', input);
      try {
        py.runPython(fs.readFileSync(path.join(here, script), 'utf8'), { globals });
      } finally {
        globals.destroy();
      }
      return JSON.parse(out);
    },
  };
}

/** The JSON real PyTorch printed for a fixture (test/unit/NAME-torch113.json). */
export function pytorchResults(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(here, file), 'utf8'));
}

/**
 * Asserts `got` equals `want` member by member, numbers within `tolerance(want)` of PyTorch's (the kernels'
 * rounding), objects with the same keys, everything else equal.
 */
export function assertClose(what: string, got: unknown, want: unknown, tolerance: (want: number) => number): void {
  if (Array.isArray(want)) {
    assert.ok(
      Array.isArray(got) && got.length === want.length,
      `${what}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`,
    );
    want.forEach((w, i) => assertClose(`${what}[${i}]`, (got as unknown[])[i], w, tolerance));
  } else if (want !== null && typeof want === 'object') {
    assert.ok(got !== null && typeof got === 'object', `${what}: ${JSON.stringify(got)}, expected an object`);
    assert.deepEqual(Object.keys(got as object).sort(), Object.keys(want).sort(), what);
    for (const [k, w] of Object.entries(want)) {
      assertClose(`${what}.${k}`, (got as Record<string, unknown>)[k], w, tolerance);
    }
  } else if (typeof want === 'number' && typeof got === 'number') {
    assert.ok(Math.abs(got - want) <= tolerance(want), `${what}: ${got}, expected ${want}`);
  } else {
    assert.deepEqual(got, want, what);
  }
}

/** float32 kernels: within 1e-6 + 1e-5 relative of PyTorch's value. */
export const float32Tolerance = (want: number): number => 1e-6 + 1e-5 * Math.abs(want);

/** One case of a fixture's JSON: its name, and what it gave or the error it raised. */
export interface FixtureCase {
  case: string;
  result?: unknown;
  error?: string;
}

/**
 * Runs fixture script `script` on our torch and compares its cases with what real PyTorch printed for the same
 * script (`results`, a -torch113.json): the same cases in the same order, each within float32Tolerance.
 */
export function assertCasesMatch(run: { run(script: string): unknown }, script: string, results: string): void {
  const expected = pytorchResults(results) as FixtureCase[];
  const actual = run.run(script) as FixtureCase[];
  assert.deepEqual(
    actual.map((e) => e.case),
    expected.map((e) => e.case),
  );
  expected.forEach((want, k) => assertClose(want.case, actual[k], want, float32Tolerance));
}
