// The data-cleaning reductions (nan_to_num, nansum, nanmean, median, nanmedian), the fused products (addmm,
// addmv, addr, baddbmm, addbmm), erfinv, the initialisers trunc_normal_, orthogonal_, sparse_ and dirac_,
// full backward hooks, torch.device('cpu:0') and the legacy tensor types, run in a real Pyodide on our torch
// and compared with real PyTorch 1.13 (nan-fused-init-torch113.json, written by nan-fused-init-fixture.py,
// which is also the script run here): values, gradients, grad_fn names and errors.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('NaN reductions, fused products and initialisers give PyTorch 1.13 values, gradients and errors', () =>
  assertCasesMatch(fixture, 'nan-fused-init-fixture.py', 'nan-fused-init-torch113.json'));
