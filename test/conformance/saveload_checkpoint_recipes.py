# The PyTorch recipes around saving: "Saving and loading a general checkpoint" (epoch, model and optimizer
# state_dicts and the loss in one dict, resumed training that continues exactly), "Saving and loading
# multiple models in one file", "Warmstarting model using parameters from a different model"
# (load_state_dict(strict=False) and its missing/unexpected keys, renamed keys, the size-mismatch error,
# filtering by shape) and "Zeroing out gradients", all through io.BytesIO instead of files.
import io

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(42)


class Net(nn.Module):
    def __init__(self, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 6)
        self.fc3 = nn.Linear(6, n_out)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


X = torch.randn(32, 4)
y = (X[:, 0] + 2 * X[:, 1] > 0).long() + (X[:, 2] > 1).long()


def train_steps(model, optimizer, n):
    criterion = nn.CrossEntropyLoss()
    for _ in range(n):
        optimizer.zero_grad()
        loss = criterion(model(X), y)
        loss.backward()
        optimizer.step()
    return loss


net = Net()
optimizer = optim.Adam(net.parameters(), lr=0.01)
loss = train_steps(net, optimizer, 5)
EPOCH = 5
print(f'loss after {EPOCH} steps: {loss.item():.6f}')

buffer = io.BytesIO()
torch.save({
    'epoch': EPOCH,
    'model_state_dict': net.state_dict(),
    'optimizer_state_dict': optimizer.state_dict(),
    'loss': loss,
}, buffer)
print('checkpoint bytes > 0:', buffer.tell() > 0)

# Resume: a fresh model and optimizer, then everything loaded back.
buffer.seek(0)
checkpoint = torch.load(buffer)
print(sorted(checkpoint.keys()))
model = Net()
opt2 = optim.Adam(model.parameters(), lr=0.5)
print(model.load_state_dict(checkpoint['model_state_dict']))
opt2.load_state_dict(checkpoint['optimizer_state_dict'])
epoch = checkpoint['epoch']
loss = checkpoint['loss']
print(epoch, loss, loss.requires_grad)
print(opt2.param_groups[0]['lr'], opt2.param_groups[0]['betas'], len(opt2.state))
state0 = opt2.state_dict()['state'][0]
print(sorted(state0.keys()), state0['step'], state0['exp_avg'].shape)
print(opt2.state_dict()['param_groups'][0]['params'])
model.train()

# Both runs go on for three more steps and land on the same numbers.
a = train_steps(net, optimizer, 3)
b = train_steps(model, opt2, 3)
print(f'{a.item():.4f} {b.item():.4f}', torch.equal(net.fc3.weight, model.fc3.weight))

# Several models in one file.
netA, netB = Net(), Net(n_out=2)
optimizerA = optim.SGD(netA.parameters(), lr=0.001, momentum=0.9)
optimizerB = optim.SGD(netB.parameters(), lr=0.001, momentum=0.9)
train_steps(netA, optimizerA, 2)
buffer = io.BytesIO()
torch.save({
    'modelA_state_dict': netA.state_dict(),
    'modelB_state_dict': netB.state_dict(),
    'optimizerA_state_dict': optimizerA.state_dict(),
    'optimizerB_state_dict': optimizerB.state_dict(),
}, buffer)
buffer.seek(0)
checkpoint = torch.load(buffer)
modelA, modelB = Net(), Net(n_out=2)
modelA.load_state_dict(checkpoint['modelA_state_dict'])
modelB.load_state_dict(checkpoint['modelB_state_dict'])
print(torch.equal(modelA.fc1.bias, netA.fc1.bias), modelB.fc3.weight.shape)
print(checkpoint['optimizerA_state_dict']['state'][0]['momentum_buffer'].shape)
print(checkpoint['optimizerB_state_dict']['state'])
modelA.eval()
modelB.eval()
print(modelA.training, modelB.fc1.training)

# Warmstarting: netA's parameters into a model with an extra layer.


class NetWithExtra(Net):
    def __init__(self):
        super().__init__(n_out=3)
        self.fc4 = nn.Linear(3, 2)

    def forward(self, x):
        return self.fc4(F.relu(super().forward(x)))


warm = NetWithExtra()
result = warm.load_state_dict(netA.state_dict(), strict=False)
print(result)
print(result.missing_keys, result.unexpected_keys)
print(torch.equal(warm.fc2.weight, netA.fc2.weight))
try:
    warm.load_state_dict(netA.state_dict())
except RuntimeError as e:
    print('RuntimeError:', e)

# Fewer layers than the checkpoint: unexpected keys.
small = nn.Module()
small.fc1 = nn.Linear(4, 8)
print(small.load_state_dict(netA.state_dict(), strict=False))

# A head of another size: strict=False does not help, shapes must be filtered out first.
try:
    modelB.load_state_dict(netA.state_dict(), strict=False)
except RuntimeError as e:
    print('RuntimeError:', e)
own = modelB.state_dict()
pretrained = {k: v for k, v in netA.state_dict().items() if k in own and v.shape == own[k].shape}
print(sorted(pretrained))
own.update(pretrained)
print(modelB.load_state_dict(own))
print(torch.equal(modelB.fc2.bias, netA.fc2.bias), torch.equal(modelB.fc3.bias, netA.fc3.bias[:2]))

# Renamed keys: a checkpoint saved from a wrapper module ("backbone.") loaded into the bare network.
wrapped = nn.Sequential()
wrapped.add_module('backbone', Net())
sd = wrapped.state_dict()
print(list(sd)[:2])
renamed = {k.replace('backbone.', '', 1): v for k, v in sd.items()}
bare = Net()
print(bare.load_state_dict(renamed), torch.equal(bare.fc1.weight, wrapped.backbone.fc1.weight))

# Zeroing out gradients: accumulation without zero_grad, then the recipe's loop.
torch.manual_seed(0)
net = Net()
opt = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
criterion = nn.CrossEntropyLoss()
print(net.fc1.weight.grad)
for i in range(3):
    loss = criterion(net(X[:8]), y[:8])
    loss.backward()
    print(i, f'{net.fc3.bias.grad.norm().item():.6f}')
for epoch in range(2):
    running_loss = 0.0
    for i in range(0, 32, 8):
        inputs, labels = X[i:i + 8], y[i:i + 8]
        opt.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        opt.step()
        running_loss += loss.item()
    print(f'[{epoch + 1}] loss: {running_loss / 4:.4f}', net.fc3.bias.grad.abs().sum().item() > 0)
opt.zero_grad()
print(net.fc3.bias.grad)
net.zero_grad(set_to_none=False)
print(net.fc3.bias.grad)
print('Finished Training')
