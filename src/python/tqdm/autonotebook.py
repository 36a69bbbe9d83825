"""tqdm.autonotebook: the same bars as tqdm (std.py)."""

from .std import tqdm, trange

__all__ = ["tqdm", "trange"]
