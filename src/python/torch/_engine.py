"""The engine bridge (`_bl_engine`, a JS module) as a plain Python namespace.

Looking a name up on the JS module proxy costs a JS round trip (about 2 us in Pyodide); a Python
attribute costs nanoseconds. Every function is therefore fetched once here and the rest of the package
calls `E.name(...)` on this namespace."""

import types

import _bl_engine as _js

E = types.SimpleNamespace(**{name: getattr(_js, name) for name in dir(_js) if not name.startswith('_')})
