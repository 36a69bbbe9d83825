from tensorboard._stand_in import EventFileWriter  # noqa: F401
