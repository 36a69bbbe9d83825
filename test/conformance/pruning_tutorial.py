# PyTorch "Pruning Tutorial" (intermediate_source/pruning_tutorial.py) on a small LeNet: prune.random_unstructured
# on conv1.weight (named_parameters now list weight_orig, named_buffers weight_mask, the weight a product),
# prune.l1_unstructured on the bias, iterative pruning of the same weight (the PruningContainer's methods),
# state_dict keys, prune.remove making it permanent, pruning many parameters in a loop over named_modules,
# prune.global_unstructured with L1Unstructured and the sparsity printed per layer as in the tutorial,
# custom_from_mask, is_pruned, and a training step through the pruned weights (pruned entries get no update).
import torch
from torch import nn
import torch.nn.utils.prune as prune
import torch.nn.functional as F

torch.manual_seed(0)


class LeNet(nn.Module):
    def __init__(self):
        super(LeNet, self).__init__()
        self.conv1 = nn.Conv2d(1, 3, 3)
        self.conv2 = nn.Conv2d(3, 4, 3)
        self.fc1 = nn.Linear(4 * 2 * 2, 12)
        self.fc2 = nn.Linear(12, 8)
        self.fc3 = nn.Linear(8, 4)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(-1, int(x.nelement() / x.shape[0]))
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


model = LeNet()
module = model.conv1
print(list(module.named_parameters())[0][0], [n for n, _ in module.named_parameters()])
print(list(module.named_buffers()))

prune.random_unstructured(module, name="weight", amount=0.3)
print([n for n, _ in module.named_parameters()])
print([n for n, _ in module.named_buffers()])
print(module.weight_mask[0])
print(module.weight[0])
print(module.weight.grad_fn.name(), type(module.weight).__name__, type(module.weight_orig).__name__)
print(len(module._forward_pre_hooks), int(module.weight_mask.sum().item()), module.weight_mask.numel())

prune.l1_unstructured(module, name="bias", amount=1)
print([n for n, _ in module.named_parameters()])
print(module.bias_mask, module.bias)
print(f'{module.bias_orig.abs().min().item():.4f}')

# Iterative pruning: L1 over what random pruning left.
prune.l1_unstructured(module, name="weight", amount=0.5)
print(int(module.weight_mask.sum().item()))
for hook in module._forward_pre_hooks.values():
    if hook._tensor_name == "weight":
        break
print(type(hook).__name__, [type(m).__name__ for m in hook], len(hook))
print(list(model.state_dict().keys()))

prune.remove(module, 'weight')
print([n for n, _ in module.named_parameters()])
print([n for n, _ in module.named_buffers()])
print(type(module.weight).__name__, module.weight.is_leaf, int((module.weight == 0).sum()))
try:
    prune.remove(module, 'weight')
except ValueError as e:
    print('ValueError:', e)

# Pruning many parameters.
new_model = LeNet()
for name, m in new_model.named_modules():
    if isinstance(m, torch.nn.Conv2d):
        prune.l1_unstructured(m, name='weight', amount=0.2)
    elif isinstance(m, torch.nn.Linear):
        prune.l1_unstructured(m, name='weight', amount=0.4)
print(dict(new_model.named_buffers()).keys())
print(prune.is_pruned(new_model), prune.is_pruned(nn.Linear(2, 2)))

# Global pruning.
model = LeNet()
parameters_to_prune = (
    (model.conv1, 'weight'),
    (model.conv2, 'weight'),
    (model.fc1, 'weight'),
    (model.fc2, 'weight'),
    (model.fc3, 'weight'),
)
prune.global_unstructured(parameters_to_prune, pruning_method=prune.L1Unstructured, amount=0.2)
for name in ['conv1', 'conv2', 'fc1', 'fc2', 'fc3']:
    w = getattr(model, name).weight
    print("Sparsity in {}.weight: {:.2f}%".format(name, 100. * float(torch.sum(w == 0)) / float(w.nelement())))
total_zero = sum(float(torch.sum(getattr(model, n).weight == 0)) for n in ['conv1', 'conv2', 'fc1', 'fc2', 'fc3'])
total = sum(float(getattr(model, n).weight.nelement()) for n in ['conv1', 'conv2', 'fc1', 'fc2', 'fc3'])
print("Global sparsity: {:.2f}%".format(100. * total_zero / total))

# A mask of one's own, and training through the pruned weight.
lin = nn.Linear(3, 2)
prune.custom_from_mask(lin, name='weight', mask=torch.tensor([[1, 0, 1], [0, 1, 1]]))
print(lin.weight_mask, lin.weight)
x, y = torch.randn(6, 3), torch.randn(6, 2)
opt = torch.optim.SGD(lin.parameters(), lr=0.1)
for step in range(3):
    opt.zero_grad()
    loss = F.mse_loss(lin(x), y)
    loss.backward()
    opt.step()
    print(step, f'{loss.item():.4f}')
print(lin.weight_orig.grad)
print(lin.weight)

out = model(torch.randn(2, 1, 16, 16))
print(out.shape, out.grad_fn.name())
print(prune.RandomUnstructured(amount=0.5).prune(torch.arange(1.0, 7.0)))
try:
    prune.l1_unstructured(nn.Linear(2, 2), 'weight', amount=1.5)
except ValueError as e:
    print('ValueError:', e)
try:
    prune.l1_unstructured(nn.Linear(2, 2), 'weight', amount=5)
except ValueError as e:
    print('ValueError:', e)
