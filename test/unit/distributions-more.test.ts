// Uniform, Exponential, Laplace, MultivariateNormal, Independent and kl_divergence (torch/distributions),
// run in a real Pyodide on our torch and compared with real PyTorch 1.13 (test/unit/distributions-more-torch113.json,
// written by distributions-more-fixture.py, which is also the script run here): seeded draws, densities,
// moments, reprs, gradients and argument errors.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('the added distributions and their KL divergences are those of PyTorch 1.13', () =>
  assertCasesMatch(fixture, 'distributions-more-fixture.py', 'distributions-more-torch113.json'));
