"""nn.Embedding and F.embedding (and nn.EmbeddingBag, F.embedding_bag: bags of rows summed, averaged or
maxed, engine/ops/embeddingBag.ts), as PyTorch 1.13's torch/nn/modules/sparse.py and functional: a
table of num_embeddings rows, weight ~ N(0, 1) (the padding row then zeroed) drawn from the same generator
as PyTorch, so a seeded table holds PyTorch's numbers. The lookup and its gradient (added into the rows
used, none for the padding row) are the engine's (engine/ops/embedding.ts)."""

from ..._engine import E

from ..._tensor import Tensor, wrap
from ... import _creation
from ..._dtype import int32, int64
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


def _embedding_renorm_(weight, input, max_norm, norm_type):
    """ATen's embedding_renorm_: each distinct row looked up, in sorted order, whose norm_type-norm (float32,
    read as a double) exceeds max_norm is scaled in place by max_norm / (norm + 1e-7), outside autograd."""
    if input.dtype not in (int64, int32):
        raise RuntimeError(
            "Expected tensor for argument #2 'indices' to have one of the following scalar types: Long, Int; "
            f'but got {input.type()} instead (while checking arguments for embedding_renorm_)'
        )
    with no_grad():
        for i in sorted(set(input.reshape(-1).tolist())):
            row = weight.select(0, i)
            norm = row.norm(norm_type).item()
            if norm > max_norm:
                row.mul_(max_norm / (norm + 1e-7))


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False):
    if not isinstance(input, Tensor):
        raise TypeError(f"embedding(): argument 'indices' (position 2) must be Tensor, not {type(input).__name__}")
    padding_idx = _padding_row(padding_idx, weight.size(0))
    if sparse:
        raise unsupported('Embedding sparse=True (sparse gradients)', 'use sparse=False, the default')
    if max_norm is not None:
        _embedding_renorm_(weight, input, float(max_norm), float(norm_type))
    return wrap(E.embedding(weight._t, input._t, padding_idx, bool(scale_grad_by_freq)))


def _pretrained(cls, embeddings, freeze, **options):
    """`cls.from_pretrained`: the module over a given 2-D weight, trained only when `freeze` is False."""
    assert embeddings.dim() == 2, 'Embeddings parameter is expected to be 2-dimensional'
    rows, cols = embeddings.shape
    module = cls(num_embeddings=rows, embedding_dim=cols, _weight=embeddings, **options)
    module.weight.requires_grad = not freeze
    return module


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
        return _pretrained(
            cls,
            embeddings,
            freeze,
            padding_idx=padding_idx,
            max_norm=max_norm,
            norm_type=norm_type,
            scale_grad_by_freq=scale_grad_by_freq,
            sparse=sparse,
        )


def embedding_bag(
    input,
    weight,
    offsets=None,
    max_norm=None,
    norm_type=2,
    scale_grad_by_freq=False,
    mode='mean',
    sparse=False,
    per_sample_weights=None,
    include_last_offset=False,
    padding_idx=None,
):
    from ... import arange, long as _long

    if weight.dtype == _long and input.is_floating_point():
        import warnings

        warnings.warn(
            'Argument order of nn.functional.embedding_bag was changed. Usage `embedding_bag(weight, input, ...)` '
            'is deprecated, and should now be `embedding_bag(input, weight, ...)`.'
        )
        weight, input = input, weight
    if per_sample_weights is not None and input.size() != per_sample_weights.size():
        raise ValueError(
            f'embedding_bag: If per_sample_weights ({per_sample_weights.shape}) is not None, then it must have '
            f'the same shape as the input ({input.shape})'
        )
    if input.dim() == 2:
        if offsets is not None:
            raise ValueError(
                'if input is 2D, then offsets has to be None, as input is treated is a mini-batch of fixed length '
                f'sequences. However, found offsets of type {type(offsets)}'
            )
        offsets = arange(0, input.numel(), input.size(1), dtype=input.dtype)
        input = input.reshape(-1)
        if per_sample_weights is not None:
            per_sample_weights = per_sample_weights.reshape(-1)
    elif input.dim() == 1:
        if offsets is None:
            raise ValueError('offsets has to be a 1D Tensor but got None')
        if offsets.dim() != 1:
            raise ValueError('offsets has to be a 1D Tensor')
    else:
        raise ValueError(f'input has to be 1D or 2D Tensor, but got Tensor of dimension {input.dim()}')
    if mode == 'max':
        if scale_grad_by_freq:
            raise ValueError('max mode does not support scaling the gradient by the frequency')
        if sparse:
            raise ValueError('max mode does not support sparse weights')
    elif mode not in ('sum', 'mean'):
        raise ValueError('mode has to be one of sum, mean or max')
    if sparse:
        raise unsupported('EmbeddingBag sparse=True (sparse gradients)', 'use sparse=False, the default')
    if max_norm is not None:
        _embedding_renorm_(weight, input, float(max_norm), float(norm_type))
    if per_sample_weights is not None and mode != 'sum':
        raise NotImplementedError(
            "embedding_bag: per_sample_weights was not None. per_sample_weights is only supported for mode='sum' "
            f"(got mode='{mode}'). Please open a feature request on GitHub."
        )
    padding_idx = _padding_row(padding_idx, weight.size(0))
    return wrap(
        E.embedding_bag(
            weight._t,
            input._t,
            offsets._t,
            mode,
            bool(scale_grad_by_freq),
            None if per_sample_weights is None else per_sample_weights._t,
            bool(include_last_offset),
            padding_idx,
        )
    )


