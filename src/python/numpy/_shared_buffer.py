"""The flat buffer of an ndarray that shares memory with a torch tensor (Tensor.numpy(), torch.from_numpy).

An ndarray keeps its values in `_buf`, normally a Python list shared by its views. A shared array's `_buf`
is a SharedBuffer instead: it behaves like that list (len, int and slice reads and writes, iteration) but
reads and writes the tensor's engine storage, a JS typed array (Float32Array for float32, Float64Array for
float64 and the integer dtypes, Uint8Array for bool), so a write through either side is seen by the other.

Reads convert as the list would hold them: float dtypes to Python floats, integer dtypes to ints, bool to
bools. A whole or sliced read is one copy out of JS (`to_memoryview()`), not one JS call per element. Writes
go through `write(offset, values)`, given by torch: it stores the values and tells the engine that the
storage changed (a large gradient buffer it knew to be all zeros no longer is). Values written are already
cast to the array's dtype by numpy (float32 rounding and integer wrap-around happen there)."""


class SharedBuffer:
    __slots__ = ('_data', '_n', '_conv', '_write')

    def __init__(self, data, kind, write):
        """`data`: the typed array (a JsProxy); `kind`: the numpy dtype kind ('f', 'i', 'u' or 'b');
        `write(offset, values)`: stores a list of values from `offset` on."""
        self._data = data
        self._n = data.length
        self._conv = None if kind == 'f' else bool if kind == 'b' else int
        self._write = write

    def __len__(self):
        return self._n

    def _read(self, start, stop):
        if start >= stop:
            return []
        data = self._data
        part = data if start == 0 and stop == self._n else data.subarray(start, stop)
        values = part.to_memoryview().tolist()
        conv = self._conv
        return values if conv is None else [conv(v) for v in values]

    def snapshot(self):
        """Every value, as a new list (one copy out of JS)."""
        return self._read(0, self._n)

    def __iter__(self):
        return iter(self.snapshot())

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(self._n)
            if step == 1:
                return self._read(start, stop)
            return self.snapshot()[key]
        i = key + self._n if key < 0 else key
        if not 0 <= i < self._n:
            raise IndexError("list index out of range")
        v = self._data[i]
        conv = self._conv
        if conv is None:
            # Pyodide hands a JS -0 over as the int 0: the sign of a zero is read through a memoryview.
            return float(v) if v else self._read(i, i + 1)[0]
        return conv(v)

    def __setitem__(self, key, value):
        if isinstance(key, slice):
            start, stop, step = key.indices(self._n)
            values = list(value)
            if step == 1 and len(values) == max(0, stop - start):
                if values:
                    self._write(start, values)
                return
            positions = range(start, stop, step)
            if len(positions) != len(values):
                raise ValueError("a shared buffer cannot change its size")
            for p, v in zip(positions, values):
                self._write(p, [v])
            return
        i = key + self._n if key < 0 else key
        if not 0 <= i < self._n:
            raise IndexError("list assignment index out of range")
        self._write(i, [value])
