// nn.EmbeddingBag and F.embedding_bag (engine/ops/embeddingBag.ts, torch/nn/modules/sparse.py), run in a real
// Pyodide on our torch and compared with real PyTorch 1.13 (test/unit/embedding-bag-torch113.json, written by
// embedding-bag-fixture.py, which is also the script run here): sum, mean and max bags with padding and empty
// bags, their gradients, per-sample weights, include_last_offset, from_pretrained, reprs and errors.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('EmbeddingBag sums, means and maxima and their gradients are those of PyTorch 1.13', () =>
  assertCasesMatch(fixture, 'embedding-bag-fixture.py', 'embedding-bag-torch113.json'));
