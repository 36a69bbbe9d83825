"""torchvision.transforms.functional (0.14): the image ops behind the transforms, on tensors (..., C, H, W) and on
the images torchvision's datasets yield (torchvision._image.DatasetImage, without Pillow). The arithmetic is
torch ops, as in torchvision's functional_tensor."""

import numbers
import warnings
from enum import Enum

import numpy as np
import torch
import torch.nn.functional as _F

from .._image import DatasetImage
from .._unsupported import module_getattr, needs_pil
from ._functional_color import adjust_brightness, adjust_contrast, adjust_hue, adjust_saturation
from ._functional_geometry import _get_inverse_affine_matrix, affine, rotate


class InterpolationMode(Enum):
    NEAREST = 'nearest'
    BILINEAR = 'bilinear'
    BICUBIC = 'bicubic'
    BOX = 'box'
    HAMMING = 'hamming'
    LANCZOS = 'lanczos'


_INT_MODES = {
    0: InterpolationMode.NEAREST,
    2: InterpolationMode.BILINEAR,
    3: InterpolationMode.BICUBIC,
    4: InterpolationMode.BOX,
    5: InterpolationMode.HAMMING,
    1: InterpolationMode.LANCZOS,
}


def _interpolation_modes_from_int(i):
    return _INT_MODES[i]


def _is_numpy(img):
    return isinstance(img, np.ndarray)


def _not_an_image(img):
    """torchvision's error for something neither a tensor nor a PIL image (numpy arrays included)."""
    return TypeError(f'img should be PIL Image. Got {type(img)}')


def _on_pixels(img, op):
    """Applies a tensor op to a dataset image's pixels (C x H x W) and wraps the result back; tensors go through
    directly. The ops used this way (crops, flips, pads) move pixels without arithmetic, so the result is what
    Pillow would give."""
    if isinstance(img, torch.Tensor):
        _assert_image_tensor(img)
        return op(img)
    if isinstance(img, DatasetImage):
        return DatasetImage.from_chw(op(img.chw()), img.mode)
    raise _not_an_image(img)


def _assert_image_tensor(img):
    if img.ndim < 2:
        raise TypeError('Tensor is not a torch image.')


def get_dimensions(img):
    if isinstance(img, torch.Tensor):
        _assert_image_tensor(img)
        channels = 1 if img.ndim == 2 else img.shape[-3]
        return [channels, img.shape[-2], img.shape[-1]]
    if isinstance(img, DatasetImage):
        return [1 if img.mode == 'L' else img.pixels.shape[2], img.height, img.width]
    raise TypeError(f'Unexpected type {type(img)}')


def get_image_size(img):
    _, h, w = get_dimensions(img)
    return [w, h]


def get_image_num_channels(img):
    return get_dimensions(img)[0]


def to_tensor(pic):
    if isinstance(pic, DatasetImage):
        return pic.chw().to(dtype=torch.get_default_dtype()).div(255)
    if not _is_numpy(pic):
        raise TypeError(f'pic should be PIL Image or ndarray. Got {type(pic)}')
    if pic.ndim not in (2, 3):
        raise ValueError(f'pic should be 2/3 dimensional. Got {pic.ndim} dimensions.')
    if pic.ndim == 2:
        pic = pic[:, :, None]
    img = torch.from_numpy(pic.transpose((2, 0, 1))).contiguous()
    if img.dtype == torch.uint8:
        return img.to(dtype=torch.get_default_dtype()).div(255)
    return img


def pil_to_tensor(pic):
    if isinstance(pic, DatasetImage):
        return pic.chw().clone()
    raise TypeError(f'pic should be PIL Image. Got {type(pic)}')


def to_pil_image(pic, mode=None):
    raise needs_pil('torchvision.transforms.functional.to_pil_image (ToPILImage)')


def _max_value(dtype):
    return {
        torch.uint8: 255,
        torch.int8: 127,
        torch.int16: 32767,
        torch.int32: 2147483647,
        torch.int64: 9223372036854775807,
    }.get(dtype, 1)


