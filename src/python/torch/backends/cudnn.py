"""torch.backends.cudnn: settable flags with no effect (there is no GPU)."""

deterministic = False
benchmark = False
enabled = True  # as in a CPU-only PyTorch 1.13 build: cuDNN is enabled, just not available
# A package in PyTorch (torch.backends.cudnn.rnn): submodule imports reach _bl_guard's NotImplementedError.
__path__ = []


def is_available():
    return False
