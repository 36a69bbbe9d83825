// Pre-0.4 idioms that 2017-2018 course code (PyTorchZeroToAll, Udacity's intro-to-pytorch) still runs, on our
// torch in a real Pyodide, compared with real PyTorch 1.13 (test/unit/legacy-api-torch113.json, written by
// legacy-api-fixture.py, which is also the script run here): 0-dim indexing errors (`loss.data[0]`), the
// size_average, F.sigmoid/F.tanh, implicit-dim softmax and volatile warnings, Variable's checks, the
// DataLoader iterator's class (no `.next()`), and resize_ to the same number of elements.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner({ numpy: true });

test('legacy course idioms give PyTorch 1.13 values, warnings and errors', () =>
  assertCasesMatch(fixture, 'legacy-api-fixture.py', 'legacy-api-torch113.json'));
