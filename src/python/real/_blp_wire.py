"""Backprop Lens probe: writing RunEvents as JSON lines in the form the CLI's `--events` writes them.

The CLI (src/cli.ts) writes each event with JSON.stringify, typed arrays as plain arrays: no spaces, keys in
the order the TypeScript code builds them, NaN and infinities as null, non-ASCII text unescaped, numbers in
JavaScript's shortest form (`1` not `1.0`, `1e-7` not `1e-07`). Values that travel as Float32Array on the
built-in runtime (losses, lrs, parameter values) are rounded to float32 first (`f32`), so both backends
write the same numbers. Number arrays are written at C speed (repr of the list, then plain replacements);
only their magnitudes in [1e-6, 1e-4) and [1e16, 1e21) keep Python's exponent form there (`1.5e-5` where
JavaScript writes `0.000015`): the same JSON numbers, and a host that re-serializes (the CLI) writes
JavaScript's form. Single numbers are written exactly as JavaScript does.

Also here: the stand-ins for sys.stdout/sys.stderr that turn what the script prints into `output` events.
"""

import array
import json
import os
import re
import socket
import sys
import threading

_EXPONENT = re.compile(r'^(-?)(\d)(?:\.(\d+))?e([-+]\d+)$')
_INTEGRAL = re.compile(r'\.0(?=[,\]])')
_NEGATIVE_ZERO = re.compile(r'(?<=[\[,])-0(?=[,\]])')


def _js_exponent(match):
    """One number Python wrote as `d.ddde±XX`, in the form JavaScript's Number#toString gives it."""
    sign, first, rest, exp_text = match.group(1), match.group(2), match.group(3) or '', match.group(4)
    digits = first + rest
    exp = int(exp_text)
    n = exp + 1  # where the decimal point goes, counted in digits from the left
    k = len(digits)
    if k <= n <= 21:
        return sign + digits + '0' * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + '.' + digits[n:]
    if -6 < n <= 0:
        return sign + '0.' + '0' * (-n) + digits
    mantissa = first + ('.' + rest if rest else '')
    return sign + mantissa + 'e' + ('+' if exp >= 0 else '-') + str(abs(exp))


def js_numbers(values):
    """A list of Python floats as a JSON array (see the module's note on exponents)."""
    text = repr(values).replace(', ', ',')
    if 'n' in text:  # nan, inf
        text = text.replace('nan', 'null').replace('-inf', 'null').replace('inf', 'null')
    if 'e' in text:
        text = text.replace('e-0', 'e-')
    if '.0,' in text or '.0]' in text:
        text = _INTEGRAL.sub('', text)
    return _NEGATIVE_ZERO.sub('0', text) if '-0' in text else text


def js_number(value):
    """One float exactly as JavaScript's JSON.stringify writes it."""
    text = repr(value)
    if text in ('nan', 'inf', '-inf'):
        return 'null'
    if 'e' in text:
        return _EXPONENT.sub(_js_exponent, text)
    if text.endswith('.0'):
        text = text[:-2]
    return '0' if text == '-0' else text


def f32(values):
    """The floats rounded to float32, as a Float32Array holds them (the built-in runtime's series)."""
    return array.array('f', values).tolist()


class Floats(list):
    """A list of floats written as a number array (a Float32Array on the built-in runtime)."""

    __slots__ = ()


def dumps(obj):
    """One event as JSON text, as JSON.stringify writes it."""
    parts = []
    _dump(obj, parts)
    return ''.join(parts)


