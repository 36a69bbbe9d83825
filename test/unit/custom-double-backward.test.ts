// A learner's torch.autograd.Function differentiated twice, as PyTorch 1.13 does it (the "Double Backward with
// Custom Functions" tutorial), run in a real Pyodide on our torch and compared with real PyTorch
// (custom-double-backward-torch113.json, written by custom-double-backward-fixture.py, the script run here).
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('custom Functions give PyTorch 1.13 second derivatives and once_differentiable errors', () =>
  assertCasesMatch(fixture, 'custom-double-backward-fixture.py', 'custom-double-backward-torch113.json'));
