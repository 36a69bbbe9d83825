"""The Distribution base: shapes (`batch_shape`, `event_shape`, `_extended_shape`), `sample` under no_grad and
the repr PyTorch prints (`Categorical(probs: torch.Size([6]))`)."""

from .._grad_mode import no_grad
from .._size import Size
from .._unsupported import unsupported


class Distribution:
    arg_constraints = {}

    def __init__(self, batch_shape=Size(), event_shape=Size(), validate_args=None):
        self._batch_shape = Size(batch_shape)
        self._event_shape = Size(event_shape)

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
        raise unsupported(f'{type(self).__name__}.rsample', 'only Normal is reparameterised here')

    def __repr__(self):
        names = [p for p in self.arg_constraints if p in self.__dict__]
        args = ', '.join(
            f'{p}: {self.__dict__[p] if self.__dict__[p].numel() == 1 else self.__dict__[p].size()}' for p in names
        )
        return f'{type(self).__name__}({args})'
