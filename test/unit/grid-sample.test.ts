// F.affine_grid and F.grid_sample (2-D: bilinear and nearest, zeros / border / reflection padding),
// run in a real Pyodide on our torch and compared with real PyTorch 1.13 (test/unit/grid-sample-torch113.json,
// written by grid-sample-fixture.py, which is also the script run here): grids, samples, gradients to
// input, grid and theta, and argument errors.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('affine_grid and grid_sample are those of PyTorch 1.13', () =>
  assertCasesMatch(fixture, 'grid-sample-fixture.py', 'grid-sample-torch113.json'));
