// What the conformance files after yunjey/pytorch-tutorial (test/conformance/yunjey_*.py) and the mistakes
// learners make around them found different in our torch, run in a real Pyodide on our torch and compared with
// real PyTorch 1.13 (test/unit/yunjey-gaps-torch113.json, written by yunjey-gaps-fixture.py, which is also the
// script run here): the deprecated clip_grad_norm, the order of cross_entropy/nll_loss target checks, and
// batch_norm's per-tensor channel checks.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('yunjey/pytorch-tutorial gaps give PyTorch 1.13 values, warnings and errors', () =>
  assertCasesMatch(fixture, 'yunjey-gaps-fixture.py', 'yunjey-gaps-torch113.json'));
