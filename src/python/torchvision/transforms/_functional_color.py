"""The colour ops of torchvision.transforms.functional (0.14) on tensors: brightness, contrast and saturation
blend with black, the mean grey and the greyscale image; hue turns in HSV. Re-exported by functional.py."""

import torch

from .._unsupported import needs_pil


def _tensor_rgb(img, name, permitted=(1, 3)):
    if not isinstance(img, torch.Tensor):
        raise needs_pil(f'{name} on a PIL image (an item of a torchvision dataset); put transforms.ToTensor() first')
    if img.ndim < 2:
        raise TypeError('Tensor is not a torch image.')
    c = 1 if img.ndim == 2 else img.shape[-3]
    if c not in permitted:
        raise TypeError(f'Input image tensor permitted channel values are {list(permitted)}, but found {c}')
    return c


def _blend(img1, img2, ratio):
    ratio = float(ratio)
    bound = 1.0 if img1.is_floating_point() else 255.0
    return (ratio * img1 + (1.0 - ratio) * img2).clamp(0, bound).to(img1.dtype)


def _gray(img):
    r, g, b = img.unbind(dim=-3)
    # ITU-R 601-2 luma weights, as torchvision's tensor path uses them.
    return (0.2989 * r + 0.587 * g + 0.114 * b).to(img.dtype).unsqueeze(dim=-3)


def adjust_brightness(img, brightness_factor):
    if brightness_factor < 0:
        raise ValueError(f'brightness_factor ({brightness_factor}) is not non-negative.')
    _tensor_rgb(img, 'adjust_brightness')
    return _blend(img, torch.zeros_like(img), brightness_factor)


def adjust_contrast(img, contrast_factor):
    if contrast_factor < 0:
        raise ValueError(f'contrast_factor ({contrast_factor}) is not non-negative.')
    c = _tensor_rgb(img, 'adjust_contrast', (3, 1))
    dtype = img.dtype if torch.is_floating_point(img) else torch.float32
    grey = _gray(img) if c == 3 else img
    mean = torch.mean(grey.to(dtype), dim=(-3, -2, -1), keepdim=True)
    return _blend(img, mean, contrast_factor)


def adjust_saturation(img, saturation_factor):
    if saturation_factor < 0:
        raise ValueError(f'saturation_factor ({saturation_factor}) is not non-negative.')
    if _tensor_rgb(img, 'adjust_saturation') == 1:
        return img  # as PIL: a grey image has no saturation
    return _blend(img, _gray(img), saturation_factor)


def _rgb2hsv(img):
    r, g, b = img.unbind(dim=-3)
    maxc = torch.max(img, dim=-3).values
    minc = torch.min(img, dim=-3).values
    eqc = maxc == minc
    cr = maxc - minc
    ones = torch.ones_like(maxc)
    s = cr / torch.where(eqc, ones, maxc)
    cr_divisor = torch.where(eqc, ones, cr)
    rc, gc, bc = (maxc - r) / cr_divisor, (maxc - g) / cr_divisor, (maxc - b) / cr_divisor
    hr = (maxc == r) * (bc - gc)
    hg = ((maxc == g) & (maxc != r)) * (2.0 + rc - bc)
    hb = ((maxc != g) & (maxc != r)) * (4.0 + gc - rc)
    h = torch.fmod(((hr + hg + hb) / 6.0 + 1.0), 1.0)
    return torch.stack((h, s, maxc), dim=-3)


def _hsv2rgb(img):
    h, s, v = img.unbind(dim=-3)
    i = torch.floor(h * 6.0)
    f = (h * 6.0) - i
    i = i.to(dtype=torch.int32) % 6
    p = torch.clamp((v * (1.0 - s)), 0.0, 1.0)
    q = torch.clamp((v * (1.0 - s * f)), 0.0, 1.0)
    t = torch.clamp((v * (1.0 - s * (1.0 - f))), 0.0, 1.0)
    # One of six sectors per pixel: a one-hot mask over the sectors picks each channel's formula.
    mask = i.unsqueeze(dim=-3) == torch.arange(6).view(-1, 1, 1)
    a1 = torch.stack((v, q, p, p, t, v), dim=-3)
    a2 = torch.stack((t, v, v, q, p, p), dim=-3)
    a3 = torch.stack((p, p, t, v, v, q), dim=-3)
    a4 = torch.stack((a1, a2, a3), dim=-4)
    return torch.einsum('...ijk, ...xijk -> ...xjk', mask.to(dtype=img.dtype), a4)


def adjust_hue(img, hue_factor):
    if not (-0.5 <= hue_factor <= 0.5):
        raise ValueError(f'hue_factor ({hue_factor}) is not in [-0.5, 0.5].')
    if _tensor_rgb(img, 'adjust_hue') == 1:
        return img
    orig_dtype = img.dtype
    if img.dtype == torch.uint8:
        img = img.to(dtype=torch.float32) / 255.0
    h, s, v = _rgb2hsv(img).unbind(dim=-3)
    out = _hsv2rgb(torch.stack(((h + hue_factor) % 1.0, s, v), dim=-3))
    if orig_dtype == torch.uint8:
        out = (out * 255.0).to(dtype=orig_dtype)
    return out
