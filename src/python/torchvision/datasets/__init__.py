"""torchvision.datasets (0.14): MNIST, FashionMNIST, KMNIST, CIFAR10/100 from local files in torchvision's
layout, FakeData, and DatasetFolder/ImageFolder with a loader given (folder.py). Nothing is downloaded:
download=True with the files missing says what to put where. Items are handed to the transform as torchvision's PIL images would be (see torchvision._image)."""

from .._unsupported import module_getattr
from .cifar import CIFAR10, CIFAR100
from .fakedata import FakeData
from .folder import DatasetFolder, ImageFolder
from .mnist import KMNIST, MNIST, FashionMNIST
from .vision import VisionDataset

# torchvision 0.14's other datasets, each a NotImplementedError when used.
_MISSING = {
    'CLEVRClassification',
    'CREStereo',
    'Caltech101',
    'Caltech256',
    'CarlaStereo',
    'CelebA',
    'Cityscapes',
    'CocoCaptions',
    'CocoDetection',
    'Country211',
    'DTD',
    'EMNIST',
    'ETH3DStereo',
    'EuroSAT',
    'FER2013',
    'FGVCAircraft',
    'FallingThingsStereo',
    'Flickr30k',
    'Flickr8k',
    'Flowers102',
    'FlyingChairs',
    'FlyingThings3D',
    'Food101',
    'GTSRB',
    'HD1K',
    'HMDB51',
    'INaturalist',
    'ImageNet',
    'InStereo2k',
    'Kinetics',
    'Kitti',
    'Kitti2012Stereo',
    'Kitti2015Stereo',
    'KittiFlow',
    'LFWPairs',
    'LFWPeople',
    'LSUN',
    'LSUNClass',
    'Middlebury2014Stereo',
    'Omniglot',
    'OxfordIIITPet',
    'PCAM',
    'PhotoTour',
    'Places365',
    'QMNIST',
    'RenderedSST2',
    'SBDataset',
    'SBU',
    'SEMEION',
    'STL10',
    'SUN397',
    'SVHN',
    'SceneFlowStereo',
    'Sintel',
    'SintelStereo',
    'StanfordCars',
    'UCF101',
    'USPS',
    'VOCDetection',
    'VOCSegmentation',
    'WIDERFace',
}
__getattr__ = module_getattr('torchvision.datasets', _MISSING)
