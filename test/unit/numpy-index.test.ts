// A tensor indexed by numpy arrays (torch/_tensor_views.py _index_spec), run in a real Pyodide on our torch
// and numpy and compared with real PyTorch 1.13 (test/unit/numpy-index-torch113.json, written by
// numpy-index-fixture.py, which is also the script run here): bool arrays are masks, every other numpy
// dtype (np.int32 edge lists, int16, float) is read as long for reads and assignments, while int32 and float
// *tensors* are refused with 1.13's "long, byte or bool" message.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner({ numpy: true });

test('numpy arrays index a tensor as PyTorch 1.13 reads them', () => {
  assertCasesMatch(fixture, 'numpy-index-fixture.py', 'numpy-index-torch113.json');
});
