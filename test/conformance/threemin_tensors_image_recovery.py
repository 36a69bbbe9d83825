# "펭귄브로의 3분 딥러닝 파이토치맛" ch.3 (keon/3-min-pytorch `03-파이토치로_구현하는_ANN/`): tensor basics
# (`torch.tensor`, `size()`/`shape`/`ndimension()`, `unsqueeze`/`squeeze`/`view`, `torch.randn` + `torch.mm`,
# printing with `"Size:"` / `"Shape:"` labels), autograd on `w = torch.tensor(1.0, requires_grad=True)` with the
# book's `'l을 w로 미분한 값은 {}'.format(w.grad)` line, and the "image recovery" project: a `weird_function`
# that mixes neighbours through `torch.cat((zero_tensor, h[:-1]), 0)` and swaps halves, `torch.dist` as the
# loss, plain gradient descent on a `torch.randn` tensor rebuilt every step under `torch.no_grad()`, the
# `'Loss at {} = {}'.format(i, loss.item())` line. The "broken image" is made here from a small pattern and,
# as the book ships it, pickled as a float64 numpy array and read back with
# `torch.FloatTensor(pickle.load(open(path, 'rb'), encoding='latin1'))`; the
# loop stops before the loss reaches the floor where a unit-length step makes it bounce (there a last-bit
# difference in the norm's sum grows).
import os
import pickle
import tempfile

import torch

torch.manual_seed(0)

x = torch.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
print(x)
print("Size:", x.size())
print("Shape:", x.shape)
print("랭크(차원):", x.ndimension())

x = torch.unsqueeze(x, 0)
print(x)
print("Size:", x.size())
print("Shape:", x.shape)
print("랭크(차원):", x.ndimension())

x = torch.squeeze(x)
print("Size:", x.size(), "랭크(차원):", x.ndimension())

x = x.view(9)
print(x)
print("Size:", x.size())
try:
    x = x.view(2, 4)
except Exception as e:
    print(e)

w = torch.randn(5, 3, dtype=torch.float)
x = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
print("w size:", w.size())
print("x size:", x.size())
print("w:", w)
print("x:", x)
b = torch.randn(5, 2, dtype=torch.float)
print("b:", b.size())
wx = torch.mm(w, x)
print("wx size:", wx.size())
print("wx:", wx)
result = wx + b
print("result size:", result.size())
print("result:", result)

w = torch.tensor(1.0, requires_grad=True)
a = w * 3
l = a ** 2
l.backward()
print('l을 w로 미분한 값은 {}'.format(w.grad))

# The recovery project on a 10x10 "image".
side = 10
yy, xx = torch.meshgrid(torch.arange(side), torch.arange(side), indexing='ij')
original = ((xx - 4.5) ** 2 + (yy - 4.5) ** 2 < 12).float() + 0.1 * xx.float() / side


def weird_function(x, n_iter=5):
    h = x
    filt = torch.tensor([-1. / 3, 1. / 3, -1. / 3])
    for i in range(n_iter):
        zero_tensor = torch.tensor([1.0 * 0])
        h_l = torch.cat((zero_tensor, h[:-1]), 0)
        h_r = torch.cat((h[1:], zero_tensor), 0)
        h = filt[0] * h + filt[2] * h_l + filt[1] * h_r
        if i % 2 == 0:
            h = torch.cat((h[h.shape[0] // 2:], h[:h.shape[0] // 2]), 0)
    return h


path = os.path.join(tempfile.mkdtemp(), 'broken_image_t.p')
with open(path, 'wb') as f:
    pickle.dump(weird_function(original.view(-1)).numpy().astype('float64'), f)
broken_image = torch.FloatTensor(pickle.load(open(path, 'rb'), encoding='latin1'))
print('broken image shape:', broken_image.shape)
print('broken image stats: {:.4f} {:.4f}'.format(broken_image.min().item(), broken_image.max().item()))


def distance_loss(hypothesis, broken_image):
    return torch.dist(hypothesis, broken_image)


random_tensor = torch.randn(side * side, dtype=torch.float)
lr = 0.8
for i in range(0, 601):
    random_tensor.requires_grad_(True)
    hypothesis = weird_function(random_tensor)
    loss = distance_loss(hypothesis, broken_image)
    loss.backward()
    with torch.no_grad():
        random_tensor = random_tensor - lr * random_tensor.grad
    if i % 100 == 0:
        print('Loss at {} = {}'.format(i, loss.item()))

recovered = random_tensor.view(side, side).data
print('requires_grad after the loop:', random_tensor.requires_grad)
print('max error vs original: {:.4f}'.format((recovered - original).abs().max().item()))
print((recovered > 0.5).int())
print(torch.dist(torch.ones(3), torch.zeros(3), p=1), torch.dist(torch.ones(3), torch.zeros(3), p=float('inf')))
