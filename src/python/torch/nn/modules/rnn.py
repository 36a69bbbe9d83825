"""nn.RNN, nn.LSTM, nn.GRU and their one-step cells, as PyTorch 1.13's torch/nn/modules/rnn.py: parameters
named and ordered as PyTorch's (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, the _reverse ones,
then layer 1, ...), every one drawn from U(-1/sqrt(hidden), 1/sqrt(hidden)) in that order (so a seeded
model has PyTorch's numbers), the same argument and shape checks with PyTorch's messages, and unbatched
(2-D) input. LSTM(proj_size=P) adds weight_hr_l{k} (P x hidden) after each layer-direction's biases: h0, the
output and the next layer's input have P features (times the directions), c0 keeps hidden_size. The
recurrence itself is the engine's (engine/nn/rnn.ts, and engine/nn/rnnPacked.ts for a PackedSequence), which
follows ATen's CPU order."""

import math
import numbers
import warnings

from ..._engine import E

from ..._tensor import wrap
from ... import _creation
from .. import init
from ..parameter import Parameter
from .module import Module

_GATES = {'LSTM': 4, 'GRU': 3, 'RNN_TANH': 1, 'RNN_RELU': 1}


def _check_dropout(dropout, num_layers):
    if not isinstance(dropout, numbers.Number) or not 0 <= dropout <= 1 or isinstance(dropout, bool):
        raise ValueError(
            'dropout should be a number in range [0, 1] representing the probability of an element being zeroed'
        )
    if dropout > 0 and num_layers == 1:
        warnings.warn(
            'dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects '
            f'num_layers greater than 1, but got dropout={dropout} and num_layers={num_layers}'
        )


