# Python 3.11's texts for the built-in errors whose wording changed by the runtime's CPython 3.14. PyTorch 1.13
# runs on 3.11, and a learner compares our output with their python3's, in tracebacks and in what their own
# `except ... as e: print(e)` prints. So each exception is given 3.11's text as it is raised: a
# sys.monitoring RAISE callback (it costs nothing until an exception is raised, and only a check per
# exception then) rewrites its args, from its 3.14 text and, where 3.11's depends on the operands (`1.0 / 0`
# is "float division by zero", `1 // 0` "integer division or modulo by zero"), from the failing expression
# in the learner's source and the values of its plain names. Texts that cannot be told apart are left.
#
# The traceback formatter gets 3.11's rules too: "Did you mean" suggestions only for an uncaught NameError
# or AttributeError (3.11 printed them from its C excepthook, not in traceback.format_exc()), found as
# 3.11 did (locals, then globals, then builtins; no `self.x`, no "forgot to import", none for ImportError),
# no keyword-typo guesses on a SyntaxError, and Linux's errno numbers in an OSError's text (Emscripten's
# differ: "[Errno 44] No such file or directory"; _bl_errno gives them to the OSErrors the learner sees).
import ast
import builtins
import contextlib
import dis
import errno
import re
import sys
import traceback

import _bl_errno
from _bl_comprehensions import iteration_frame, parsed, path_to

_TOOL_NAME = 'backprop-lens 3.11 messages'
_RAISE_VARARGS = dis.opmap['RAISE_VARARGS']

# 3.14 text -> 3.11 text, by the exception's exact type: (pattern, replacement).
_TEXTS = {
    ZeroDivisionError: [(re.compile(r'zero to a negative power'), '0.0 cannot be raised to a negative power')],
    ValueError: [
        (re.compile(r'(min|max)\(\) iterable argument is empty'), r'\1() arg is an empty sequence'),
        (
            re.compile(r'too many values to unpack \(expected (\d+), got \d+\)'),
            r'too many values to unpack (expected \1)',
        ),
        (re.compile(r'empty range in randrange\((-?\d+), (-?\d+)\)'), lambda m: _randrange(m[1], m[2])),
        (re.compile(r'empty range in randint\((-?\d+), (-?\d+)\)'), lambda m: _randrange(m[1], int(m[2]) + 1)),
    ],
    TypeError: [
        (re.compile(r"cannot use '.*' as a (?:dict key|set element) \((unhashable type: '.*')\)"), r'\1'),
        (
            re.compile(r"Can't instantiate abstract class (.+) without an implementation for abstract methods? (.+)"),
            lambda m: _abstract(m[1], m[2]),
        ),
    ],
    AttributeError: [(re.compile(r'(.+) and no __dict__ for setting new attributes'), r'\1')],
}


def _randrange(start, stop):
    start, stop = int(start), int(stop)
    return f'empty range for randrange() ({start}, {stop}, {stop - start})'


def _abstract(cls, methods):
    names = [name.strip().strip("'") for name in methods.split(',')]
    return (
        f"Can't instantiate abstract class {cls} with abstract method{'s' if len(names) > 1 else ''} {', '.join(names)}"
    )


