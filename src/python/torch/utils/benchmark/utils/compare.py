"""torch.utils.benchmark.utils.compare: Compare prints measurements as PyTorch 1.13's table (a block per
label, a row per sub_label (or stmt) and thread count, a column per description, medians in one unit),
optionally trimmed to significant figures and coloured."""

import collections
import enum
import itertools

from . import common

__all__ = ['Colorize', 'Compare']

BEST = '\033[92m'
GOOD = '\033[34m'
BAD = '\033[2m\033[91m'
VERY_BAD = '\033[31m'
BOLD = '\033[1m'
TERMINATE = '\033[0m'


class Colorize(enum.Enum):
    NONE = 'none'
    COLUMNWISE = 'columnwise'
    ROWWISE = 'rowwise'


def _leading_digits(value):
    import torch

    return int(torch.tensor(value).log10().ceil())


class _Column:
    """One description's numbers: a shared width and number of decimals for every row."""

    def __init__(self, grouped_results, time_scale, trim_significant_figures, highlight_warnings):
        self._grouped_results = grouped_results
        flat = list(itertools.chain(*grouped_results))
        self._trim = trim_significant_figures
        self._highlight = highlight_warnings and any(r.has_warnings for r in flat if r)
        leading = [_leading_digits(r.median / time_scale) if r else None for r in flat]
        unit_digits = max(d for d in leading if d is not None)
        if trim_significant_figures:
            decimals = min(max(m.significant_figures - d, 0) for d, m in zip(leading, flat) if m is not None)
        else:
            decimals = 1
        length = unit_digits + decimals + (1 if decimals else 0)
        self._template = f"{{:>{length}.{decimals}f}}{{:>{7 if self._highlight else 0}}}"

    def get_results_for(self, group):
        return self._grouped_results[group]

    def num_to_str(self, value, estimated_sigfigs, spread):
        if value is None:
            return ' ' * len(self.num_to_str(1, estimated_sigfigs, None))
        if self._trim:
            value = common.trim_sigfig(value, estimated_sigfigs)
        return self._template.format(
            value, f' (! {spread * 100:.0f}%)' if self._highlight and spread is not None else ''
        )


class _Row:
    def __init__(self, results, row_group, render_env, env_str_len, time_scale, colorize, num_threads=None):
        self._results = results
        self._row_group = row_group
        self._render_env = render_env
        self._env_str_len = env_str_len
        self._time_scale = time_scale
        self._colorize = colorize
        self._columns = ()
        self._num_threads = num_threads

    def as_column_strings(self):
        first = next(r for r in self._results if r is not None)
        env = (f'({first.env})' if self._render_env else '').ljust(self._env_str_len + 4)
        output = ['  ' + env + first.as_row_name]
        for m, col in zip(self._results, self._columns):
            if m is None:
                output.append(col.num_to_str(None, 1, None))
            else:
                spread = m.iqr / m.median if m.has_warnings else None
                output.append(col.num_to_str(m.median / self._time_scale, m.significant_figures, spread))
        return output

    @staticmethod
    def color_segment(segment, value, best_value):
        if value <= best_value * 1.01 or value <= best_value + 100e-9:
            return BEST + BOLD + segment + TERMINATE * 2
        if value <= best_value * 1.1:
            return GOOD + BOLD + segment + TERMINATE * 2
        if value >= best_value * 5:
            return VERY_BAD + BOLD + segment + TERMINATE * 2
        if value >= best_value * 2:
            return BAD + segment + TERMINATE * 2
        return segment

    def row_separator(self, overall_width):
        return [f'{self._num_threads} threads: '.ljust(overall_width, '-')] if self._num_threads is not None else []

    def finalize_column_strings(self, column_strings, col_widths):
        best_values = [-1 for _ in column_strings]
        if self._colorize == Colorize.ROWWISE:
            row_min = min(r.median for r in self._results if r is not None)
            best_values = [row_min for _ in column_strings]
        elif self._colorize == Colorize.COLUMNWISE:
            best_values = []
            for column in self._columns:
                medians = [r.median for r in column.get_results_for(self._row_group) if r is not None]
                best_values.append(min(medians) if medians else None)
        contents = [column_strings[0].ljust(col_widths[0])]
        for text, width, result, best in zip(column_strings[1:], col_widths[1:], self._results, best_values):
            text = text.center(width)
            if self._colorize != Colorize.NONE and result is not None and best is not None:
                text = self.color_segment(text, result.median, best)
            contents.append(text)
        return contents


