"""torch.Size: a tuple of ints that prints as `torch.Size([4, 2])`."""


class Size(tuple):
    __slots__ = ()

    def __repr__(self):
        return 'torch.Size([' + ', '.join(str(d) for d in self) + '])'

    __str__ = __repr__

    def numel(self):
        n = 1
        for d in self:
            n *= d
        return n

    def __getitem__(self, key):
        item = tuple.__getitem__(self, key)
        return Size(item) if isinstance(key, slice) else item

    def __add__(self, other):
        return Size(tuple.__add__(self, tuple(other)))
