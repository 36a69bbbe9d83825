# fast.ai part 2 "from the foundations" (course22p2 01_matmul, 03_backprop): matmul with three Python
# loops, then with an elementwise row product, then broadcasting (c[:, None], c[None], expand_as, None
# indexing and `...`), einsum and @ checked with a test_close helper; a two-layer net built from lin/relu
# with init scaled by math.sqrt (the activations' mean and std shrinking, then kaiming's sqrt(2/m)), an mse
# loss, gradients by hand (lin_grad with unsqueeze broadcasting) compared with autograd, the same net as
# Module classes with forward/backward, and the nn.Module version.
import math

import torch
from torch import nn
import torch.nn.functional as F

torch.manual_seed(1)


def test_close(a, b, eps=1e-4):
    assert torch.allclose(a, b, rtol=0, atol=eps), f'{a}\n{b}'


m1 = torch.randn(5, 784)
m2 = torch.randn(784, 10)
ar, ac = m1.shape
br, bc = m2.shape
print((ar, ac), (br, bc))


def matmul_loops(a, b):
    (ar, ac), (br, bc) = a.shape, b.shape
    c = torch.zeros(ar, bc)
    for i in range(ar):
        for j in range(bc):
            for k in range(ac):
                c[i, j] += a[i, k] * b[k, j]
    return c


a_small, b_small = m1[:2, :6], m2[:6, :3]
t1 = matmul_loops(a_small, b_small)
print(t1.shape)
print(t1)


def matmul_rows(a, b):
    (ar, ac), (br, bc) = a.shape, b.shape
    c = torch.zeros(ar, bc)
    for i in range(ar):
        for j in range(bc):
            c[i, j] = (a[i, :] * b[:, j]).sum()
    return c


def matmul_broadcast(a, b):
    (ar, ac), (br, bc) = a.shape, b.shape
    c = torch.zeros(ar, bc)
    for i in range(ar):
        c[i] = (a[i, :, None] * b).sum(dim=0)
    return c


test_close(t1, matmul_rows(a_small, b_small))
test_close(matmul_rows(m1, m2), matmul_broadcast(m1, m2))
test_close(matmul_broadcast(m1, m2), torch.einsum('ik,kj->ij', m1, m2))
test_close(m1 @ m2, torch.einsum('ik,kj->ij', m1, m2))
print('matmuls agree')

a = torch.tensor([10.0, 6, -4])
m = torch.tensor([[1.0, 2, 3], [4, 5, 6], [7, 8, 9]])
c = torch.tensor([10.0, 20, 30])
print(a > 0, (a > 0).float().mean())
print(a + 1, 2 * m)
print(m + c)
print(c.expand_as(m))
print(c.unsqueeze(0), c.unsqueeze(0).shape, c.unsqueeze(1).shape)
print(c[None].shape, c[:, None].shape, c[..., None].shape, c[None, ...].shape)
print(c[:, None] + m)
print(c[None, :] * c[:, None])
print(c[None] > c[:, None])
print(torch.einsum('i,j->ij', c, c).sum(), torch.einsum('ij,ij->i', m, m))
print(m.stride(), c.expand_as(m).stride())

# A two-layer net from scratch.
torch.manual_seed(2)
n, d, nh = 200, 30, 50
x_train = torch.randn(n, d)
y_train = (x_train[:, :3].sum(1) + torch.randn(n) * 0.1).float()
print(x_train.shape, y_train.shape)

w1 = torch.randn(d, nh) / math.sqrt(d)
b1 = torch.zeros(nh)
w2 = torch.randn(nh, 1) / math.sqrt(nh)
b2 = torch.zeros(1)
print(f'{x_train.mean():.3f} {x_train.std():.3f}')


def lin(x, w, b):
    return x @ w + b


def relu(x):
    return x.clamp_min(0.0)


t = lin(x_train, w1, b1)
print(f'lin: mean {t.mean():.3f} std {t.std():.3f}')
t = relu(t)
print(f'relu: mean {t.mean():.3f} std {t.std():.3f}')

# Deep stacks: plain 1/sqrt(d) scaling shrinks the activations, kaiming's sqrt(2/m) keeps them.
x = x_train
for name, scale in [('1/sqrt(m)', 1.0), ('kaiming sqrt(2/m)', 2.0)]:
    h = x
    for _ in range(8):
        w = torch.randn(h.shape[1], 50) * math.sqrt(scale / h.shape[1])
        h = relu(h @ w)
    print(f'{name}: std after 8 layers {h.std():.4f}')


def model(xb):
    l1 = lin(xb, w1, b1)
    l2 = relu(l1)
    return lin(l2, w2, b2)


