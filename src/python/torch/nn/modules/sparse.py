"""nn.Embedding and F.embedding, as PyTorch 1.13's torch/nn/modules/sparse.py and functional.embedding: a
table of num_embeddings rows, weight ~ N(0, 1) (the padding row then zeroed) drawn from the same generator
as PyTorch, so a seeded table holds PyTorch's numbers. The lookup and its gradient (added into the rows
used, none for the padding row) are the engine's (engine/ops/embedding.ts)."""

from ..._engine import E

from ..._tensor import Tensor, wrap
from ... import _creation
from ..._grad_mode import no_grad
from ..._unsupported import unsupported
from .. import init
from ..parameter import Parameter
from .module import Module


def _padding_row(padding_idx, rows):
    """padding_idx as a row number (negative counts from the end), checked as PyTorch asserts it."""
    if padding_idx is None:
        return None
    if padding_idx > 0:
        assert padding_idx < rows, 'Padding_idx must be within num_embeddings'
    elif padding_idx < 0:
        assert padding_idx >= -rows, 'Padding_idx must be within num_embeddings'
        padding_idx = rows + padding_idx
    return padding_idx


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False):
    if not isinstance(input, Tensor):
        raise TypeError(f"embedding(): argument 'indices' (position 2) must be Tensor, not {type(input).__name__}")
    padding_idx = _padding_row(padding_idx, weight.size(0))
    if max_norm is not None:
        raise unsupported('Embedding max_norm (renormalising the rows it looks up)', 'leave max_norm=None')
    if sparse:
        raise unsupported('Embedding sparse=True (sparse gradients)', 'use sparse=False, the default')
    return wrap(E.embedding(weight._t, input._t, padding_idx, bool(scale_grad_by_freq)))


class Embedding(Module):
    def __init__(
        self,
        num_embeddings,
        embedding_dim,
        padding_idx=None,
        max_norm=None,
        norm_type=2.0,
        scale_grad_by_freq=False,
        sparse=False,
        _weight=None,
        device=None,
        dtype=None,
    ):
        super().__init__()
        _creation.check_factory_kwargs(device, dtype)
        self.num_embeddings = num_embeddings
        self.embedding_dim = embedding_dim
        self.padding_idx = _padding_row(padding_idx, num_embeddings)
        self.max_norm = max_norm
        self.norm_type = norm_type
        self.scale_grad_by_freq = scale_grad_by_freq
        if _weight is None:
            self.weight = Parameter(_creation.empty(num_embeddings, embedding_dim))
            self.reset_parameters()
        else:
            assert list(_weight.shape) == [num_embeddings, embedding_dim], (
                'Shape of weight does not match num_embeddings and embedding_dim'
            )
            self.weight = Parameter(_weight)
        self.sparse = sparse

    def reset_parameters(self):
        init.normal_(self.weight)
        self._fill_padding_idx_with_zero()

    def _fill_padding_idx_with_zero(self):
        if self.padding_idx is not None:
            with no_grad():
                self.weight[self.padding_idx] = 0

    def forward(self, input):
        return embedding(
            input, self.weight, self.padding_idx, self.max_norm, self.norm_type, self.scale_grad_by_freq, self.sparse
        )

    def extra_repr(self):
        s = f'{self.num_embeddings}, {self.embedding_dim}'
        if self.padding_idx is not None:
            s += f', padding_idx={self.padding_idx}'
        if self.max_norm is not None:
            s += f', max_norm={self.max_norm}'
        if self.norm_type != 2:
            s += f', norm_type={self.norm_type}'
        if self.scale_grad_by_freq is not False:
            s += f', scale_grad_by_freq={self.scale_grad_by_freq}'
        if self.sparse is not False:
            s += ', sparse=True'
        return s

    @classmethod
    def from_pretrained(
        cls,
        embeddings,
        freeze=True,
        padding_idx=None,
        max_norm=None,
        norm_type=2.0,
        scale_grad_by_freq=False,
        sparse=False,
    ):
        assert embeddings.dim() == 2, 'Embeddings parameter is expected to be 2-dimensional'
        rows, cols = embeddings.shape
        embedding = cls(
            num_embeddings=rows,
            embedding_dim=cols,
            _weight=embeddings,
            padding_idx=padding_idx,
            max_norm=max_norm,
            norm_type=norm_type,
            scale_grad_by_freq=scale_grad_by_freq,
            sparse=sparse,
        )
        embedding.weight.requires_grad = not freeze
        return embedding


__all__ = ['Embedding']
