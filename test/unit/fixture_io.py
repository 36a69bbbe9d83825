"""What the float32-bits fixture scripts (unary-bits, softmax-exp, tanh, conv-pool, conv-transpose, bce-bits
...-fixture.py) share: a tensor written as base64 of its float32 little-endian bytes. Imported by name, as the
scripts run from this folder (/usr/bin/python3 test/unit/NAME-fixture.py puts it first on sys.path)."""

import base64


def enc(t):
    # float32 values as base64 of their little-endian bytes: exact and a quarter of the decimal size
    t = t.detach().contiguous().float()
    return {'shape': list(t.shape), 'f32': base64.b64encode(t.numpy().astype('<f4').tobytes()).decode()}
