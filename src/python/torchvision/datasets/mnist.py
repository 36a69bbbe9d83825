"""torchvision.datasets.mnist (0.14): MNIST, FashionMNIST and KMNIST read from torchvision's on-disk layout
(ROOT/MNIST/raw/train-images-idx3-ubyte, ...; or the older processed/training.pt). Items go through the
transform as torchvision's (a PIL image there, the same pixels here: transforms.ToTensor() gives the same tensor)."""

import os
import struct
import warnings

import torch

from .._image import DatasetImage
from ._offline import check_integrity, no_download
from .vision import VisionDataset

# The IDX format's type codes: torch dtype and bytes per value (values are big-endian).
_IDX_TYPES = {
    8: (torch.uint8, 'B'),
    9: (torch.int8, 'b'),
    11: (torch.int16, 'h'),
    12: (torch.int32, 'i'),
    13: (torch.float32, 'f'),
    14: (torch.float64, 'd'),
}


def read_sn3_pascalvincent_tensor(path, strict=True):
    """An IDX file ("SN3 pascalvincent" format) as a tensor of its declared shape."""
    with open(path, 'rb') as f:
        data = f.read()
    magic = int.from_bytes(data[0:4], 'big')
    nd, ty = magic % 256, magic // 256
    assert 1 <= nd <= 3
    assert 8 <= ty <= 14
    dtype, code = _IDX_TYPES[ty]
    shape = [int.from_bytes(data[4 * (i + 1) : 4 * (i + 2)], 'big') for i in range(nd)]
    body = data[4 * (nd + 1) :]
    width = struct.calcsize(code)
    values = list(body) if code == 'B' else struct.unpack(f'>{len(body) // width}{code}', body)
    parsed = torch.tensor(values, dtype=dtype)
    count = 1
    for s in shape:
        count *= s
    assert parsed.shape[0] == count or not strict
    return parsed.view(*shape)


def read_label_file(path):
    x = read_sn3_pascalvincent_tensor(path, strict=False)
    if x.dtype != torch.uint8:
        raise TypeError(f'x should be of dtype torch.uint8 instead of {x.dtype}')
    if x.ndimension() != 1:
        raise ValueError(f'x should have 1 dimension instead of {x.ndimension()}')
    return x.long()


def read_image_file(path):
    x = read_sn3_pascalvincent_tensor(path, strict=False)
    if x.dtype != torch.uint8:
        raise TypeError(f'x should be of dtype torch.uint8 instead of {x.dtype}')
    if x.ndimension() != 3:
        raise ValueError(f'x should have 3 dimension instead of {x.ndimension()}')
    return x


class MNIST(VisionDataset):
    _raw_files = (
        'train-images-idx3-ubyte',
        'train-labels-idx1-ubyte',
        't10k-images-idx3-ubyte',
        't10k-labels-idx1-ubyte',
    )
    training_file = 'training.pt'
    test_file = 'test.pt'
    classes = [
        '0 - zero',
        '1 - one',
        '2 - two',
        '3 - three',
        '4 - four',
        '5 - five',
        '6 - six',
        '7 - seven',
        '8 - eight',
        '9 - nine',
    ]

    @property
    def train_labels(self):
        warnings.warn('train_labels has been renamed targets')
        return self.targets

    @property
    def test_labels(self):
        warnings.warn('test_labels has been renamed targets')
        return self.targets

    @property
    def train_data(self):
        warnings.warn('train_data has been renamed data')
        return self.data

    @property
    def test_data(self):
        warnings.warn('test_data has been renamed data')
        return self.data

    def __init__(self, root, train=True, transform=None, target_transform=None, download=False):
        super().__init__(root, transform=transform, target_transform=target_transform)
        self.train = train
        if self._check_legacy_exist():
            self.data, self.targets = torch.load(
                os.path.join(self.processed_folder, self.training_file if self.train else self.test_file)
            )
            return
        if download:
            self.download()
        if not self._check_exists():
            raise RuntimeError('Dataset not found. You can use download=True to download it')
        self.data, self.targets = self._load_data()

    def _check_legacy_exist(self):
        if not os.path.exists(self.processed_folder):
            return False
        return all(
            check_integrity(os.path.join(self.processed_folder, file)) for file in (self.training_file, self.test_file)
        )

    def _load_data(self):
        split = 'train' if self.train else 't10k'
        data = read_image_file(os.path.join(self.raw_folder, f'{split}-images-idx3-ubyte'))
        targets = read_label_file(os.path.join(self.raw_folder, f'{split}-labels-idx1-ubyte'))
        return data, targets

    def __getitem__(self, index):
        img, target = self.data[index], int(self.targets[index])
        # torchvision hands the transform a PIL image (mode 'L'); this stands in for it.
        img = DatasetImage(img, 'L')
        if self.transform is not None:
            img = self.transform(img)
        if self.target_transform is not None:
            target = self.target_transform(target)
        return img, target

    def __len__(self):
        return len(self.data)

    @property
    def raw_folder(self):
        return os.path.join(self.root, self.__class__.__name__, 'raw')

    @property
    def processed_folder(self):
        return os.path.join(self.root, self.__class__.__name__, 'processed')

    @property
    def class_to_idx(self):
        return {_class: i for i, _class in enumerate(self.classes)}

    def _check_exists(self):
        return all(check_integrity(os.path.join(self.raw_folder, name)) for name in self._raw_files)

    def download(self):
        if self._check_exists():
            return
        raise no_download(self.__class__.__name__, self.raw_folder, ', '.join(self._raw_files) + ' (unzipped)')

    def extra_repr(self):
        return f"Split: {'Train' if self.train is True else 'Test'}"


class FashionMNIST(MNIST):
    classes = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']


class KMNIST(MNIST):
    classes = ['o', 'ki', 'su', 'tsu', 'na', 'ha', 'ma', 'ya', 're', 'wo']
