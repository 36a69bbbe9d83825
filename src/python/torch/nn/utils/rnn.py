"""torch.nn.utils.rnn: pad_sequence, as ATen's pad_sequence does it (a tensor filled with padding_value, each
sequence copied into its slot, so the result's grad_fn is CopySlices), and packed sequences as PyTorch 1.13
builds them: pack_padded_sequence (the engine gathers the rows, PackPaddedSequenceBackward0),
pad_packed_sequence (runs of steps copied into a padded tensor, as ATen's _pad_packed_sequence does),
pack_sequence, unpack_sequence, unpad_sequence; the recurrent layers run PackedSequence input."""

from collections import namedtuple

from ..._engine import E
from ..._tensor import Tensor, wrap
from ..._unsupported import module_getattr


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


PackedSequence_ = namedtuple('PackedSequence_', ['data', 'batch_sizes', 'sorted_indices', 'unsorted_indices'])


class PackedSequence(PackedSequence_):
    """PyTorch's PackedSequence: the rows of every sequence step by step (longest first), how many sequences
    each step holds, and the permutations to and from the caller's batch order (None when it was sorted)."""

    def __new__(cls, data, batch_sizes=None, sorted_indices=None, unsorted_indices=None):
        if unsorted_indices is None:
            unsorted_indices = invert_permutation(sorted_indices)
        if batch_sizes is None:
            assert isinstance(data, (list, tuple)) and len(data) == 2
            data, batch_sizes = data
        return super().__new__(cls, data, batch_sizes, sorted_indices, unsorted_indices)

    def to(self, *args, **kwargs):
        data = self.data.to(*args, **kwargs)
        if data is self.data:
            return self
        return type(self)(data, self.batch_sizes, self.sorted_indices, self.unsorted_indices)

    def cpu(self, *args, **kwargs):
        return self

    def double(self):
        return self.to(dtype=_torch().double)

    def float(self):
        return self.to(dtype=_torch().float)

    def long(self):
        return self.to(dtype=_torch().long)

    @property
    def is_cuda(self):
        return self.data.is_cuda

    def is_pinned(self):
        return False


def _torch():
    import torch

    return torch


def invert_permutation(permutation):
    if permutation is None:
        return None
    torch = _torch()
    output = torch.empty_like(permutation)
    output.scatter_(0, permutation, torch.arange(0, permutation.numel()))
    return output


def pack_padded_sequence(input, lengths, batch_first=False, enforce_sorted=True):
    torch = _torch()
    lengths = torch.as_tensor(lengths, dtype=torch.int64)
    if enforce_sorted:
        sorted_indices = None
    else:
        lengths, sorted_indices = torch.sort(lengths, descending=True)
        input = input.index_select(0 if batch_first else 1, sorted_indices)
    if lengths.dim() != 1:
        raise RuntimeError(f'lengths should be a 1D CPU int64 tensor, but got {lengths.dim()}D CPU Long tensor')
    data, batch_sizes = E.pack_padded_sequence(input._t, lengths.tolist(), bool(batch_first))
    return PackedSequence(wrap(data), wrap(batch_sizes), sorted_indices, None)


def pad_packed_sequence(sequence, batch_first=False, padding_value=0.0, total_length=None):
    torch = _torch()
    data, batch_sizes = sequence.data, sequence.batch_sizes
    sizes = batch_sizes.tolist()
    max_seq_length = len(sizes)
    if total_length is not None:
        if total_length < max_seq_length:
            raise ValueError(
                'Expected total_length to be at least the length of the longest sequence in input, but got '
                f'total_length={total_length} and max sequence length being {max_seq_length}'
            )
        max_seq_length = total_length
    # ATen's _pad_packed_sequence: a padded tensor, each run of steps with one batch size copied in.
    max_batch = sizes[0]
    trailing = tuple(data.shape[1:])
    output = torch.full((max_seq_length, max_batch) + trailing, padding_value, dtype=data.dtype)
    lengths = [0] * max_batch
    offset, prev_size, prev_i = 0, max_batch, 0
    for i in range(len(sizes) + 1):
        size = sizes[i] if i != len(sizes) else 0
        if size != prev_size:
            n = prev_size * (i - prev_i)
            output[prev_i:i, :prev_size] = data[offset : offset + n].view((i - prev_i, prev_size) + trailing)
            offset += n
            prev_i = i
        for b in range(size, prev_size):
            lengths[b] = i
        prev_size = size
    if batch_first:
        output = output.transpose(0, 1)
    lengths = torch.tensor(lengths, dtype=torch.int64)
    if sequence.unsorted_indices is not None:
        return (
            output.index_select(0 if batch_first else 1, sequence.unsorted_indices),
            lengths[sequence.unsorted_indices],
        )
    return output, lengths


def pack_sequence(sequences, enforce_sorted=True):
    lengths = _torch().as_tensor([v.size(0) for v in sequences])
    return pack_padded_sequence(pad_sequence(sequences), lengths, enforce_sorted=enforce_sorted)


def unpad_sequence(padded_sequences, lengths, batch_first=False):
    unpadded_sequences = []
    if not batch_first:
        padded_sequences.transpose_(0, 1)
    idx = _torch().arange(padded_sequences.shape[1])
    for seq, length in zip(padded_sequences, lengths):
        unpadded_sequences.append(seq[idx < length])
    return unpadded_sequences


def unpack_sequence(packed_sequences):
    padded_sequences, lengths = pad_packed_sequence(packed_sequences, batch_first=True)
    return unpad_sequence(padded_sequences, lengths, batch_first=True)


__getattr__ = module_getattr('torch.nn.utils.rnn')
