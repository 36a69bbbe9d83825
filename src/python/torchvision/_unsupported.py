"""Errors for torchvision features Backprop Lens does not have: each names the feature and what to use instead."""

from torch._unsupported import MissingFeature

NO_PILLOW = (
    "Backprop Lens has no Pillow (PIL), so torchvision's PIL images are not available; "
    "work with tensors (C x H x W) or numpy arrays (H x W x C) instead"
)
NO_DOWNLOAD = (
    "Backprop Lens runs your file offline and cannot download anything; "
    "build the model without weights (weights=None), and train it in your file"
)


def unsupported(feature, hint):
    return NotImplementedError(f"{feature} is not supported by Backprop Lens ({hint}). See README 'Supported PyTorch'.")


def needs_pil(feature):
    return unsupported(feature, NO_PILLOW)


def module_getattr(module, names):
    """A module-level __getattr__: a name torchvision 0.14 has in `module` but we lack is a NotImplementedError
    (also an AttributeError, so hasattr() is False); any other name is a plain AttributeError, as there."""

    def __getattr__(name):
        if name in names:
            raise MissingFeature(*unsupported(f'{module}.{name}', 'not yet in its torchvision subset; see README').args)
        raise AttributeError(f"module '{module}' has no attribute '{name}'")

    return __getattr__
