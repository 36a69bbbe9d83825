// F.interpolate's linear, bicubic, trilinear, 5-D nearest, nearest-exact and 3-D area modes
// (src/engine/ops/upsampleNd.ts) and nn.Upsample with them, run in a real Pyodide on our torch and compared
// with real PyTorch 1.13 (test/unit/interpolate-modes-torch113.json, written by interpolate-modes-fixture.py,
// which is also the script run here): values, grad_fn names, input gradients, rank errors, reprs.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('the other F.interpolate modes are those of PyTorch 1.13', () =>
  assertCasesMatch(fixture, 'interpolate-modes-fixture.py', 'interpolate-modes-torch113.json'));
