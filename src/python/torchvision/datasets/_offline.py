"""What a dataset says when its files are missing and download=True: Backprop Lens runs offline."""

from .._unsupported import unsupported


def no_download(dataset, where, files):
    return unsupported(
        f'torchvision.datasets.{dataset}(download=True)',
        f'Backprop Lens runs your file offline and cannot download; put {files} in {where} '
        '(for example, downloaded once with the real torchvision) and pass download=False',
    )


def check_integrity(fpath, md5=None):
    import hashlib
    import os

    if not os.path.isfile(fpath):
        return False
    if md5 is None:
        return True
    with open(fpath, 'rb') as f:
        return hashlib.md5(f.read()).hexdigest() == md5
