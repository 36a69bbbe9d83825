// Order statistics and binning (kthvalue, mode, cummax/cummin, logcumsumexp, quantile, histc, searchsorted,
// bucketize, isin, unique over a dim, unique_consecutive, take_along_dim), torch.cdist for every p with its
// gradients, F.cosine_similarity's graph, matrix norms and the layout helpers (meshgrid 'xy', flip over
// several dims, tensor_split, rot90, kron, block_diag, fill_diagonal_, combinations, tril_indices,
// promote_types), run in a real Pyodide on our torch and compared with real PyTorch 1.13
// (order-stats-torch113.json, written by order-stats-fixture.py, which is also the script run here).
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('order statistics, binning, cdist and layout helpers give PyTorch 1.13 values, gradients and errors', () =>
  assertCasesMatch(fixture, 'order-stats-fixture.py', 'order-stats-torch113.json'));
