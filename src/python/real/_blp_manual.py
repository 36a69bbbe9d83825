"""Backprop Lens probe: hand-written updates (`with torch.no_grad(): w -= lr * w.grad`, `p.data.sub_(...)`,
`p.copy_(...)`), as src/python/stepping/manualUpdates.ts sees them in the built-in runtime.

An in-place write that autograd does not record (grad mode off, or neither the target nor an operand requires
grad) into a parameter's values, after a backward and before the next forward, is an update. Real PyTorch
has no hook for such writes, so the in-place methods a learner writes updates with are wrapped on
torch.Tensor (which nn.Parameter inherits); `p.data` is a new tensor object on the same memory, so a target
is matched by identity first and then by its data pointer. The wrappers cost one flag test until a backward
arms them; an optimizer's step disarms them before it runs.

A group of writes is one update: it ends once every parameter has been written, when gradient recording is
turned back on (a `no_grad` block ends, `torch.set_grad_enabled(True)`), at the next forward or backward, or at the end of the run (without a pause). An optimizer step
disarms the tracker: later writes in that step (clipping, say) are not another update.
"""

import functools
import os

import torch

# The in-place methods (and operators) learners write updates with. Those optimizers call on every
# parameter at every step (mul_, addcmul_, addcdiv_, ...) are left alone: each wrapped call costs a Python
# call even when nothing is armed, which a tiny model's step would feel.
METHODS = ('sub_', 'add_', 'copy_', 'lerp_', '__isub__', '__iadd__', '__imul__', '__itruediv__')


class ManualUpdates:
    def __init__(self, patches):
        self.patches = patches
        self.rec = patches.rec
        self._armed = [False]  # a backward happened and no update has closed the step yet (a cell: see _wrap)
        self.updated = set()  # indices of the parameters the open group wrote
        self.pos = None  # the line of the group's last write
        self._model = None
        self._ids = {}  # id(parameter) -> index, for the model of _model
        self._pointers = None  # data pointer -> index (built at the first write not matched by identity)
        self._restore = []

    def install(self):
        for name in METHODS:
            original = getattr(torch.Tensor, name, None)
            if original is not None:
                setattr(torch.Tensor, name, self._wrap(original))
                self._restore.append(functools.partial(setattr, torch.Tensor, name, original))
        self._patch_grad_mode()
        if hasattr(os, 'register_at_fork'):
            os.register_at_fork(after_in_child=self.disarm)

    def uninstall(self):
        self.disarm()
        for undo in reversed(self._restore):
            undo()
        self._restore = []

    @property
    def armed(self):
        return self._armed[0]

    def _wrap(self, original):
        tracker = self
        armed = self._armed  # the fast path reads one list cell

        @functools.wraps(original)
        def inplace(self, *args, **kwargs):
            if not armed[0] or tracker.patches._stepping:
                return original(self, *args, **kwargs)
            watched = tracker.shielded(tracker.before_write, self, args)
            out = original(self, *args, **kwargs)
            if watched:
                tracker.shielded(tracker.after_write)
            return out

        return inplace

    def _patch_grad_mode(self):
        """Gradient recording is back on (a `no_grad` block ended, `torch.set_grad_enabled(True)`,
        `enable_grad`): an update written with it off is over."""
        tracker = self
        for cls, name in (
            (torch.no_grad, '__exit__'),
            (torch.enable_grad, '__enter__'),
            (torch.set_grad_enabled, '__init__'),
            (torch.set_grad_enabled, '__exit__'),
        ):
            original = getattr(cls, name, None) if isinstance(cls, type) else None
            if original is None:
                continue

            def patched(self, *args, _original=original, **kwargs):
                out = _original(self, *args, **kwargs)
                if tracker.updated and torch.is_grad_enabled() and not tracker.rec.probing_now:
                    tracker.close(True)
                return out

            functools.update_wrapper(patched, original)
            own = name in cls.__dict__
            setattr(cls, name, patched)
            undo = functools.partial(setattr, cls, name, original) if own else functools.partial(delattr, cls, name)
            self._restore.append(undo)

    # ---- the states of a step ---------------------------------------------------------------------

    def arm(self):
        """A scalar backward completed: the next untracked write into a parameter is an update."""
        self._armed[0] = self.patches.on
        self.updated = set()
        self._pointers = None

    def disarm(self):
        """An optimizer steps (or a forked child): no hand-written update in this step."""
        self._armed[0] = False
        self.updated = set()

    def close(self, pausing):
        """Ends an open group: the recorder records it as the step's update (and pauses when `pausing`)."""
        if not self.updated:
            return
        pos = self.pos
        self.disarm()
        self.shielded(self.rec.manual_update, pos, pausing)

    def shielded(self, work, *args):
        """A failure of the probe never ends the learner's run (a stop, KeyboardInterrupt, still does)."""
        try:
            return work(*args)
        except Exception as exc:  # noqa: BLE001 - reported once as a warning, the run goes on
            self.disarm()
            self.rec.probe_failed('hand-written update', exc)
            return None

    # ---- writes -----------------------------------------------------------------------------------

    def before_write(self, target, args):
        """Whether this write changes a parameter without autograd recording it; it joins the group."""
        if self.rec.probing_now or not isinstance(target, torch.Tensor) or not target.is_floating_point():
            return False  # the probe's own writes (the concept views move parameters and put them back)
        if torch.is_grad_enabled() and (target.requires_grad or _any_requires_grad(args)):
            return False  # recorded by autograd (or refused on a leaf): a computation, not an update
        k = self._index(target)
        if k is None:
            return False
        self.updated.add(k)
        return True

    def after_write(self):
        self.pos = self.rec.user_file.position()
        model = self.rec.model
        if model is not None and len(self.updated) >= len(model['params']):
            self.close(True)

    def _index(self, target):
        model = self.rec.model
        if model is None:
            return None
        if model is not self._model:
            self._model = model
            self._ids = {id(p): k for k, (_, p) in enumerate(model['params'])}
            self._pointers = None
        k = self._ids.get(id(target))
        if k is not None:
            return k
        try:
            if self._pointers is None:
                self._pointers = {p.data_ptr(): k for k, (_, p) in enumerate(model['params']) if p.numel() > 0}
            return self._pointers.get(target.data_ptr()) if target.numel() > 0 else None
        except RuntimeError:  # a tensor without storage (meta, some subclasses): never a parameter's values
            return None


def _any_requires_grad(args):
    return any(isinstance(a, torch.Tensor) and a.requires_grad for a in args)
