// What the "Natural Language Processing with PyTorch" conformance files (test/conformance/nlpbook_*.py) found
// worded differently in our torch, run in a real Pyodide on our torch and compared with real PyTorch 1.13
// (test/unit/nlpbook-gaps-torch113.json, written by nlpbook-gaps-fixture.py, which is also the script run
// here): torch.index_select's index checks and range errors, the class-weight checks of cross_entropy and
// nll_loss, and the order topk gives tied values' indices.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner({ numpy: true });

test('NLP-with-PyTorch gaps give PyTorch 1.13 values and errors', () =>
  assertCasesMatch(fixture, 'nlpbook-gaps-fixture.py', 'nlpbook-gaps-torch113.json'));
