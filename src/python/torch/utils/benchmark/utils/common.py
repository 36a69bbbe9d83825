"""torch.utils.benchmark.utils.common: TaskSpec (what a Timer measures) and Measurement (its times and their
summary), with PyTorch 1.13's repr, units and statistics. The statistics go through tensors as PyTorch's do
(float64 quantiles and mean, float32 for the significant-figure estimate and the units), so the last digits
of a mean or a trimmed value are PyTorch's."""

import collections
import contextlib
import dataclasses
import textwrap
from typing import Any, Dict, List, Optional

__all__ = [
    'TaskSpec',
    'Measurement',
    'select_unit',
    'unit_to_english',
    'trim_sigfig',
    'ordered_unique',
    'set_torch_threads',
]

_MAX_SIGNIFICANT_FIGURES = 4
_MIN_CONFIDENCE_INTERVAL = 25e-9  # 25 ns
_IQR_WARN_THRESHOLD = 0.1
_IQR_GROSS_WARN_THRESHOLD = 0.25


@dataclasses.dataclass(init=True, repr=False, eq=True, frozen=True)
class TaskSpec:
    stmt: str
    setup: str
    global_setup: str = ''
    label: Optional[str] = None
    sub_label: Optional[str] = None
    description: Optional[str] = None
    env: Optional[str] = None
    num_threads: int = 1

    @property
    def title(self):
        if self.label is not None:
            return self.label + (f': {self.sub_label}' if self.sub_label else '')
        if '\n' not in self.stmt:
            return self.stmt + (f': {self.sub_label}' if self.sub_label else '')
        return f"stmt:{f' ({self.sub_label})' if self.sub_label else ''}\n{textwrap.indent(self.stmt, '  ')}"

    def setup_str(self):
        if self.setup == 'pass' or not self.setup:
            return ''
        if '\n' in self.setup:
            return f"setup:\n{textwrap.indent(self.setup, '  ')}"
        return f'setup: {self.setup}'

    def summarize(self):
        sections = [self.title, self.description or '', self.setup_str()]
        return '\n'.join(f'{s}\n' if '\n' in s else s for s in sections if s)


_TASKSPEC_FIELDS = tuple(f.name for f in dataclasses.fields(TaskSpec))


