# Tracebacks drawn as Python 3.11 draws them. PyTorch 1.13 runs on Python 3.11 (Debian's python3), and the
# runtime's CPython is newer: since 3.13 it marks calls with ~ and ^ (`~~~~^^^`), quotes every line of an
# instruction that spans several, and hides the carets of `x = f(y)` and `return f(y)`. A learner comparing
# an error with a classmate's python3 should see the same text, so each frame is formatted with 3.11's rules:
#  - one source line: the instruction's first;
#  - carets under the instruction unless it covers the whole (stripped) line; on a multi-line instruction,
#    from its start to the end of that first line;
#  - anchors only for a binary operator (~ around, ^ on the operator) and a subscript (^ on the brackets);
#  - the operator's position: after the left operand and any blanks (3.11 does not skip a closing bracket).
import ast
import traceback

from _bl_comprehensions import with_comprehension_frames

# python3 prints the last 1000 frames of a traceback (sys.tracebacklimit's default).
_FRAMES_SHOWN = 1000


def _char_offset(line, byte_offset):
    """Column offsets are UTF-8 byte offsets; the caret line counts characters."""
    return len(line.encode('utf-8')[:byte_offset].decode('utf-8', errors='replace'))


def _anchors(segment):
    """(left_end, right_start) of the part 3.11 marks with ^ inside `segment`, or None: no anchors."""
    try:
        tree = ast.parse(segment)
    except SyntaxError:
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
        return None
    expr = tree.body[0].value
    if isinstance(expr, ast.BinOp):
        start = _char_offset(segment, expr.left.end_col_offset)
        between = segment[start : _char_offset(segment, expr.right.col_offset)]
        blanks = len(between) - len(between.lstrip())
        left = start + blanks
        right = left + 1
        if blanks + 1 < len(between) and not between[blanks + 1].isspace():
            right += 1  # a two-character operator: **, //, <<, >>, @=...
        return left, right
    if isinstance(expr, ast.Subscript):
        return _char_offset(segment, expr.value.end_col_offset), _char_offset(segment, expr.slice.end_col_offset + 1)
    return None


def _caret_line(frame, line):
    """The line of ~ and ^ under `line` (the instruction's first source line), or None."""
    if frame.colno is None or frame.end_colno is None:
        return None
    stripped = line.strip()
    indent = len(line) - len(line.lstrip())
    start = _char_offset(line, frame.colno)
    anchors = None
    if frame.lineno == frame.end_lineno:
        end = _char_offset(line, frame.end_colno)
        anchors = _anchors(line[start:end])
    else:
        end = indent + len(stripped)
    if not (end - start < len(stripped) or (anchors and anchors[1] - anchors[0] > 0)):
        return None
    marks = ' ' * (start - indent)
    if anchors:
        left, right = anchors
        marks += '~' * left + '^' * (right - left) + '~' * (end - start - right)
    else:
        marks += '^' * (end - start)
    return f'    {marks}\n'


def format_frame_summary(self, frame, **kwargs):
    row = [f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n']
    lines = getattr(frame, '_original_lines', None)  # the source as-is (3.13+), else the stripped first line
    line = (lines if isinstance(lines, str) else frame.line or '').partition('\n')[0].rstrip('\r')
    if line.strip():
        row.append(f'    {line.strip()}\n')
        carets = _caret_line(frame, line)
        if carets:
            row.append(carets)
    if frame.locals:
        for name, value in sorted(frame.locals.items()):
            row.append(f'    {name} = {value}\n')
    return ''.join(row)


def install(is_users_file):
    """Every traceback the runtime formats (uncaught, traceback.print_exc(), format_exc()) in 3.11's form,
    without the runtime's own frames (our torch package, Pyodide's JavaScript) where the learner's code
    prints one: they would name files a learner does not have. A stack of runtime frames only is kept.
    The comprehension frames 3.11 has and 3.12+ inlines are put back (_bl_comprehensions)."""
    traceback.StackSummary.format_frame_summary = format_frame_summary
    original_format = traceback.StackSummary.format

    def format(self, **kwargs):
        frames = with_comprehension_frames(self, is_users_file)
        if len(frames) > max(len(self), _FRAMES_SHOWN):  # a deep recursion through comprehensions
            frames = frames[-_FRAMES_SHOWN:]
        shown = [frame for frame in frames if is_users_file(frame.filename)]
        if shown and len(shown) < len(frames):
            frames = shown
        if len(frames) != len(self) or any(a is not b for a, b in zip(frames, self)):
            return original_format(traceback.StackSummary.from_list(frames), **kwargs)
        return original_format(self, **kwargs)

    traceback.StackSummary.format = format
