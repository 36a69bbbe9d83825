// The calls the StepByStep (Godoy) and IBM "Deep Neural Networks with PyTorch" conformance files found
// missing or wrong, run in a real Pyodide on our torch and numpy and compared with real PyTorch 1.13 and
// NumPy 1.24 (test/unit/stepbystep-ibm-gaps-torch113.json, written by stepbystep-ibm-gaps-fixture.py, which
// is also the script run here): np.apply_along_axis, np.unravel_index, np.histogram, a tensor indexed by a
// data.Subset, and BCEWithLogitsLoss's result dtype for float64 logits against a float32 target.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner({ numpy: true });

test('apply_along_axis, unravel_index, histogram, Subset indices and BCE-with-logits dtypes match PyTorch 1.13', () => {
  assertCasesMatch(fixture, 'stepbystep-ibm-gaps-fixture.py', 'stepbystep-ibm-gaps-torch113.json');
});
