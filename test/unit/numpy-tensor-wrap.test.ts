// NumPy functions and ufuncs given a torch tensor (numpy/_wrap.py, Tensor.__array_wrap__), run in a real
// Pyodide on our torch and numpy and compared with real PyTorch 1.13 and NumPy 1.24
// (test/unit/numpy-tensor-wrap-torch113.json, written by numpy-tensor-wrap-fixture.py, which is also the
// script run here): which calls hand back a tensor (ufuncs, argmax/argmin/clip/round/transpose/reshape/...),
// bool results as uint8 tensors, and which stay ndarrays (np.sort, np.ravel, calls on t.numpy()); numpy
// scalars as torch's numbers and sizes (arange bounds, view(np.int64, -1)).
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner({ numpy: true });

test('numpy calls on a tensor give back what NumPy 1.24 gives back for PyTorch 1.13 tensors', () => {
  assertCasesMatch(fixture, 'numpy-tensor-wrap-fixture.py', 'numpy-tensor-wrap-torch113.json');
});
