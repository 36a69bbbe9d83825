// Gradients of softmax, log_softmax and the losses a training step backpropagates, run in a real Pyodide on
// our torch and compared bit for bit (float.hex) with real PyTorch (test/unit/loss-grad-bits-torch113.json,
// written by loss-grad-bits-fixture.py, which is also the script run here): softmax's and log_softmax's
// kernels over the last dim and over another dim (engine/ops/softmaxKernels.ts), cross_entropy's and
// nll_loss's input gradient (engine/ops/classLogProbs.ts) and the pointwise losses' float32 steps
// (engine/ops/lossGradKernels.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureRunner, pytorchResults } from './pyodide-fixture';

interface Case {
  case: string;
  result?: unknown;
  error?: string;
}

const fixture = fixtureRunner();
const expected = pytorchResults('loss-grad-bits-torch113.json') as Case[];
let actual: Case[] | undefined;

for (const [k, want] of expected.entries()) {
  test(`${want.case}: PyTorch 1.13's bits`, () => {
    actual ??= fixture.run('loss-grad-bits-fixture.py') as Case[];
    assert.equal(actual[k].case, want.case);
    assert.deepEqual(actual[k], want);
  });
}
