import os
import types


class _LocalFileSystem:
    def exists(self, path):
        return os.path.exists(path)

    def isdir(self, path):
        return os.path.isdir(path)

    def makedirs(self, path):
        os.makedirs(path, exist_ok=True)

    def join(self, *parts):
        return os.path.join(*parts)

    def write(self, path, data, binary_mode=False):
        with open(path, 'wb' if binary_mode else 'w') as f:
            f.write(data)


def _as_bytes(text, encoding='utf-8'):
    return text if isinstance(text, bytes) else text.encode(encoding)


tf = types.SimpleNamespace(
    io=types.SimpleNamespace(gfile=types.SimpleNamespace(get_filesystem=lambda path: _LocalFileSystem(), GFile=open)),
    compat=types.SimpleNamespace(as_bytes=_as_bytes),
)
