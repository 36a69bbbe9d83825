// Input gradients whose last bits depend on PyTorch 1.13's float32 backward kernels, run in a real Pyodide on
// our torch and compared bit for bit (float.hex) with real PyTorch (test/unit/activation-grad-bits-torch113.json,
// written by activation-grad-bits-fixture.py, which is also the script run here): the activations' backward
// kernels (engine/ops/activationGradBits.ts), batch_norm's per-plane sums (engine/ops/batchnormBits.ts), and
// var, std, norm, logsumexp and normalize (engine/ops/reduce.ts, expand's backward in engine/ops/view.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureRunner, pytorchResults } from './pyodide-fixture';

interface Case {
  case: string;
  result?: unknown;
  error?: string;
}

const fixture = fixtureRunner();
const expected = pytorchResults('activation-grad-bits-torch113.json') as Case[];
let actual: Case[] | undefined;

for (const [k, want] of expected.entries()) {
  test(`${want.case}: PyTorch 1.13's bits`, () => {
    actual ??= fixture.run('activation-grad-bits-fixture.py') as Case[];
    assert.equal(actual[k].case, want.case);
    assert.deepEqual(actual[k], want);
  });
}
