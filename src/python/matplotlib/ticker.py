"""matplotlib.ticker for Backprop Lens: the locators and formatters learners hand to
`ax.xaxis.set_major_locator(MaxNLocator(integer=True))` (whole-number epochs) or `set_major_formatter`
(percentages). The panel places and labels ticks itself, so these keep their settings and are accepted by the
axis; formatters still format a value when called, as matplotlib's do."""


class Locator:
    __module__ = 'matplotlib.ticker'

    def __init__(self, *args, **kwargs):
        self._args, self._kwargs = args, kwargs

    def set_params(self, **kwargs):
        self._kwargs.update(kwargs)


class MaxNLocator(Locator):
    def __init__(self, nbins=None, **kwargs):
        super().__init__(**kwargs)
        self.nbins = 'auto' if nbins is None else nbins
        self.integer = bool(kwargs.get('integer', False))


class MultipleLocator(Locator):
    def __init__(self, base=1.0):
        super().__init__()
        self.base = base


class FixedLocator(Locator):
    def __init__(self, locs, nbins=None):
        super().__init__()
        self.locs = list(locs)


class AutoLocator(MaxNLocator):
    pass


class LinearLocator(Locator):
    def __init__(self, numticks=None, presets=None):
        super().__init__()
        self.numticks = numticks


class LogLocator(Locator):
    pass


class AutoMinorLocator(Locator):
    pass


class NullLocator(Locator):
    pass


class IndexLocator(Locator):
    pass


class Formatter:
    __module__ = 'matplotlib.ticker'

    def __call__(self, x, pos=None):
        return f'{x:g}'

    def format_data(self, value):
        return self(value)


class NullFormatter(Formatter):
    def __call__(self, x, pos=None):
        return ''


class FormatStrFormatter(Formatter):
    def __init__(self, fmt):
        self.fmt = fmt

    def __call__(self, x, pos=None):
        return self.fmt % x


class StrMethodFormatter(Formatter):
    def __init__(self, fmt):
        self.fmt = fmt

    def __call__(self, x, pos=None):
        return self.fmt.format(x=x, pos=pos)


class FuncFormatter(Formatter):
    def __init__(self, func):
        self.func = func

    def __call__(self, x, pos=None):
        return self.func(x, pos)


class FixedFormatter(Formatter):
    def __init__(self, seq):
        self.seq = list(seq)

    def __call__(self, x, pos=None):
        return self.seq[pos] if pos is not None and 0 <= pos < len(self.seq) else ''


class PercentFormatter(Formatter):
    def __init__(self, xmax=100, decimals=None, symbol='%', is_latex=False):
        self.xmax, self.decimals, self.symbol = xmax, decimals, symbol

    def __call__(self, x, pos=None):
        decimals = 0 if self.decimals is None else self.decimals
        return f'{x / self.xmax * 100:.{decimals}f}{self.symbol}'


class ScalarFormatter(Formatter):
    def __init__(self, useOffset=None, useMathText=None, useLocale=None):
        pass

    def set_scientific(self, b):
        pass

    def set_powerlimits(self, lims):
        pass


class LogFormatter(Formatter):
    pass
