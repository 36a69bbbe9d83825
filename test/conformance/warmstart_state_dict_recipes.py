# The state_dict recipes: "What is a state_dict" (model and optimizer state_dict printed), "Warmstarting a
# model using parameters from a different model" (save A, load into B with strict=False and read the
# _IncompatibleKeys it returns, rename keys to load a layer under another name), the _metadata that
# records each module's version, print(torch.load(path)), and "Zeroing out gradients" with clipping.
import os
import tempfile

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(5)


class NetA(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 2, 3)
        self.bn1 = nn.BatchNorm2d(2)
        self.fc1 = nn.Linear(8, 4)
        self.fc2 = nn.Linear(4, 2)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)
        return self.fc2(F.relu(self.fc1(torch.flatten(x, 1))))


class NetB(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 2, 3)
        self.fc1 = nn.Linear(8, 4)
        self.head = nn.Linear(4, 3)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        return self.head(F.relu(self.fc1(torch.flatten(x, 1))))


netA = NetA()
optimizer = optim.SGD(netA.parameters(), lr=0.001, momentum=0.9)
print("Model's state_dict:")
for param_tensor in netA.state_dict():
    print(param_tensor, "\t", netA.state_dict()[param_tensor].size())
print("Optimizer's state_dict:")
for var_name in optimizer.state_dict():
    print(var_name, "\t", optimizer.state_dict()[var_name])
sd = netA.state_dict()
print(sd.keys())
print(sd._metadata)
print(netA.fc2.state_dict())
print(netA.state_dict(keep_vars=True)['fc2.bias'].requires_grad, list(netA.state_dict(prefix='netA.'))[:2])

folder = tempfile.mkdtemp()
PATH = os.path.join(folder, 'model_a.pt')
torch.save(netA.state_dict(), PATH)
loaded = torch.load(PATH)
print(type(loaded).__name__, loaded._metadata['bn1'])
print(loaded)

netB = NetB()
result = netB.load_state_dict(torch.load(PATH), strict=False)
print(result)
print('missing:', result.missing_keys)
print('unexpected:', result.unexpected_keys)
print(torch.equal(netB.conv1.weight, netA.conv1.weight), torch.equal(netB.fc1.bias, netA.fc1.bias))
try:
    netB.load_state_dict(torch.load(PATH))
except RuntimeError as err:
    print('RuntimeError:', err)
renamed = {k.replace('fc2', 'head'): v for k, v in torch.load(PATH).items() if not k.startswith('bn1')}
try:
    netB.load_state_dict(renamed)
except RuntimeError as err:
    print('RuntimeError:', err)
print(netB.load_state_dict({k: v for k, v in renamed.items() if k != 'head.weight' and k != 'head.bias'}, strict=False))

# Zeroing out gradients, and clipping them, in a short training loop.
x = torch.randn(6, 1, 6, 6)
y = torch.tensor([0, 1, 2, 0, 1, 2])
opt = optim.SGD(netB.parameters(), lr=0.1)
for step in range(3):
    netB.zero_grad()
    loss = F.cross_entropy(netB(x), y)
    loss.backward()
    total = torch.nn.utils.clip_grad_norm_(netB.parameters(), max_norm=0.5)
    print(step, round(loss.item(), 4), total)
    opt.step()
print(netB.head.bias.grad)
opt.zero_grad(set_to_none=False)
print(netB.head.bias.grad)
opt.zero_grad()
print(netB.head.bias.grad)
F.cross_entropy(netB(x), y).backward()
print(torch.nn.utils.clip_grad_value_(netB.parameters(), clip_value=0.01), netB.head.bias.grad)
print(torch.nn.utils.clip_grad_norm_(netB.head.weight, 1.0, norm_type=float('inf')))
print(torch.nn.utils.clip_grad_norm_([], 1.0))
