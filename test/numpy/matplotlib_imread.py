# matplotlib.image.imread of PNG files as "Deep Learning from Scratch" ch1 (img_show.py) reads them: grey,
# RGB, RGBA, palette, grey+alpha and 16-bit images written here byte by byte (every scanline filter), read back
# as matplotlib 3.6 returns them (float32 in [0, 1]).
import os
import struct
import tempfile
import zlib

import numpy as np
from matplotlib.image import imread


def chunk(kind, body):
    return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body) & 0xFFFFFFFF)


def png(width, height, depth, color, rows, extra=b''):
    head = struct.pack('>IIBBBBB', width, height, depth, color, 0, 0, 0)
    raw = b''.join(bytes([f]) + bytes(r) for f, r in rows)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', head) + extra + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')


cases = {
    'grey': png(3, 2, 8, 0, [(0, [0, 128, 255]), (1, [10, 20, 30])]),
    'rgb': png(2, 2, 8, 2, [(2, [255, 0, 0, 0, 255, 0]), (3, [0, 0, 255, 9, 9, 9])]),
    'rgba': png(2, 2, 8, 6, [(4, [1, 2, 3, 4, 5, 6, 7, 8]), (4, [9, 10, 11, 12, 13, 14, 15, 16])]),
    'palette': png(3, 1, 8, 3, [(0, [0, 1, 2])], chunk(b'PLTE', bytes([255, 0, 0, 0, 255, 0, 0, 0, 255])) + chunk(b'tRNS', bytes([128]))),
    'grey_alpha': png(2, 1, 8, 4, [(0, [50, 255, 200, 0])]),
    'grey16': png(2, 1, 16, 0, [(0, [0x12, 0x34, 0xFF, 0xFF])]),
    'rgb16': png(1, 1, 16, 2, [(0, [0, 1, 0x80, 0, 0xFF, 0xFE])]),
}
with tempfile.TemporaryDirectory() as d:
    for name, data in cases.items():
        path = os.path.join(d, name + '.png')
        with open(path, 'wb') as f:
            f.write(data)
        img = imread(path)
        print(name, img.shape, img.dtype)
        print(img)
    with open(os.path.join(d, 'rgb.png'), 'rb') as f:
        print(imread(f).shape)
