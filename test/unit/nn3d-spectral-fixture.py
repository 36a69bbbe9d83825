#!/usr/bin/env python3
"""Writes test/unit/nn3d-spectral-torch113.json: what real PyTorch 1.13 gives for the 3-D layers as learners
call them (nn.Conv3d with padding modes, nn.ConvTranspose3d with output_size, nn.MaxPool3d with
return_indices, nn.AvgPool3d, nn.AdaptiveAvgPool3d, their reprs, grad_fns and errors) and for
nn.utils.spectral_norm / remove_spectral_norm (seeded u and v, power iteration in training mode, none in eval
mode, state_dict keys, gradients, errors). test/unit/nn3d-spectral.test.ts runs this same file on our torch in
Pyodide and compares.

    /usr/bin/python3 test/unit/nn3d-spectral-fixture.py > test/unit/nn3d-spectral-torch113.json
"""

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils import remove_spectral_norm, spectral_norm

from fixture_cases import dump, record

torch.set_num_threads(1)


def conv3d_module(**kwargs):
    def run():
        torch.manual_seed(3)
        conv = nn.Conv3d(2, 3, 3, **kwargs)
        x = torch.randn(2, 2, 5, 6, 4, requires_grad=True)
        y = conv(x)
        y.pow(2).sum().backward()
        return [repr(conv), y, y.grad_fn.name(), x.grad, conv.weight.grad, conv.bias.grad]

    return run


record('Conv3d defaults', conv3d_module())
record('Conv3d padding 1 stride 2', conv3d_module(padding=1, stride=2))
record("Conv3d padding 'same' replicate", conv3d_module(padding='same', padding_mode='replicate'))
record('Conv3d circular padding (1, 2, 0)', conv3d_module(padding=(1, 2, 0), padding_mode='circular'))
record('Conv3d reflect padding 1 dilation 2', conv3d_module(padding=1, dilation=(1, 2, 1), padding_mode='reflect'))


def conv_transpose3d_module():
    torch.manual_seed(4)
    up = nn.ConvTranspose3d(3, 2, 2, stride=2)
    x = torch.randn(1, 3, 2, 3, 2, requires_grad=True)
    y = up(x)
    z = up(x, output_size=[5, 7, 5])
    (y.sum() + z.pow(2).sum()).backward()
    return [repr(up), y, z.shape, y.grad_fn.name(), x.grad, up.weight.grad, up.bias.grad]


record('ConvTranspose3d stride 2, output_size', conv_transpose3d_module)


def pools():
    torch.manual_seed(5)
    x = torch.randn(2, 2, 4, 6, 6, requires_grad=True)
    mp = nn.MaxPool3d((1, 2, 2), return_indices=True)
    values, indices = mp(x)
    ap = nn.AvgPool3d(2, stride=(2, 1, 2), padding=(1, 0, 0), count_include_pad=False)
    gap = nn.AdaptiveAvgPool3d((None, 2, 1))
    one = nn.AdaptiveAvgPool3d(1)
    a = ap(x)
    b = gap(x)
    c = one(x)
    (values.sum() + a.pow(2).sum() + b.sum() + c.pow(3).sum()).backward()
    names = [t.grad_fn.name() for t in (values, a, b, c)]
    return [repr(mp), repr(ap), repr(gap), repr(one), values, indices, a, b, c, names, x.grad]


record('MaxPool3d, AvgPool3d, AdaptiveAvgPool3d', pools)
record('F.max_pool3d stride None', lambda: F.max_pool3d(torch.arange(64.0).view(1, 4, 4, 4), 2))
record('torch.conv3d', lambda: torch.conv3d(torch.ones(1, 1, 3, 3, 3), torch.ones(2, 1, 2, 2, 2), padding=1))
record('conv3d 4-D weight', lambda: F.conv3d(torch.ones(1, 1, 3, 3, 3), torch.ones(2, 1, 2, 2)))
record('conv3d 3-D input', lambda: F.conv3d(torch.ones(1, 3, 3), torch.ones(2, 1, 2, 2, 2)))
record('conv3d channels', lambda: F.conv3d(torch.ones(1, 2, 3, 3, 3), torch.ones(2, 1, 2, 2, 2)))
record('conv3d kernel too big', lambda: F.conv3d(torch.ones(1, 1, 3, 3, 3), torch.ones(2, 1, 4, 2, 2)))
record('max_pool3d pad too big', lambda: F.max_pool3d(torch.ones(1, 1, 4, 4, 4), 2, padding=(0, 2, 0)))
record('avg_pool3d 3-D input', lambda: F.avg_pool3d(torch.ones(1, 4, 4), 2))
record('max_pool3d output too small', lambda: F.max_pool3d(torch.ones(1, 1, 1, 4, 4), 2))
record(
    'conv_transpose3d output padding',
    lambda: F.conv_transpose3d(torch.ones(1, 1, 2, 2, 2), torch.ones(1, 1, 2, 2, 2), output_padding=1),
)


