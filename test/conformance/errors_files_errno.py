# What a learner's error handling around files prints: a missing data file, checkpoint or CSV caught as
# OSError / FileNotFoundError and printed, its errno compared with the errno module, and the usual
# "check before loading" fallbacks.
import errno
import os

import numpy as np
import pandas as pd
import torch

DATA = 'no_such_folder_for_errno_test'


def describe(label, action):
    try:
        action()
    except FileNotFoundError as e:
        print(f'{label}: FileNotFoundError {e}')
        print(f'  errno={e.errno} strerror={e.strerror!r} filename={e.filename!r} args={e.args}')
        print(f'  ENOENT? {e.errno == errno.ENOENT} name={errno.errorcode.get(e.errno)}')
    except OSError as e:
        print(f'{label}: {type(e).__name__} {e} errno={e.errno} name={errno.errorcode.get(e.errno)}')


describe('open', lambda: open(os.path.join(DATA, 'train.txt')))
describe('torch.load', lambda: torch.load(os.path.join(DATA, 'model.pt')))
describe('pd.read_csv', lambda: pd.read_csv(os.path.join(DATA, 'iris.csv')))
describe('np.load', lambda: np.load(os.path.join(DATA, 'features.npy')))
describe('np.loadtxt', lambda: np.loadtxt(os.path.join(DATA, 'values.txt')))
describe('os.listdir', lambda: os.listdir(DATA))
describe('open a folder for writing', lambda: open('.', 'w'))
describe('os.mkdir of an existing folder', lambda: os.mkdir('.'))

# A checkpoint loader that falls back to a fresh model when the file is missing.
model = torch.nn.Linear(2, 1)


def load_checkpoint(path):
    try:
        model.load_state_dict(torch.load(path))
        return 'loaded'
    except OSError as e:
        if e.errno == errno.ENOENT:
            return f'starting fresh ({e.strerror})'
        raise


print(load_checkpoint(os.path.join(DATA, 'ckpt.pth')))

# Raising one's own FileNotFoundError the way the standard library does.
try:
    raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), 'labels.csv')
except OSError as e:
    print(e, '|', repr(e), '|', e.errno)

print('errno constants:', errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EISDIR, errno.ENOTDIR)
print('strerror:', os.strerror(errno.ENOENT), '/', os.strerror(errno.EISDIR))
