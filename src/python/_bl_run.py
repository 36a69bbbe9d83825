# Runs the learner's file as `python FILE` would (fresh __main__, sys.argv, tracebacks that name the file)
# and reports an uncaught exception as a plain dict, with the traceback cut down to the user's own frames:
# the shim's frames (torch/*.py) and ours mean nothing to a learner.
import builtins
import linecache
import os
import sys
import traceback
import types


def _user_frames(tb, filename):
    return [f for f in traceback.extract_tb(tb) if f.filename == filename]


def _kind_and_message(exc):
    """The exception's class name and message; a JS error crossing the engine bridge keeps its JS name."""
    kind = type(exc).__name__
    message = str(exc)
    if kind == 'JsException':
        js_name = getattr(exc, 'name', None)
        js_message = getattr(exc, 'message', None)
        if isinstance(js_name, str) and isinstance(js_message, str):
            kind, message = js_name, js_message
        if kind == 'Error':
            kind = 'RuntimeError'
    return kind, message


def _describe(exc, filename):
    kind, message = _kind_and_message(exc)
    frames = _user_frames(exc.__traceback__, filename)
    lines = []
    if frames:
        lines.append('Traceback (most recent call last):\n')
        lines.extend(traceback.StackSummary.from_list(frames).format())
    if type(exc).__name__ == 'JsException':
        lines.append(f'{kind}: {message}\n' if message else f'{kind}\n')
    else:
        # TracebackException adds what CPython adds (notes, "Did you mean ...?" suggestions).
        lines.extend(traceback.TracebackException(type(exc), exc, None).format_exception_only())
    line = column = None
    if frames:
        line = frames[-1].lineno
        column = (frames[-1].colno or 0) + 1
    return {'kind': kind, 'message': message, 'line': line, 'column': column, 'traceback': ''.join(lines)}


def _describe_syntax_error(exc):
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


def run_file(source, filename, argv, directory=None):
    """Executes source as __main__. Returns None on success, else a dict describing how it ended.

    `directory` is the file's folder when it is mounted from disk: like `python FILE`, it comes first on
    sys.path (the learner's own modules import) and is the working directory (relative opens work).
    """
    try:
        code = compile(source, filename, 'exec', dont_inherit=True)
    except SyntaxError as exc:
        return _describe_syntax_error(exc)
    # mtime None keeps the entry through linecache.checkcache, so tracebacks can quote the source.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    main = types.ModuleType('__main__')
    main.__dict__.update({'__file__': filename, '__builtins__': builtins, '__cached__': None})
    previous_main = sys.modules.get('__main__')
    previous_cwd = os.getcwd()
    sys.modules['__main__'] = main
    sys.argv = list(argv)
    if directory:
        sys.path.insert(0, directory)
        os.chdir(directory)
    try:
        exec(code, main.__dict__)
    except SystemExit as exc:
        status = exc.code
        if status is None or status == 0:
            return None
        text = '' if isinstance(status, int) else f'{status}\n'
        return {'kind': 'SystemExit', 'message': str(status), 'line': None, 'column': None, 'traceback': text}
    except BaseException as exc:  # noqa: B036 - everything, KeyboardInterrupt (stop) included, is reported
        return _describe(exc, filename)
    finally:
        flush_streams()
        sys.modules['__main__'] = previous_main
        main.__dict__.clear()
        if directory:
            _forget_directory(directory)
            os.chdir(previous_cwd)
    return None


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
                    column = pos[2] + 1
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


def reset_state(seed, entropy=None):
    """Puts global state back to a fresh process's before each run (modules outlive runs)."""
    # `random` was seeded when the start-up snapshot was made: reseed it as a new process would. `entropy`
    # (an int from the host) spares os.urandom, whose first use loads Node's crypto module (~40 ms).
    random = sys.modules.get('random')
    if random is not None:
        random.seed(entropy)
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
