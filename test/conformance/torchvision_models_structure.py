# torchvision.models as tutorials and courses use them without downloading weights: print(models.resnet18())
# with its parameter count, the transfer-learning moves of the PyTorch "Finetuning" tutorial (model.fc =
# nn.Linear(model.fc.in_features, 2), freezing with param.requires_grad = False, counting trainable
# parameters), a feature extractor from nn.Sequential(*list(model.children())[:-1]), resnet50's Bottleneck,
# zero_init_residual=True, weights=None, the weights enums' names, models.mobilenet_v2's
# Conv2dNormActivation/InvertedResidual structure and a seeded forward pass in eval mode, AlexNet's layers,
# VGG's make_layers(cfgs['A'], batch_norm=True), isinstance checks on the block classes.
import torch
import torch.nn as nn
import torchvision
from torchvision import models
from torchvision.models import ResNet18_Weights, ResNet50_Weights

torch.manual_seed(42)
model = models.resnet18(weights=None)
print(model)
print('resnet18 params:', sum(p.numel() for p in model.parameters()))
print(model.conv1.weight[0, 0, :2], model.bn1.weight[:3], model.fc.bias[:3])
print(model.layer1[0].conv1.weight.std().item() > 0)

for param in model.parameters():
    param.requires_grad = False
num_ftrs = model.fc.in_features
model.fc = nn.Linear(num_ftrs, 2)
print(model.fc, num_ftrs)
print('trainable:', sum(p.numel() for p in model.parameters() if p.requires_grad))
params_to_update = [name for name, p in model.named_parameters() if p.requires_grad]
print(params_to_update)

model.eval()
x = torch.randn(2, 3, 64, 64)
with torch.no_grad():
    out = model(x)
print(out.shape, out)
features = nn.Sequential(*list(model.children())[:-1])
with torch.no_grad():
    f = features(x)
print(f.shape, f.flatten(1)[:, :4])

r50 = models.resnet50(num_classes=10, zero_init_residual=True)
print(r50.layer2[0])
print('resnet50 params:', sum(p.numel() for p in r50.parameters()))
print(r50.layer3[1].bn3.weight[:4], r50.layer3[1].bn2.weight[:2])
print(isinstance(r50.layer1[0], models.resnet.Bottleneck), type(model.layer1[0]).__name__)
print('resnet34 params:', sum(p.numel() for p in models.resnet34().parameters()))
print(ResNet18_Weights.DEFAULT, ResNet50_Weights.DEFAULT, list(ResNet50_Weights))

mnet = models.mobilenet_v2(num_classes=3)
print(mnet.features[0])
print(mnet.features[1])
print(mnet.features[2])
print(mnet.features[-1], mnet.classifier)
print('mobilenet_v2 params:', sum(p.numel() for p in mnet.parameters()))
print(len(mnet.features), mnet.last_channel, mnet.features[3].use_res_connect)
mnet.eval()
with torch.no_grad():
    print(mnet(torch.randn(1, 3, 32, 32)))
print(type(mnet.features[0]).__module__, type(mnet.features[0]).__name__)

alex = models.alexnet(num_classes=5)
print(alex.features, alex.avgpool)
print('alexnet params:', sum(p.numel() for p in alex.parameters()))
vgg_features = models.vgg.make_layers(models.vgg.cfgs['A'], batch_norm=True)
print(vgg_features)
print('vgg11_bn features params:', sum(p.numel() for p in vgg_features.parameters()))
print(torch.rand(2))
