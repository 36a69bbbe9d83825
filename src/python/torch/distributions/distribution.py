"""The Distribution base: shapes (`batch_shape`, `event_shape`, `_extended_shape`), `sample` under no_grad and
the repr PyTorch prints (`Categorical(probs: torch.Size([6]))`)."""

from .._grad_mode import no_grad
from .._size import Size
from .._unsupported import unsupported


class Distribution:
    arg_constraints = {}
    support = None
    has_rsample = False
    _validate_args = True  # PyTorch's default (under Python's __debug__)

    def __init__(self, batch_shape=Size(), event_shape=Size(), validate_args=None):
        self._batch_shape = Size(batch_shape)
        self._event_shape = Size(event_shape)
        if validate_args is not None:
            self._validate_args = validate_args
        if self._validate_args:
            self._check_parameters()

    def _check_parameters(self):
        # Only the parameters given (present in __dict__) are checked; lazily derived ones are skipped.
        for param, constraint in self.arg_constraints.items():
            if constraint is None or param not in self.__dict__:
                continue
            value = self.__dict__[param]
            if not constraint.check(value).all():
                raise ValueError(
                    f'Expected parameter {param} ({type(value).__name__} of shape {tuple(value.shape)}) '
                    f'of distribution {self!r} to satisfy the constraint {constraint!r}, '
                    f'but found invalid values:\n{value}'
                )

    def _validate_sample(self, value):
        from .._tensor import Tensor

        if not self._validate_args:
            return
        if not isinstance(value, Tensor):
            raise ValueError('The value argument to log_prob must be a Tensor')
        event_dim_start = len(value.size()) - len(self._event_shape)
        if value.size()[event_dim_start:] != self._event_shape:
            raise ValueError(
                f'The right-most size of value must match event_shape: {value.size()} vs {self._event_shape}.'
            )
        actual_shape = value.size()
        expected_shape = self._batch_shape + self._event_shape
        for i, j in zip(reversed(actual_shape), reversed(expected_shape)):
            if i != 1 and j != 1 and i != j:
                raise ValueError(
                    f'Value is not broadcastable with batch_shape+event_shape: {actual_shape} vs {expected_shape}.'
                )
        if self.support is not None and not self.support.check(value).all():
            raise ValueError(
                f'Expected value argument ({type(value).__name__} of shape {tuple(value.shape)}) '
                f'to be within the support ({self.support!r}) of the distribution {self!r}, '
                f'but found invalid values:\n{value}'
            )

    @property
    def stddev(self):
        return self.variance.sqrt()

    @property
    def batch_shape(self):
        return self._batch_shape

    @property
    def event_shape(self):
        return self._event_shape

    def _extended_shape(self, sample_shape=Size()):
        return Size(tuple(sample_shape) + tuple(self._batch_shape) + tuple(self._event_shape))

    def sample(self, sample_shape=Size()):
        with no_grad():
            return self._draw(Size(sample_shape))

    def _draw(self, sample_shape):
        raise unsupported(f'{type(self).__name__}.sample')

    def rsample(self, sample_shape=Size()):
        raise unsupported(
            f'{type(self).__name__}.rsample',
            'Normal, MultivariateNormal, Uniform, Exponential, Laplace, Gamma, Chi2, Beta and Dirichlet are '
            'reparameterised here',
        )

    def __repr__(self):
        names = [p for p in self.arg_constraints if p in self.__dict__]
        args = ', '.join(
            f'{p}: {self.__dict__[p] if self.__dict__[p].numel() == 1 else self.__dict__[p].size()}' for p in names
        )
        return f'{type(self).__name__}({args})'
