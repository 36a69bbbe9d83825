// nn.LocalResponseNorm / F.local_response_norm composed as PyTorch 1.13 composes them, run in a real Pyodide on
// our torch and compared with real PyTorch (local-response-norm-torch113.json, written by
// local-response-norm-fixture.py, which is also the script run here): values, gradients, repr and errors.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('LocalResponseNorm gives PyTorch 1.13 values, gradients and errors', () =>
  assertCasesMatch(fixture, 'local-response-norm-fixture.py', 'local-response-norm-torch113.json'));
