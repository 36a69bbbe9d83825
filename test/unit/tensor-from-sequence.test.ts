// torch.tensor of data holding tensors or numpy values (torch/_tensor_base.py: the dtype promoted over every
// element, a tensor element as one scalar) and list indices read as tuples (torch/_tensor_views.py), run in a
// real Pyodide on our torch and numpy and compared with real PyTorch 1.13
// (test/unit/tensor-from-sequence-torch113.json, written by tensor-from-sequence-fixture.py, which is also
// the script run here).
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner({ numpy: true });

test('torch.tensor infers the dtype of tensors and numpy values in a list, and list indices, as PyTorch 1.13', () =>
  assertCasesMatch(fixture, 'tensor-from-sequence-fixture.py', 'tensor-from-sequence-torch113.json'));
