// F.pad's 'reflect', 'replicate' and 'circular' modes (src/engine/ops/padModes.ts), nn.ReflectionPad* and
// nn.ReplicationPad* and Conv1d/Conv2d padding_mode, run in a real Pyodide on our torch and compared with real
// PyTorch 1.13 (test/unit/pad-modes-torch113.json, written by pad-modes-fixture.py, which is also the script
// run here): values, grad_fn names, input gradients, errors and reprs.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('reflect, replicate and circular padding are those of PyTorch 1.13', () =>
  assertCasesMatch(fixture, 'pad-modes-fixture.py', 'pad-modes-torch113.json'));
