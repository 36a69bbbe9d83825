# Runs the learner's file as `python FILE` would (fresh __main__, sys.argv, tracebacks that name the file)
# and reports an uncaught exception as a plain dict, with the traceback cut down to the user's own frames:
# the shim's frames (torch/*.py) and ours mean nothing to a learner.
import atexit
import builtins
import io
import linecache
import operator
import os
import sys
import time
import traceback
import types
import warnings
import weakref

import _bl_errno
import _bl_messages
import _bl_ordereddict
import _bl_tracebacks

# Files that are the runtime's, not the learner's: our torch package and helpers, Pyodide's standard library,
# frozen modules, code Pyodide runs from JavaScript. A learner's other files (a model.py beside the script)
# and code they exec() are theirs, as in python3's tracebacks.
_RUNTIME_FILES = ('/backprop_lens', '/lib/', '<frozen', '<exec>')
# python3 prints the last 1000 entries of a traceback (sys.tracebacklimit); a deep recursion has 100000.
_TRACEBACK_LIMIT = 1000


def _is_users(filename):
    # Pyodide also lists the JavaScript frames an exception crossed (pyodide.asm.js): never the learner's.
    return not filename.startswith(_RUNTIME_FILES) and not filename.endswith(('.js', '.mjs'))


_bl_tracebacks.install(_is_users)
_bl_messages.install_formatting()
_bl_ordereddict.install()


def _keep_users_frames(te):
    """Cuts each traceback of the chain (causes and contexts included) down to the learner's frames."""
    seen = set()
    while te is not None and id(te) not in seen:
        seen.add(id(te))
        te.stack = traceback.StackSummary.from_list([f for f in te.stack if _is_users(f.filename)])
        _keep_users_frames(te.__cause__)
        te = te.__context__


def _safe_str(exc):
    try:
        return str(exc)
    except Exception:
        return '<exception str() failed>'


def _kind_and_message(exc):
    """The exception's class name and message; a JS error crossing the engine bridge keeps its JS name."""
    kind = type(exc).__name__
    message = _safe_str(exc)
    if kind == 'JsException':
        js_name = getattr(exc, 'name', None)
        js_message = getattr(exc, 'message', None)
        if isinstance(js_name, str) and isinstance(js_message, str):
            kind, message = js_name, js_message
        if kind == 'Error':
            kind = 'RuntimeError'
    return kind, message


def _describe(exc, filename):
    """The uncaught exception as python3 prints it (chained exceptions, notes and suggestions included),
    with only the learner's frames; its position is the innermost line of the file that was run."""
    kind, message = _kind_and_message(exc)
    limit = getattr(sys, 'tracebacklimit', _TRACEBACK_LIMIT)
    limit = _TRACEBACK_LIMIT if not isinstance(limit, int) else limit
    with _bl_messages.uncaught():  # python3's excepthook: 3.11 adds "Did you mean" here only
        te = traceback.TracebackException(type(exc), exc, exc.__traceback__, limit=-max(limit, 1), compact=True)
    _keep_users_frames(te)
    lines = list(te.format())
    if type(exc).__name__ == 'JsException':
        only = list(te.format_exception_only())
        lines = lines[: len(lines) - len(only)] + [f'{kind}: {message}\n' if message else f'{kind}\n']
    line = column = None
    frames = [f for f in traceback.extract_tb(exc.__traceback__, limit=-_TRACEBACK_LIMIT) if f.filename == filename]
    if frames:
        line = frames[-1].lineno
        column = _character_column(filename, line, frames[-1].colno or 0)
    return {'kind': kind, 'message': message, 'line': line, 'column': column, 'traceback': ''.join(lines)}


def _character_column(filename, line, byte_offset):
    """The 1-based column, in characters, of a code position's 0-based offset, which CPython counts in UTF-8
    bytes: on a line with Korean text before the error the two differ, and editors count characters."""
    text = linecache.getline(filename, line)
    if not text:
        return byte_offset + 1
    return len(text.encode('utf-8')[:byte_offset].decode('utf-8', errors='ignore')) + 1


