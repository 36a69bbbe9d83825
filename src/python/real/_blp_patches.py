"""Backprop Lens probe: where real PyTorch is watched, without changing what the learner's file computes.

- `torch.Tensor.backward`: a backward of a one-element tensor is a training step (its loss).
- `optimizer.step()` of every optimizer class, also those defined by the script: `Optimizer.__init__` wraps
  the step of the instance's class once (PyTorch's own profiling wrapper is treated the same way, so the
  wrappers never pile up). A step calling `super().step()` is one step.
- `nn.Module.__init__`: remembers the line of the learner's file creating each module (ModuleInfo.line).
- global module forward hooks (`register_module_forward_pre_hook` / `register_module_forward_hook`): the
  first call of a root module with parameters makes it the model (its module tree is sent); afterwards each
  module of the model reports its output (activations).
- torch.nn.functional's loss functions (the loss modules call them too): the forward and loss phases, and
  the prediction and target the concept views use (_blp_activations.py).
- functional activations (torch.tanh, F.relu, x.sigmoid(), ...): their inputs and outputs inside a captured
  forward, named as the built-in runtime names them (`tanh#1`, `fc1:relu#1`) (_blp_activations.py).

The probe's own calls of the model (the concept views' grids) run with `recorder.probing()`: unobserved.

A process forked by the script (DataLoader workers) runs unobserved: the patches turn themselves off there.
"""

import functools
import os

import torch

from _blp_activations import patch_activations, patch_losses
from _blp_control import check_stop
from _blp_manual import ManualUpdates


