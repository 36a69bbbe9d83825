// cross_entropy's and nll_loss's losses and input gradients beyond the plain (N, C) case, run in a real
// Pyodide on our torch and compared bit for bit (float.hex) with real PyTorch (class-loss-bits-torch113.json,
// written by class-loss-bits-fixture.py, which is also the script run here): label smoothing, probability
// targets, spatial (N, C, d1, ...) inputs, class weights and ignored positions (engine/ops/classLossF32.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureRunner, pytorchResults } from './pyodide-fixture';

interface Case {
  case: string;
  result?: unknown;
  error?: string;
}

const fixture = fixtureRunner();
const expected = pytorchResults('class-loss-bits-torch113.json') as Case[];
let actual: Case[] | undefined;

for (const [k, want] of expected.entries()) {
  test(`${want.case}: PyTorch 1.13's bits`, () => {
    actual ??= fixture.run('class-loss-bits-fixture.py') as Case[];
    assert.equal(actual[k].case, want.case);
    assert.deepEqual(actual[k], want);
  });
}
