"""Backprop Lens: tqdm's progress bars for learners' loops (`for x, y in tqdm(loader)`, `trange(epochs)`,
`pbar.set_postfix(loss=...)`, `tqdm.write(...)`).

The loop runs exactly as with tqdm: iteration, `update`, `n`, `total`, `len()`, the context manager. The bar
itself goes to stderr as tqdm writes it to a file that is not a terminal (ten-character bar, elapsed time,
rate, postfix), once when the bar closes: the panel already shows the run's progress live, and a bar
redrawn with carriage returns would fill the output view with lines. What the script prints to stdout is
unchanged, as with the real tqdm.
"""

import re
import sys
import time

__all__ = ['tqdm', 'trange', 'TqdmWarning']

BAR_WIDTH = 10
BLOCKS = ' ▏▎▍▌▋▊▉█'


class TqdmWarning(Warning):
    pass


def format_interval(seconds):
    minutes, s = divmod(int(seconds), 60)
    hours, m = divmod(minutes, 60)
    return '%d:%02d:%02d' % (hours, m, s) if hours else '%02d:%02d' % (m, s)


def format_sizeof(num, suffix='', divisor=1000):
    for unit in ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z']:
        if abs(num) < 999.5:
            if abs(num) < 99.95:
                if abs(num) < 9.995:
                    return '{0:1.2f}'.format(num) + unit + suffix
                return '{0:2.1f}'.format(num) + unit + suffix
            return '{0:3.0f}'.format(num) + unit + suffix
        num /= divisor
    return '{0:3.1f}Y'.format(num) + suffix


def _bar(fraction, width=BAR_WIDTH, charset=BLOCKS):
    """tqdm's Bar: whole blocks, one partial block, then spaces."""
    steps = len(charset) - 1
    whole, part = divmod(int(fraction * width * steps), steps)
    text = charset[-1] * whole
    if whole < width:
        text += charset[part] + charset[0] * (width - whole - 1)
    return text


def format_num(n):
    """A postfix number as tqdm writes it: 3 significant digits when that is shorter."""
    short = '{0:.3g}'.format(n).replace('+0', '+').replace('-0', '-')
    return short if len(short) < len(str(n)) else str(n)


