"""matplotlib.image.imread for PNG files ("Deep Learning from Scratch" ch1 img_show.py: `from
matplotlib.image import imread`, then plt.imshow(img)): decoded here with zlib as matplotlib 3.6 returns
them through Pillow: float32 in [0, 1], (H, W) for grey, (H, W, 3) for RGB, (H, W, 4) for RGBA, with
palette and grey+alpha images expanded to RGBA. Other formats (JPEG needs Pillow) and imsave raise
NotImplementedError."""

import struct
import zlib

from ._errors import MissingFeature

_SIGNATURE = b'\x89PNG\r\n\x1a\n'
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def __getattr__(name):
    if name.startswith('_'):
        raise AttributeError(f"module 'matplotlib.image' has no attribute '{name}'")
    raise MissingFeature(
        f'matplotlib.image.{name} is not supported by Backprop Lens (supported: matplotlib.image.imread of PNG '
        f'files; save figures with plt.savefig)'
    )


def _chunks(data):
    at = len(_SIGNATURE)
    while at + 8 <= len(data):
        (size,) = struct.unpack('>I', data[at : at + 4])
        kind = data[at + 4 : at + 8]
        yield kind, data[at + 8 : at + 8 + size]
        at += 12 + size


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _unfilter(raw, height, stride, bpp):
    """The PNG scanline filters undone: the bytes of each row, filters 0 (none) to 4 (Paeth)."""
    rows = []
    prev = bytearray(stride)
    at = 0
    for _ in range(height):
        kind = raw[at]
        line = bytearray(raw[at + 1 : at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 0xFF
            elif kind == 4:
                c = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + _paeth(a, b, c)) & 0xFF
        rows.append(line)
        prev = line
    return rows


def _samples(row, depth):
    if depth == 8:
        return list(row)
    if depth == 16:
        return [row[i] << 8 | row[i + 1] for i in range(0, len(row), 2)]
    per = 8 // depth
    mask = (1 << depth) - 1
    return [(byte >> (8 - depth * (k + 1))) & mask for byte in row for k in range(per)]


def _read_png(data):
    import numpy as np

    head = dict(_chunks(data)).get(b'IHDR')
    width, height, depth, color, _, _, interlace = struct.unpack('>IIBBBBB', head)
    if interlace:
        raise MissingFeature('matplotlib.image.imread of an interlaced PNG is not supported by Backprop Lens')
    idat = b''.join(body for kind, body in _chunks(data) if kind == b'IDAT')
    palette = b''.join(body for kind, body in _chunks(data) if kind == b'PLTE')
    trns = b''.join(body for kind, body in _chunks(data) if kind == b'tRNS')
    channels = _CHANNELS[color]
    bits = depth * channels
    stride = (width * bits + 7) // 8
    rows = _unfilter(zlib.decompress(idat), height, stride, max(1, bits // 8))
    values = [v for row in rows for v in _samples(row, depth)[: width * channels]]
    if depth == 16 and color != 0:
        # Pillow keeps the high byte of 16-bit colour samples (only 16-bit grey stays 16-bit).
        values = [v >> 8 for v in values]
        depth = 8
    if color == 3:
        alpha = list(trns) + [255] * (len(palette) // 3 - len(trns))
        rgba = [c for i in values for c in (palette[3 * i], palette[3 * i + 1], palette[3 * i + 2], alpha[i])]
        return np.array(rgba, dtype=np.float32).reshape(height, width, 4) / np.float32(255)
    if color == 4:
        grey = values
        values = [c for i in range(0, len(grey), 2) for c in (grey[i], grey[i], grey[i], grey[i + 1])]
        channels = 4
    scale = (1 << depth) - 1
    if color == 0 and depth == 1:
        scale = 1
    arr = np.array(values, dtype=np.float32)
    shape = (height, width) if channels == 1 else (height, width, channels)
    return (arr / np.float32(scale)).reshape(shape)


def imread(fname, format=None):
    if hasattr(fname, 'read'):
        data = fname.read()
    else:
        with open(fname, 'rb') as f:
            data = f.read()
    if not data.startswith(_SIGNATURE):
        raise MissingFeature(
            'matplotlib.image.imread of a non-PNG file is not supported by Backprop Lens (it needs Pillow); '
            'convert the image to PNG'
        )
    return _read_png(data)
