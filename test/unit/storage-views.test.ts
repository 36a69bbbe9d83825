// Views of one storage (engine/strided.ts, ops/view.ts, ops/indexing.ts, torch/storage.py), run in a real
// Pyodide on our torch and numpy and compared with real PyTorch 1.13 (test/unit/storage-views-torch113.json,
// written by storage-views-fixture.py, which is also the script run here): sizes, strides, storage_offset()
// and is_contiguous() of transposes, permutes, narrows, index and step slices, expands and views of them;
// writes through each view reaching the base and base writes reaching the view; in-place ops on views;
// contiguous(); view() against reshape(); storage() and data_ptr(); numpy sharing; autograd through views.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureRunner, pytorchResults } from './pyodide-fixture';

type Case = Record<string, unknown> & { case: string };

const fixture = fixtureRunner({ numpy: true });

test('views share their storage as in PyTorch 1.13', () => {
  const want = pytorchResults('storage-views-torch113.json') as Case[];
  const got = fixture.run('storage-views-fixture.py') as Case[];
  assert.deepEqual(
    got.map((c) => c.case),
    want.map((c) => c.case),
  );
  // Exact: small integers and halves in float32, strides, offsets, messages.
  want.forEach((w, k) => assert.deepEqual(got[k], w, w.case));
});
