"""torch.backends.cudnn: settable flags with no effect (there is no GPU)."""

deterministic = False
benchmark = False
enabled = False
# A package in PyTorch (torch.backends.cudnn.rnn): submodule imports reach _bl_guard's NotImplementedError.
__path__ = []


def is_available():
    return False
