// nn.ZeroPad2d and nn.ConstantPad1d/2d/3d (torch/nn/modules/padding.py over F.pad), run in a real Pyodide on
// our torch and compared with real PyTorch 1.13 (test/unit/padding-modules-torch113.json, written by
// padding-modules-fixture.py, which is also the script run here): reprs, padded values, gradients.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('constant and zero padding layers are those of PyTorch 1.13', () =>
  assertCasesMatch(fixture, 'padding-modules-fixture.py', 'padding-modules-torch113.json'));
