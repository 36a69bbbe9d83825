"""torch.backends: the flags seeding boilerplate sets (cudnn.deterministic, ...) exist and do nothing."""

from . import cudnn, mps  # noqa: F401
