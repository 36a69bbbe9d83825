// src/engine/pymath.ts against Python's own math.cos and float ** (pymath-python.json, written by
// pymath-fixture.py with Debian's python3 and mpmath): correctly rounded on the arguments schedules and
// optimizers use, hence equal to Python's wherever glibc rounds correctly (all but a few of these), where
// V8's Math.cos and Math.pow are an ulp off far more often.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cos, pow } from '../../src/engine/pymath';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture: { cos: [number, number, number][]; pow: [number, number, number, number][] } = JSON.parse(
  fs.readFileSync(path.join(here, 'pymath-python.json'), 'utf8'),
);

test('cos is correctly rounded, so equal to Python math.cos wherever glibc rounds correctly', () => {
  assert.deepEqual(
    fixture.cos.filter(([x, , exact]) => cos(x) !== exact),
    [],
  );
  const pythonOff = fixture.cos.filter(([, python, exact]) => python !== exact).length;
  assert.ok(pythonOff <= 3, `glibc off on ${pythonOff} arguments`);
  assert.ok(fixture.cos.length > 1000);
});

test('pow is correctly rounded, so equal to Python ** wherever glibc rounds correctly', () => {
  assert.deepEqual(
    fixture.pow.filter(([x, y, , exact]) => pow(x, y) !== exact),
    [],
  );
  const pythonOff = fixture.pow.filter(([, , python, exact]) => python !== exact).length;
  assert.ok(pythonOff <= 2, `glibc off on ${pythonOff} arguments`);
  assert.ok(fixture.pow.length > 400);
});

test("V8's own Math.cos and Math.pow differ from Python far more often (why pymath exists)", () => {
  const mine = fixture.cos.filter(([x, python]) => cos(x) !== python).length;
  const v8 = fixture.cos.filter(([x, python]) => Math.cos(x) !== python).length;
  const minePow = fixture.pow.filter(([x, y, python]) => pow(x, y) !== python).length;
  const v8Pow = fixture.pow.filter(([x, y, python]) => Math.pow(x, y) !== python).length;
  assert.ok(v8 > 3 * mine && v8Pow > 3 * minePow, `cos ${mine} vs ${v8}, pow ${minePow} vs ${v8Pow}`);
});
