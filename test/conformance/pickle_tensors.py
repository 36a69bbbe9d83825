# Plain pickle beside torch.save: learners pickle a dataset of tensors, a whole model, a dict of results, and
# copy tensors with copy.copy; what comes back keeps dtype, shape, requires_grad and the Parameter class.
import copy
import os
import pickle
import tempfile

import torch
import torch.nn as nn

torch.manual_seed(0)
features = torch.randn(6, 3)
labels = torch.tensor([0, 1, 1, 0, 2, 2])
mask = labels > 0
halves = torch.arange(4, dtype=torch.float64) / 2

blob = pickle.dumps({'x': features, 'y': labels, 'mask': mask, 'halves': halves, 'note': 'toy set'})
back = pickle.loads(blob)
print(sorted(back))
print(torch.equal(back['x'], features), back['x'].dtype, back['y'].dtype, back['mask'].dtype, back['halves'])
print(back['note'], back['y'].tolist(), back['mask'].sum().item())

weights = torch.tensor([[0.25, -0.5]], requires_grad=True)
restored = pickle.loads(pickle.dumps(weights))
print(restored, restored.is_leaf, restored.grad)
(restored * 2).sum().backward()
print(restored.grad, weights.grad)

model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
path = os.path.join(tempfile.mkdtemp(), 'model.pkl')
with open(path, 'wb') as f:
    pickle.dump(model, f)
with open(path, 'rb') as f:
    loaded = pickle.load(f)
print(loaded)
print(type(loaded[0].weight).__name__, loaded[0].weight.requires_grad)
with torch.no_grad():
    print(torch.equal(model(features), loaded(features)))
print([name for name, _ in loaded.named_parameters()])

optimizer = torch.optim.SGD(loaded.parameters(), lr=0.1)
loss = loaded(features).pow(2).mean()
loss.backward()
optimizer.step()
print(round(loss.item(), 4), torch.equal(model[0].weight, loaded[0].weight))

batches = [(features[i : i + 2], labels[i : i + 2]) for i in range(0, 6, 2)]
print([tuple(x.shape) for x, _ in pickle.loads(pickle.dumps(batches))])

shallow = copy.copy(halves)
shallow[0] = 9.0
print(halves, shallow)
