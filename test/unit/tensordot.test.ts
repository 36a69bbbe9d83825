// torch.tensordot as PyTorch 1.13 composes it (the contracted dims permuted together, one mm, a reshape), run in
// a real Pyodide on our torch and compared with real PyTorch (tensordot-torch113.json, written by
// tensordot-fixture.py, which is also the script run here): values, gradients, out= and errors.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('torch.tensordot gives PyTorch 1.13 values, gradients and errors', () =>
  assertCasesMatch(fixture, 'tensordot-fixture.py', 'tensordot-torch113.json'));
