// Tensors and numpy arrays sharing memory (torch/_numpy_bridge.py, numpy/_shared_buffer.py), run in a real
// Pyodide on our torch and numpy and compared with real PyTorch 1.13 and NumPy 1.24
// (test/unit/numpy-shared-memory-torch113.json, written by numpy-shared-memory-fixture.py, which is also the
// script run here): for float32, float64, int64, int32, uint8 and bool, Tensor.numpy() and
// torch.from_numpy/as_tensor both ways, in-place tensor ops, index assignment, ufuncs with out=, in-place
// operators, views of a shared array, reductions and advanced indexing of one, from_numpy of views (rows,
// column slices, transposes), detach().numpy(), the requires_grad error, the copies (torch.tensor,
// np.array, as_tensor to another dtype), and a zeroed gradient written through numpy before the next
// backward.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureRunner, pytorchResults } from './pyodide-fixture';

type Case = Record<string, unknown> & { case: string };

const fixture = fixtureRunner({ numpy: true });

test('tensors and numpy arrays share memory both ways as in PyTorch 1.13 and NumPy 1.24', () => {
  const want = pytorchResults('numpy-shared-memory-torch113.json') as Case[];
  const got = fixture.run('numpy-shared-memory-fixture.py') as Case[];
  assert.deepEqual(
    got.map((c) => c.case),
    want.map((c) => c.case),
  );
  // Exact: every value is a float32/float64/integer/bool that both sides must hold bit for bit.
  want.forEach((w, k) => assert.deepEqual(got[k], w, w.case));
});