class RNNBase(Module):
    def __init__(
        self,
        mode,
        input_size,
        hidden_size,
        num_layers=1,
        bias=True,
        batch_first=False,
        dropout=0.0,
        bidirectional=False,
        proj_size=0,
        device=None,
        dtype=None,
    ):
        super().__init__()
        _creation.check_factory_kwargs(device, dtype)
        self.mode = mode
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.bias = bias
        self.batch_first = batch_first
        self.dropout = float(dropout)
        self.bidirectional = bidirectional
        self.proj_size = proj_size
        _check_dropout(dropout, num_layers)
        if proj_size < 0:
            raise ValueError('proj_size should be a positive integer or zero to disable projections')
        if proj_size >= hidden_size:
            raise ValueError('proj_size has to be smaller than hidden_size')
        if mode not in _GATES:
            raise ValueError('Unrecognized RNN mode: ' + mode)
        gate_size = _GATES[mode] * hidden_size
        directions = 2 if bidirectional else 1
        real_hidden_size = self._real_hidden_size()
        self._flat_weights_names = []
        self._all_weights = []
        for layer in range(num_layers):
            for direction in range(directions):
                layer_input_size = input_size if layer == 0 else real_hidden_size * directions
                shapes = [(gate_size, layer_input_size), (gate_size, real_hidden_size)]
                names = ['weight_ih_l{}{}', 'weight_hh_l{}{}']
                if bias:
                    shapes += [(gate_size,), (gate_size,)]
                    names += ['bias_ih_l{}{}', 'bias_hh_l{}{}']
                if proj_size > 0:
                    shapes.append((proj_size, hidden_size))
                    names.append('weight_hr_l{}{}')
                suffix = '_reverse' if direction == 1 else ''
                names = [n.format(layer, suffix) for n in names]
                for name, shape in zip(names, shapes):
                    setattr(self, name, Parameter(_creation.empty(*shape)))
                self._flat_weights_names.extend(names)
                self._all_weights.append(names)
        self.reset_parameters()

    def _real_hidden_size(self):
        """The features of h (and of each direction's output): proj_size with projections."""
        return self.proj_size if self.proj_size > 0 else self.hidden_size

    @property
    def _flat_weights(self):
        return [getattr(self, n, None) for n in self._flat_weights_names]

    def __getstate__(self):
        # PyTorch keeps _flat_weights as an attribute and its RNNs read it after unpickling, so a whole model
        # saved here (torch.save(model)) runs in real PyTorch; here the property above takes precedence.
        state = super().__getstate__()
        state['_flat_weights'] = self._flat_weights
        return state

    @property
    def all_weights(self):
        return [[getattr(self, n) for n in names] for names in self._all_weights]

    def flatten_parameters(self):
        """cuDNN packs the weights into one buffer; on the CPU there is nothing to do."""

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    # ---- PyTorch's checks, in its order and words ----------------------------------------------------
    def check_input(self, input, batch_sizes=None):
        expected_input_dim = 2 if batch_sizes is not None else 3
        if input.dim() != expected_input_dim:
            raise RuntimeError(f'input must have {expected_input_dim} dimensions, got {input.dim()}')
        if self.input_size != input.size(-1):
            raise RuntimeError(
                f'input.size(-1) must be equal to input_size. Expected {self.input_size}, got {input.size(-1)}'
            )

    def get_expected_hidden_size(self, input, batch_sizes=None):
        if batch_sizes is not None:
            mini_batch = int(batch_sizes[0])
        else:
            mini_batch = input.size(0) if self.batch_first else input.size(1)
        directions = 2 if self.bidirectional else 1
        return (self.num_layers * directions, mini_batch, self._real_hidden_size())

    def check_hidden_size(self, hx, expected_hidden_size, msg='Expected hidden size {}, got {}'):
        if tuple(hx.size()) != expected_hidden_size:
            raise RuntimeError(msg.format(expected_hidden_size, list(hx.size())))

    def check_forward_args(self, input, hidden, batch_sizes=None):
        self.check_input(input, batch_sizes)
        self.check_hidden_size(hidden, self.get_expected_hidden_size(input, batch_sizes))

    def permute_hidden(self, hx, permutation):
        if permutation is None:
            return hx
        return hx.index_select(1, permutation)

    def _packed_forward(self, packed, hx, states):
        """PyTorch's forward for a PackedSequence: the state in the packed (sorted) order, the recurrence over
        the packed data (engine/nn/rnnPacked.ts), the output packed again and the state back in the caller's
        order. `states(hx)` splits hx into the engine's list (h) or (h, c)."""
        from ..utils.rnn import PackedSequence

        data, batch_sizes, sorted_indices, unsorted_indices = packed
        if hx is None:
            batch = int(batch_sizes[0])
            zeros = self._zeros(data, batch, self._real_hidden_size())
            hx = (zeros, self._zeros(data, batch)) if self.mode == 'LSTM' else zeros
        else:
            hx = self.permute_hidden(hx, sorted_indices)
        self.check_forward_args(data, hx, batch_sizes)
        result = E.rnn_packed(
            self.mode,
            data._t,
            batch_sizes.tolist(),
            [t._t for t in states(hx)],
            [w._t for w in self._flat_weights],
            bool(self.bias),
            self.num_layers,
            self.dropout,
            self.training,
            bool(self.bidirectional),
        )
        output, *hidden = [wrap(t) for t in result]
        hidden = tuple(hidden) if self.mode == 'LSTM' else hidden[0]
        return PackedSequence(output, batch_sizes, sorted_indices, unsorted_indices), self.permute_hidden(
            hidden, unsorted_indices
        )

    # ---- forward -------------------------------------------------------------------------------------
    def _batched(self, input):
        """(input with a batch dimension, whether it had one, the batch size), as PyTorch's forward starts."""
        try:
            dims = input.dim()
        except AttributeError:
            raise TypeError(f'{self._get_name()}.forward() expects a Tensor, not {type(input).__name__}') from None
        is_batched = dims == 3
        if not is_batched:
            input = input.unsqueeze(0 if self.batch_first else 1)
        return input, is_batched, input.size(0) if self.batch_first else input.size(1)

    def _zeros(self, input, batch, size=None):
        directions = 2 if self.bidirectional else 1
        size = self.hidden_size if size is None else size
        return _creation.zeros(self.num_layers * directions, batch, size, dtype=input.dtype)

    def _run(self, input, states):
        """torch._VF.rnn_tanh / rnn_relu / lstm / gru: (output, h_n) or (output, h_n, c_n)."""
        result = E.rnn(
            self.mode,
            input._t,
            [s._t for s in states],
            [w._t for w in self._flat_weights],
            bool(self.bias),
            self.num_layers,
            self.dropout,
            self.training,
            bool(self.bidirectional),
            bool(self.batch_first),
        )
        return [wrap(t) for t in result]

    def extra_repr(self):
        s = f'{self.input_size}, {self.hidden_size}'
        if self.proj_size != 0:
            s += f', proj_size={self.proj_size}'
        if self.num_layers != 1:
            s += f', num_layers={self.num_layers}'
        if self.bias is not True:
            s += f', bias={self.bias}'
        if self.batch_first is not False:
            s += f', batch_first={self.batch_first}'
        if self.dropout != 0:
            s += f', dropout={self.dropout}'
        if self.bidirectional is not False:
            s += f', bidirectional={self.bidirectional}'
        return s