def convert_image_dtype(image, dtype=torch.float):
    if not isinstance(image, torch.Tensor):
        raise TypeError('Input img should be Tensor Image')
    if image.dtype == dtype:
        return image
    to_float = torch.tensor(0, dtype=dtype).is_floating_point()
    if image.is_floating_point():
        if to_float:
            return image.to(dtype)
        if (image.dtype == torch.float32 and dtype in (torch.int32, torch.int64)) or (
            image.dtype == torch.float64 and dtype == torch.int64
        ):
            raise RuntimeError(f'The cast from {image.dtype} to {dtype} cannot be performed safely.')
        # (max + 1 - eps) spreads [0, 1] evenly over the integers; 1.0 alone maps to max.
        return image.mul(float(_max_value(dtype)) + 1.0 - 1e-3).to(dtype)
    input_max = float(_max_value(image.dtype))
    if to_float:
        return image.to(dtype) / input_max
    output_max = float(_max_value(dtype))
    if input_max > output_max:
        factor = int((input_max + 1) // (output_max + 1))
        return torch.div(image, factor, rounding_mode='floor').to(dtype)
    factor = int((output_max + 1) // (input_max + 1))
    return image.to(dtype) * factor


def normalize(tensor, mean, std, inplace=False):
    if not isinstance(tensor, torch.Tensor):
        raise TypeError(f'img should be Tensor Image. Got {type(tensor)}')
    if not tensor.is_floating_point():
        raise TypeError(f'Input tensor should be a float tensor. Got {tensor.dtype}.')
    if tensor.ndim < 3:
        raise ValueError(
            f'Expected tensor to be a tensor image of size (..., C, H, W). Got tensor.size() = {tensor.size()}'
        )
    if not inplace:
        tensor = tensor.clone()
    mean = torch.as_tensor(mean, dtype=tensor.dtype, device=tensor.device)
    std = torch.as_tensor(std, dtype=tensor.dtype, device=tensor.device)
    if (std == 0).any():
        raise ValueError(f'std evaluated to zero after conversion to {tensor.dtype}, leading to division by zero.')
    if mean.ndim == 1:
        mean = mean.view(-1, 1, 1)
    if std.ndim == 1:
        std = std.view(-1, 1, 1)
    return tensor.sub_(mean).div_(std)


def _compute_resized_output_size(image_size, size, max_size=None):
    if len(size) == 1:  # the smaller edge
        h, w = image_size
        short, long = (w, h) if w <= h else (h, w)
        requested_new_short = size if isinstance(size, int) else size[0]
        new_short, new_long = requested_new_short, int(requested_new_short * long / short)
        if max_size is not None:
            if max_size <= requested_new_short:
                raise ValueError(
                    f'max_size = {max_size} must be strictly greater than the requested '
                    f'size for the smaller edge size = {size}'
                )
            if new_long > max_size:
                new_short, new_long = int(max_size * new_short / new_long), max_size
        new_w, new_h = (new_short, new_long) if w <= h else (new_long, new_short)
    else:
        new_w, new_h = size[1], size[0]
    return [new_h, new_w]


def _check_interpolation(interpolation):
    if isinstance(interpolation, int):
        warnings.warn(
            "Argument 'interpolation' of type int is deprecated since 0.13 and will be removed in 0.15. "
            'Please use InterpolationMode enum.'
        )
        interpolation = _interpolation_modes_from_int(interpolation)
    if not isinstance(interpolation, InterpolationMode):
        raise TypeError('Argument interpolation should be a InterpolationMode')
    return interpolation


def resize(img, size, interpolation=InterpolationMode.BILINEAR, max_size=None, antialias=None):
    interpolation = _check_interpolation(interpolation)
    if isinstance(size, (list, tuple)):
        if len(size) not in [1, 2]:
            raise ValueError(
                f'Size must be an int or a 1 or 2 element tuple/list, not a {len(size)} element tuple/list'
            )
        if max_size is not None and len(size) != 1:
            raise ValueError(
                'max_size should only be passed if size specifies the length of the smaller edge, '
                'i.e. size should be an int or a sequence of length 1 in torchscript mode.'
            )
    _, image_height, image_width = get_dimensions(img)
    if isinstance(size, int):
        size = [size]
    output_size = _compute_resized_output_size((image_height, image_width), size, max_size)
    if (image_height, image_width) == tuple(output_size):
        return img
    if not isinstance(img, torch.Tensor):
        raise needs_pil(
            "Resizing a PIL image (Pillow's antialiased resize; an item of a torchvision dataset); put "
            'transforms.ToTensor() before Resize so that it resizes the tensor'
        )
    mode = interpolation.value
    if mode not in ('nearest', 'bilinear', 'bicubic'):
        raise ValueError(f'Input Error: Tensor image resize supports nearest, bilinear and bicubic, got {mode}')
    antialias = bool(antialias)
    if antialias and mode not in ('bilinear', 'bicubic'):
        raise ValueError('Antialias option is supported for bilinear and bicubic interpolation modes only')
    x, need_squeeze, out_dtype = _to_float_batch(img)
    align_corners = False if mode in ('bilinear', 'bicubic') else None
    x = _F.interpolate(x, size=list(output_size), mode=mode, align_corners=align_corners, antialias=antialias)
    if mode == 'bicubic' and out_dtype == torch.uint8:
        x = x.clamp(min=0, max=255)
    return _from_float_batch(x, need_squeeze, out_dtype)


def _to_float_batch(img):
    """N x C x H x W in float32 (or float64), as interpolation and padding need; see _from_float_batch."""
    need_squeeze = img.ndim < 4
    if need_squeeze:
        img = img.unsqueeze(dim=0)
    out_dtype = img.dtype
    if out_dtype not in (torch.float32, torch.float64):
        img = img.to(torch.float32)
    return img, need_squeeze, out_dtype


def _from_float_batch(img, need_squeeze, out_dtype):
    if need_squeeze:
        img = img.squeeze(dim=0)
    if img.dtype != out_dtype:
        if not out_dtype.is_floating_point:
            img = torch.round(img)  # rounds before the cast back to integers
        img = img.to(out_dtype)
    return img


def _parse_pad_padding(padding):
    """[left, right, top, bottom] from torchvision's int / [all] / [lr, tb] / [l, t, r, b] forms."""
    if isinstance(padding, int):
        return [padding] * 4
    if len(padding) == 1:
        return [padding[0]] * 4
    if len(padding) == 2:
        return [padding[0], padding[0], padding[1], padding[1]]
    return [padding[0], padding[2], padding[1], padding[3]]


def _pad_symmetric(img, p):
    # Negative padding crops first.
    if min(p) < 0:
        left, right, top, bottom = [-min(x, 0) for x in p]
        img = img[..., top : img.shape[-2] - bottom, left : img.shape[-1] - right]
        p = [max(x, 0) for x in p]
    w, h = img.shape[-1], img.shape[-2]
    cols = torch.tensor(list(range(p[0] - 1, -1, -1)) + list(range(w)) + [w - 1 - i for i in range(p[1])])
    rows = torch.tensor(list(range(p[2] - 1, -1, -1)) + list(range(h)) + [h - 1 - i for i in range(p[3])])
    return img.index_select(-1, cols).index_select(-2, rows)


def _pad_tensor(img, padding, fill, padding_mode):
    if fill is None:
        fill = 0
    if not isinstance(padding, (int, tuple, list)):
        raise TypeError('Got inappropriate padding arg')
    if not isinstance(fill, (int, float)):
        raise TypeError('Got inappropriate fill arg')
    if not isinstance(padding_mode, str):
        raise TypeError('Got inappropriate padding_mode arg')
    if isinstance(padding, (tuple, list)) and len(padding) not in [1, 2, 4]:
        raise ValueError(f'Padding must be an int or a 1, 2, or 4 element tuple, not a {len(padding)} element tuple')
    if padding_mode not in ['constant', 'edge', 'reflect', 'symmetric']:
        raise ValueError('Padding mode should be either constant, edge, reflect or symmetric')
    p = _parse_pad_padding(padding)
    if padding_mode == 'symmetric':
        return _pad_symmetric(img, p)
    need_squeeze = img.ndim < 4
    if need_squeeze:
        img = img.unsqueeze(dim=0)
    out_dtype = img.dtype
    if padding_mode != 'constant' and out_dtype not in (torch.float32, torch.float64):
        img = img.to(torch.float32)
    if padding_mode == 'constant':
        img = _F.pad(img, p, mode='constant', value=float(fill))
    else:
        img = _F.pad(img, p, mode='replicate' if padding_mode == 'edge' else 'reflect')
    if need_squeeze:
        img = img.squeeze(dim=0)
    return img.to(out_dtype)


def pad(img, padding, fill=0, padding_mode='constant'):
    return _on_pixels(img, lambda t: _pad_tensor(t, padding, fill, padding_mode))


def _crop_tensor(img, top, left, height, width):
    h, w = img.shape[-2], img.shape[-1]
    right, bottom = left + width, top + height
    if left < 0 or top < 0 or right > w or bottom > h:
        padding_ltrb = [
            max(-left + min(0, right), 0),
            max(-top + min(0, bottom), 0),
            max(right - max(w, left), 0),
            max(bottom - max(h, top), 0),
        ]
        return _pad_tensor(img[..., max(top, 0) : bottom, max(left, 0) : right], padding_ltrb, 0, 'constant')
    return img[..., top:bottom, left:right]


def crop(img, top, left, height, width):
    return _on_pixels(img, lambda t: _crop_tensor(t, top, left, height, width))


def center_crop(img, output_size):
    if isinstance(output_size, numbers.Number):
        output_size = (int(output_size), int(output_size))
    elif isinstance(output_size, (tuple, list)) and len(output_size) == 1:
        output_size = (output_size[0], output_size[0])
    _, image_height, image_width = get_dimensions(img)
    crop_height, crop_width = output_size
    if crop_width > image_width or crop_height > image_height:
        padding_ltrb = [
            (crop_width - image_width) // 2 if crop_width > image_width else 0,
            (crop_height - image_height) // 2 if crop_height > image_height else 0,
            (crop_width - image_width + 1) // 2 if crop_width > image_width else 0,
            (crop_height - image_height + 1) // 2 if crop_height > image_height else 0,
        ]
        img = pad(img, padding_ltrb, fill=0)
        _, image_height, image_width = get_dimensions(img)
        if crop_width == image_width and crop_height == image_height:
            return img
    crop_top = int(round((image_height - crop_height) / 2.0))
    crop_left = int(round((image_width - crop_width) / 2.0))
    return crop(img, crop_top, crop_left, crop_height, crop_width)


def resized_crop(img, top, left, height, width, size, interpolation=InterpolationMode.BILINEAR, antialias=None):
    img = crop(img, top, left, height, width)
    return resize(img, size, interpolation, antialias=antialias)


def hflip(img):
    return _on_pixels(img, lambda t: t.flip(-1))


def vflip(img):
    return _on_pixels(img, lambda t: t.flip(-2))


def five_crop(img, size):
    if isinstance(size, numbers.Number):
        size = (int(size), int(size))
    elif isinstance(size, (tuple, list)) and len(size) == 1:
        size = (size[0], size[0])
    if len(size) != 2:
        raise ValueError('Please provide only two dimensions (h, w) for size.')
    _, image_height, image_width = get_dimensions(img)
    crop_height, crop_width = size
    if crop_width > image_width or crop_height > image_height:
        raise ValueError(f'Requested crop size {size} is bigger than input size {(image_height, image_width)}')
    tl = crop(img, 0, 0, crop_height, crop_width)
    tr = crop(img, 0, image_width - crop_width, crop_height, crop_width)
    bl = crop(img, image_height - crop_height, 0, crop_height, crop_width)
    br = crop(img, image_height - crop_height, image_width - crop_width, crop_height, crop_width)
    return tl, tr, bl, br, center_crop(img, [crop_height, crop_width])


def ten_crop(img, size, vertical_flip=False):
    first = five_crop(img, size)
    second = five_crop(vflip(img) if vertical_flip else hflip(img), size)
    return first + second


def rgb_to_grayscale(img, num_output_channels=1):
    if not isinstance(img, torch.Tensor):
        raise needs_pil('Grayscale on a PIL image (an item of a torchvision dataset); put transforms.ToTensor() first')
    if img.ndim < 3:
        raise TypeError(f'Input image tensor should have at least 3 dimensions, but found {img.ndim}')
    c = img.shape[-3]
    if c not in (1, 3):
        raise TypeError(f'Input image tensor permitted channel values are [1, 3], but found {c}')
    if num_output_channels not in (1, 3):
        raise ValueError('num_output_channels should be either 1 or 3')
    if c == 3:
        r, g, b = img.unbind(dim=-3)
        # ITU-R 601-2 luma weights, as torchvision's tensor path uses them.
        l_img = (0.2989 * r + 0.587 * g + 0.114 * b).to(img.dtype).unsqueeze(dim=-3)
    else:
        l_img = img.clone()
    if num_output_channels == 3:
        return l_img.expand(img.shape)
    return l_img


def to_grayscale(img, num_output_channels=1):
    raise needs_pil('torchvision.transforms.functional.to_grayscale (PIL images only; rgb_to_grayscale takes tensors)')


def erase(img, i, j, h, w, v, inplace=False):
    if not isinstance(img, torch.Tensor):
        raise TypeError(f'img should be Tensor Image. Got {type(img)}')
    if not inplace:
        img = img.clone()
    img[..., i : i + h, j : j + w] = v
    return img


def invert(img):
    if not isinstance(img, torch.Tensor):
        raise needs_pil('invert on a PIL image; put transforms.ToTensor() first')
    return (1.0 if img.is_floating_point() else _max_value(img.dtype)) - img


__getattr__ = module_getattr(
    'torchvision.transforms.functional',
    {
        'adjust_gamma',
        'adjust_sharpness',
        'perspective',
        'gaussian_blur',
        'posterize',
        'solarize',
        'autocontrast',
        'equalize',
        'elastic_transform',
    },
)
