"""Backprop Lens probe: the values the learner's real SummaryWriter logs, in the panel's TensorBoard section.

An import hook patches `torch.utils.tensorboard.writer` once the script imports it: SummaryWriter.add_scalar
and add_scalars still do what they do (TensorBoard's event files, PyTorch's argument checks) and then send
the values as `scalars` events in the form the built-in runtime sends them (src/protocolScalars.ts): a chart
per add_scalar tag or add_scalars main tag, a curve per run (the log folder's name) or dict key, each point at
its global_step (its index in the curve without one). Batched: at most ten events a second, the rest at the end.
"""

import importlib.machinery
import os
import sys
import time

from _blp_wire import Floats, f32

SEND_INTERVAL_S = 0.1


class Scalars:
    def __init__(self, run_id, send):
        self.run_id = run_id
        self.send = send
        self._pending = {}
        self._counts = {}
        self._last_sent = -float('inf')
        self._finder = None

    def install(self):
        loaded = sys.modules.get('torch.utils.tensorboard.writer')
        if loaded is not None:
            self._patch(loaded)
            return
        self._finder = _WriterFinder(self._patch)
        sys.meta_path.insert(0, self._finder)

    def uninstall(self):
        if self._finder is not None and self._finder in sys.meta_path:
            sys.meta_path.remove(self._finder)
        self._finder = None

    def _patch(self, module):
        writer_class = module.SummaryWriter
        if getattr(writer_class.add_scalar, '_blp_scalars', False):
            return
        add_scalar, add_scalars = writer_class.add_scalar, writer_class.add_scalars
        scalars = self

        def logged_scalar(self, tag, scalar_value, global_step=None, *args, **kwargs):
            result = add_scalar(self, tag, scalar_value, global_step, *args, **kwargs)
            run = os.path.basename(os.path.normpath(str(self.log_dir)))
            scalars.log(tag, run, global_step, scalar_value)
            return result

        def logged_scalars(self, main_tag, tag_scalar_dict, global_step=None, *args, **kwargs):
            result = add_scalars(self, main_tag, tag_scalar_dict, global_step, *args, **kwargs)
            for key, value in tag_scalar_dict.items():
                scalars.log(main_tag, key, global_step, value)
            return result

        for patched, original in ((logged_scalar, add_scalar), (logged_scalars, add_scalars)):
            patched.__doc__ = original.__doc__
            patched.__name__ = original.__name__
            patched._blp_scalars = True
        writer_class.add_scalar = logged_scalar
        writer_class.add_scalars = logged_scalars

    def log(self, chart, label, step, value):
        try:
            number = _as_float(value)
        except Exception:  # noqa: BLE001 - PyTorch took it; a value we cannot read is left off the panel
            return
        key = (chart, label)
        count = self._counts.get(key, 0)
        self._counts[key] = count + 1
        steps, values = self._pending.setdefault(key, ([], []))
        steps.append(float(count if step is None else int(step)))
        values.append(number)
        if time.monotonic() - self._last_sent >= SEND_INTERVAL_S:
            self.flush()

    def flush(self):
        """Sends what is pending (also at the end of the run)."""
        self._last_sent = time.monotonic()
        if not self._pending:
            return
        series = [
            {'chart': chart, 'label': label, 'steps': Floats(f32(steps)), 'values': Floats(f32(values))}
            for (chart, label), (steps, values) in self._pending.items()
        ]
        self._pending = {}
        self.send({'type': 'scalars', 'runId': self.run_id, 'series': series})


def _as_float(value):
    if hasattr(value, 'detach'):  # a tensor (on any device)
        return float(value.detach().cpu().reshape(-1)[0])
    if hasattr(value, 'reshape'):  # a numpy array or scalar
        return float(value.reshape(-1)[0])
    return float(value)


class _WriterFinder:
    """Finds torch.utils.tensorboard.writer as Python would, and patches it once it has been executed."""

    def __init__(self, on_loaded):
        self.on_loaded = on_loaded

    def find_spec(self, name, path=None, target=None):
        if name != 'torch.utils.tensorboard.writer':
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, 'exec_module'):
            return spec
        execute = spec.loader.exec_module
        on_loaded = self.on_loaded

        def exec_module(module):
            execute(module)
            on_loaded(module)

        spec.loader.exec_module = exec_module
        return spec
