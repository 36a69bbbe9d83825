// Packed sequences (torch/nn/utils/rnn.py, engine/nn/rnnPacked.ts): pack_padded_sequence, pad_packed_sequence,
// pack_sequence, unpack_sequence, unpad_sequence and nn.RNN / nn.GRU / nn.LSTM over a PackedSequence, run in a
// real Pyodide on our torch and compared with real PyTorch 1.13 (test/unit/packed-sequence-torch113.json,
// written by packed-sequence-fixture.py, which is also the script run here).
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test('packed sequences and recurrent layers over them are those of PyTorch 1.13', () =>
  assertCasesMatch(fixture, 'packed-sequence-fixture.py', 'packed-sequence-torch113.json'));
