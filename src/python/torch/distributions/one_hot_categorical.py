"""OneHotCategorical: a Categorical whose samples are one-hot vectors over the last dimension (the event)."""

from .._size import Size
from .categorical import Categorical
from .distribution import Distribution


class OneHotCategorical(Distribution):
    # probs and logits live on the inner Categorical, so PyTorch's repr lists no parameters.
    arg_constraints = {'probs': None, 'logits': None}

    def __init__(self, probs=None, logits=None, validate_args=None):
        self._categorical = Categorical(probs, logits)
        batch_shape = self._categorical.batch_shape
        event_shape = self._categorical.param_shape[-1:]
        super().__init__(batch_shape, event_shape, validate_args=validate_args)

    @property
    def probs(self):
        return self._categorical.probs

    @property
    def logits(self):
        return self._categorical.logits

    @property
    def param_shape(self):
        return self._categorical.param_shape

    @property
    def mean(self):
        return self._categorical.probs

    @property
    def variance(self):
        return self._categorical.probs * (1 - self._categorical.probs)

    def _draw(self, sample_shape):
        from ..nn.functional import one_hot

        probs = self._categorical.probs
        indices = self._categorical.sample(Size(sample_shape))
        return one_hot(indices, self._event_shape[0]).to(probs)

    def log_prob(self, value):
        return self._categorical.log_prob(value.max(-1)[1])

    def entropy(self):
        return self._categorical.entropy()
