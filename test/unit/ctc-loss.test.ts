// F.ctc_loss and nn.CTCLoss, run in a real Pyodide on our torch and compared with real PyTorch 1.13
// (test/unit/ctc-loss-torch113.json, written by ctc-loss-fixture.py, which is also the script run here): losses
// for every reduction and target layout, infinite losses and zero_infinity, gradients, grad_fns and errors.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('F.ctc_loss and nn.CTCLoss are those of PyTorch 1.13', () =>
  assertCasesMatch(fixture, 'ctc-loss-fixture.py', 'ctc-loss-torch113.json'));
