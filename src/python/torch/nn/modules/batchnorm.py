"""nn.BatchNorm1d/2d/3d: per-channel normalisation with batch statistics in train() and running ones in eval(),
learnable weight and bias (affine), and the running_mean/running_var/num_batches_tracked buffers that
state_dict() holds, as PyTorch 1.13's _BatchNorm does. The arithmetic is the engine's (F.batch_norm)."""

from ... import _creation
from ..._dtype import int64
from .. import functional as F
from .. import init
from ..parameter import Parameter
from .module import Module


class _BatchNorm(Module):
    _version = 2  # as PyTorch's: state_dict()._metadata reports it

    _expected_dims = (2, 3)

    def __init__(
        self, num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True, device=None, dtype=None
    ):
        super().__init__()
        _creation.check_factory_kwargs(device, dtype)
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.affine = affine
        self.track_running_stats = track_running_stats
        if affine:
            self.weight = Parameter(_creation.empty(num_features, dtype=dtype))
            self.bias = Parameter(_creation.empty(num_features, dtype=dtype))
        else:
            self.register_parameter('weight', None)
            self.register_parameter('bias', None)
        if track_running_stats:
            self.register_buffer('running_mean', _creation.zeros(num_features, dtype=dtype))
            self.register_buffer('running_var', _creation.ones(num_features, dtype=dtype))
            self.register_buffer('num_batches_tracked', _creation.tensor(0, dtype=int64))
        else:
            self.register_buffer('running_mean', None)
            self.register_buffer('running_var', None)
            self.register_buffer('num_batches_tracked', None)
        self.reset_parameters()

    def reset_running_stats(self):
        if self.track_running_stats:
            self.running_mean.zero_()
            self.running_var.fill_(1)
            self.num_batches_tracked.zero_()

    def reset_parameters(self):
        self.reset_running_stats()
        if self.affine:
            init.ones_(self.weight)
            init.zeros_(self.bias)

    def _check_input_dim(self, input):
        if input.dim() not in self._expected_dims:
            wanted = ' or '.join(f'{d}D' for d in self._expected_dims)
            raise ValueError(f'expected {wanted} input (got {input.dim()}D input)')

    def forward(self, input):
        self._check_input_dim(input)
        momentum = 0.0 if self.momentum is None else self.momentum
        if self.training and self.track_running_stats and self.num_batches_tracked is not None:
            self.num_batches_tracked.add_(1)
            if self.momentum is None:  # cumulative moving average
                momentum = 1.0 / float(self.num_batches_tracked)
        use_batch_stats = self.training or self.running_mean is None
        return F.batch_norm(
            input,
            self.running_mean if not self.training or self.track_running_stats else None,
            self.running_var if not self.training or self.track_running_stats else None,
            self.weight,
            self.bias,
            use_batch_stats,
            momentum,
            self.eps,
        )

    def extra_repr(self):
        return (
            f'{self.num_features}, eps={self.eps}, momentum={self.momentum}, affine={self.affine}, '
            f'track_running_stats={self.track_running_stats}'
        )


class BatchNorm1d(_BatchNorm):
    """Over [N, C] or [N, C, L] input."""


# The engine normalises channel C of any [N, C, ...] input over N and the trailing dims, in the order of
# PyTorch's contiguous CPU kernel, which also treats an image batch as [N, C, H * W].
class BatchNorm2d(_BatchNorm):
    """Over [N, C, H, W] input (a CNN's feature maps)."""

    _expected_dims = (4,)


class BatchNorm3d(_BatchNorm):
    """Over [N, C, D, H, W] input."""

    _expected_dims = (5,)


__all__ = ['BatchNorm1d', 'BatchNorm2d', 'BatchNorm3d']
