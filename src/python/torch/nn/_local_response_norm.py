"""F.local_response_norm / nn.LocalResponseNorm, the normalisation across channels of AlexNet (and of learners'
AlexNet and GoogLeNet files): composed as PyTorch 1.13's functional.py composes it, so values and gradients
come from the ops it calls (the squares averaged over a window of channels by avg_pool2d/avg_pool3d on a
padded copy, then input / (k + alpha * average) ** beta)."""


def local_response_norm(input, size, alpha=1e-4, beta=0.75, k=1.0):
    from .functional import avg_pool2d, avg_pool3d, pad

    dim = input.dim()
    if dim < 3:
        # PyTorch's message, with the run of spaces its source's line continuation leaves in it.
        raise ValueError(f'Expected 3D or higher dimensionality{" " * 26}input (got {dim} dimensions)')
    if input.numel() == 0:
        return input
    div = input.mul(input).unsqueeze(1)
    if dim == 3:
        div = pad(div, (0, 0, size // 2, (size - 1) // 2))
        div = avg_pool2d(div, (size, 1), stride=1).squeeze(1)
    else:
        sizes = input.size()
        div = div.view(sizes[0], 1, sizes[1], sizes[2], -1)
        div = pad(div, (0, 0, 0, 0, size // 2, (size - 1) // 2))
        div = avg_pool3d(div, (size, 1, 1), stride=1).squeeze(1)
        div = div.view(sizes)
    div = div.mul(alpha).add(k).pow(beta)
    return input / div
