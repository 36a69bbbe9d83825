"""rotate and affine of torchvision.transforms.functional (0.14) on tensors: the inverse affine matrix of the
output pixel grid, sampled with grid_sample (nearest or bilinear), with a mask channel marking where `fill`
goes. Re-exported by functional.py."""

import math
import numbers
import warnings

import torch
import torch.nn.functional as _F

from .._unsupported import needs_pil


def _get_inverse_affine_matrix(center, angle, translate, scale, shear, inverted=True):
    # Rotation, then shear, then scale, about `center`, then translation: RSS = rotation x shear x scale;
    # the inverse maps output pixels back into the input, as sampling needs.
    rot = math.radians(angle)
    sx, sy = math.radians(shear[0]), math.radians(shear[1])
    cx, cy = center
    tx, ty = translate
    a = math.cos(rot - sy) / math.cos(sy)
    b = -math.cos(rot - sy) * math.tan(sx) / math.cos(sy) - math.sin(rot)
    c = math.sin(rot - sy) / math.cos(sy)
    d = -math.sin(rot - sy) * math.tan(sx) / math.cos(sy) + math.cos(rot)
    if inverted:
        matrix = [x / scale for x in [d, -b, 0.0, -c, a, 0.0]]
        matrix[2] += matrix[0] * (-cx - tx) + matrix[1] * (-cy - ty) + cx
        matrix[5] += matrix[3] * (-cx - tx) + matrix[4] * (-cy - ty) + cy
    else:
        matrix = [x * scale for x in [a, b, 0.0, c, d, 0.0]]
        matrix[2] += matrix[0] * (-cx) + matrix[1] * (-cy) + cx + tx
        matrix[5] += matrix[3] * (-cx) + matrix[4] * (-cy) + cy + ty
    return matrix


def _check_grid_inputs(img, fill, interpolation):
    if img.ndim < 2:
        raise TypeError('Tensor is not a torch image.')
    if fill is not None and not isinstance(fill, (int, float, tuple, list)):
        warnings.warn('Argument fill should be either int, float, tuple or list')
    channels = 1 if img.ndim == 2 else img.shape[-3]
    if fill is not None and isinstance(fill, (tuple, list)) and len(fill) > 1 and len(fill) != channels:
        raise ValueError(
            "The number of elements in 'fill' cannot broadcast to match the number of "
            f'channels of the image ({len(fill)} != {channels})'
        )
    if interpolation not in ('nearest', 'bilinear'):
        raise ValueError(f"Interpolation mode '{interpolation}' is unsupported with Tensor input")


def _gen_affine_grid(theta, w, h, ow, oh):
    # Output pixel centres in a frame centred on the image, mapped by theta, in grid_sample's [-1, 1] units.
    base_grid = torch.empty(1, oh, ow, 3, dtype=theta.dtype)
    base_grid[..., 0].copy_(torch.linspace(-ow * 0.5 + 0.5, ow * 0.5 + 0.5 - 1, steps=ow))
    base_grid[..., 1].copy_(torch.linspace(-oh * 0.5 + 0.5, oh * 0.5 + 0.5 - 1, steps=oh).unsqueeze_(-1))
    base_grid[..., 2].fill_(1)
    rescaled_theta = theta.transpose(1, 2) / torch.tensor([0.5 * w, 0.5 * h], dtype=theta.dtype)
    return base_grid.view(1, oh * ow, 3).bmm(rescaled_theta).view(1, oh, ow, 2)


def _apply_grid_transform(img, grid, mode, fill):
    need_squeeze = img.ndim < 4
    if need_squeeze:
        img = img.unsqueeze(dim=0)
    out_dtype = img.dtype
    if out_dtype != grid.dtype:
        img = img.to(grid.dtype)
    if img.shape[0] > 1:
        grid = grid.expand(img.shape[0], grid.shape[1], grid.shape[2], grid.shape[3])
    if fill is not None:
        # A channel of ones, sampled like the image: where it comes back below 1, the output left the input.
        img = torch.cat((img, torch.ones((img.shape[0], 1, img.shape[2], img.shape[3]), dtype=img.dtype)), dim=1)
    img = _F.grid_sample(img, grid, mode=mode, padding_mode='zeros', align_corners=False)
    if fill is not None:
        mask = img[:, -1:, :, :].expand_as(img[:, :-1, :, :])
        img = img[:, :-1, :, :]
        fill_list = list(fill) if isinstance(fill, (tuple, list)) else [float(fill)]
        fill_img = torch.tensor(fill_list, dtype=img.dtype).view(1, len(fill_list), 1, 1).expand_as(img)
        if mode == 'nearest':
            outside = mask < 0.5
            img[outside] = fill_img[outside]
        else:
            img = img * mask + (1.0 - mask) * fill_img
    if need_squeeze:
        img = img.squeeze(dim=0)
    if img.dtype != out_dtype:
        if not out_dtype.is_floating_point:
            img = torch.round(img)
        img = img.to(out_dtype)
    return img