def _value(node, frame):
    """The value of a side-effect-free expression: a constant, a name, a module's or an instance's own
    attribute, an item of a list, tuple or dict, a negated number. LookupError for anything else (a call, a
    property...): reading it must run none of the learner's code."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        for scope in (frame.f_locals, frame.f_globals, frame.f_builtins):
            if node.id in scope:
                return scope[node.id]
        raise LookupError(node.id)
    if isinstance(node, ast.Attribute):
        owner = vars(_value(node.value, frame))  # the object's own dict: no property or __getattr__ runs
        if node.attr in owner:
            return owner[node.attr]
        raise LookupError(node.attr)
    if isinstance(node, ast.Subscript):  # an item of a plain list, tuple or dict: no __getitem__ of theirs runs
        container, key = _value(node.value, frame), _value(node.slice, frame)
        if type(container) in (list, tuple, dict) and type(key) in (int, str):
            try:
                return container[key]
            except (IndexError, KeyError):
                raise LookupError(key) from None
        raise LookupError(type(container).__name__)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        value = _value(node.operand, frame)
        if type(value) in (int, float, bool):
            return -value if isinstance(node.op, ast.USub) else value
    raise LookupError(type(node).__name__)


_RESULT_KINDS = {'len': int, 'int': int, 'float': float, 'round': int}


def _kind(node, frame):
    """int, float or complex: the type of a number expression where it can be told without running it."""
    if isinstance(node, ast.BinOp) and not isinstance(node.op, (ast.Pow, ast.MatMult)):
        kinds = {_kind(node.left, frame), _kind(node.right, frame)}
        if None in kinds:
            return None
        if complex in kinds:
            return complex
        return float if float in kinds or isinstance(node.op, ast.Div) else int
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1:
        if node.func.id == 'abs':
            return _kind(node.args[0], frame)
        try:  # len(...), int(...): the builtin's result, unless the name is the learner's own
            builtin = getattr(builtins, node.func.id, None)
            return _RESULT_KINDS.get(node.func.id) if _value(node.func, frame) is builtin else None
        except LookupError:
            return None
    try:
        value = _value(node, frame)
    except (LookupError, TypeError):
        return None
    kind = type(value)
    return int if kind is bool else kind if kind in (int, float, complex) else None


def _operands_kind(left, right, frame):
    kinds = {_kind(left, frame), _kind(right, frame)}
    if complex in kinds:
        return complex
    if float in kinds:
        return float
    return int if kinds == {int} else None


# 3.11's ZeroDivisionError for an operator, by the operands' kind; None: "division by zero" stays.
_DIVISION = {
    ast.Div: {float: 'float division by zero', complex: 'complex division by zero'},
    ast.FloorDiv: {float: 'float floor division by zero', None: 'integer division or modulo by zero'},
    ast.Mod: {float: 'float modulo', None: 'integer modulo by zero'},
    'divmod': {float: 'float divmod()', None: 'integer division or modulo by zero'},
}


def _failing_node(code, offset):
    """The expression of the learner's source the instruction at `offset` runs, or None."""
    positions = list(code.co_positions())
    if not 0 <= offset // 2 < len(positions):
        return None
    line, end_line, column, end_column = positions[offset // 2]
    if None in (line, end_line, column, end_column):
        return None
    tree = parsed(code.co_filename)
    if tree is None:
        return None
    span = ((line, column), (end_line, end_column))
    for node in reversed(path_to(tree, span)):
        if (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset) == (line, column, end_line, end_column):
            return node
    return None


def _callee(node, frame):
    if not isinstance(node, ast.Call):
        return None
    try:
        return _value(node.func, frame)
    except (LookupError, TypeError):
        return None


def _from_source(exc, text, node, frame):
    """3.11's text for an error whose 3.14 text leaves out what 3.11's told (the operands' kinds, the value
    not in a list), read from the failing expression `node`; None where it cannot be told."""
    kind = type(exc)
    callee = _callee(node, frame)
    from_math = getattr(callee, '__module__', None) == 'math' and type(callee).__name__ == 'builtin_function_or_method'
    if kind is ZeroDivisionError and text == 'division by zero':
        if from_math:
            return 'float division by zero'
        if isinstance(node, ast.BinOp):
            op, left, right = type(node.op), node.left, node.right
        elif isinstance(node, ast.AugAssign):
            op, left, right = type(node.op), node.target, node.value
        elif callee is divmod and len(node.args) == 2:
            op, (left, right) = 'divmod', node.args
        else:
            return None
        texts = _DIVISION.get(op, {})
        operands = _operands_kind(left, right, frame)
        return texts.get(operands, texts.get(None) if operands is int or operands is None else None)
    if kind is ValueError and from_math and text.startswith('expected '):
        return 'math domain error'
    if kind is ValueError and text == 'list.index(x): x not in list' and isinstance(node, ast.Call) and node.args:
        try:
            return f'{_value(node.args[0], frame)!r} is not in list'
        except (LookupError, TypeError):
            return None
    return None


def _told_by_source(kind, text):
    """Whether 3.11's text for this error depends on the failing expression (see _from_source)."""
    if kind is ZeroDivisionError:
        return text == 'division by zero'
    return kind is ValueError and (text.startswith('expected ') or text == 'list.index(x): x not in list')


def _rewrite(code, offset, exc):
    if len(exc.args) == 2 and type(exc) is OverflowError and exc.args[0] == errno.ERANGE:
        exc.args = (34, 'Numerical result out of range')  # math's range errors carry C's errno text
        return
    if len(exc.args) != 1 or not isinstance(exc.args[0], str):
        return
    text = exc.args[0]
    for pattern, replacement in _TEXTS.get(type(exc), ()):
        new, count = pattern.subn(replacement, text) if pattern.fullmatch(text) else (text, 0)
        if count:
            exc.args = (new,)
            return
    if not _told_by_source(type(exc), text):
        return
    tb = exc.__traceback__
    # Read from the source only where the error arose: the learner's frame that raised it, which is the only
    # entry of its traceback yet (the event fires again in each caller it passes through).
    if tb is not None and tb.tb_next is None and _users_file[0](code.co_filename):
        frame = sys._getframe(2)
        if frame.f_code is not code or tb.tb_frame is not frame:
            return
        new = _from_source(exc, text, _failing_node(code, offset), frame)
        if new is not None and new != text:
            exc.args = (new,)


# SyntaxError texts 3.12+ reworded.
_SYNTAX_TEXTS = {
    'parameter without a default follows parameter with a default': 'non-default argument follows default argument',
}


def syntax_error_311(exc):
    """Gives a SyntaxError 3.11's text, in msg and args (str(e) reads msg)."""
    old = getattr(exc, 'msg', None)
    if isinstance(old, str) and old in _SYNTAX_TEXTS:
        exc.msg = _SYNTAX_TEXTS[old]
        if exc.args and exc.args[0] == old:
            exc.args = (exc.msg, *exc.args[1:])


def _on_raise(code, offset, exc):
    if isinstance(exc, SyntaxError):
        try:
            syntax_error_311(exc)
        except Exception:
            pass
    elif isinstance(exc, OSError):
        try:
            if _users_file[0](code.co_filename):
                _bl_errno.reached_users_frame(exc, code.co_code[offset] == _RAISE_VARARGS)
        except Exception:
            pass
    elif type(exc) in _TEXTS or type(exc) is OverflowError:
        try:
            _rewrite(code, offset, exc)
        except Exception:  # a message left as it is, never an error of ours in the learner's run
            pass


# Whether a file is the learner's (set by install_messages): only their expressions are read.
_users_file = [lambda filename: False]


def install_messages(is_users_file):
    """Gives each exception raised from now on 3.11's text (see above). Idempotent."""
    _users_file[0] = is_users_file
    monitoring = sys.monitoring
    for tool in (4, 3, 2, 1):  # not 0, the debugger's
        if monitoring.get_tool(tool) == _TOOL_NAME:
            break
        if monitoring.get_tool(tool) is None:
            monitoring.use_tool_id(tool, _TOOL_NAME)
            break
    else:
        return
    monitoring.register_callback(tool, monitoring.events.RAISE, _on_raise)
    monitoring.set_events(tool, monitoring.events.RAISE)


# Whether the traceback being drawn is of an uncaught exception (python3's excepthook), see uncaught().
_drawing_uncaught = [False]


@contextlib.contextmanager
def uncaught():
    """Tracebacks made inside are drawn as 3.11's excepthook draws them: with "Did you mean" suggestions."""
    _drawing_uncaught[0] = True
    try:
        yield
    finally:
        _drawing_uncaught[0] = False


def _suggestion(exc, tb):
    """3.11's "Did you mean" for a NameError or AttributeError (Python/suggestions.c of 3.11): the closest
    name of the object's dir(), or of the failing frame's locals, else its globals, else the builtins."""
    name = getattr(exc, 'name', None)
    if not isinstance(name, str):
        return None
    if isinstance(exc, AttributeError):
        try:
            candidates = [dir(exc.obj)]
        except Exception:
            return None
    elif isinstance(exc, NameError) and tb is not None:
        while tb.tb_next is not None:
            tb = tb.tb_next
        frame = tb.tb_frame
        code = frame.f_code
        candidates = [code.co_varnames, list(frame.f_globals), list(frame.f_builtins)]
    else:
        return None
    for names in candidates:
        found = _closest([n for n in names if isinstance(n, str)], name)
        if found:
            return found
    return None


def _closest(names, name):
    if len(names) >= 750 or len(name) > 40:  # 3.11's MAX_CANDIDATE_ITEMS, MAX_STRING_SIZE
        return None
    best, best_distance = None, sys.maxsize
    for candidate in names:
        if candidate == name:
            continue
        limit = min((len(name) + len(candidate) + 3) * 2 // 6, best_distance - 1)
        distance = traceback._levenshtein_distance(name, candidate, limit)
        if distance <= limit and (best is None or distance < best_distance):
            best, best_distance = candidate, distance
    return best


def _failed_iterating(exc):
    """Whether exc is the error of starting or advancing a loop's iteration (GET_ITER, FOR_ITER)."""
    text = str(exc.args[0]) if len(exc.args) == 1 else ''
    if type(exc) is TypeError:
        return text.endswith(' is not iterable')
    return type(exc) is RuntimeError and text.endswith('changed size during iteration')


def _text_311(te, exc_type, exc, tb):
    """te's final text as 3.11 has it: 3.14's suggestions dropped, 3.11's added for an uncaught error."""
    if exc is None:
        return te._str
    if te._is_syntax_error:
        if _drawing_uncaught[0] and isinstance(exc, IndentationError):
            te.end_offset = te.offset  # 3.11's excepthook marks where the block should start with one ^
        return te._str
    text = te._str
    if issubclass(exc_type, (NameError, AttributeError, ImportError)):
        try:
            text = str(exc)
        except Exception:
            return te._str
        suggestion = _suggestion(exc, tb) if _drawing_uncaught[0] else None
        if suggestion:
            text += f". Did you mean: '{suggestion}'?"
    if _failed_iterating(exc) and te.stack and _users_file[0](te.stack[-1].filename):
        moved = iteration_frame(te.stack[-1])
        if moved is not None:
            te.stack = traceback.StackSummary.from_list([*te.stack[:-1], moved])
    if isinstance(exc, OSError) and isinstance(exc.errno, int) and _bl_errno.shown_errno(exc) != exc.errno:
        text = text.replace(f'[Errno {exc.errno}]', f'[Errno {_bl_errno.shown_errno(exc)}]', 1)
    return text


def install_formatting():
    """traceback's texts as 3.11's (see above): every traceback the runtime draws is made by traceback."""
    init = traceback.TracebackException.__init__
    if getattr(init, '_bl_311', False):
        return

    def __init__(self, exc_type, exc_value=None, exc_traceback=None, *args, **kwargs):
        init(self, exc_type, exc_value, exc_traceback, *args, **kwargs)
        try:
            self._str = _text_311(self, exc_type, exc_value, exc_traceback)
        except Exception:
            pass

    __init__._bl_311 = True
    traceback.TracebackException.__init__ = __init__
    # 3.11 reports "invalid syntax" as it is; 3.13+ guesses a mistyped keyword ("Did you mean 'for'?").
    traceback.TracebackException._find_keyword_typos = lambda self: None
    # 3.14 computes its own suggestions in __init__; they are replaced above, so spare it the work.
    traceback._compute_suggestion_error = lambda exc_value, tb, wrong_name: None
