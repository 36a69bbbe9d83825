#!/usr/bin/env python3
"""Writes test/unit/packed-sequence-torch113.json: what real PyTorch 1.13 gives for packed sequences:
pack_padded_sequence (sorted and enforce_sorted=False, batch first and time major, its data's grad_fn, the
batch sizes and permutations, its errors), pad_packed_sequence (total_length, padding_value, lengths in the
caller's order, grad_fn names), pack_sequence, unpack_sequence, unpad_sequence, and nn.RNN / nn.GRU / nn.LSTM
run on a PackedSequence (one and two layers, bidirectional, with and without an initial state in the caller's
order): outputs, final states and the gradients of the padded input.
test/unit/packed-sequence.test.ts runs this same file on our torch in Pyodide and compares.

    /usr/bin/python3 test/unit/packed-sequence-fixture.py > test/unit/packed-sequence-torch113.json
"""

import torch
from torch import nn
from torch.nn.utils.rnn import (
    pack_padded_sequence,
    pack_sequence,
    pad_packed_sequence,
    pad_sequence,
    unpack_sequence,
    unpad_sequence,
)

from fixture_cases import dump, record


def padded_input():
    torch.manual_seed(0)
    return torch.randn(3, 4, 2, requires_grad=True)


def packed_fields(p):
    return [p.data, p.batch_sizes, p.sorted_indices, p.unsorted_indices, p.data.grad_fn.name(), type(p).__name__]


record(
    'pack batch_first, unsorted',
    lambda: packed_fields(pack_padded_sequence(padded_input(), [4, 2, 3], batch_first=True, enforce_sorted=False)),
)
record(
    'pack time major, sorted, tensor lengths',
    lambda: packed_fields(pack_padded_sequence(padded_input().transpose(0, 1), torch.tensor([4, 3, 3]))),
)


def pad_round_trip():
    p = pack_padded_sequence(padded_input(), [4, 2, 3], batch_first=True, enforce_sorted=False)
    out, lengths = pad_packed_sequence(p, batch_first=True)
    tm, tm_lengths = pad_packed_sequence(p, padding_value=-1.0, total_length=6)
    return [out, lengths, out.grad_fn.name(), tm, tm_lengths, tm.grad_fn.name()]


record('pad_packed_sequence round trip', pad_round_trip)


def sequences():
    torch.manual_seed(2)
    return [torch.randn(4, 2), torch.randn(3, 2), torch.randn(1, 2)]


record('pack_sequence sorted', lambda: packed_fields(pack_sequence([s.requires_grad_() for s in sequences()])))
record(
    'pack_sequence unsorted then unpack',
    lambda: unpack_sequence(pack_sequence([sequences()[1], sequences()[0], sequences()[2]], enforce_sorted=False)),
)
record('unpad_sequence', lambda: unpad_sequence(pad_sequence(sequences()), torch.tensor([4, 3, 1])))


def run_layer(kind, layers, bidirectional, with_state):
    x = padded_input()
    p = pack_padded_sequence(x, [4, 2, 3], batch_first=True, enforce_sorted=False)
    torch.manual_seed(1)
    layer = {'rnn': nn.RNN, 'gru': nn.GRU, 'lstm': nn.LSTM}[kind](
        2, 3, num_layers=layers, bidirectional=bidirectional, batch_first=True
    )
    states = layers * (2 if bidirectional else 1)
    h0 = torch.arange(states * 9.0).view(states, 3, 3) / 20
    hx = None if not with_state else (h0, -h0) if kind == 'lstm' else h0
    out, h = layer(p, hx)
    padded, lengths = pad_packed_sequence(out, batch_first=True)
    h_n = h[0] if kind == 'lstm' else h
    (padded.sum() + h_n.pow(2).sum()).backward()
    grads = [w.grad for w in layer.parameters()]
    return [
        type(out).__name__,
        out.data.grad_fn.name(),
        out.batch_sizes,
        out.sorted_indices,
        padded,
        lengths,
        h,
        x.grad,
        grads,
    ]


for kind in ['rnn', 'gru', 'lstm']:
    for layers, bidirectional, with_state in [(1, False, False), (2, True, False), (1, True, True)]:
        record(
            f'{kind} layers={layers} bidirectional={bidirectional} state={with_state}',
            lambda: run_layer(kind, layers, bidirectional, with_state),
        )

x = padded_input()
record('pack errors: unsorted lengths', lambda: pack_padded_sequence(x, [2, 3, 4], batch_first=True))
record('pack errors: lengths count', lambda: pack_padded_sequence(x, [4, 3], batch_first=True))
record('pack errors: a zero length', lambda: pack_padded_sequence(x, [4, 3, 0], batch_first=True))
record(
    'pad errors: total_length',
    lambda: pad_packed_sequence(pack_padded_sequence(x, [4, 3, 1], batch_first=True), total_length=2),
)
record(
    'packed input with a wrong feature size', lambda: nn.GRU(3, 2)(pack_padded_sequence(x, [4, 3, 1], batch_first=True))
)

dump()