@dataclasses.dataclass(init=True, repr=False)
class Measurement:
    number_per_run: int
    raw_times: List[float]
    task_spec: TaskSpec
    metadata: Optional[Dict[Any, Any]] = None

    def __post_init__(self):
        self._sorted_times = ()
        self._warnings = ()
        self._median = -1.0
        self._mean = -1.0
        self._p25 = -1.0
        self._p75 = -1.0

    def __getattr__(self, name):
        # m.stmt, m.label, m.num_threads ... read through to the TaskSpec, as PyTorch's Measurement does.
        if name in _TASKSPEC_FIELDS:
            return getattr(self.task_spec, name)
        return super().__getattribute__(name)

    @property
    def times(self):
        return [t / self.number_per_run for t in self.raw_times]

    @property
    def median(self):
        self._lazy_init()
        return self._median

    @property
    def mean(self):
        self._lazy_init()
        return self._mean

    @property
    def iqr(self):
        self._lazy_init()
        return self._p75 - self._p25

    @property
    def significant_figures(self):
        """Digits the interquartile spread supports (a 90% confidence interval of the median), from 1 to 4."""
        self._lazy_init()
        n_total = len(self._sorted_times)
        import torch

        middle = self._sorted_times[n_total // 4 : int(torch.tensor(3 * n_total / 4).ceil())]
        std = torch.tensor(middle).std(unbiased=False).item()
        sqrt_n = torch.tensor(len(middle)).sqrt().item()
        confidence_interval = max(1.645 * std / sqrt_n, _MIN_CONFIDENCE_INTERVAL)
        relative_ci = torch.tensor(self._median / confidence_interval).log10().item()
        figures = int(torch.tensor(relative_ci).floor())
        return min(max(figures, 1), _MAX_SIGNIFICANT_FIGURES)

    @property
    def has_warnings(self):
        self._lazy_init()
        return bool(self._warnings)

    def _lazy_init(self):
        if self.raw_times and not self._sorted_times:
            import torch

            self._sorted_times = tuple(sorted(self.times))
            values = torch.tensor(self._sorted_times, dtype=torch.float64)
            self._median = values.quantile(0.5).item()
            self._mean = values.mean().item()
            self._p25 = values.quantile(0.25).item()
            self._p75 = values.quantile(0.75).item()

            def add_warning(msg):
                rel_iqr = self.iqr / self.median * 100
                self._warnings += (
                    f'  WARNING: Interquartile range is {rel_iqr:.1f}% of the median measurement.\n           {msg}',
                )

            if not self.meets_confidence(_IQR_GROSS_WARN_THRESHOLD):
                add_warning('This suggests significant environmental influence.')
            elif not self.meets_confidence(_IQR_WARN_THRESHOLD):
                add_warning('This could indicate system fluctuation.')

    def meets_confidence(self, threshold=_IQR_WARN_THRESHOLD):
        return self.iqr / self.median < threshold

    @property
    def title(self):
        return self.task_spec.title

    @property
    def env(self):
        # PyTorch 1.13's property reads a misspelt `self.taskspec`, fails, and __getattr__ then hands back
        # task_spec.env: None rather than 'Unspecified env'.
        return self.task_spec.env

    @property
    def as_row_name(self):
        return self.sub_label or self.stmt or '[Unknown]'

    def __repr__(self):
        self._lazy_init()
        n = len(self._sorted_times)
        unit, scale = select_unit(self._median)
        lines = [object.__repr__(self), self.task_spec.summarize()]
        lines.append(f"  {'Median: ' if n > 1 else ''}{self._median / scale:.2f} {unit}")
        if n >= 4:
            lines.append(
                f'  IQR:    {self.iqr / scale:.2f} {unit} ({self._p25 / scale:.2f} to {self._p75 / scale:.2f})'
            )
        threads = f"{self.num_threads} thread{'s' if self.num_threads > 1 else ''}"
        per = 'per measurement,' if n > 1 else ','
        lines.append(f"  {n} measurement{'s' if n > 1 else ''}, {self.number_per_run} runs {per} {threads}")
        lines.extend(self._warnings)
        return '\n'.join(lines).strip()

    @staticmethod
    def merge(measurements):
        """Replicates of one TaskSpec joined into one Measurement of per-run times (number_per_run=1)."""
        grouped = collections.defaultdict(list)
        for m in measurements:
            grouped[m.task_spec].append(m)
        merged = []
        for task_spec, group in grouped.items():
            times = [t for m in group for t in m.times]
            merged.append(Measurement(number_per_run=1, raw_times=times, task_spec=task_spec, metadata=None))
        return merged


Measurement.__module__ = TaskSpec.__module__ = 'torch.utils.benchmark.utils.common'


def select_unit(t):
    """The unit that puts t (seconds) in [1, 1000)."""
    import torch

    unit = {-3: 'ns', -2: 'us', -1: 'ms'}.get(int(torch.tensor(t).log10().item() // 3), 's')
    return unit, {'ns': 1e-9, 'us': 1e-6, 'ms': 1e-3, 's': 1}[unit]


def unit_to_english(u):
    return {'ns': 'nanosecond', 'us': 'microsecond', 'ms': 'millisecond', 's': 'second'}[u]


def trim_sigfig(x, n):
    """x kept to n significant figures (3.14159, 2 -> 3.1)."""
    import torch

    assert n == int(n)
    magnitude = int(torch.tensor(x).abs().log10().ceil().item())
    scale = 10 ** (magnitude - n)
    return float(torch.tensor(x / scale).round() * scale)


def ordered_unique(elements):
    return list(dict.fromkeys(elements))


@contextlib.contextmanager
def set_torch_threads(n):
    import torch

    prior = torch.get_num_threads()
    try:
        torch.set_num_threads(n)
        yield
    finally:
        torch.set_num_threads(prior)
