"""Backprop Lens's torchvision: the part of torchvision 0.14 that runs without Pillow and without downloads:
transforms on tensors, model architectures (no pretrained weights), datasets read from local files, and
utils.make_grid. See README 'Supported PyTorch'."""

from . import datasets, models, ops, transforms, utils

__version__ = '0.14.1'


def get_image_backend():
    return 'PIL'


def set_image_backend(backend):
    from ._unsupported import needs_pil

    raise needs_pil(f'torchvision.set_image_backend({backend!r})')
