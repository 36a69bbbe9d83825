// The saved-tensor version check (engine/savedVersions.ts, Node.save in ops), run in a real Pyodide on our
// torch and compared with real PyTorch 1.13 (test/unit/saved-versions-torch113.json, written by
// saved-versions-fixture.py, which is also the script run here): the exact "modified by an inplace
// operation" message for saved results and inputs, views, detach() and optimizer steps; matmul's folded,
// transposed and batched operands (views of them, or copies PyTorch's reshape made), einsum, the reductions
// that save their result (prod, amax, max(), norm, logsumexp, std, cumprod), mse_loss's broadcast operands,
// custom Functions' ctx.saved_tensors, and in-place writes through a view (CopySlices, and its gradients);
// and the cases that must not raise (nothing saved, `.data` writes, manual SGD, autograd.grad off the
// changed branch, copies).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureRunner, pytorchResults } from './pyodide-fixture';

type Case = { case: string; error: string | null; out: unknown };

const fixture = fixtureRunner();

test('backward checks the versions of saved tensors as PyTorch 1.13 does', () => {
  const want = pytorchResults('saved-versions-torch113.json') as Case[];
  const got = fixture.run('saved-versions-fixture.py') as Case[];
  assert.deepEqual(
    got.map((c) => c.case),
    want.map((c) => c.case),
  );
  // Exact: messages, versions, and gradients rounded to 4 decimals on both sides.
  want.forEach((w, k) => assert.deepEqual(got[k], w, w.case));
});
