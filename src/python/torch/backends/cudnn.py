"""torch.backends.cudnn: settable flags with no effect (there is no GPU)."""

deterministic = False
benchmark = False
enabled = False


def is_available():
    return False