def _is_packed(input):
    from ..utils.rnn import PackedSequence

    return isinstance(input, PackedSequence)


def _single_state_forward(self, input, hx=None):
    """RNN's and GRU's forward: one hidden state h."""
    if _is_packed(input):
        return self._packed_forward(input, hx, lambda h: [h])
    input, is_batched, batch = self._batched(input)
    if hx is not None:
        if not is_batched:
            if hx.dim() != 2:
                raise RuntimeError(f'For unbatched 2-D input, hx should also be 2-D but got {hx.dim()}-D tensor')
            hx = hx.unsqueeze(1)
        elif hx.dim() != 3:
            raise RuntimeError(f'For batched 3-D input, hx should also be 3-D but got {hx.dim()}-D tensor')
    else:
        hx = self._zeros(input, batch)
    self.check_forward_args(input, hx)
    output, hidden = self._run(input, [hx])
    if not is_batched:
        output = output.squeeze(0 if self.batch_first else 1)
        hidden = hidden.squeeze(1)
    return output, hidden


class RNN(RNNBase):
    forward = _single_state_forward

    def __init__(self, *args, **kwargs):
        if 'proj_size' in kwargs:
            raise ValueError('proj_size argument is only supported for LSTM, not RNN or GRU')
        nonlinearity = kwargs.pop('nonlinearity', 'tanh')
        if nonlinearity == 'tanh':
            mode = 'RNN_TANH'
        elif nonlinearity == 'relu':
            mode = 'RNN_RELU'
        else:
            raise ValueError(f"Unknown nonlinearity '{nonlinearity}'")
        self.__dict__['nonlinearity'] = nonlinearity
        super().__init__(mode, *args, **kwargs)


class GRU(RNNBase):
    forward = _single_state_forward

    def __init__(self, *args, **kwargs):
        if 'proj_size' in kwargs:
            raise ValueError('proj_size argument is only supported for LSTM, not RNN or GRU')
        super().__init__('GRU', *args, **kwargs)


class LSTM(RNNBase):
    def __init__(self, *args, **kwargs):
        super().__init__('LSTM', *args, **kwargs)

    def get_expected_cell_size(self, input, batch_sizes=None):
        # c keeps hidden_size features even with projections.
        if batch_sizes is not None:
            mini_batch = int(batch_sizes[0])
        else:
            mini_batch = input.size(0) if self.batch_first else input.size(1)
        directions = 2 if self.bidirectional else 1
        return (self.num_layers * directions, mini_batch, self.hidden_size)

    def check_forward_args(self, input, hidden, batch_sizes=None):
        self.check_input(input, batch_sizes)
        expected = self.get_expected_hidden_size(input, batch_sizes)
        self.check_hidden_size(hidden[0], expected, 'Expected hidden[0] size {}, got {}')
        self.check_hidden_size(
            hidden[1], self.get_expected_cell_size(input, batch_sizes), 'Expected hidden[1] size {}, got {}'
        )

    def permute_hidden(self, hx, permutation):
        if permutation is None:
            return hx
        return hx[0].index_select(1, permutation), hx[1].index_select(1, permutation)

    def forward(self, input, hx=None):
        if _is_packed(input):
            return self._packed_forward(input, hx, lambda h: [h[0], h[1]])
        input, is_batched, batch = self._batched(input)
        if hx is None:
            hx = (self._zeros(input, batch, self._real_hidden_size()), self._zeros(input, batch))
        elif is_batched:
            if hx[0].dim() != 3 or hx[1].dim() != 3:
                raise RuntimeError(
                    'For batched 3-D input, hx and cx should also be 3-D but got '
                    f'({hx[0].dim()}-D, {hx[1].dim()}-D) tensors'
                )
        else:
            if hx[0].dim() != 2 or hx[1].dim() != 2:
                raise RuntimeError(
                    'For unbatched 2-D input, hx and cx should also be 2-D but got '
                    f'({hx[0].dim()}-D, {hx[1].dim()}-D) tensors'
                )
            hx = (hx[0].unsqueeze(1), hx[1].unsqueeze(1))
        self.check_forward_args(input, hx)
        output, h, c = self._run(input, [hx[0], hx[1]])
        if not is_batched:
            output = output.squeeze(0 if self.batch_first else 1)
            h, c = h.squeeze(1), c.squeeze(1)
        return output, (h, c)


from .rnn_cell import RNNCellBase, RNNCell, LSTMCell, GRUCell  # noqa: E402

__all__ = ['RNNBase', 'RNN', 'LSTM', 'GRU', 'RNNCellBase', 'RNNCell', 'LSTMCell', 'GRUCell']
