"""Series.str: pandas 1.5's vectorised string methods over an object column, the ones learners use to clean
text columns and pull features out of them (Titanic's titles from names, lower-cased words, split codes).

Each method maps the strings and leaves missing values (and anything not a string) missing, as pandas'
object-array methods do; the result's dtype is pandas': a string result stays object, a test (contains,
startswith, isdigit) is bool unless a value was missing (then object, holding NaN), a count (len, find) is
int64 unless a value was missing (then float64)."""

import math
import re
import warnings

from . import _values as V
from ._unsupported import unsupported

# The characters that make a pattern mean something else as a regex than as text (pandas' test before it warns
# that str.replace's default will become regex=False).
_REGEX_SPECIAL = '.+*|^$?[](){}\\'


class SeriesStrings:
    """Series.str (a base class of Series)."""

    @property
    def str(self):
        return StringMethods(self)


class StringMethods:
    def __init__(self, series):
        if series._dtype is not V.OBJECT:
            raise AttributeError('Can only use .str accessor with string values!')
        self._s = series

    # --- building blocks -----------------------------------------------------------------------------------
    def _map(self, f, kind='object', na=math.nan, lists=False):
        """f over each string (or, with lists, each list too); kind is 'object', 'bool' or 'int'."""
        accepted = (str, list) if lists else str
        out = [f(v) if isinstance(v, accepted) else na for v in self._s._values]
        missing = any(V.is_na(v) for v in out)
        if kind == 'bool' and not missing:
            return self._s._like([bool(v) for v in out], V.BOOL)
        if kind == 'int':
            if missing:
                return self._s._like([math.nan if V.is_na(v) else float(v) for v in out], V.FLOAT64)
            return self._s._like(out, V.INT64)
        return self._s._like(out, V.OBJECT)

    # --- case, whitespace, padding -------------------------------------------------------------------------
    def lower(self):
        return self._map(str.lower)

    def upper(self):
        return self._map(str.upper)

    def title(self):
        return self._map(str.title)

    def capitalize(self):
        return self._map(str.capitalize)

    def swapcase(self):
        return self._map(str.swapcase)

    def strip(self, to_strip=None):
        return self._map(lambda x: x.strip(to_strip))

    def lstrip(self, to_strip=None):
        return self._map(lambda x: x.lstrip(to_strip))

    def rstrip(self, to_strip=None):
        return self._map(lambda x: x.rstrip(to_strip))

    def zfill(self, width):
        return self._map(lambda x: x.zfill(width))

    def pad(self, width, side='left', fillchar=' '):
        how = {'left': str.rjust, 'right': str.ljust, 'both': str.center}[side]
        return self._map(lambda x: how(x, width, fillchar))

    # --- counts ----------------------------------------------------------------------------------------------
    def len(self):
        return self._map(len, 'int', lists=True)

    def count(self, pat, flags=0):
        regex = re.compile(pat, flags)
        return self._map(lambda x: len(regex.findall(x)), 'int')

    def find(self, sub, start=0, end=None):
        return self._map(lambda x: x.find(sub, start, end), 'int')

    def rfind(self, sub, start=0, end=None):
        return self._map(lambda x: x.rfind(sub, start, end), 'int')

    # --- tests -----------------------------------------------------------------------------------------------
    def contains(self, pat, case=True, flags=0, na=math.nan, regex=True):
        if regex:
            compiled = re.compile(pat, flags | (0 if case else re.IGNORECASE))
            test = lambda x: compiled.search(x) is not None
        elif case:
            test = lambda x: pat in x
        else:
            test = lambda x: pat.upper() in x.upper()
        return self._map(test, 'bool', na)

    def match(self, pat, case=True, flags=0, na=math.nan):
        compiled = re.compile(pat, flags | (0 if case else re.IGNORECASE))
        return self._map(lambda x: compiled.match(x) is not None, 'bool', na)

    def fullmatch(self, pat, case=True, flags=0, na=math.nan):
        compiled = re.compile(pat, flags | (0 if case else re.IGNORECASE))
        return self._map(lambda x: compiled.fullmatch(x) is not None, 'bool', na)

    def startswith(self, pat, na=math.nan):
        return self._map(lambda x: x.startswith(pat), 'bool', na)

    def endswith(self, pat, na=math.nan):
        return self._map(lambda x: x.endswith(pat), 'bool', na)

    def isdigit(self):
        return self._map(str.isdigit, 'bool')

    def isnumeric(self):
        return self._map(str.isnumeric, 'bool')

    def isdecimal(self):
        return self._map(str.isdecimal, 'bool')

    def isalpha(self):
        return self._map(str.isalpha, 'bool')

    def isalnum(self):
        return self._map(str.isalnum, 'bool')

    def isspace(self):
        return self._map(str.isspace, 'bool')

    def islower(self):
        return self._map(str.islower, 'bool')

    def isupper(self):
        return self._map(str.isupper, 'bool')

    def istitle(self):
        return self._map(str.istitle, 'bool')

    # --- replacing, slicing, splitting ---------------------------------------------------------------------
    def replace(self, pat, repl, n=-1, case=None, flags=0, regex=None):
        if not isinstance(pat, str):
            raise unsupported('str.replace with a compiled pattern')
        if regex is None and any(c in pat for c in _REGEX_SPECIAL):
            message = 'The default value of regex will change from True to False in a future version.'
            if len(pat) == 1:
                message += (
                    ' In addition, single character regular expressions will *not* be treated as literal strings '
                    'when regex=True.'
                )
            warnings.warn(message, FutureWarning, stacklevel=2)
        # pandas 1.5 reads a one-character pattern as text, even with regex=True
        regex = regex is not False and len(pat) != 1
        if regex or case is False or flags or callable(repl):
            compiled = re.compile(pat if regex else re.escape(pat), flags | (re.IGNORECASE if case is False else 0))
            return self._map(lambda x: compiled.sub(repl, x, count=max(n, 0)))
        return self._map(lambda x: x.replace(pat, repl, n))

    def get(self, i):
        def element(x):
            try:
                return x[i]
            except IndexError:
                return math.nan

        return self._map(element, lists=True)

    def slice(self, start=None, stop=None, step=None):
        return self._map(lambda x: x[start:stop:step], lists=True)

    def __getitem__(self, key):
        return self.slice(key.start, key.stop, key.step) if isinstance(key, slice) else self.get(key)

    def split(self, pat=None, n=-1, expand=False, regex=None):
        return self._split(pat, n, expand, regex, reverse=False)

    def rsplit(self, pat=None, n=-1, expand=False):
        return self._split(pat, n, expand, False, reverse=True)

    def _split(self, pat, n, expand, regex, reverse):
        n = -1 if n in (None, 0) else n
        if pat is None:
            f = (lambda x: x.rsplit(None, n)) if reverse else (lambda x: x.split(None, n))
        elif not reverse and (regex is True or regex is None and len(pat) != 1):
            compiled = re.compile(pat)
            f = lambda x: compiled.split(x, maxsplit=max(n, 0))
        else:
            f = (lambda x: x.rsplit(pat, n)) if reverse else (lambda x: x.split(pat, n))
        parts = self._map(f)
        return _expand(parts) if expand else parts

    def extract(self, pat, flags=0, expand=True):
        from .frame import DataFrame

        compiled = re.compile(pat, flags)
        if compiled.groups == 0:
            raise ValueError('pattern contains no capture groups')
        rows = []
        for v in self._s._values:
            m = compiled.search(v) if isinstance(v, str) else None
            groups = m.groups() if m else (None,) * compiled.groups
            rows.append([math.nan if g is None else g for g in groups])
        if compiled.groups == 1 and not expand:
            return self._s._like([r[0] for r in rows], V.OBJECT)
        names = {i: name for name, i in compiled.groupindex.items()}
        labels = [names.get(k + 1, k) for k in range(compiled.groups)]
        columns = {label: [r[k] for r in rows] for k, label in enumerate(labels)}
        return DataFrame(columns, index=self._s.index, dtype=object)

    def cat(self, others=None, sep=None, na_rep=None):
        if others is not None:
            raise unsupported('str.cat with others')
        parts = [na_rep if V.is_na(v) else v for v in self._s._values]
        return ('' if sep is None else sep).join(p for p in parts if p is not None)

    def join(self, sep):
        return self._map(lambda x: sep.join(x), lists=True)


def _expand(parts):
    """split(expand=True): a DataFrame with a column per piece; rows with fewer pieces padded with None, missing
    rows missing throughout (pandas' list-to-frame of the split results)."""
    from .frame import DataFrame
    from ._index import default_index

    width = max((len(p) for p in parts._values if isinstance(p, list)), default=0)
    rows = [p + [None] * (width - len(p)) if isinstance(p, list) else [math.nan] * width for p in parts._values]
    data = [[r[k] for r in rows] for k in range(width)]
    return DataFrame._make(data, [V.OBJECT] * width, default_index(width), parts.index)
