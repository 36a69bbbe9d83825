"""Backprop Lens's tqdm (see std.py): the progress bars learners wrap their loops in."""

from .std import TqdmWarning, tqdm, trange

tqdm_notebook = tqdm
tnrange = trange
__version__ = '4.64.1'
__all__ = ['tqdm', 'trange', 'tqdm_notebook', 'tnrange', 'TqdmWarning', '__version__']
