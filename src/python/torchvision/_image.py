"""What a torchvision dataset hands its transform in place of a PIL image: the same pixels (uint8, H x W for
MNIST's mode 'L', H x W x 3 for CIFAR's 'RGB') without Pillow. transforms.ToTensor() turns it into the tensor
the real one makes; crops, flips and pads work on it exactly, through the tensor ops."""

from torch._unsupported import MissingFeature

from ._unsupported import needs_pil


class DatasetImage:
    def __init__(self, pixels, mode):
        self.pixels = pixels  # uint8 tensor, H x W or H x W x C
        self.mode = mode

    @property
    def size(self):
        return (self.pixels.shape[1], self.pixels.shape[0])

    @property
    def width(self):
        return self.pixels.shape[1]

    @property
    def height(self):
        return self.pixels.shape[0]

    def chw(self):
        """The pixels as a uint8 C x H x W tensor."""
        p = self.pixels
        return p.unsqueeze(0) if p.ndim == 2 else p.permute(2, 0, 1).contiguous()

    @classmethod
    def from_chw(cls, t, mode):
        return cls(t[0] if mode == 'L' else t.permute(1, 2, 0).contiguous(), mode)

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)  # copy's and numpy's probes for protocols
        # Also an AttributeError, so hasattr() probes see a missing attribute.
        raise MissingFeature(*needs_pil(f'PIL.Image.Image.{name} (an item of a torchvision dataset)').args)

    def __array__(self, dtype=None):
        return self.pixels.numpy() if dtype is None else self.pixels.numpy().astype(dtype)

    def __repr__(self):
        return f'<image mode={self.mode} size={self.width}x{self.height} (a PIL image in torchvision; no Pillow here)>'


# Learners print type(image) of a dataset item: name it as Pillow's class is named.
DatasetImage.__name__ = DatasetImage.__qualname__ = 'Image'
DatasetImage.__module__ = 'PIL.Image'
