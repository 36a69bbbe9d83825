// What the conformance files after Aladdin Persson's PyTorch basics (test/conformance/aladdin_*.py) found
// different in our torch, run in a real Pyodide on our torch and compared with real PyTorch 1.13
// (test/unit/aladdin-gaps-torch113.json, written by aladdin-gaps-fixture.py, which is also the script run
// here): integer matrix_power and bmm, the kernels matrix products name for bool operands, and the dtype order
// of mixed-dtype products.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('Aladdin Persson basics gaps give PyTorch 1.13 values and errors', () =>
  assertCasesMatch(fixture, 'aladdin-gaps-fixture.py', 'aladdin-gaps-torch113.json'));