def _compute_affine_output_size(matrix, w, h):
    pts = torch.tensor(
        [[-0.5 * w, -0.5 * h, 1.0], [-0.5 * w, 0.5 * h, 1.0], [0.5 * w, 0.5 * h, 1.0], [0.5 * w, -0.5 * h, 1.0]]
    )
    theta = torch.tensor(matrix, dtype=torch.float).view(2, 3)
    new_pts = torch.matmul(pts, theta.T)
    min_vals, _ = new_pts.min(dim=0)
    max_vals, _ = new_pts.max(dim=0)
    min_vals += torch.tensor((w * 0.5, h * 0.5))
    max_vals += torch.tensor((w * 0.5, h * 0.5))
    tol = 1e-4  # corners a rounding error past an integer do not grow the output by a pixel
    cmax = torch.ceil((max_vals / tol).trunc_() * tol)
    cmin = torch.floor((min_vals / tol).trunc_() * tol)
    size = cmax - cmin
    return int(size[0]), int(size[1])


def _grid_transform(img, matrix, mode, fill, out_size=None):
    _check_grid_inputs(img, fill, mode)
    w, h = img.shape[-1], img.shape[-2]
    ow, oh = out_size or (w, h)
    dtype = img.dtype if torch.is_floating_point(img) else torch.float32
    theta = torch.tensor(matrix, dtype=dtype).reshape(1, 2, 3)
    return _apply_grid_transform(img, _gen_affine_grid(theta, w=w, h=h, ow=ow, oh=oh), mode, fill)


def _centre(img, center):
    if center is None:
        return [0.0, 0.0]
    height, width = img.shape[-2], img.shape[-1]
    return [1.0 * (c - s * 0.5) for c, s in zip(center, [width, height])]


def rotate(img, angle, interpolation=None, expand=False, center=None, fill=None):
    from .functional import InterpolationMode, _check_interpolation

    interpolation = _check_interpolation(InterpolationMode.NEAREST if interpolation is None else interpolation)
    if not isinstance(angle, (int, float)):
        raise TypeError('Argument angle should be int or float')
    if center is not None and not isinstance(center, (list, tuple)):
        raise TypeError('Argument center should be a sequence')
    if not isinstance(img, torch.Tensor):
        raise needs_pil('Rotating a PIL image (an item of a torchvision dataset); put transforms.ToTensor() first')
    matrix = _get_inverse_affine_matrix(_centre(img, center), -angle, [0.0, 0.0], 1.0, [0.0, 0.0])
    out_size = _compute_affine_output_size(matrix, img.shape[-1], img.shape[-2]) if expand else None
    return _grid_transform(img, matrix, interpolation.value, fill, out_size)


def affine(img, angle, translate, scale, shear, interpolation=None, fill=None, center=None):
    from .functional import InterpolationMode, _check_interpolation

    interpolation = _check_interpolation(InterpolationMode.NEAREST if interpolation is None else interpolation)
    if not isinstance(angle, (int, float)):
        raise TypeError('Argument angle should be int or float')
    if not isinstance(translate, (list, tuple)):
        raise TypeError('Argument translate should be a sequence')
    if len(translate) != 2:
        raise ValueError('Argument translate should be a sequence of length 2')
    if scale <= 0.0:
        raise ValueError('Argument scale should be positive')
    if not isinstance(shear, (numbers.Number, (list, tuple))):
        raise TypeError('Shear should be either a single value or a sequence of two values')
    shear = [shear, 0.0] if isinstance(shear, numbers.Number) else list(shear)
    if len(shear) == 1:
        shear = [shear[0], shear[0]]
    if len(shear) != 2:
        raise ValueError(f'Shear should be a sequence containing two values. Got {shear}')
    if center is not None and not isinstance(center, (list, tuple)):
        raise TypeError('Argument center should be a sequence')
    if not isinstance(img, torch.Tensor):
        raise needs_pil('An affine transform of a PIL image (an item of a torchvision dataset); put ToTensor() first')
    translate_f = [1.0 * t for t in translate]
    matrix = _get_inverse_affine_matrix(_centre(img, center), float(angle), translate_f, scale, shear)
    return _grid_transform(img, matrix, interpolation.value, fill)
