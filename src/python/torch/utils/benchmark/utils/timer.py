"""torch.utils.benchmark.utils.timer: Timer over Python's timeit, with PyTorch 1.13's block-size estimate,
blocked_autorange and adaptive_autorange. Only Python statements: C++ (`language='c++'`) and Callgrind need
a compiler and valgrind, which the browser runtime has neither of."""

import enum
import textwrap
import timeit

from . import common
from ...._unsupported import unsupported

__all__ = ['Timer', 'timer', 'Language']

timer = timeit.default_timer


class Language(enum.Enum):
    PYTHON = 0
    CPP = 1


class Timer:
    _timer_cls = timeit.Timer

    def __init__(
        self,
        stmt='pass',
        setup='pass',
        global_setup='',
        timer=timer,
        globals=None,
        label=None,
        sub_label=None,
        description=None,
        env=None,
        num_threads=1,
        language=Language.PYTHON,
    ):
        if not isinstance(stmt, str):
            raise ValueError('Currently only a `str` stmt is supported.')
        if language in (Language.CPP, 'cpp', 'c++'):
            raise unsupported("benchmark.Timer(language='c++')", 'time Python statements (the default language)')
        if language not in (Language.PYTHON, 'py', 'python'):
            raise ValueError(f'Invalid language `{language}`.')
        if global_setup:
            raise ValueError(
                f'global_setup is C++ only, got `{global_setup}`. Most likely this code can simply be moved to `setup`.'
            )
        import torch

        self._globals = dict(globals or {})
        self._globals.setdefault('torch', torch)
        self._language = Language.PYTHON
        stmt = textwrap.dedent(stmt)
        stmt = (stmt[1:] if stmt and stmt[0] == '\n' else stmt).rstrip()
        setup = textwrap.dedent(setup)
        setup = (setup[1:] if setup and setup[0] == '\n' else setup).rstrip()
        self._timer = self._timer_cls(stmt=stmt, setup=setup, timer=timer, globals=self._globals)
        self._task_spec = common.TaskSpec(
            stmt=stmt,
            setup=setup,
            global_setup=global_setup,
            label=label,
            sub_label=sub_label,
            description=description,
            env=env,
            num_threads=num_threads,
        )

    def _timeit(self, number):
        return max(self._timer.timeit(number), 1e-9)

    def timeit(self, number=1000000):
        """One measurement of `number` runs, after a warm-up of number // 100 (at least 2)."""
        with common.set_torch_threads(self._task_spec.num_threads):
            self._timeit(number=max(int(number // 100), 2))
            return common.Measurement(
                number_per_run=number, raw_times=[self._timeit(number=number)], task_spec=self._task_spec
            )

    def repeat(self, repeat=-1, number=-1):
        raise NotImplementedError('See `Timer.blocked_autorange.`')

    def autorange(self, callback=None):
        raise NotImplementedError('See `Timer.blocked_autorange.`')

    def _threaded_measurement_loop(self, number, time_hook, stop_hook, min_run_time, max_run_time=None, callback=None):
        total_time = 0.0
        can_stop = False
        times = []
        with common.set_torch_threads(self._task_spec.num_threads):
            while (total_time < min_run_time) or (not can_stop):
                time_spent = time_hook()
                times.append(time_spent)
                total_time += time_spent
                if callback:
                    callback(number, time_spent)
                can_stop = stop_hook(times)
                if max_run_time and total_time > max_run_time:
                    break
        return times

    def _estimate_block_size(self, min_run_time):
        """Runs per block: grown tenfold until the timer's own overhead is under 0.01% of a block."""
        with common.set_torch_threads(self._task_spec.num_threads):
            overheads = sorted(self._timeit(0) for _ in range(5))
            overhead = overheads[2]
            number = 1
            while True:
                time_taken = self._timeit(number)
                if overhead / time_taken <= 1e-4 and time_taken >= min_run_time / 1000:
                    break
                if time_taken > min_run_time:
                    break
                if number * 10 > 2147483647:
                    break
                number *= 10
        return number

    def adaptive_autorange(self, threshold=0.1, *, min_run_time=0.01, max_run_time=10.0, callback=None):
        number = self._estimate_block_size(min_run_time=0.05)

        def stop_hook(times):
            if len(times) > 3:
                m = common.Measurement(number_per_run=number, raw_times=times, task_spec=self._task_spec)
                return m.meets_confidence(threshold=threshold)
            return False

        times = self._threaded_measurement_loop(
            number, lambda: self._timeit(number), stop_hook, min_run_time, max_run_time, callback=callback
        )
        return common.Measurement(number_per_run=number, raw_times=times, task_spec=self._task_spec)

    def blocked_autorange(self, callback=None, min_run_time=0.2):
        number = self._estimate_block_size(min_run_time)
        times = self._threaded_measurement_loop(
            number, lambda: self._timeit(number), lambda times: True, min_run_time=min_run_time, callback=callback
        )
        return common.Measurement(number_per_run=number, raw_times=times, task_spec=self._task_spec)

    def collect_callgrind(self, number=100, *, repeats=None, collect_baseline=True, retain_out_file=False):
        raise unsupported(
            'benchmark.Timer.collect_callgrind (instruction counts need valgrind)',
            'compare wall times with timeit() or blocked_autorange()',
        )


Timer.__module__ = 'torch.utils.benchmark.utils.timer'