def _row_key(m):
    return m.num_threads, m.env, m.as_row_name


class _Table:
    def __init__(self, results, colorize, trim_significant_figures, highlight_warnings):
        self.results = results
        self._highlight_warnings = highlight_warnings
        self.label = results[0].label
        self.time_unit, self.time_scale = common.select_unit(min(r.median for r in results))
        self.row_keys = common.ordered_unique(_row_key(r) for r in results)
        self.row_keys.sort(key=lambda key: key[:2])  # stable: statements keep their order
        self.column_keys = common.ordered_unique(r.description for r in results)
        grid = [[None for _ in self.column_keys] for _ in self.row_keys]
        row_at = {key: i for i, key in enumerate(self.row_keys)}
        col_at = {key: j for j, key in enumerate(self.column_keys)}
        for r in results:
            grid[row_at[_row_key(r)]][col_at[r.description]] = r
        envs = {r.env for r in results}
        render_env = len(envs) > 1
        env_str_len = max(len(e) for e in envs) if render_env else 0
        rows, groups = [], []
        prior_threads, prior_env = -1, ''
        for (num_threads, env, _), row in zip(self.row_keys, grid):
            new_group = num_threads != prior_threads
            if new_group:
                prior_threads, prior_env = num_threads, ''
                groups.append([])
            rows.append(
                _Row(
                    row,
                    len(groups) - 1,
                    render_env and env != prior_env,
                    env_str_len,
                    self.time_scale,
                    colorize,
                    num_threads if new_group else None,
                )
            )
            groups[-1].append(row)
            prior_env = env
        columns = tuple(
            _Column(
                [tuple(row[j] for row in g) for g in groups],
                self.time_scale,
                trim_significant_figures,
                highlight_warnings,
            )
            for j in range(len(self.column_keys))
        )
        for row in rows:
            row._columns = columns
        self.rows = rows

    def render(self):
        string_rows = [[''] + self.column_keys] + [r.as_column_strings() for r in self.rows]
        num_cols = max(len(r) for r in string_rows)
        for r in string_rows:
            r.extend('' for _ in range(num_cols - len(r)))
        widths = [max(len(s) for s in col) for col in zip(*string_rows)]
        lines = ['  |  '.join(s.center(w) for s, w in zip(string_rows[0], widths))]
        overall = len(lines[0])
        for strings, row in zip(string_rows[1:], self.rows):
            lines.extend(row.row_separator(overall))
            lines.append('  |  '.join(row.finalize_column_strings(strings, widths)))
        warn = self._highlight_warnings and any(r.has_warnings for r in self.results)
        note = '(! XX%) Measurement has high variance, where XX is the IQR / median * 100.\n' if warn else ''
        header = f"[{(' ' + (self.label or '') + ' ').center(overall - 2, '-')}]"
        unit = f'Times are in {common.unit_to_english(self.time_unit)}s ({self.time_unit}).'
        return '\n'.join([header, *lines, '', unit, note])


class Compare:
    def __init__(self, results):
        self._results = []
        self.extend_results(results)
        self._trim_significant_figures = False
        self._colorize = Colorize.NONE
        self._highlight_warnings = False

    def __str__(self):
        return '\n'.join(self._render())

    def extend_results(self, results):
        for r in results:
            if not isinstance(r, common.Measurement):
                raise ValueError(f'Expected an instance of `Measurement`, got {type(r)} instead.')
        self._results.extend(results)

    def trim_significant_figures(self):
        self._trim_significant_figures = True

    def colorize(self, rowwise=False):
        self._colorize = Colorize.ROWWISE if rowwise else Colorize.COLUMNWISE

    def highlight_warnings(self):
        self._highlight_warnings = True

    def print(self):
        print(str(self))

    def _render(self):
        by_label = collections.defaultdict(list)
        for r in common.Measurement.merge(self._results):
            by_label[r.label].append(r)
        return [
            _Table(group, self._colorize, self._trim_significant_figures, self._highlight_warnings).render()
            for group in by_label.values()
        ]


Compare.__module__ = Colorize.__module__ = 'torch.utils.benchmark.utils.compare'