def spectral_linear():
    torch.manual_seed(0)
    lin = spectral_norm(nn.Linear(4, 3))
    keys = list(lin.state_dict().keys())
    params = [n for n, _ in lin.named_parameters()]
    buffers = [n for n, _ in lin.named_buffers()]
    u0, v0 = lin.weight_u.clone(), lin.weight_v.clone()
    x = torch.randn(5, 4)
    y = lin(x)
    y.pow(2).sum().backward()
    return [repr(lin), keys, params, buffers, u0, v0, lin.weight_u, lin.weight_v, lin.weight, y, lin.weight_orig.grad]


record('spectral_norm Linear', spectral_linear)


def spectral_steps(n_power_iterations, eval_after):
    def run():
        torch.manual_seed(1)
        conv = spectral_norm(nn.Conv2d(2, 4, 3), n_power_iterations=n_power_iterations)
        opt = torch.optim.SGD(conv.parameters(), lr=0.1)
        x = torch.randn(2, 2, 5, 5)
        out = []
        for _ in range(3):
            opt.zero_grad()
            loss = conv(x).pow(2).mean()
            loss.backward()
            opt.step()
            out.append(loss)
        if eval_after:
            conv.eval()
            u = conv.weight_u.clone()
            out += [conv(x), torch.equal(u, conv.weight_u)]
        out += [conv.weight_u, conv.weight_v, conv.weight]
        return out

    return run


record('spectral_norm Conv2d training steps', spectral_steps(1, False))
record('spectral_norm 3 power iterations then eval', spectral_steps(3, True))


def spectral_transpose():
    torch.manual_seed(2)
    up = spectral_norm(nn.ConvTranspose2d(3, 2, 2, stride=2))
    x = torch.randn(1, 3, 2, 2)
    y = up(x)
    return [list(up.weight_u.shape), list(up.weight_v.shape), y]


record('spectral_norm ConvTranspose2d (dim 1)', spectral_transpose)


def spectral_remove():
    torch.manual_seed(3)
    lin = spectral_norm(nn.Linear(3, 3), eps=1e-6)
    lin(torch.ones(1, 3))
    remove_spectral_norm(lin)
    names = [n for n, _ in lin.named_parameters()]
    return [names, list(lin.state_dict().keys()), lin.weight, type(lin.weight).__name__]


record('remove_spectral_norm', spectral_remove)
record('spectral_norm twice', lambda: spectral_norm(spectral_norm(nn.Linear(2, 2))))
record('spectral_norm n_power_iterations 0', lambda: spectral_norm(nn.Linear(2, 2), n_power_iterations=0))
record('remove_spectral_norm without it', lambda: remove_spectral_norm(nn.Linear(2, 2)))


def spectral_load():
    torch.manual_seed(4)
    a = spectral_norm(nn.Linear(3, 2))
    b = spectral_norm(nn.Linear(3, 2))
    b.load_state_dict(a.state_dict())
    return [b.weight_orig, b.weight_u, b.weight_v, b(torch.ones(1, 3))]


record('spectral_norm load_state_dict', spectral_load)


def pool3d_double_backward():
    # A gradient penalty through 3-D pooling: create_graph=True, then backward through the gradient.
    torch.manual_seed(6)
    x = torch.randn(2, 2, 4, 5, 4, requires_grad=True)
    y = F.avg_pool3d(x.pow(2), 2, stride=1, padding=1, count_include_pad=False).sum()
    y = y + F.adaptive_avg_pool3d(x.pow(3), (2, 3, 2)).sum() + F.max_pool3d(x.pow(2), 2).sum()
    (g,) = torch.autograd.grad(y, x, create_graph=True)
    g.pow(2).sum().backward()
    return [g, x.grad]


record('3-D pooling under create_graph', pool3d_double_backward)


def conv3d_gradient_penalty(**kwargs):
    # WGAN-GP's penalty on a 3-D critic: (||d critic / d x|| - 1)^2, backpropagated to the critic's weights.
    def run():
        torch.manual_seed(7)
        conv = nn.Conv3d(2, 4, 3, **kwargs)
        x = torch.randn(2, 2, 4, 5, 4, requires_grad=True)
        out = conv(x).tanh().mean(dim=(1, 2, 3, 4))
        (g,) = torch.autograd.grad(out.sum(), x, create_graph=True)
        penalty = (g.flatten(1).norm(2, dim=1) - 1).pow(2).mean()
        penalty.backward()
        return [penalty, conv.weight.grad, conv.bias, None if conv.bias is None else conv.bias.grad, x.grad]

    return run


record('Conv3d gradient penalty', conv3d_gradient_penalty(padding=1))
record('Conv3d gradient penalty, groups and stride', conv3d_gradient_penalty(stride=(1, 2, 1), groups=2, bias=False))

dump()
