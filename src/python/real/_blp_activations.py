"""Backprop Lens probe: patches of torch's loss functions and functional activations (see _blp_patches.py).

Loss functions: torch.nn.functional.mse_loss, cross_entropy, ... (the loss modules call these too). A call
while gradients are recorded tells the stepper that the forward is done (its start) and the loss computed
(its end), and the concept views which prediction and target the loss compared.

Activations: torch.relu/tanh/sigmoid, their torch.nn.functional forms and Tensor methods. Inside a forward whose
outputs are kept (and inside the probe's own replay at the end of the run) each call is recorded with its
input and output, named `PATH:fn#k` after the module running it (`tanh#1` in the model's own forward), as the
built-in runtime names functional activations. Outside those, a patched function only reads two attributes.
"""

import functools

import torch
import torch.nn.functional as F

LOSSES = (
    'mse_loss',
    'l1_loss',
    'smooth_l1_loss',
    'huber_loss',
    'binary_cross_entropy',
    'binary_cross_entropy_with_logits',
    'cross_entropy',
    'nll_loss',
)

# (owner, attribute, the activation's name)
ACTIVATIONS = [
    (torch, 'relu', 'relu'),
    (torch, 'tanh', 'tanh'),
    (torch, 'sigmoid', 'sigmoid'),
    (F, 'relu', 'relu'),
    (F, 'tanh', 'tanh'),
    (F, 'sigmoid', 'sigmoid'),
    (F, 'leaky_relu', 'leaky_relu'),
    (F, 'elu', 'elu'),
    (F, 'celu', 'celu'),
    (F, 'gelu', 'gelu'),
    (F, 'silu', 'silu'),
    (F, 'softplus', 'softplus'),
    (F, 'logsigmoid', 'logsigmoid'),
    (F, 'mish', 'mish'),
    (F, 'hardtanh', 'hardtanh'),
    (torch.Tensor, 'relu', 'relu'),
    (torch.Tensor, 'tanh', 'tanh'),
    (torch.Tensor, 'sigmoid', 'sigmoid'),
]


def _replace(patches, owner, name, wrapper_of):
    original = getattr(owner, name, None)
    if original is None:
        return
    wrapped = wrapper_of(original)
    setattr(owner, name, wrapped)
    patches._restore.append(lambda: setattr(owner, name, original))


def patch_losses(patches):
    rec = patches.rec

    def wrapper_of(name):
        def make(original):
            @functools.wraps(original)
            def loss(*args, **kwargs):
                if not patches.on or rec.probing_now:
                    return original(*args, **kwargs)
                prediction = args[0] if args else kwargs.get('input')
                target = args[1] if len(args) > 1 else kwargs.get('target')
                extra = {k: v for k, v in kwargs.items() if k not in ('input', 'target')}
                rec.loss_start(name, prediction, target, (tuple(args[2:]), extra, original))
                try:
                    out = original(*args, **kwargs)
                except BaseException:
                    rec.loss_failed()
                    raise
                reduction = kwargs.get('reduction', 'mean')
                rec.loss_end(name, reduction if isinstance(reduction, str) else None, out)
                return out

            return loss

        return make

    for name in LOSSES:
        _replace(patches, F, name, wrapper_of(name))


def patch_activations(patches):
    rec = patches.rec

    def wrapper_of(fn):
        def make(original):
            @functools.wraps(original)
            def activation(*args, **kwargs):
                recording = patches.capturing or rec.probe_activations
                if not recording or patches.in_activation or not patches.stack or not patches.on:
                    return original(*args, **kwargs)
                path = patches.stack[-1]
                if path is None or path is False:  # a module outside the model (a loss module)
                    return original(*args, **kwargs)
                patches.in_activation = True
                try:
                    out = original(*args, **kwargs)
                finally:
                    patches.in_activation = False
                x = args[0] if args else kwargs.get('input')
                if isinstance(x, torch.Tensor) and isinstance(out, torch.Tensor):
                    key = (path, fn)
                    k = patches.act_counts.get(key, 0) + 1
                    patches.act_counts[key] = k
                    label = '%s%s#%d' % (path + ':' if path else '', fn, k)
                    rec.concepts.act_calls.append((fn, label, x, out))
                return out

            return activation

        return make

    patches.in_activation = False
    for owner, name, fn in ACTIVATIONS:
        _replace(patches, owner, name, wrapper_of(fn))