def _describe_syntax_error(exc):
    _bl_messages.syntax_error_311(exc)
    with _bl_messages.uncaught():
        text = ''.join(traceback.format_exception_only(type(exc), exc))
    return {
        'kind': type(exc).__name__,
        'message': exc.msg or str(exc),
        'line': exc.lineno,
        'column': exc.offset,
        'traceback': text,
    }


def flush_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def _compile_quietly(source, filename):
    """compile() without Pyodide's CPython 3.14 `SyntaxWarning: "\\s" is an invalid escape sequence` for a
    docstring such as `Fit :math:`y=\\sin(x)`` (every official tutorial has one): the Python 3.11 that PyTorch
    1.13 runs on raises a DeprecationWarning there, which python3 does not show. Only around the compile, so
    the warning filters the learner's code sees are a fresh process's."""
    with warnings.catch_warnings():
        warnings.filterwarnings('ignore', message=r'.*invalid (octal )?escape sequence', category=SyntaxWarning)
        return compile(source, filename, 'exec', dont_inherit=True)


# What end_run() needs of the run in progress: its __main__, what it replaced, the files open before it.
_active = None


def run_file(source, filename, argv, directory=None):
    """Executes source as __main__. Returns None on success, {'exit': code} for SystemExit, else a dict
    describing the exception. end_run() must follow: it finishes what a python3 process does as it exits.

    `directory` is the file's folder when it is mounted from disk: like `python FILE`, it comes first on
    sys.path (the learner's own modules import) and is the working directory (relative opens work).
    """
    global _active
    source = source.removeprefix('\ufeff')  # python3 drops a UTF-8 byte-order mark; compile() of text does not
    try:
        code = _compile_quietly(source, filename)
    except SyntaxError as exc:
        return _describe_syntax_error(exc)
    # mtime None keeps the entry through linecache.checkcache, so tracebacks can quote the source.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    main = types.ModuleType('__main__')
    main.__dict__.update({'__file__': filename, '__builtins__': builtins, '__cached__': None})
    _active = {
        'main': main,
        'previous_main': sys.modules.get('__main__'),
        'cwd': os.getcwd(),
        'directory': directory,
    }
    sys.modules['__main__'] = main
    sys.argv = list(argv)
    if directory:
        sys.path.insert(0, directory)
        os.chdir(directory)
    _bl_messages.install_messages(_is_users)  # 3.11's texts for the errors the run raises
    _bl_errno.install(_is_users)  # and Linux's errno numbers
    try:
        exec(code, main.__dict__)
    except SystemExit as exc:
        return _exit_status(exc.code)
    except BaseException as exc:  # noqa: B036 - everything, KeyboardInterrupt (stop) included, is reported
        return _describe(exc, filename)
    finally:
        flush_streams()
    return None


def _exit_status(code):
    """sys.exit(code) as python3 ends: None is 0, an int is the status, anything else is printed and is 1."""
    if code is None:
        return {'exit': 0}
    if isinstance(code, int):
        return {'exit': code}
    try:
        print(code, file=sys.stderr)
    except Exception:
        pass
    return {'exit': 1}


def end_run():
    """What a python3 process does as it exits: runs the atexit handlers, lets the script's objects go
    (their finalizers run) and flushes and closes the files it left open. The process is retired after the
    run, so nothing of it reaches the next one; this is so that nothing it wrote is lost either."""
    global _active
    active, _active = _active, None
    try:
        atexit._run_exitfuncs()
    except BaseException:  # noqa: B036 - a stop during the handlers: they were interrupted, as in python3
        pass
    flush_streams()
    # Closed before the script's objects go, so that no "unclosed file" ResourceWarning is raised.
    _close_files()
    if active is None:
        return
    sys.modules['__main__'] = active['previous_main']
    active['main'].__dict__.clear()
    if active['directory']:
        _forget_directory(active['directory'])
        os.chdir(active['cwd'])
    flush_streams()


