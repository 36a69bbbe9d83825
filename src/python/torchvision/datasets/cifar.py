"""torchvision.datasets.cifar (0.14): CIFAR10 / CIFAR100 read from torchvision's on-disk layout
(ROOT/cifar-10-batches-py/data_batch_1 ..., checked by MD5 as torchvision does). `data` is the numpy array
torchvision makes (N x 32 x 32 x 3, uint8); items go through the transform as torchvision's PIL images would."""

import os

import torch

from .._image import DatasetImage
from ._offline import check_integrity, no_download
from .vision import VisionDataset


def _load_pickle(f):
    from . import _pickled_arrays  # here, not at import: pickle takes a while to import in the browser runtime

    return _pickled_arrays.load(f)


class CIFAR10(VisionDataset):
    base_folder = 'cifar-10-batches-py'
    filename = 'cifar-10-python.tar.gz'
    train_list = [
        ['data_batch_1', 'c99cafc152244af753f735de768cd75f'],
        ['data_batch_2', 'd4bba439e000b95fd0a9bffe97cbabec'],
        ['data_batch_3', '54ebc095f3ab1f0389bbae665268c751'],
        ['data_batch_4', '634d18415352ddfa80567beed471001a'],
        ['data_batch_5', '482c414d41f54cd18b22e5b47cb7c3cb'],
    ]
    test_list = [['test_batch', '40351d587109b95175f43aff81a1287e']]
    meta = {'filename': 'batches.meta', 'key': 'label_names', 'md5': '5ff9c542aee3614f3951f8cda6e48888'}

    def __init__(self, root, train=True, transform=None, target_transform=None, download=False):
        super().__init__(root, transform=transform, target_transform=target_transform)
        self.train = train
        if download:
            self.download()
        if not self._check_integrity():
            raise RuntimeError('Dataset not found or corrupted. You can use download=True to download it')
        chunks, self.targets = [], []
        for file_name, _ in self.train_list if self.train else self.test_list:
            with open(os.path.join(self.root, self.base_folder, file_name), 'rb') as f:
                entry = _load_pickle(f)
            chunks.append(entry['data'])
            self.targets.extend(entry['labels'] if 'labels' in entry else entry['fine_labels'])
        # N x 3072 rows of R, G, B planes -> N x 32 x 32 x 3 (HWC), as torchvision's numpy array.
        self._pixels = torch.cat(chunks).reshape(-1, 3, 32, 32).permute(0, 2, 3, 1).contiguous()
        self.data = self._pixels.numpy()
        self._load_meta()

    def _load_meta(self):
        path = os.path.join(self.root, self.base_folder, self.meta['filename'])
        if not check_integrity(path, self.meta['md5']):
            raise RuntimeError('Dataset metadata file not found or corrupted. You can use download=True to download it')
        with open(path, 'rb') as infile:
            self.classes = _load_pickle(infile)[self.meta['key']]
        self.class_to_idx = {_class: i for i, _class in enumerate(self.classes)}

    def __getitem__(self, index):
        target = self.targets[index]
        img = DatasetImage(self._pixels[index], 'RGB')
        if self.transform is not None:
            img = self.transform(img)
        if self.target_transform is not None:
            target = self.target_transform(target)
        return img, target

    def __len__(self):
        return len(self.data)

    def _check_integrity(self):
        return all(
            check_integrity(os.path.join(self.root, self.base_folder, name), md5)
            for name, md5 in self.train_list + self.test_list
        )

    def download(self):
        if self._check_integrity():
            print('Files already downloaded and verified')
            return
        raise no_download(
            self.__class__.__name__, self.root, f'{self.filename}, extracted (the {self.base_folder} folder),'
        )

    def extra_repr(self):
        return f"Split: {'Train' if self.train is True else 'Test'}"


class CIFAR100(CIFAR10):
    base_folder = 'cifar-100-python'
    filename = 'cifar-100-python.tar.gz'
    train_list = [['train', '16019d7e3df5f24257cddd939b257f8d']]
    test_list = [['test', 'f0ef6b0ae62326f3e7ffdfab6717acfc']]
    meta = {'filename': 'meta', 'key': 'fine_label_names', 'md5': '7973b15100ade9c7d40fb424638fde48'}
