// Module.register_backward_hook (the non-full hook PyTorch 1.13 puts on the grad_fn of a module's output:
// grad_input in that node's order, replacements, errors, deprecation warnings), grad_fn.register_hook, a
// CPU-only PyTorch's errors for CUDA and the other devices, and storage shared in place (t_()/transpose_()
// strides, split/chunk/unbind pieces, .numpy() of non-contiguous tensors), run in a real Pyodide on our torch
// and numpy and compared with real PyTorch 1.13 (test/unit/hooks-devices-views-torch113.json, written by
// hooks-devices-views-fixture.py, which is also the script run here).
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner({ numpy: true });

test('non-full backward hooks, node hooks, device errors and in-place strides are those of PyTorch 1.13', () =>
  assertCasesMatch(fixture, 'hooks-devices-views-fixture.py', 'hooks-devices-views-torch113.json'));