# Every file the script opens (builtins.open / io.open are wrapped in install_open_tracking), so that
# end_run() can flush and close what it left open: a learner's unclosed CSV must reach the disk.
_opened = weakref.WeakSet()
_io_open = io.open


def _tracked_open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    f = _io_open(file, mode, buffering, encoding, errors, newline, closefd, opener)
    _opened.add(f)
    return f


_tracked_open.__name__ = _tracked_open.__qualname__ = 'open'
_tracked_open.__doc__ = _io_open.__doc__


def install_open_tracking():
    builtins.open = io.open = _tracked_open


def _close_files():
    """Closes the files the run left open, text layers first so their buffers reach the disk."""
    for f in list(_opened):
        try:
            if not f.closed:
                f.close()
        except Exception:
            pass
    _opened.clear()


def _forget_directory(directory):
    """Drops the folder from sys.path and the modules imported from it, so the next run re-reads them."""
    while directory in sys.path:
        sys.path.remove(directory)
    prefix = directory.rstrip('/') + '/'
    for name, module in list(sys.modules.items()):
        file = getattr(module, '__file__', None)
        if isinstance(file, str) and file.startswith(prefix):
            del sys.modules[name]
    # Only this folder's cached listings: importlib.invalidate_caches() would also import
    # importlib.metadata (about 0.1 s on the first run).
    for path in list(sys.path_importer_cache):
        if path == directory or path.startswith(prefix):
            del sys.path_importer_cache[path]


