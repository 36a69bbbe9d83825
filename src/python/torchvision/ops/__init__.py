"""torchvision.ops: only the building blocks the models here use (ops.misc)."""

from . import misc
from .misc import Conv2dNormActivation
