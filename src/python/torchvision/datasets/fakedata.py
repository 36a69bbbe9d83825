"""torchvision.datasets.FakeData (0.14): random images, the same for the same index and seed offset. torchvision
turns each into a PIL image with ToPILImage (values * 255, cast to uint8); the stand-in holds those pixels."""

import torch

from .._image import DatasetImage
from .vision import VisionDataset


class FakeData(VisionDataset):
    def __init__(
        self,
        size=1000,
        image_size=(3, 224, 224),
        num_classes=10,
        transform=None,
        target_transform=None,
        random_offset=0,
    ):
        super().__init__(None, transform=transform, target_transform=target_transform)
        self.size = size
        self.num_classes = num_classes
        self.image_size = image_size
        self.random_offset = random_offset

    def __getitem__(self, index):
        if index >= len(self):
            raise IndexError(f'{self.__class__.__name__} index out of range')
        # Drawn from the index's own seed, leaving the file's generator as it was (torchvision reseeds the
        # global generator and restores its state; a generator of its own draws the same numbers).
        gen = torch.Generator().manual_seed(index + self.random_offset)
        img = torch.randn(*self.image_size, generator=gen)
        target = torch.randint(0, self.num_classes, size=(1,), dtype=torch.long, generator=gen)[0]
        pixels = img.mul(255).byte()
        img = DatasetImage(pixels[0], 'L') if pixels.shape[0] == 1 else DatasetImage(pixels.permute(1, 2, 0), 'RGB')
        if self.transform is not None:
            img = self.transform(img)
        if self.target_transform is not None:
            target = self.target_transform(target)
        return img, target.item()

    def __len__(self):
        return self.size
