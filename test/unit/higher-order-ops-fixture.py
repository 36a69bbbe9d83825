# Second derivatives (create_graph=True) through the ops whose backward is a fused kernel: prod, cumsum,
# cumprod, in-place writes through a view (CopySlices), conv1d/conv2d, max/avg/adaptive-avg pooling, batch_norm (training and eval) and layer_norm, in
# float32 and float64: gradient-norm penalties differentiated again and Hessian-vector products. Prints JSON
# keyed "case/dtype". Run with Debian's PyTorch 1.13 to write higher-order-ops-torch113.json:
#   /usr/bin/python3 test/unit/higher-order-ops-fixture.py > test/unit/higher-order-ops-torch113.json
# test/unit/higher-order.test.ts runs this same file on our torch in Pyodide and compares.
import json

import torch

F = torch.nn.functional
out = {}


def vals(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def smooth(shape, dtype, scale=1.0, shift=0.0, offset=0.0):
    """Distinct deterministic leaf values of `shape`: no RNG, so both torches see the same inputs."""
    n = torch.Size(shape).numel()
    t = torch.sin(torch.arange(n, dtype=dtype) * 1.7 + shift) * scale + offset
    return t.reshape(shape).requires_grad_()


def penalty(f, inputs):
    """Gradients of f(*inputs), then of the sum of their squares: a gradient penalty's second derivative."""
    grads = torch.autograd.grad(f(*inputs), inputs, create_graph=True)
    pen = sum((g * g).sum() for g in grads)
    return [vals(g) for g in grads] + [vals(h) for h in torch.autograd.grad(pen, inputs)]


def hvp(f, x, v):
    """A Hessian-vector product: the gradient, then the gradient of <gradient, v>."""
    (g,) = torch.autograd.grad(f(x), x, create_graph=True)
    (h,) = torch.autograd.grad(g, x, grad_outputs=v)
    return [vals(g), vals(h)]


def written_through_view(t):
    """An in-place product through a view (CopySlices), then a cubic: its Hessian mixes both paths."""
    y = t * 2
    y[:, 1].mul_(t[:, 0])
    y[0].add_(t[1] * t[2])
    return (y**3).sum()


def cases(dtype):
    r = {}
    x = smooth((3, 4), dtype, 1.2, 0.3)
    v = smooth((3, 4), dtype, 1.0, 2.0).detach()
    r['prod_all'] = hvp(lambda t: t.prod(), x, v)
    r['prod_dim'] = hvp(lambda t: (t.prod(1) ** 2).sum(), x, v)
    r['prod_dim_keepdim'] = hvp(lambda t: (t.prod(0, keepdim=True) * t).sum(), x, v)
    z = torch.tensor([[1.5, 0.0, -2.0, 0.5], [0.0, 0.0, 3.0, 1.0], [2.0, -1.0, 0.5, 1.5]], dtype=dtype)
    z.requires_grad_()
    r['prod_zeros'] = hvp(lambda t: (t.prod(1) ** 2).sum() + t.prod(0).sum(), z, v)
    r['cumsum'] = hvp(lambda t: (t.cumsum(1) ** 3).sum() + (t.cumsum(0) * t).sum(), x, v)
    r['cumprod'] = hvp(lambda t: (t.cumprod(1) ** 2).sum(), x, v)
    r['inplace_view'] = hvp(written_through_view, x, v)

    img = smooth((2, 4, 5, 6), dtype, 1.0, 0.1)
    w = smooth((6, 4, 3, 2), dtype, 0.5, 1.1)
    wg = smooth((6, 2, 3, 2), dtype, 0.5, 1.9)
    b = smooth((6,), dtype, 0.3, 0.7)
    r['conv2d'] = penalty(lambda a, k, c: torch.tanh(F.conv2d(a, k, c, padding=1)).pow(2).sum(), [img, w, b])
    r['conv2d_strided'] = penalty(
        lambda a, k, c: torch.tanh(F.conv2d(a, k, c, stride=2, padding=(1, 0), dilation=(1, 2), groups=2)).sum(),
        [img, wg, b],
    )
    sig = smooth((2, 3, 9), dtype, 1.0, 0.4)
    w1 = smooth((4, 3, 3), dtype, 0.5, 0.9)
    b1 = smooth((4,), dtype, 0.2, 0.2)
    r['conv1d'] = penalty(
        lambda a, k, c: torch.sigmoid(F.conv1d(a, k, c, stride=2, padding=1)).pow(2).sum(), [sig, w1, b1]
    )

    r['max_pool2d'] = penalty(lambda a: F.max_pool2d(torch.sin(a) * a, 2, stride=1, padding=1).pow(2).sum(), [img])
    r['avg_pool2d'] = penalty(
        lambda a: F.avg_pool2d(a * a, 3, stride=2, padding=1, count_include_pad=False).pow(3).sum(), [img]
    )
    r['adaptive_avg_pool2d'] = penalty(lambda a: F.adaptive_avg_pool2d(torch.tanh(a), (3, 4)).pow(2).sum(), [img])

    feats = smooth((5, 3, 4), dtype, 2.0, 0.5)
    gamma = smooth((3,), dtype, 0.5, 1.3, 1.0)
    beta = smooth((3,), dtype, 0.5, 0.1)
    r['batch_norm'] = penalty(
        lambda a, gm, bt: (F.batch_norm(a, None, None, gm, bt, training=True) ** 3).sum(), [feats, gamma, beta]
    )
    rm = torch.tensor([0.1, -0.2, 0.3], dtype=dtype)
    rv = torch.tensor([1.5, 0.5, 2.0], dtype=dtype)
    r['batch_norm_eval'] = penalty(
        lambda a, gm, bt: (F.batch_norm(a, rm, rv, gm, bt, training=False) ** 3).sum(), [feats, gamma, beta]
    )
    rows = smooth((2, 3, 5), dtype, 1.5, 0.2)
    lw = smooth((3, 5), dtype, 0.4, 0.6, 1.0)
    lb = smooth((3, 5), dtype, 0.4, 1.6)
    r['layer_norm'] = penalty(lambda a, k, c: torch.tanh(F.layer_norm(a, (3, 5), k, c)).pow(2).sum(), [rows, lw, lb])
    r['layer_norm_plain'] = penalty(lambda a: (F.layer_norm(a, (5,)) ** 3).sum(), [rows])
    return r


for dt, dname in ((torch.float32, 'float32'), (torch.float64, 'float64')):
    for key, value in cases(dt).items():
        out[key + '/' + dname] = value

print(json.dumps(out))
