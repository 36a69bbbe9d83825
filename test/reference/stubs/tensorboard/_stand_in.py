"""A stand-in for the `tensorboard` package, only for generating expected outputs with real PyTorch 1.13:
torch.utils.tensorboard imports TensorBoard's protobuf classes and its event file writer, and Debian has no
`tensorboard` package. Every message class accepts any field and serialises to nothing; the event writer
creates the log directory (as the real one does) and keeps nothing. Never put it on the runtime's path."""

import os


class _Repeated(list):
    """A repeated field (add, extend, append) that is also a map field (`ssi.hparams['lr'].number_value = v`)."""

    def __getitem__(self, key):
        if isinstance(key, str):
            if not hasattr(self, '_map'):
                self._map = {}
            return self._map.setdefault(key, Message())
        return super().__getitem__(key)

    def add(self, **fields):
        item = Message(**fields)
        self.append(item)
        return item


class Message:
    """Any protobuf message: fields are set by keyword or attribute; unknown ones read as empty messages."""

    START = 1
    STOP = 2
    CHECKPOINT = 3
    DATA_TYPE_UNSET = 0
    DATA_TYPE_STRING = 1
    DATA_TYPE_BOOL = 2
    DATA_TYPE_FLOAT64 = 3

    def __init__(self, *enum_name, **fields):
        # A positional argument: an enum's Value('NAME') (api_pb2.DataType.Value), read as a message.
        for name, value in fields.items():
            setattr(self, name, value)

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        value = _Repeated()
        object.__setattr__(self, name, value)
        return value

    def SerializeToString(self):
        return b''

    def CopyFrom(self, other):
        self.__dict__.update(other.__dict__)

    def MergeFrom(self, other):
        self.__dict__.update(other.__dict__)


def _nested(name):
    # Nested message classes (Summary.Value, TensorShapeProto.Dim, SummaryMetadata.PluginData, ...).
    return type(name, (Message,), {'__getattr__': Message.__getattr__})


class _MessageType(type):
    def __getattr__(cls, name):
        if name.startswith('__'):
            raise AttributeError(name)
        return _nested(name)


class AnyMessage(Message, metaclass=_MessageType):
    pass


def message_module_getattr(name):
    """A pb2 module's __getattr__: every public name is a message class."""
    if name.startswith('__'):
        raise AttributeError(name)
    return _MessageType(name, (AnyMessage,), {})


class EventFileWriter:
    def __init__(self, logdir, max_queue_size=10, flush_secs=120, filename_suffix=''):
        self._logdir = str(logdir)
        os.makedirs(self._logdir, exist_ok=True)

    def get_logdir(self):
        return self._logdir

    def add_event(self, event):
        pass

    def flush(self):
        pass

    def close(self):
        pass

    def reopen(self):
        pass
