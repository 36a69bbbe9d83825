"""torch.nn.utils.rnn: pad_sequence, as ATen's pad_sequence does it (a tensor filled with padding_value, each
sequence copied into its slot, so the result's grad_fn is CopySlices). Packed sequences are not supported:
they raise NotImplementedError naming the feature, with padding as the way round."""

from ..._tensor import Tensor
from ..._unsupported import module_getattr, unsupported


def pad_sequence(sequences, batch_first=False, padding_value=0.0):
    from ... import full, unbind

    if isinstance(sequences, Tensor):
        sequences = unbind(sequences, 0)
    sequences = list(sequences)
    if not sequences:
        raise RuntimeError('received an empty list of sequences')
    max_len = max(s.size(0) for s in sequences)
    trailing = tuple(sequences[0].shape[1:])
    shape = (len(sequences), max_len) + trailing if batch_first else (max_len, len(sequences)) + trailing
    out = full(shape, padding_value, dtype=sequences[0].dtype)
    for i, seq in enumerate(sequences):
        length = seq.size(0)
        _check_fits(seq, (length,) + trailing)
        if batch_first:
            out[i, :length, ...] = seq
        else:
            out[:length, i, ...] = seq
    return out


def _check_fits(seq, slot):
    # copy_'s broadcasting check, from the last dimension, in its words (a: the slot, b: the sequence).
    shape = tuple(seq.shape)
    for d in range(min(len(shape), len(slot)) - 1, -1, -1):
        a, b = slot[len(slot) - len(shape) + d], shape[d]
        if a != b and b != 1:
            raise RuntimeError(
                f'The size of tensor a ({a}) must match the size of tensor b ({b}) at non-singleton dimension {d}'
            )


def _packed(name):
    def refuse(*args, **kwargs):
        raise unsupported(
            f'torch.nn.utils.rnn.{name} (packed sequences)',
            'pad the batch with pad_sequence and pass the padded tensor to the RNN',
        )

    refuse.__name__ = name
    return refuse


PackedSequence = _packed('PackedSequence')
pack_padded_sequence = _packed('pack_padded_sequence')
pad_packed_sequence = _packed('pad_packed_sequence')
pack_sequence = _packed('pack_sequence')
unpack_sequence = _packed('unpack_sequence')
unpad_sequence = _packed('unpad_sequence')

__getattr__ = module_getattr('torch.nn.utils.rnn')
