// torch.dist / Tensor.dist as PyTorch records it (one DistBackward0 node over both inputs), run in a real
// Pyodide on our torch and compared with real PyTorch 1.13 (test/unit/dist-torch113.json, written by
// dist-fixture.py, which is also the script run here): values, gradients with broadcasting, second order.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('torch.dist gives PyTorch 1.13 values, node and gradients', () =>
  assertCasesMatch(fixture, 'dist-fixture.py', 'dist-torch113.json'));
