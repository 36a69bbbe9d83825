// F.gumbel_softmax and nn.utils.weight_norm / remove_weight_norm,
// run in a real Pyodide on our torch and compared with real PyTorch 1.13 (test/unit/gumbel-weight-norm-torch113.json,
// written by gumbel-weight-norm-fixture.py, which is also the script run here): seeded samples, weights,
// gradients and errors.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('gumbel_softmax and weight_norm are those of PyTorch 1.13', () =>
  assertCasesMatch(fixture, 'gumbel-weight-norm-fixture.py', 'gumbel-weight-norm-torch113.json'));
