"""Errors for PyTorch features Backprop Lens does not have: they name the feature and point to the list."""

SUPPORTED_HINT = (
    "Backprop Lens supports CPU float32 tensors with autograd, torch.nn (Linear, activations, losses, "
    "Sequential, ModuleList, Dropout, Flatten, Identity), torch.nn.functional, torch.nn.init, torch.optim "
    "(SGD, Adam, AdamW, RMSprop, Adagrad), torch.optim.lr_scheduler and torch.utils.data "
    "(TensorDataset, DataLoader); see README 'Supported PyTorch'."
)


def unsupported(feature, hint=None):
    """The NotImplementedError raised for `feature` (e.g. 'torch.nn.Conv2d'), with an optional hint."""
    detail = f" ({hint})" if hint else ''
    return NotImplementedError(f"{feature} is not supported by Backprop Lens{detail}. {SUPPORTED_HINT}")


def no_gpu(feature):
    return NotImplementedError(
        f"{feature}: Backprop Lens has no GPU; everything runs on the CPU, so use the tensor as it is "
        f"(or .to('cpu')). {SUPPORTED_HINT}"
    )


def module_getattr(prefix):
    """A module-level __getattr__ that reports unknown public names as unsupported features."""

    def __getattr__(name):
        if name.startswith('_'):
            raise AttributeError(f"module '{prefix}' has no attribute '{name}'")
        raise unsupported(f"{prefix}.{name}")

    return __getattr__
