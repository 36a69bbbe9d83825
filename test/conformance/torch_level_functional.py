# The torch-level forms of functional ops that tutorials call directly: torch.conv1d/conv2d/conv_transpose2d
# (d2l's cross-correlation checks against them), torch.prelu and Tensor.prelu, torch.threshold, torch.rrelu in eval.
import torch
torch.manual_seed(0)
x = torch.randn(1, 2, 5)
w = torch.randn(3, 2, 3)
print(torch.conv1d(x, w, padding=1))
x2 = torch.randn(1, 1, 3, 3); w2 = torch.randn(1, 2, 2, 2)
print(torch.conv2d(x2, torch.randn(2, 1, 2, 2)).shape, torch.conv_transpose2d(x2, w2, stride=2).shape)
a = torch.tensor([0.25])
print(torch.prelu(torch.tensor([-2.0, 3.0]), a), torch.tensor([-2.0, 3.0]).prelu(a))
print(torch.threshold(torch.tensor([0.5, 2.0]), 1.0, -1.0), torch.rrelu(torch.tensor([-1.0, 1.0])))
