"""torchvision.models.vgg (0.14): VGG 11/13/16/19 with and without BatchNorm, torchvision's `features` /
`avgpool` / `classifier` structure and initialisation. No pretrained weights."""

import torch
import torch.nn as nn

from ._api import no_pretrained, weights_enum


class VGG(nn.Module):
    def __init__(self, features, num_classes=1000, init_weights=True, dropout=0.5):
        super().__init__()
        self.features = features
        self.avgpool = nn.AdaptiveAvgPool2d((7, 7))
        self.classifier = nn.Sequential(
            nn.Linear(512 * 7 * 7, 4096),
            nn.ReLU(True),
            nn.Dropout(p=dropout),
            nn.Linear(4096, 4096),
            nn.ReLU(True),
            nn.Dropout(p=dropout),
            nn.Linear(4096, num_classes),
        )
        if init_weights:
            for m in self.modules():
                if isinstance(m, nn.Conv2d):
                    nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
                    if m.bias is not None:
                        nn.init.constant_(m.bias, 0)
                elif isinstance(m, nn.BatchNorm2d):
                    nn.init.constant_(m.weight, 1)
                    nn.init.constant_(m.bias, 0)
                elif isinstance(m, nn.Linear):
                    nn.init.normal_(m.weight, 0, 0.01)
                    nn.init.constant_(m.bias, 0)

    def forward(self, x):
        x = self.avgpool(self.features(x))
        return self.classifier(torch.flatten(x, 1))


def make_layers(cfg, batch_norm=False):
    layers = []
    in_channels = 3
    for v in cfg:
        if v == 'M':
            layers += [nn.MaxPool2d(kernel_size=2, stride=2)]
            continue
        conv2d = nn.Conv2d(in_channels, v, kernel_size=3, padding=1)
        layers += [conv2d, nn.BatchNorm2d(v), nn.ReLU(inplace=True)] if batch_norm else [conv2d, nn.ReLU(inplace=True)]
        in_channels = v
    return nn.Sequential(*layers)


cfgs = {
    'A': [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
    'B': [64, 64, 'M', 128, 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
    'D': [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
    'E': [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
}


def _builder(name, cfg, batch_norm):
    def build(*args, weights=None, progress=True, **kwargs):
        kwargs = no_pretrained(name, args, weights, kwargs)
        return VGG(make_layers(cfgs[cfg], batch_norm=batch_norm), **kwargs)

    build.__name__ = build.__qualname__ = name
    build.__module__ = __name__
    return build


vgg11 = _builder('vgg11', 'A', False)
vgg11_bn = _builder('vgg11_bn', 'A', True)
vgg13 = _builder('vgg13', 'B', False)
vgg13_bn = _builder('vgg13_bn', 'B', True)
vgg16 = _builder('vgg16', 'D', False)
vgg16_bn = _builder('vgg16_bn', 'D', True)
vgg19 = _builder('vgg19', 'E', False)
vgg19_bn = _builder('vgg19_bn', 'E', True)

VGG11_Weights = weights_enum('VGG11_Weights')
VGG11_BN_Weights = weights_enum('VGG11_BN_Weights')
VGG13_Weights = weights_enum('VGG13_Weights')
VGG13_BN_Weights = weights_enum('VGG13_BN_Weights')
VGG16_Weights = weights_enum('VGG16_Weights', ('IMAGENET1K_V1', 'IMAGENET1K_FEATURES'))
VGG16_BN_Weights = weights_enum('VGG16_BN_Weights')
VGG19_Weights = weights_enum('VGG19_Weights')
VGG19_BN_Weights = weights_enum('VGG19_BN_Weights')
