# The loss functions tutorials use, class and functional forms, each with its value, its grad_fn name and
# the gradient it sends back: CrossEntropyLoss (weights, label smoothing, probabilities), NLLLoss after
# LogSoftmax, BCELoss after Sigmoid, BCEWithLogitsLoss (pos_weight), MSELoss, L1Loss, SmoothL1Loss, and
# every reduction.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

logits = torch.randn(5, 3, requires_grad=True)
target = torch.tensor([1, 0, 2, 2, 1])
loss = nn.CrossEntropyLoss()
output = loss(logits, target)
output.backward()
print(output, output.grad_fn.name())
print(logits.grad)
print(nn.CrossEntropyLoss(reduction='none')(logits, target))
print(nn.CrossEntropyLoss(reduction='sum')(logits, target))
print(nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0, 0.5]))(logits, target))
print(nn.CrossEntropyLoss(label_smoothing=0.1)(logits, target))
probs = torch.randn(5, 3).softmax(dim=1)
print(nn.CrossEntropyLoss()(logits, probs))
print(F.cross_entropy(logits, target), F.cross_entropy(logits.detach(), target).item())

m = nn.LogSoftmax(dim=1)
nll = nn.NLLLoss()
out = nll(m(logits), target)
print(out, out.grad_fn.name())
print(F.nll_loss(F.log_softmax(logits, dim=1), target, reduction='none'))

m = nn.Sigmoid()
bce = nn.BCELoss()
inp = torch.randn(4, requires_grad=True)
tgt = torch.empty(4).random_(2)
print(tgt)
out = bce(m(inp), tgt)
out.backward()
print(out, out.grad_fn.name(), inp.grad)
print(nn.BCELoss(reduction='none')(m(inp), tgt))
print(F.binary_cross_entropy(torch.tensor([0.0, 1.0, 0.5]), torch.tensor([0.0, 1.0, 1.0])))

bcel = nn.BCEWithLogitsLoss()
inp.grad = None
out = bcel(inp, tgt)
out.backward()
print(out, out.grad_fn.name(), inp.grad)
print(nn.BCEWithLogitsLoss(pos_weight=torch.tensor([3.0]))(inp, tgt))
print(F.binary_cross_entropy_with_logits(torch.tensor([[100.0, -100.0]]), torch.tensor([[1.0, 1.0]])))

pred = torch.randn(3, 2, requires_grad=True)
true = torch.randn(3, 2)
for name, fn in [('mse', nn.MSELoss()), ('l1', nn.L1Loss()), ('smooth_l1', nn.SmoothL1Loss()),
                 ('smooth_l1_beta', nn.SmoothL1Loss(beta=0.5)), ('huber', nn.HuberLoss(delta=0.5))]:
    pred.grad = None
    v = fn(pred, true)
    v.backward()
    print(name, v.item(), v.grad_fn.name(), pred.grad)
print(nn.MSELoss(reduction='sum')(pred, true), nn.MSELoss(reduction='none')(pred, true))
print(F.mse_loss(pred, true), F.l1_loss(pred, true, reduction='sum'), F.smooth_l1_loss(pred, true))
print(nn.KLDivLoss(reduction='batchmean')(F.log_softmax(logits, 1), probs))
print(loss, nll, bce, bcel)