class Patches:
    def __init__(self, recorder, control):
        self.rec = recorder
        self.control = control
        self.on = True
        self.depth = 0  # module calls in progress
        self.capturing = False  # whether this forward's outputs are kept (see _pre_forward)
        self._stepping = 0  # optimizer steps in progress (a subclass's step calling super().step())
        self._paths = {}  # id(module) -> dotted path in the model, or False (not part of a model)
        self._keep = []  # the modules of _paths, so that their ids are never reused
        self._handles = []
        self._restore = []
        self.stack = []  # paths of the model's modules running (a captured forward), innermost last
        self.act_counts = {}  # (module path, function) -> calls in this forward
        self.probe_outputs = {}  # path -> output of the probe's own forward (the concept views' replay)
        self.manual = ManualUpdates(self)  # hand-written updates (_blp_manual.py)

    # ---- installing -------------------------------------------------------------------------------

    def install(self):
        self._patch_backward()
        self._patch_optimizers()
        self._patch_module_init()
        self._hook_modules()
        patch_losses(self)
        patch_activations(self)
        self.manual.install()
        self.rec.manual = self.manual
        if hasattr(os, 'register_at_fork'):
            os.register_at_fork(after_in_child=self._off)

    def uninstall(self):
        self._off()
        self.manual.uninstall()
        for undo in reversed(self._restore):
            undo()
        self._restore = []

    def _off(self):
        self.on = False
        for handle in self._handles:
            try:
                handle.remove()
            except Exception:  # noqa: BLE001 - best effort in a forked child
                pass
        self._handles = []

    def _patch_backward(self):
        original = torch.Tensor.backward
        patches = self

        @functools.wraps(original)
        def backward(self, *args, **kwargs):
            if patches.on and not patches.rec.probing_now:
                patches.manual.close(True)  # a hand-written update before this backward is over
                try:
                    patches.rec.before_backward(self)
                except Exception as exc:  # noqa: BLE001 - the probe never ends the learner's run
                    patches.rec.probe_failed('backward', exc)
            out = original(self, *args, **kwargs)
            if patches.on:
                patches.depth = 0  # a forward that raised never returned: no module is running now
                try:
                    patches.rec.backward(self)
                except Exception as exc:  # noqa: BLE001 - the probe never ends the learner's run
                    patches.rec.probe_failed('backward', exc)
                if self.numel() == 1 and not patches.rec.probing_now:
                    patches.manual.arm()
            return out

        torch.Tensor.backward = backward
        self._restore.append(lambda: setattr(torch.Tensor, 'backward', original))

    def _patch_module_init(self):
        """The line of the learner's file where a module is created, as the built-in torch records it: the
        innermost frame of the file (`self.fc1 = nn.Linear(2, 4)`; `super().__init__()` for the model itself)."""
        original = torch.nn.Module.__init__
        user_file = self.rec.user_file

        @functools.wraps(original)
        def __init__(module, *args, **kwargs):
            original(module, *args, **kwargs)
            frames = user_file.frames()
            if frames:
                module.__dict__['_blp_line'] = frames[0].f_lineno

        torch.nn.Module.__init__ = __init__
        self._restore.append(lambda: setattr(torch.nn.Module, '__init__', original))

    def _patch_optimizers(self):
        base = torch.optim.Optimizer
        original_init = base.__init__
        patches = self

        @functools.wraps(original_init)
        def __init__(self, *args, **kwargs):
            original_init(self, *args, **kwargs)
            cls = type(self)
            if not getattr(cls.step, '_bl_probe', False):
                cls.step = patches._wrap_step(cls.step)

        base.__init__ = __init__
        self._restore.append(lambda: setattr(base, '__init__', original_init))

    def _wrap_step(self, step):
        patches = self

        # functools.wraps copies the wrapped function's attributes, among them PyTorch's `hooked` mark, so its
        # profiling wrapper does not wrap ours again at the next optimizer's __init__.
        @functools.wraps(step)
        def step_observed(self, *args, **kwargs):
            if patches._stepping or not patches.on:
                return step(self, *args, **kwargs)
            patches.manual.disarm()  # its own in-place writes are no hand-written update
            patches._stepping += 1
            try:
                out = step(self, *args, **kwargs)
            finally:
                patches._stepping -= 1
            try:
                patches.rec.optimizer_step(self)
            except Exception as exc:  # noqa: BLE001 - the probe never ends the learner's run
                patches.rec.probe_failed('optimizer step', exc)
            return out

        step_observed._bl_probe = True
        return step_observed

    def _hook_modules(self):
        hooks = torch.nn.modules.module
        if not hasattr(hooks, 'register_module_forward_hook'):
            return  # PyTorch before 1.9: no activations and no module tree, steps still recorded
        self._handles.append(hooks.register_module_forward_pre_hook(self._pre_forward))
        self._handles.append(hooks.register_module_forward_hook(self._post_forward))

    # ---- module hooks -----------------------------------------------------------------------------

    def _pre_forward(self, module, inputs):
        if self.rec.probing_now:
            return self._pre_probe_forward(module)
        if self.depth == 0 and self.on:
            self.manual.close(True)  # a hand-written update before this forward is over
            if id(module) not in self._paths:
                try:
                    self._observe(module)
                except Exception as exc:  # noqa: BLE001 - the probe never ends the learner's run
                    self._paths[id(module)] = False
                    self.rec.probe_failed('model', exc)
            # Outputs are kept only for a forward whose activations will be sent: holding every module's
            # output between steps would hold a big model's activation memory on its GPU for nothing.
            self.capturing = self.rec.wants_activations()
            self.stack = []
            if self.capturing:
                self.act_counts = {}
                self.rec.concepts.act_calls = []
        self.depth += 1
        if self.capturing:
            self.stack.append(self._paths.get(id(module)))
        return None

    def _pre_probe_forward(self, module):
        if self.depth == 0:
            self.stack = []
            self.act_counts = {}
            self.probe_outputs = {}
        self.depth += 1
        self.stack.append(self._paths.get(id(module)))
        return None

    def _post_forward(self, module, inputs, output):
        if self.depth > 0:
            self.depth -= 1
        if self.stack and (self.capturing or self.rec.probing_now):
            self.stack.pop()
        path = self._paths.get(id(module))
        if path is None or path is False or not self.on:
            return None
        if self.rec.probing_now:
            self.probe_outputs[path] = output
            if path == '':
                self._name_activations(self.probe_outputs)
            return None
        if self.capturing and isinstance(output, torch.Tensor):
            self.rec.latest_outputs[path] = output
        if path == '':
            self.rec.concepts.model_called(module, inputs, output)
            if self.capturing:
                self._name_activations(self.rec.latest_outputs)
            check_stop(self.control)
            try:
                self.rec.root_returned()
            except Exception as exc:  # noqa: BLE001 - the probe never ends the learner's run
                self.rec.probe_failed('activations', exc)
        return None

    def _name_activations(self, module_outputs):
        """A functional activation whose output a module returned takes that module's path (`nn.Tanh` at
        '1', F.sigmoid returned by the model: ''); the others keep theirs and join the activations."""
        outputs = {id(t): path for path, t in module_outputs.items() if ':' not in path and '#' not in path}
        calls = self.rec.concepts.act_calls
        for k, (fn, label, x, y) in enumerate(calls):
            owner = outputs.get(id(y))
            if owner is not None:
                calls[k] = (fn, owner, x, y)
            elif not self.rec.probing_now:
                self.rec.latest_outputs[label] = y

    def _observe(self, module):
        """A root module called for the first time: a model when it has parameters (a loss module is not)."""
        self._keep.append(module)
        params = list(module.named_parameters())
        if not params:
            self._paths[id(module)] = False
            return
        infos = []
        for path, sub in module.named_modules():
            self._paths[id(sub)] = path
            self._keep.append(sub)
            infos.append(_module_info(path, sub))
        self.rec.latest_outputs.clear()
        self.rec.model_seen(infos, params)


def _module_info(path, module):
    """ModuleInfo (src/protocol.ts) of one module of a model."""
    own = []
    for name, p in module._parameters.items():
        if p is None:
            continue
        own.append({'name': f'{path}.{name}' if path else name, 'shape': list(p.shape), 'numel': p.numel()})
    children = [f'{path}.{name}' if path else name for name, m in module._modules.items() if m is not None]
    try:
        extra = module.extra_repr()
    except Exception:  # noqa: BLE001 - a learner's extra_repr may fail; the tree is still worth showing
        extra = ''
    info = {'path': path, 'type': type(module).__name__, 'extra': extra, 'params': own, 'children': children}
    line = module.__dict__.get('_blp_line')
    if line is not None:
        info['line'] = line
    return info
