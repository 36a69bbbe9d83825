// torch.atan2 / arctan2 / atan2_ as PyTorch 1.13 computes them, run in a real Pyodide on our torch and compared
// with real PyTorch (test/unit/atan2-torch113.json, written by atan2-fixture.py, which is also the script run
// here): float32 bits (as hex strings, in the cases named "bits") of the vectorised blocks and the scalar tails,
// broadcasting, promotion, the Atan2Backward0 gradients and PyTorch's errors.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('torch.atan2 gives PyTorch 1.13 bits, gradients and errors', () =>
  assertCasesMatch(fixture, 'atan2-fixture.py', 'atan2-torch113.json'));