class tqdm:
    """A progress bar around an iterable, or updated by hand (`tqdm(total=n)` and `update`)."""

    def __init__(
        self,
        iterable=None,
        desc=None,
        total=None,
        leave=True,
        file=None,
        ncols=None,
        mininterval=0.1,
        maxinterval=10.0,
        miniters=None,
        ascii=None,
        disable=False,
        unit='it',
        unit_scale=False,
        dynamic_ncols=False,
        smoothing=0.3,
        bar_format=None,
        initial=0,
        position=None,
        postfix=None,
        unit_divisor=1000,
        write_bytes=False,
        lock_args=None,
        nrows=None,
        colour=None,
        delay=0,
        **kwargs,
    ):
        if total is None and iterable is not None:
            try:
                total = len(iterable)
            except (TypeError, AttributeError):
                total = None
        if total == float('inf'):
            total = None
        self.iterable = iterable
        self.desc = desc or ''
        self.total = total
        self.leave = leave
        self.fp = file
        self.disable = disable
        self.unit = unit
        self.unit_scale = unit_scale
        self.unit_divisor = unit_divisor
        self.n = initial
        self.bar_format = bar_format
        self.postfix = None
        self.start_t = time.time()
        self.closed = False
        if isinstance(postfix, dict):
            self.set_postfix(postfix, refresh=False)
        elif postfix is not None:
            self.postfix = str(postfix)

    def __iter__(self):
        if self.disable:
            yield from self.iterable
            return
        try:
            for item in self.iterable:
                yield item
                self.n += 1
        finally:
            self.close()

    def __len__(self):
        if self.total is not None:
            return int(self.total)
        return len(self.iterable) if self.iterable is not None else 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __bool__(self):
        return True

    def update(self, n=1):
        self.n += n
        return True

    def refresh(self, nolock=False, lock_args=None):
        return None

    def reset(self, total=None):
        self.n = 0
        if total is not None:
            self.total = total
        self.start_t = time.time()

    def clear(self, nolock=False):
        return None

    def unpause(self):
        return None

    def display(self, msg=None, pos=None):
        return None

    def set_description(self, desc=None, refresh=True):
        self.desc = (desc + ': ') if desc else ''

    def set_description_str(self, desc=None, refresh=True):
        self.desc = desc or ''

    def set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
        # The dict's own order, then the keywords sorted by name, as tqdm orders them.
        items = dict(ordered_dict or {})
        items.update((key, kwargs[key]) for key in sorted(kwargs))
        for key, value in items.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                items[key] = format_num(value)
            elif not isinstance(value, str):
                items[key] = str(value)
        self.postfix = ', '.join('%s=%s' % (key, str(value).strip()) for key, value in items.items())

    def set_postfix_str(self, s='', refresh=True):
        self.postfix = str(s)

    @property
    def format_dict(self):
        return {'n': self.n, 'total': self.total, 'elapsed': time.time() - self.start_t, 'unit': self.unit}

    def __str__(self):
        return self.format_meter()

    def format_meter(self):
        """The bar as tqdm writes it to a file that is not a terminal (its `bar_format` when given)."""
        elapsed = time.time() - self.start_t
        rate = self.n / elapsed if elapsed > 0 else None
        # tqdm's sanity check: a count past its total (`total=len(ds) // batch_size` rounded down) makes the
        # total unknown: no percentage, '?' for the total.
        total = None if self.total and self.n >= self.total + 0.5 else self.total
        if self.unit_scale:
            n_fmt = format_sizeof(self.n, divisor=self.unit_divisor)
            total_fmt = format_sizeof(total, divisor=self.unit_divisor) if total is not None else '?'
        else:
            n_fmt, total_fmt = str(self.n), str(total) if total is not None else '?'
        inv_rate = 1 / rate if rate else None
        if inv_rate and inv_rate > 1:  # slower than one per second: seconds per item, as tqdm shows it
            rate_fmt = (format_sizeof(inv_rate) if self.unit_scale else '{0:5.2f}'.format(inv_rate)) + 's/' + self.unit
        elif rate:
            rate_fmt = (format_sizeof(rate) if self.unit_scale else '{0:5.2f}'.format(rate)) + self.unit + '/s'
        else:
            rate_fmt = '?' + self.unit + '/s'
        postfix = ', ' + self.postfix if self.postfix else ''
        desc = self.desc
        l_bar = (desc if desc.endswith(': ') else desc + ': ') if desc else ''
        # tqdm: the time left is 0 once the total is unknown, '?' only while there is no rate yet.
        remaining = (total - self.n) / rate if rate and total else 0
        remaining_str = format_interval(remaining) if rate else '?'
        r_bar = '| %s/%s [%s<%s, %s%s]' % (n_fmt, total_fmt, format_interval(elapsed), remaining_str, rate_fmt, postfix)
        fraction = self.n / total if total else None
        bar_format = self.bar_format
        if fraction is not None:
            l_bar += '{0:3.0f}%|'.format(fraction * 100)
            if bar_format is not None and not desc:
                bar_format = bar_format.replace('{desc}: ', '')
        elif bar_format is not None:
            l_bar += '|'  # a bar_format without a total keeps the bar's left edge
        if bar_format is None:
            if fraction is None:
                return '%s%s%s [%s, %s%s]' % (l_bar, n_fmt, self.unit, format_interval(elapsed), rate_fmt, postfix)
            return l_bar + _bar(min(1.0, fraction)) + r_bar
        values = dict(
            n=self.n,
            n_fmt=n_fmt,
            total=total,
            total_fmt=total_fmt,
            elapsed=format_interval(elapsed),
            elapsed_s=elapsed,
            desc=desc,
            unit=self.unit,
            rate=inv_rate if inv_rate and inv_rate > 1 else rate,
            rate_fmt=rate_fmt,
            postfix=postfix,
            remaining=remaining_str,
            remaining_s=remaining,
            l_bar=l_bar,
            r_bar=r_bar,
            percentage=(fraction or 0) * 100,
        )
        template = re.sub(
            r'\{bar(:[^}]*)?\}',
            lambda m: _bar(min(1.0, fraction or 0)).replace('{', '{{').replace('}', '}}'),
            bar_format,
        )
        return template.format(**values)

    def close(self):
        if self.closed:
            return
        self.closed = True
        if self.disable or not self.leave:
            return
        fp = self.fp if self.fp is not None else sys.stderr
        try:
            fp.write(self.format_meter() + '\n')
            fp.flush()
        except (AttributeError, ValueError, OSError):
            pass

    @classmethod
    def write(cls, s, file=None, end='\n', nolock=False):
        fp = file if file is not None else sys.stdout
        fp.write(str(s))
        fp.write(end)

    @classmethod
    def pandas(cls, *args, **kwargs):
        raise NotImplementedError(
            'tqdm.pandas (progress_apply) is not supported by Backprop Lens: its pandas subset has apply() without '
            'a progress bar'
        )

    @classmethod
    def external_write_mode(cls, file=None, nolock=False):
        import contextlib

        return contextlib.nullcontext()


def trange(*args, **kwargs):
    """tqdm(range(*args), **kwargs)."""
    return tqdm(range(*args), **kwargs)
