"""Chi2(df): the Gamma(df / 2, rate 1 / 2) distribution, sampled and scored as that Gamma."""

from . import constraints
from .gamma import Gamma


class Chi2(Gamma):
    arg_constraints = {'df': constraints.positive}

    def __init__(self, df, validate_args=None):
        super().__init__(0.5 * df, 0.5, validate_args=validate_args)

    @property
    def df(self):
        return self.concentration * 2
