# "Save and Load the Model" without touching the disk: state_dict() printed, load_state_dict between two
# models (and its <All keys matched successfully> result), strict=False with a missing key, the
# optimizer's state_dict, copy.deepcopy, and torch.save/torch.load through an in-memory buffer.
import copy
import io

import torch
from torch import nn

torch.manual_seed(0)


class TheModelClass(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 4)
        self.fc2 = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


model = TheModelClass()
optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)

print("Model's state_dict:")
for param_tensor in model.state_dict():
    print(param_tensor, "\t", model.state_dict()[param_tensor].size())
print("Optimizer's state_dict:")
for var_name in optimizer.state_dict():
    print(var_name, "\t", optimizer.state_dict()[var_name])

print(model.state_dict())
print(list(model.state_dict().keys()))
print(type(model.state_dict()).__name__)

x = torch.randn(5, 3)
loss = model(x).pow(2).mean()
loss.backward()
optimizer.step()
print(optimizer.state_dict())

other = TheModelClass()
print(torch.equal(other.fc1.weight, model.fc1.weight))
result = other.load_state_dict(model.state_dict())
print(result)
print(torch.equal(other.fc1.weight, model.fc1.weight))
other.eval()
print(other(x))

partial = {k: v for k, v in model.state_dict().items() if k.startswith('fc1')}
result = TheModelClass().load_state_dict(partial, strict=False)
print(result.missing_keys, result.unexpected_keys)

clone = copy.deepcopy(model)
with torch.no_grad():
    clone.fc2.bias.fill_(0)
print(model.fc2.bias, clone.fc2.bias)

sd = model.state_dict()
sd['fc2.bias'].add_(1.0)
print(model.fc2.bias)

buffer = io.BytesIO()
torch.save(model.state_dict(), buffer)
buffer.seek(0)
model2 = TheModelClass()
model2.load_state_dict(torch.load(buffer))
print(torch.equal(model2.fc2.bias, model.fc2.bias))

buffer = io.BytesIO()
torch.save({'epoch': 5, 'model_state_dict': model.state_dict(), 'optimizer_state_dict': optimizer.state_dict(),
            'loss': loss.item()}, buffer)
buffer.seek(0)
checkpoint = torch.load(buffer)
model2.load_state_dict(checkpoint['model_state_dict'])
optimizer.load_state_dict(checkpoint['optimizer_state_dict'])
print(checkpoint['epoch'], checkpoint['loss'])