def _dump(obj, out):
    if isinstance(obj, str):
        out.append(json.dumps(obj, ensure_ascii=False))
    elif obj is None:
        out.append('null')
    elif obj is True or obj is False:
        out.append('true' if obj else 'false')
    elif isinstance(obj, int):
        out.append(str(obj))
    elif isinstance(obj, float):
        out.append(js_number(obj))
    elif isinstance(obj, Floats):
        out.append(js_numbers(list(obj)))
    elif isinstance(obj, dict):
        out.append('{')
        first = True
        for key, value in obj.items():
            if not first:
                out.append(',')
            first = False
            out.append(json.dumps(str(key), ensure_ascii=False))
            out.append(':')
            _dump(value, out)
        out.append('}')
    elif isinstance(obj, (list, tuple)):
        out.append('[')
        for i, value in enumerate(obj):
            if i:
                out.append(',')
            _dump(value, out)
        out.append(']')
    else:
        out.append(json.dumps(str(obj), ensure_ascii=False))


class EventWriter:
    """Writes events to a file (`PATH`), an inherited descriptor (`fd:N`), a TCP connection to the host
    (`tcp:HOST:PORT`: under torchrun, whose workers inherit no descriptors; the first line is the token in
    $BACKPROP_LENS_TOKEN, and the host's commands come back on the same connection) or nowhere (None).

    Every event is flushed at once: the host reads them as they come (a `paused` must arrive while the
    script waits). A host that went away (a broken pipe) turns into `on_lost`, called once.
    """

    def __init__(self, target, on_lost=None):
        self.is_pipe = False
        self.lost = False
        self._on_lost = on_lost
        self._lock = threading.Lock()  # the output flusher thread sends too
        self.socket = None
        if target is None:
            self._file = None
        elif target.startswith('tcp:'):
            host, port = target[4:].rsplit(':', 1)
            self.is_pipe = True
            self.socket = socket.create_connection((host, int(port)))
            self._file = self.socket.makefile('wb', buffering=1 << 16)
            self._file.write((os.environ.get('BACKPROP_LENS_TOKEN', '') + '\n').encode('ascii', 'replace'))
            self._file.flush()
        elif target.startswith('fd:'):
            self.is_pipe = True
            self._file = os.fdopen(int(target[3:]), 'wb', buffering=1 << 16, closefd=True)
        else:
            self._file = open(target, 'wb', buffering=1 << 16)

    def send(self, event):
        if self._file is None or self.lost:
            return
        line = (dumps(event) + '\n').encode('utf-8', 'backslashreplace')
        try:
            with self._lock:
                self._file.write(line)
                self._file.flush()
        except (BrokenPipeError, ConnectionResetError, ValueError, OSError):
            self.lost = True
            if self._on_lost is not None:
                self._on_lost()

    def detach(self):
        """Writes nothing more (in a forked child: the descriptor is the parent's)."""
        self._file = None

    def close(self):
        if self._file is not None:
            try:
                self._file.close()
            except OSError:
                pass
            self._file = None
        if self.socket is not None:
            try:
                self.socket.shutdown(socket.SHUT_WR)  # the host reads to the end; commands may still come
            except OSError:
                pass


class CapturedStream:
    """Stands in for sys.stdout / sys.stderr: hands the text to `sink(stream, text)` and, when `echo` is
    set, also writes it to the real stream (a terminal running the probe by hand sees the script's output).
    Everything else (encoding, isatty, fileno, ...) is the real stream's."""

    def __init__(self, name, real, sink, echo):
        self._name = name
        self._real = real
        self._sink = sink
        self._echo = echo
        self.enabled = True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f'write() argument must be str, not {type(text).__name__}')
        if self.enabled:
            self._sink(self._name, text)
            if not self._echo:
                return len(text)
        return self._real.write(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        try:
            self._real.flush()
        except (OSError, ValueError):
            pass

    def isatty(self):
        return False if not self._echo else self._real.isatty()

    def __getattr__(self, name):
        return getattr(self._real, name)


def capture_streams(sink, echo):
    """Replaces sys.stdout and sys.stderr; returns the two stand-ins."""
    out = CapturedStream('stdout', sys.stdout, sink, echo)
    err = CapturedStream('stderr', sys.stderr, sink, echo)
    sys.stdout = out
    sys.stderr = err
    return out, err
