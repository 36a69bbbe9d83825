"""nn.RNNCell, nn.LSTMCell and nn.GRUCell: one time step, for loops written by hand. PyTorch 1.13 defines
them in torch/nn/modules/rnn.py (their __module__ says so); the step is the engine's (engine/nn/rnnCells.ts)
with the same formulas as the whole-sequence layers, and the checks are ATen's, with its messages."""

import math

from ..._engine import E

from ..._tensor import wrap
from ... import _creation
from .. import init
from ..parameter import Parameter
from .module import Module


class RNNCellBase(Module):
    def __init__(self, input_size, hidden_size, bias, num_chunks, device=None, dtype=None):
        super().__init__()
        _creation.check_factory_kwargs(device, dtype)
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.bias = bias
        self.weight_ih = Parameter(_creation.empty(num_chunks * hidden_size, input_size))
        self.weight_hh = Parameter(_creation.empty(num_chunks * hidden_size, hidden_size))
        if bias:
            self.bias_ih = Parameter(_creation.empty(num_chunks * hidden_size))
            self.bias_hh = Parameter(_creation.empty(num_chunks * hidden_size))
        else:
            self.register_parameter('bias_ih', None)
            self.register_parameter('bias_hh', None)
        self.reset_parameters()

    def extra_repr(self):
        s = f'{self.input_size}, {self.hidden_size}'
        if self.bias is not True:
            s += f', bias={self.bias}'
        nonlinearity = self.__dict__.get('nonlinearity', 'tanh')
        if nonlinearity != 'tanh':
            s += f', nonlinearity={nonlinearity}'
        return s

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def _batched(self, input, hx, make_zeros):
        if input.dim() not in (1, 2):
            raise AssertionError(
                f'{type(self).__name__}: Expected input to be 1-D or 2-D but received {input.dim()}-D tensor'
            )
        is_batched = input.dim() == 2
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            hx = make_zeros(input)
        elif not is_batched:
            hx = tuple(h.unsqueeze(0) for h in hx) if isinstance(hx, tuple) else hx.unsqueeze(0)
        return input, hx, is_batched

    def _zeros(self, input):
        return _creation.zeros(input.size(0), self.hidden_size, dtype=input.dtype)

    def _step(self, mode, input, states):
        """ATen's check_rnn_cell_forward_input/hidden, then torch.rnn_tanh_cell (lstm_cell, gru_cell)."""
        if input.size(1) != self.input_size:
            raise RuntimeError(f'input has inconsistent input_size: got {input.size(1)} expected {self.input_size}')
        for k, h in enumerate(states):
            if h.size(0) != input.size(0):
                raise RuntimeError(f"Input batch size {input.size(0)} doesn't match hidden{k} batch size {h.size(0)}")
            if h.size(1) != self.hidden_size:
                raise RuntimeError(
                    f'hidden{k} has inconsistent hidden_size: got {h.size(1)}, expected {self.hidden_size}'
                )
        b_ih, b_hh = self.bias_ih, self.bias_hh
        out = E.rnn_cell(
            mode,
            input._t,
            [h._t for h in states],
            self.weight_ih._t,
            self.weight_hh._t,
            None if b_ih is None else b_ih._t,
            None if b_hh is None else b_hh._t,
        )
        return [wrap(t) for t in out]


class RNNCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, nonlinearity='tanh', device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=1, device=device, dtype=dtype)
        self.nonlinearity = nonlinearity

    def forward(self, input, hx=None):
        input, hx, is_batched = self._batched(input, hx, self._zeros)
        if self.nonlinearity == 'tanh':
            mode = 'RNN_TANH'
        elif self.nonlinearity == 'relu':
            mode = 'RNN_RELU'
        else:
            raise RuntimeError(f'Unknown nonlinearity: {self.nonlinearity}')
        (ret,) = self._step(mode, input, [hx])
        return ret if is_batched else ret.squeeze(0)


class LSTMCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=4, device=device, dtype=dtype)

    def forward(self, input, hx=None):
        input, hx, is_batched = self._batched(input, hx, lambda x: (self._zeros(x), self._zeros(x)))
        h, c = self._step('LSTM', input, [hx[0], hx[1]])
        if not is_batched:
            h, c = h.squeeze(0), c.squeeze(0)
        return h, c


class GRUCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=3, device=device, dtype=dtype)

    def forward(self, input, hx=None):
        input, hx, is_batched = self._batched(input, hx, self._zeros)
        (ret,) = self._step('GRU', input, [hx])
        return ret if is_batched else ret.squeeze(0)