def user_position(filename):
    """(line, column) of the innermost frame executing the user's file, or None."""
    frame = sys._getframe(1)
    while frame is not None:
        code = frame.f_code
        if code.co_filename == filename:
            column = 1
            try:
                positions = list(code.co_positions())
                pos = positions[frame.f_lasti // 2]
                if pos[0] == frame.f_lineno and pos[2] is not None:
                    column = _character_column(filename, frame.f_lineno, pos[2])
            except Exception:
                pass
            return (frame.f_lineno, column)
        frame = frame.f_back
    return None


def name_tensors(filename, engine_tensors):
    """The user's variable names for these engine tensors (None where no variable holds one).

    Looks through the frames executing the user's file, innermost first, then their module globals, so a
    learner's `w = torch.zeros(1, requires_grad=True)` is shown as `w`.
    """
    torch = sys.modules.get('torch')
    tensor_type = getattr(torch, 'Tensor', None)
    targets = list(engine_tensors)
    names = [None] * len(targets)
    if tensor_type is None:
        return names
    scopes = []
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename == filename:
            scopes.append(frame.f_locals)
        frame = frame.f_back
    main = sys.modules.get('__main__')
    if main is not None:
        scopes.append(vars(main))
    for scope in scopes:
        for key, value in list(scope.items()):
            if key.startswith('_') or not isinstance(value, tensor_type):
                continue
            engine = getattr(value, '_t', None)
            for i, target in enumerate(targets):
                if names[i] is None and engine == target:
                    names[i] = key
    return names


def install_recursion_cap(cap):
    """Pyodide recurses on the worker's native stack: a learner's sys.setrecursionlimit(10**7) would let a
    runaway recursion overflow it (a fatal error, slow to unwind) instead of raising RecursionError. The
    limit really set is capped at what the stack holds; getrecursionlimit() still answers what was asked."""
    real_set = sys.setrecursionlimit
    asked = [sys.getrecursionlimit()]

    def setrecursionlimit(limit, /):
        real_set(cap if isinstance(limit, int) and limit > cap else limit)
        asked[0] = limit

    def getrecursionlimit():
        return asked[0]

    for fn, real in ((setrecursionlimit, real_set), (getrecursionlimit, sys.getrecursionlimit)):
        fn.__doc__ = real.__doc__
        fn.__module__ = 'sys'
    sys.setrecursionlimit = setrecursionlimit
    sys.getrecursionlimit = getrecursionlimit


def install_sleep(wait):
    """Replaces time.sleep (which Pyodide implements by spinning a core) with one that blocks the worker
    on the run's control buffer: `wait(seconds)` raises the stop's KeyboardInterrupt when the run is stopped
    meanwhile, so that it comes at once, from the learner's `time.sleep(...)` line."""
    real = time.sleep

    def sleep(secs, /):
        if isinstance(secs, float):
            if secs != secs:
                raise ValueError('Invalid value NaN (not a number)')
        else:
            secs = operator.index(secs)
        if secs < 0:
            raise ValueError('sleep length must be non-negative')
        wait(float(secs))

    sleep.__name__ = sleep.__qualname__ = 'sleep'
    sleep.__module__ = 'time'
    sleep.__doc__ = real.__doc__
    time.sleep = sleep


def install_clock():
    """time.time() under Emscripten ticks in whole milliseconds (Date.now()), so a learner's timer around a
    fast step reads 0.0 (d2l's Timer, then `0.03 / t` for GFLOPS, divides by zero). This one reads the wall
    clock through the fine monotonic perf_counter, re-anchored whenever the two drift apart by over 2 ms."""
    coarse, fine = time.time, time.perf_counter
    anchor = [coarse(), fine()]

    def precise():
        wall, now = coarse(), fine()
        value = anchor[0] + (now - anchor[1])
        if abs(value - wall) > 0.002:
            anchor[0], anchor[1] = wall, now
            value = wall
        return value

    def time_ns():
        return int(precise() * 1e9)

    for fn, real in ((precise, coarse), (time_ns, time.time_ns)):
        fn.__name__ = fn.__qualname__ = real.__name__
        fn.__module__ = 'time'
        fn.__doc__ = real.__doc__
    time.time = precise
    time.time_ns = time_ns


def show_open_figures():
    """The end of the file: matplotlib figures still open (or held back by show's rate limit) go to the panel,
    as a notebook shows the figures a cell leaves open."""
    pyplot = sys.modules.get('matplotlib.pyplot')
    if pyplot is not None:
        pyplot._bl_end_run()


def reset_state(seed, entropy=None):
    """Puts global state back to a fresh process's before each run (modules outlive runs)."""
    # `random` was seeded when the start-up snapshot was made: reseed it as a new process would. `entropy`
    # (an int from the host) spares os.urandom, whose first use loads Node's crypto module (~40 ms).
    random = sys.modules.get('random')
    if random is not None:
        random.seed(entropy)
    numpy = sys.modules.get('numpy')
    if numpy is not None and hasattr(numpy, '_bl_reset'):
        numpy._bl_reset()  # print options, error state, np.random reseeded (from `random`, just reseeded)
    matplotlib = sys.modules.get('matplotlib')
    if matplotlib is not None and hasattr(matplotlib, '_bl_reset'):
        matplotlib._bl_reset()  # rcParams, and no figures of an earlier run
    pandas = sys.modules.get('pandas')
    if pandas is not None and hasattr(pandas, '_bl_reset'):
        pandas._bl_reset()  # pd.set_option's display options
    torch = sys.modules.get('torch')
    if torch is None:
        return
    for reset in (
        lambda: torch.manual_seed(seed),
        lambda: torch.set_printoptions(profile='default'),
        lambda: torch.set_grad_enabled(True),
    ):
        try:
            reset()
        except Exception:
            pass  # a shim without that function: nothing to reset


def set_lr_scale(scale):
    """The lr comparison's factor for this run's optimizers (torch/optim/optimizer.py `lr_scale`)."""
    optimizer = sys.modules.get('torch.optim.optimizer')
    if optimizer is not None:
        optimizer.lr_scale[0] = float(scale)
