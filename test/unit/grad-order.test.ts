// Gradients whose last bits depend on PyTorch 1.13's order of work, run in a real Pyodide on our torch and
// compared bit for bit (float.hex) with real PyTorch (test/unit/grad-order-torch113.json, written by
// grad-order-fixture.py, which is also the script run here): mm's backward for column-major operands
// (engine/ops/matmul.ts), the engine's node order that decides how a tensor's gradients add up
// (engine/autograd.ts topologicalOrder), tanh's and sigmoid's second derivatives (engine/ops/activation.ts)
// the grad_fn of derivatives through unsqueeze / squeeze (engine/ops/view.ts), gelu's backward
// (engine/ops/activationBits.ts) and layer_norm's (engine/ops/layernorm.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureRunner, pytorchResults } from './pyodide-fixture';

interface Case {
  case: string;
  result?: unknown;
  error?: string;
}

const fixture = fixtureRunner();
const expected = pytorchResults('grad-order-torch113.json') as Case[];
let actual: Case[] | undefined;

for (const [k, want] of expected.entries()) {
  test(`${want.case}: PyTorch 1.13's bits`, () => {
    actual ??= fixture.run('grad-order-fixture.py') as Case[];
    assert.equal(actual[k].case, want.case);
    assert.deepEqual(actual[k], want);
  });
}
