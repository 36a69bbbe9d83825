"""Errors for PyTorch features Backprop Lens does not have: they name the feature and point to the list."""

SUPPORTED_HINT = (
    "Backprop Lens supports CPU float32 tensors with autograd, torch.nn (Linear, Conv1d/2d/3d, ConvTranspose1d/2d/3d, "
    "MaxPool1d/2d/3d, AvgPool1d/2d/3d, adaptive pooling, LPPool1d/2d, FractionalMaxPool2d/3d, MaxUnpool2d, Upsample, "
    "PixelShuffle, ChannelShuffle, BatchNorm1d/2d/3d, "
    "LayerNorm, GroupNorm, InstanceNorm, Embedding, RNN, LSTM, GRU, MultiheadAttention, Transformer and its encoder/decoder layers, "
    "activations, losses, Sequential, "
    "ModuleList, Dropout, Dropout2d, Flatten, Identity), "
    "torch.nn.functional, torch.nn.init, torch.optim "
    "(SGD, Adam, AdamW, RMSprop, Adagrad, Adadelta, Adamax, NAdam, RAdam, Rprop, ASGD, LBFGS), "
    "torch.optim.lr_scheduler and torch.utils.data "
    "(TensorDataset, DataLoader); see README 'Supported PyTorch'."
)


def unsupported(feature, hint=None):
    """The NotImplementedError raised for `feature` (e.g. 'torch.nn.Conv2d'), with an optional hint."""
    detail = f" ({hint})" if hint else ''
    return NotImplementedError(f"{feature} is not supported by Backprop Lens{detail}. {SUPPORTED_HINT}")


class MissingFeature(NotImplementedError, AttributeError):
    """NotImplementedError for an attribute PyTorch's Tensor has and ours lacks; also an AttributeError, so that
    hasattr(t, name), getattr(t, name, default) and copy/numpy's probes of dunders behave as with a tensor
    that lacks the name, while `t.stft(...)` still stops at the learner's line naming the feature."""


MissingFeature.__name__ = MissingFeature.__qualname__ = 'NotImplementedError'
MissingFeature.__module__ = 'builtins'


class MissingModule(NotImplementedError, ModuleNotFoundError):
    """NotImplementedError for a module PyTorch has and Backprop Lens lacks (`import torch.utils.cpp_extension`);
    also a ModuleNotFoundError, so that a file's `try: import ... except ImportError:` fallback still works."""


MissingModule.__name__ = MissingModule.__qualname__ = 'NotImplementedError'
MissingModule.__module__ = 'builtins'


def missing_module(name):
    """The MissingModule raised for importing PyTorch's module `name`."""
    from ._missing_hints import module_hint

    return MissingModule(unsupported(f'The module {name}', module_hint(name)).args[0], name=name)


def missing(feature, hint=None):
    """unsupported(feature, hint) as a MissingFeature (for attribute lookups on objects)."""
    return MissingFeature(*unsupported(feature, hint).args)


def no_gpu(feature):
    return NotImplementedError(
        f"{feature}: Backprop Lens has no GPU; everything runs on the CPU, so use the tensor as it is "
        f"(or .to('cpu')). {SUPPORTED_HINT}"
    )


def module_getattr(prefix):
    """A module-level __getattr__ that reports PyTorch 1.13's names we lack as unsupported features, and
    other names (typos, names of later PyTorch versions) as PyTorch 1.13 does: an AttributeError, so that
    hasattr(nn, 'CircularPad2d') is False and `from torch.nn import CircularPad2d` an ImportError."""
    from ._module_names import MODULE_NAMES

    pytorch_names = MODULE_NAMES.get(prefix)

    def __getattr__(name):
        if name.startswith('_') or (pytorch_names is not None and name not in pytorch_names and name != 'Tensor'):
            raise AttributeError(f"module '{prefix}' has no attribute '{name}'")
        if name == 'Tensor':  # PyTorch's modules import it (`from torch import Tensor`), so it is theirs too
            from ._tensor import Tensor

            return Tensor
        from ._missing_hints import module_hint

        raise unsupported(f"{prefix}.{name}", module_hint(f"{prefix}.{name}"))

    return __getattr__