class EmbeddingBag(Module):
    def __init__(
        self,
        num_embeddings,
        embedding_dim,
        max_norm=None,
        norm_type=2.0,
        scale_grad_by_freq=False,
        mode='mean',
        sparse=False,
        _weight=None,
        include_last_offset=False,
        padding_idx=None,
        device=None,
        dtype=None,
    ):
        super().__init__()
        _creation.check_factory_kwargs(device, dtype)
        self.num_embeddings = num_embeddings
        self.embedding_dim = embedding_dim
        self.max_norm = max_norm
        self.norm_type = norm_type
        self.scale_grad_by_freq = scale_grad_by_freq
        self.padding_idx = _padding_row(padding_idx, num_embeddings)
        if _weight is None:
            self.weight = Parameter(_creation.empty(num_embeddings, embedding_dim))
            self.reset_parameters()
        else:
            assert list(_weight.shape) == [num_embeddings, embedding_dim], (
                'Shape of weight does not match num_embeddings and embedding_dim'
            )
            self.weight = Parameter(_weight)
        self.mode = mode
        self.sparse = sparse
        self.include_last_offset = include_last_offset

    reset_parameters = Embedding.reset_parameters
    _fill_padding_idx_with_zero = Embedding._fill_padding_idx_with_zero

    def forward(self, input, offsets=None, per_sample_weights=None):
        return embedding_bag(
            input,
            self.weight,
            offsets,
            self.max_norm,
            self.norm_type,
            self.scale_grad_by_freq,
            self.mode,
            self.sparse,
            per_sample_weights,
            self.include_last_offset,
            self.padding_idx,
        )

    def extra_repr(self):
        s = f'{self.num_embeddings}, {self.embedding_dim}'
        if self.max_norm is not None:
            s += f', max_norm={self.max_norm}'
        if self.norm_type != 2:
            s += f', norm_type={self.norm_type}'
        if self.scale_grad_by_freq is not False:
            s += f', scale_grad_by_freq={self.scale_grad_by_freq}'
        s += f', mode={self.mode}'
        if self.padding_idx is not None:
            s += f', padding_idx={self.padding_idx}'
        return s

    @classmethod
    def from_pretrained(
        cls,
        embeddings,
        freeze=True,
        max_norm=None,
        norm_type=2.0,
        scale_grad_by_freq=False,
        mode='mean',
        sparse=False,
        include_last_offset=False,
        padding_idx=None,
    ):
        return _pretrained(
            cls,
            embeddings,
            freeze,
            max_norm=max_norm,
            norm_type=norm_type,
            scale_grad_by_freq=scale_grad_by_freq,
            mode=mode,
            sparse=sparse,
            include_last_offset=include_last_offset,
            padding_idx=padding_idx,
        )


__all__ = ['Embedding', 'EmbeddingBag']