res = model(x_train)
print(res.shape, (res - y_train).shape, (res.squeeze() - y_train).shape)


def mse(output, targ):
    return (output[:, 0] - targ).pow(2).mean()


print(f'mse {mse(res, y_train):.4f}')


def mse_grad(inp, targ):
    inp.g = 2.0 * (inp.squeeze() - targ).unsqueeze(-1) / inp.shape[0]


def relu_grad(inp, out):
    inp.g = (inp > 0).float() * out.g


def lin_grad(inp, out, w, b):
    inp.g = out.g @ w.t()
    w.g = (inp.unsqueeze(-1) * out.g.unsqueeze(1)).sum(0)
    b.g = out.g.sum(0)


def forward_and_backward(inp, targ):
    l1 = lin(inp, w1, b1)
    l2 = relu(l1)
    out = lin(l2, w2, b2)
    diff = out[:, 0] - targ
    loss = diff.pow(2).mean()
    mse_grad(out, targ)
    lin_grad(l2, out, w2, b2)
    relu_grad(l1, l2)
    lin_grad(inp, l1, w1, b1)
    return loss


x_train.g = None
loss = forward_and_backward(x_train, y_train)
print(f'loss {loss:.4f}', w1.g.shape, w2.g.shape, b1.g.shape, b2.g.shape, x_train.g.shape)
grads = w1.g, w2.g, b1.g, b2.g, x_train.g

ptgrads = [o.clone().requires_grad_(True) for o in (w1, w2, b1, b2, x_train)]
w12, w22, b12, b22, xt2 = ptgrads
loss2 = mse(lin(relu(lin(xt2, w12, b12)), w22, b22), y_train)
loss2.backward()
for g, ptg in zip(grads, ptgrads):
    test_close(g, ptg.grad, eps=0.01)
print('hand gradients match autograd', f'{loss2.item():.4f}')
print(w2.g[:4, 0], b2.g)


class Relu:
    def __call__(self, inp):
        self.inp = inp
        self.out = inp.clamp_min(0.0)
        return self.out

    def backward(self):
        self.inp.g = (self.inp > 0).float() * self.out.g


class Lin:
    def __init__(self, w, b):
        self.w, self.b = w, b

    def __call__(self, inp):
        self.inp = inp
        self.out = lin(inp, self.w, self.b)
        return self.out

    def backward(self):
        self.inp.g = self.out.g @ self.w.t()
        self.w.g = self.inp.t() @ self.out.g
        self.b.g = self.out.g.sum(0)


class Mse:
    def __call__(self, inp, targ):
        self.inp, self.targ = inp, targ
        self.out = mse(inp, targ)
        return self.out

    def backward(self):
        self.inp.g = 2.0 * (self.inp.squeeze() - self.targ).unsqueeze(-1) / self.targ.shape[0]


class Model:
    def __init__(self, w1, b1, w2, b2):
        self.layers = [Lin(w1, b1), Relu(), Lin(w2, b2)]
        self.loss = Mse()

    def __call__(self, x, targ):
        for layer in self.layers:
            x = layer(x)
        return self.loss(x, targ)

    def backward(self):
        self.loss.backward()
        for layer in reversed(self.layers):
            layer.backward()


model_obj = Model(w1, b1, w2, b2)
loss = model_obj(x_train, y_train)
model_obj.backward()
test_close(w1.g, grads[0], eps=1e-4)
test_close(x_train.g, grads[4], eps=1e-4)
print(f'class model loss {loss:.4f}')


class NNModel(nn.Module):
    def __init__(self, n_in, nh, n_out):
        super().__init__()
        self.layers = [nn.Linear(n_in, nh), nn.ReLU(), nn.Linear(nh, n_out)]
        for i, layer in enumerate(self.layers):
            self.add_module(f'layer_{i}', layer)

    def __call__(self, x, targ):
        for layer in self.layers:
            x = layer(x)
        return F.mse_loss(x, targ[:, None])


torch.manual_seed(3)
nn_model = NNModel(d, nh, 1)
print(nn_model)
loss = nn_model(x_train, y_train)
loss.backward()
layer0 = nn_model.layers[0]
print(f'{loss.item():.4f}', layer0.bias.grad.shape, f'{layer0.bias.grad.abs().sum().item():.4f}')
for epoch in range(3):
    with torch.no_grad():
        for p in nn_model.parameters():
            p -= p.grad * 0.1
        nn_model.zero_grad()
    loss = nn_model(x_train, y_train)
    loss.backward()
    print(epoch, f'{loss.item():.4f}')
