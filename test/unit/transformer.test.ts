// nn.MultiheadAttention, F.multi_head_attention_forward and the nn.Transformer family against real PyTorch
// 1.13: transformer-fixture.py runs in a real Pyodide on our torch and in Debian's PyTorch
// (transformer-torch113.json): seeded initial values, reprs and parameter names, decoder layers and the whole
// nn.Transformer with masks, norm_first, module and callable activations, unbatched input, 3-D attn_masks,
// add_bias_kv, separate q/k/v weights, dropout draws, gradients, and PyTorch's error messages.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const runner = fixtureRunner();

test('attention and transformer modules give PyTorch 1.13 values, gradients, reprs and errors', () => {
  assertCasesMatch(runner, 'transformer-fixture.py', 'transformer-torch113.json');
});
