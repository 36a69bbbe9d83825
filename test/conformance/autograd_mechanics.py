# Idioms: from the "Autograd mechanics" notes: `requires_grad` flowing through ops, freezing a pretrained
# part (`param.requires_grad = False`) and replacing the head, an optimizer over the head's parameters only,
# `torch.set_grad_enabled(is_train)`, `torch.inference_mode()`, `x.is_leaf`, `requires_grad` of results,
# and the in-place error when a saved tensor is changed (`sigmoid_`/`exp_` after use), `_version`.
# Seen in: PyTorch docs notes/autograd.rst (1.13), "Finetuning Torchvision Models" (`set_parameter_requires_grad`,
# `torch.set_grad_enabled(phase == 'train')`), tutorials.pytorch.kr "Autograd 메커니즘".
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
x = torch.randn(5, 5)
y = torch.randn(5, 5)
z = torch.randn((5, 5), requires_grad=True)
a = x + y
print(a.requires_grad)
b = a + z
print(b.requires_grad, b.is_leaf, z.is_leaf, a.is_leaf)

backbone = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 8))
model = nn.Sequential(backbone, nn.Linear(8, 3))


def set_parameter_requires_grad(model, feature_extracting):
    if feature_extracting:
        for param in model.parameters():
            param.requires_grad = False


set_parameter_requires_grad(model, True)
model[1] = nn.Linear(8, 2)
params_to_update = []
for name, param in model.named_parameters():
    if param.requires_grad:
        params_to_update.append(param)
        print('\t', name)
optimizer = optim.SGD(params_to_update, lr=0.1, momentum=0.9)
inputs = torch.randn(10, 6)
labels = torch.randint(0, 2, (10,))
criterion = nn.CrossEntropyLoss()
for phase in ['train', 'val', 'train']:
    model.train() if phase == 'train' else model.eval()
    optimizer.zero_grad()
    with torch.set_grad_enabled(phase == 'train'):
        outputs = model(inputs)
        loss = criterion(outputs, labels)
        _, preds = torch.max(outputs, 1)
        if phase == 'train':
            loss.backward()
            optimizer.step()
    print(phase, round(loss.item(), 5), torch.sum(preds == labels.data).item(), outputs.requires_grad)
print(model[0][0].weight.grad, model[1].weight.grad.shape)

with torch.inference_mode():
    out = model(inputs)
print(out.requires_grad, torch.is_inference_mode_enabled())

w = torch.randn(3, requires_grad=True)
h = w.exp()
print(h._version)
h.add_(1)
print(h._version)
try:
    h.sum().backward()
except RuntimeError as e:
    print('RuntimeError:', str(e).split(':')[0])
w2 = torch.randn(3, requires_grad=True)
s = torch.sigmoid(w2 * 2)
s.mul_(2)
try:
    s.sum().backward()
except RuntimeError as e:
    print('RuntimeError:', str(e).split(':')[0])
t = w2 * 2
t.add_(1)
t.sum().backward()
print(w2.grad)
