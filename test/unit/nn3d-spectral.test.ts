// nn.Conv3d, nn.ConvTranspose3d, the 3-D pooling layers and nn.utils.spectral_norm / remove_spectral_norm,
// run in a real Pyodide on our torch and compared with real PyTorch 1.13 (test/unit/nn3d-spectral-torch113.json,
// written by nn3d-spectral-fixture.py, which is also the script run here): seeded weights, outputs, gradients,
// power-iteration buffers, state_dict keys, reprs and errors.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('3-D convolution and pooling layers and spectral_norm are those of PyTorch 1.13', () =>
  assertCasesMatch(fixture, 'nn3d-spectral-fixture.py', 'nn3d-spectral-torch113.json'));
