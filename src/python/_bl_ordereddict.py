# OrderedDict printed as on Python 3.11, which PyTorch 1.13 runs on: `OrderedDict([('a', 1), ('b', 2)])`.
# Python 3.12 changed its repr to `OrderedDict({'a': 1, 'b': 2})`, and the runtime's CPython is newer, so a
# learner printing one (a Sequential's OrderedDict of layers, a Counter-free vocabulary kept in order) would
# see a different line than their python3 shows. The C type's repr cannot be changed, so
# collections.OrderedDict becomes a subclass named and pickled as it (pickle finds it under
# collections.OrderedDict), installed before the learner's file imports it.
import collections
import pprint
import reprlib

_Base = collections.OrderedDict


class OrderedDict(_Base):
    __slots__ = ()

    @reprlib.recursive_repr()
    def __repr__(self):
        if not self:
            return f'{type(self).__name__}()'
        return f'{type(self).__name__}({list(self.items())!r})'


OrderedDict.__module__ = 'collections'
OrderedDict.__qualname__ = 'OrderedDict'


def install():
    if collections.OrderedDict is not _Base:
        return
    collections.OrderedDict = OrderedDict
    # pprint picks a layout by the type's __repr__: keep OrderedDict's (one item a line when wide).
    pprint.PrettyPrinter._dispatch[OrderedDict.__repr__] = pprint.PrettyPrinter._pprint_ordered_dict
