"""A small 1d array of strings (iris' target_names, LabelEncoder's classes_) or of Python objects
(OneHotEncoder's categories of mixed lists): our numpy holds numbers only, so this stands in for numpy's '<U'
and object arrays where scikit-learn returns them, printing and indexing as they do."""

import numpy as np


def is_strings(values):
    try:
        return len(values) > 0 and all(isinstance(v, str) for v in values)
    except TypeError:
        return False


class StrArray:
    def __init__(self, values, objects=False, width=None):
        # objects=True: numpy's dtype=object (values kept as they are), else '<U' (values made strings).
        self._objects = objects
        self._values = list(values) if objects else [str(v) for v in values]
        # A slice or selection keeps its array's '<U' width, as numpy keeps the dtype.
        if width is None and not objects:
            width = max((len(v) for v in self._values), default=1)
        self._width = width

    @property
    def shape(self):
        return (len(self._values),)

    ndim = 1

    @property
    def size(self):
        return len(self._values)

    @property
    def dtype(self):
        return 'object' if self._objects else f'<U{self._width}'

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __contains__(self, value):
        return value in self._values

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self._like(self._values[key])
        if isinstance(key, (int, np.integer)):
            return self._values[int(key)]
        if hasattr(key, 'detach'):
            key = key.detach().numpy()
        key = np.asarray(key)
        if key.ndim == 0:
            return self._values[int(key)]
        if key.dtype == np.bool_:
            return self._like([v for v, keep in zip(self._values, key.tolist()) if keep])
        return self._like([self._values[int(i)] for i in key.tolist()])

    def _like(self, values):
        return StrArray(values, objects=self._objects, width=self._width)

    def __eq__(self, other):
        if isinstance(other, str):
            return np.array([v == other for v in self._values])
        return np.array([v == o for v, o in zip(self._values, other)])

    def ravel(self):
        return self

    def copy(self):
        return self._like(self._values)

    def tolist(self):
        return list(self._values)

    def _words(self):
        return [repr(v) if isinstance(v, str) else str(v) for v in self._values]

    def __str__(self):
        return _wrapped(self._words(), ' ', 75, ' ')

    def __repr__(self):
        # numpy's array_repr: 'array(' and the items wrapped one column short (for the ',' after them), then
        # the dtype on the last line if it fits within 75 columns, else on a line of its own.
        text = 'array(' + _wrapped(self._words(), ', ', 74, ' ' * 7) + ','
        dtype = f"dtype={'object' if self._objects else repr(self.dtype)})"
        last_line = len(text) - (text.rfind('\n') + 1)
        return text + (' ' if last_line + len(dtype) + 1 <= 75 else '\n' + ' ' * 6) + dtype


def _wrapped(words, separator, line_width, indent):
    """numpy's _formatArray for a 1-D array: items joined by separator, a new line (starting with indent) before
    an item that would pass line_width less the closing ']', never before the first item of a line."""
    text, line = '', indent
    for i, word in enumerate(words):
        if len(line) + len(word) > line_width - 1 and len(line) > len(indent):
            text += line.rstrip() + '\n'
            line = indent
        line += word + (separator if i < len(words) - 1 else '')
    return '[' + (text + line)[len(indent) :] + ']'
