# A learner's first classifier often passes integer labels where a loss wants floats (and one-hot floats
# where cross-entropy wants class indices). PyTorch refuses each at a different moment: MSELoss computes the
# loss of a Long target and fails only in backward(); BCELoss and BCEWithLogitsLoss fail at once;
# CrossEntropyLoss checks the target's rank before its dtype. Code that runs here must not break there.
import torch
import torch.nn as nn

torch.manual_seed(0)
logits = torch.randn(4, 1, requires_grad=True)
labels = torch.tensor([[1], [0], [1], [0]])

for name, loss_fn in [
    ("MSELoss", nn.MSELoss()),
    ("BCELoss", nn.BCELoss()),
    ("BCEWithLogitsLoss", nn.BCEWithLogitsLoss()),
    ("L1Loss", nn.L1Loss()),
]:
    inputs = torch.sigmoid(logits) if name == "BCELoss" else logits
    try:
        loss = loss_fn(inputs, labels)
        print(name, "forward:", loss.dtype)
        loss.backward()
        print(name, "backward: ok")
    except RuntimeError as e:
        print(name, "RuntimeError:", e)

print("fixed:", nn.BCELoss()(torch.sigmoid(logits), labels.float()).item() > 0)

ce = nn.CrossEntropyLoss()
scores = torch.randn(4, 3)
for target in [
    torch.nn.functional.one_hot(torch.tensor([0, 2, 1, 2]), 3).float()[:, :2],
    torch.tensor([0.0, 2.0, 1.0, 2.0]),
    torch.tensor([0, 2, 1, 2], dtype=torch.int32),
    torch.tensor([0, 2, 1, 2]),
]:
    try:
        print("CrossEntropyLoss", target.dtype, tuple(target.shape), round(ce(scores, target).item(), 4))
    except RuntimeError as e:
        print("CrossEntropyLoss", target.dtype, tuple(target.shape), "RuntimeError:", e)
