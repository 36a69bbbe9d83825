// F.unfold / F.fold (src/engine/ops/im2col.ts) and nn.Unfold / nn.Fold, run in a real Pyodide on our torch and
// compared with real PyTorch 1.13 (test/unit/im2col-torch113.json, written by im2col-fixture.py, which is also
// the script run here): values, grad_fn names, gradients, a convolution as unfold + matmul, errors, reprs.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('F.unfold and F.fold (im2col, col2im) are those of PyTorch 1.13', () =>
  assertCasesMatch(fixture, 'im2col-fixture.py', 'im2col-torch113.json'));
