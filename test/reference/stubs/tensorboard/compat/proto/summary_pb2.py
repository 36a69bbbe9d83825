from tensorboard._stand_in import message_module_getattr as __getattr__  # noqa: F401
