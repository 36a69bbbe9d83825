// PyTorch 1.13's lazy modules (d2l's current edition builds every network with them), run in a real Pyodide on
// our torch and compared with real PyTorch (lazy-modules-torch113.json, written by lazy-modules-fixture.py, the
// script run here): printing before and after the first call, the class they become, the values drawn then,
// an optimizer made before it, errors and the warning.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('lazy modules give PyTorch 1.13 shapes, values, reprs and errors', () =>
  assertCasesMatch(fixture, 'lazy-modules-fixture.py', 'lazy-modules-torch113.json'));
