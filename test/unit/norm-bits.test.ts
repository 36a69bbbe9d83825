// float32 2-norms (torch.norm, Tensor.norm, linalg.norm / vector_norm) and clip_grad_norm_'s total, run in a
// real Pyodide on our torch and compared bit for bit with real PyTorch (norm-bits-torch113.json, written by
// norm-bits-fixture.py, which is also the script run here): the vectorized row order and its tail, other dims,
// size-1 dims, frobenius_norm over two dims (engine/ops/normKernels.ts, reduce.ts frobenius_norm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureRunner, pytorchResults } from './pyodide-fixture';

interface Case {
  case: string;
  result?: unknown;
  error?: string;
}

const fixture = fixtureRunner();
const expected = pytorchResults('norm-bits-torch113.json') as Case[];
let actual: Case[] | undefined;

for (const [k, want] of expected.entries()) {
  test(`${want.case}: PyTorch 1.13's bits`, () => {
    actual ??= fixture.run('norm-bits-fixture.py') as Case[];
    assert.equal(actual[k].case, want.case);
    assert.deepEqual(actual[k], want);
  });
}
