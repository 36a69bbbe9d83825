// What the Zero to Mastery conformance files (test/conformance/ztm_*.py) found missing or worded differently
// in our torch, run in a real Pyodide on our torch and compared with real PyTorch 1.13
// (test/unit/ztm-gaps-torch113.json, written by ztm-gaps-fixture.py, which is also the script run here): the
// deprecated torch.range, matmul/mm/bmm/linear shape errors in PyTorch's own words, convolutions fed integer
// images, lists of 0-d NumPy arrays into torch.tensor, pprint of a state_dict.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner({ numpy: true });

test('Zero to Mastery gaps give PyTorch 1.13 values, warnings, layouts and errors', () =>
  assertCasesMatch(fixture, 'ztm-gaps-fixture.py', 'ztm-gaps-torch113.json'));
