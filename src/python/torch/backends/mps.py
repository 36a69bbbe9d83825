"""torch.backends.mps: never available here."""


def is_available():
    return False


def is_built():
    return False
