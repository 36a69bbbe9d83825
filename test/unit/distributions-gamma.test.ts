// Gamma, Chi2, Beta and Dirichlet (torch/distributions; engine/ops/gammaSampling.ts, dirichletGrad.ts) and
// torch.lgamma/digamma (engine/ops/gammaFunctions.ts), run in a real Pyodide on our torch and compared with
// real PyTorch 1.13 (test/unit/distributions-gamma-torch113.json, written by distributions-gamma-fixture.py,
// which is also the script run here): seeded draws, densities, entropies, moments, reprs, gradients, KL
// divergences and argument errors.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('the gamma-family distributions and lgamma/digamma are those of PyTorch 1.13', () =>
  assertCasesMatch(fixture, 'distributions-gamma-fixture.py', 'distributions-gamma-torch113.json'));
