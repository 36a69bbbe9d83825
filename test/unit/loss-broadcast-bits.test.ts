// The pointwise losses with a target that broadcasts against the input, run in a real Pyodide on our torch and
// compared bit for bit with real PyTorch (loss-broadcast-bits-torch113.json, written by
// loss-broadcast-bits-fixture.py, which is also the script run here): losses, and both gradients summed back
// to their operands' shapes in torch.sum's order (engine/ops/loss.ts pointwiseLoss).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureRunner, pytorchResults } from './pyodide-fixture';

interface Case {
  case: string;
  result?: unknown;
  error?: string;
}

const fixture = fixtureRunner();
const expected = pytorchResults('loss-broadcast-bits-torch113.json') as Case[];
let actual: Case[] | undefined;

for (const [k, want] of expected.entries()) {
  test(`${want.case}: PyTorch 1.13's bits`, () => {
    actual ??= fixture.run('loss-broadcast-bits-fixture.py') as Case[];
    assert.equal(actual[k].case, want.case);
    assert.deepEqual(actual[k], want);
  });
}
