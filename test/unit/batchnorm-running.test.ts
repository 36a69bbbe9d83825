// BatchNorm's running mean and variance after training steps, bit for bit against real PyTorch 1.13
// (test/unit/batchnorm-running-torch113.json, written by batchnorm-running-fixture.py, which is also the script
// run here on our torch in a real Pyodide): [N, C], [N, C, L] and [N, C, H, W] input, several momentums and
// the cumulative average (momentum=None). Learners print running_mean / running_var and the state_dict.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureRunner, pytorchResults } from './pyodide-fixture';

const fixture = fixtureRunner();

test("running statistics are PyTorch's float32 values, bit for bit", () => {
  assert.deepEqual(fixture.run('batchnorm-running-fixture.py'), pytorchResults('batchnorm-running-torch113.json'));
});
