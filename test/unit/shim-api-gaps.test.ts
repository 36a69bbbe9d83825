// The API of learners' tutorial files that our torch once lacked (issue 9), run in a real Pyodide on our
// torch and compared with real PyTorch 1.13 (test/unit/api-gaps-torch113.json, written by
// api-gaps-fixture.py, which is also the script run here): creation signatures (size=, out=), out= on math
// functions, range/list indexing, axis=/keepdims=, torch.linalg.norm, scatter and bincount, grad_fn classes
// and next_functions, class module paths, torch.autograd.Function, t_(), arange's values, BatchNorm1d.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('tutorial API gaps give PyTorch 1.13 values, gradients, names and errors', () =>
  assertCasesMatch(fixture, 'api-gaps-fixture.py', 'api-gaps-torch113.json'));
