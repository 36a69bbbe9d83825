// torch.channel_shuffle / F.channel_shuffle / nn.ChannelShuffle (ShuffleNet's shuffle) as PyTorch 1.13 has it:
// the channels (dim 1) of [N, C, *] split into `groups` rows of C / groups and read column by column, any
// dtype. PyTorch 1.13's derivatives.yaml marks it not_implemented, so an input that requires grad gives the
// output a NotImplemented node and backward through it raises; learners' ShuffleNet code that trains writes
// the shuffle as view/transpose/view instead, which our view ops differentiate.
import { pyError } from '../errors';
import { needsGrad } from '../autograd';
import { Tensor } from '../tensor';
import { allocate } from '../buffers';
import { fmtShape } from '../shape';
import { notImplemented } from './modulo';

export function channel_shuffle(x: Tensor, groups: number): Tensor {
  if (x.ndim <= 2) {
    throw pyError(
      'RuntimeError',
      `channel_shuffle expects input with > 2 dims, but got input with sizes ${fmtShape(x.shape)}`,
    );
  }
  if (groups <= 0) {
    throw pyError('RuntimeError', `Number of groups to divide channels in must be positive. Value of groups:${groups}`);
  }
  const c = x.shape[1];
  if (c % groups !== 0) {
    throw pyError(
      'RuntimeError',
      `Number of channels must be divisible by groups. Got ${c} channels and ${groups} groups.`,
    );
  }
  const inner = x.shape.slice(2).reduce((a, b) => a * b, 1);
  const perGroup = c / groups;
  const n = x.data.length;
  const X = x.data;
  const out = allocate(x.dtype, n);
  // Output channel j is input channel (j % groups) * perGroup + floor(j / groups): view [N, g, C / g, *],
  // swap the two channel axes, view back.
  for (let start = 0; n > 0 && start < n; start += c * inner) {
    for (let j = 0; j < c; j++) {
      const from = start + ((j % groups) * perGroup + Math.floor(j / groups)) * inner;
      out.set(X.subarray(from, from + inner), start + j * inner);
    }
  }
  const node = needsGrad(x) ? notImplemented('channel_shuffle', [x], '') : null;
  return new Tensor(out, x.shape, x.dtype, node !== null, node);
}
