# np.save / np.load / np.savez as learners keep a prepared dataset between runs: the .npy bytes are numpy's
# own (header, padding, little-endian data), so files pass between real numpy and ours; tobytes/frombuffer.
import hashlib
import io
import os
import tempfile

import numpy as np

folder = tempfile.mkdtemp()
rng = np.random.RandomState(5)
features = rng.rand(4, 3)
labels = np.array([0, 2, 1, 1])
mask = labels > 0
small = np.arange(6, dtype=np.float32).reshape(2, 3) / 4
pixels = (rng.rand(2, 2) * 255).astype(np.uint8)
halves = np.array([0.5, -1.25, 3.0], dtype=np.float16)
scalar = np.float64(2.5)
for name, arr in [
    ('features', features),
    ('labels', labels),
    ('mask', mask),
    ('small', small),
    ('pixels', pixels),
    ('halves', halves),
    ('scalar', np.array(scalar)),
    ('empty', np.zeros((0, 3))),
    ('column', features[:, 1]),
    ('int32', labels.astype(np.int32)),
]:
    buffer = io.BytesIO()
    np.save(buffer, arr)
    data = buffer.getvalue()
    print(name, len(data), hashlib.sha256(data).hexdigest()[:16], data[:10])
    buffer.seek(0)
    back = np.load(buffer)
    print(' ', back.dtype, back.shape, np.array_equal(back, arr), back.flags['C_CONTIGUOUS'])

path = os.path.join(folder, 'train')
np.save(path, features)  # .npy is added
print(sorted(os.listdir(folder)), np.load(path + '.npy')[1])

np.savez(os.path.join(folder, 'split.npz'), features, y=labels)
with np.load(os.path.join(folder, 'split.npz')) as data:
    print(sorted(data.files), data['arr_0'].shape, data['y'], 'y' in data, len(data))
np.savez_compressed(os.path.join(folder, 'packed'), X=small, mask=mask)
packed = np.load(os.path.join(folder, 'packed.npz'))
print(sorted(packed.keys()), packed['X'], packed['mask'])
packed.close()

# a transposed array lies in Fortran order: numpy writes it as it lies and says so in the header
fortran = np.array([[1.0, 3.0, 5.0], [2.0, 4.0, 6.0]], dtype=np.float32).T
written = io.BytesIO()
np.save(written, fortran)
raw = written.getvalue()
print(raw[10:60])
print(np.load(io.BytesIO(raw)))

raw = small.tobytes()
print(len(raw), raw[:8], np.frombuffer(raw, dtype=np.float32), np.frombuffer(raw, dtype=np.float32, count=2, offset=4))
print(np.frombuffer(b'\x01\x02\x03\x04', dtype=np.uint8), np.frombuffer(labels.tobytes(), dtype=np.int64))
try:
    np.frombuffer(b'\x01\x02\x03', dtype=np.int16)
except ValueError as e:
    print('ValueError:', e)
