# The comprehension frames Python 3.11 shows. Up to 3.11 a list, set or dict comprehension runs as a function
# of its own: an error inside it is reported in a `<listcomp>` (`<setcomp>`, `<dictcomp>`) frame, under the
# frame that called it, whose carets mark the whole comprehension. Since 3.12 they are inlined (PEP 709) and
# the frame is gone, so a learner's traceback would lack a frame their python3 prints. The frames are put
# back from the source: a frame whose failing position lies inside a comprehension, outside its first
# iterable (3.11 evaluates that one in the calling frame), gets the comprehension's frame after it.
# Generator expressions still run in frames of their own (`<genexpr>`), as in 3.11. A few other positions
# moved since 3.11 (a failing f-string format, `assert False`, iterating a non-iterable) and are put back too.
import ast
import linecache
import traceback

_NAMES = {ast.ListComp: '<listcomp>', ast.SetComp: '<setcomp>', ast.DictComp: '<dictcomp>'}
# The parsed source of the files seen, by name, with the text it was parsed from (a file can change).
_parsed = {}


def parsed(filename):
    """The syntax tree of a file as linecache holds it (the learner's script, their modules), or None."""
    lines = linecache.getlines(filename)
    if not lines:
        return None
    source = ''.join(lines)
    cached = _parsed.get(filename)
    if cached is not None and cached[0] == source:
        return cached[1]
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        tree = None
    _parsed[filename] = (source, tree)
    return tree


def _span(node):
    return (node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset)


def _inside(span, node):
    """Whether the position `span` ((line, column), (end line, end column)) lies within node."""
    start, end = _span(node)
    return start <= span[0] and span[1] <= end


def _opens_scope(node, span):
    """Whether the code at `span`, inside node, runs in a frame of node's own (a function, class, lambda or
    generator expression body): comprehensions around node are then another frame's. Code placed on the
    whole node (making the function, starting the generator) runs in the enclosing frame."""
    if _span(node) == span:
        return False
    if isinstance(node, ast.GeneratorExp):
        return not _inside(span, node.generators[0].iter)
    if isinstance(node, ast.Lambda):
        return _inside(span, node.body)
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return any(_inside(span, statement) for statement in node.body)
    return False


def path_to(node, span):
    """The nodes from node down to the innermost one that holds `span`."""
    path = []
    children = list(ast.iter_child_nodes(node))
    while children:
        child = children.pop(0)
        if not hasattr(child, 'lineno'):  # a `for ... in ... if ...` clause: its parts have positions
            children[:0] = ast.iter_child_nodes(child)
        elif _inside(span, child):
            path.append(child)
            children = list(ast.iter_child_nodes(child))
    return path


def _comprehensions(tree, span):
    """The comprehensions whose own frame (in 3.11) the code at `span` runs in, outermost first."""
    found = []
    for node in path_to(tree, span):
        if _opens_scope(node, span):
            found = []
        elif type(node) in _NAMES and _span(node) != span and not _inside(span, node.generators[0].iter):
            found.append(node)
    return found


def _located_311(tree, span):
    """The position 3.11 gives the code 3.14 places at `span`, where they differ: a value formatted in an
    f-string is the whole f-string in 3.11 (3.12+: its `{...}`), `assert False` the whole statement."""
    path = path_to(tree, span)
    for index in range(len(path) - 1, -1, -1):
        node = path[index]
        if _span(node) != span:
            break
        if isinstance(node, ast.FormattedValue):
            return _span(next(n for n in path if isinstance(n, ast.JoinedStr)))
        parent = path[index - 1] if index else None
        if isinstance(parent, ast.Assert) and node is parent.test and isinstance(node, ast.Constant):
            return _span(parent)
    return span


def iteration_frame(summary):
    """For the frame where iterating failed (`for x in 5`, a dict changed during its loop): the frame as 3.11
    locates it, on the `for` statement or the comprehension (3.12+: on the iterable), or None."""
    if None in (summary.lineno, summary.end_lineno, summary.colno, summary.end_colno):
        return None
    tree = parsed(summary.filename)
    if tree is None:
        return None
    span = ((summary.lineno, summary.colno), (summary.end_lineno, summary.end_colno))
    for node in reversed(path_to(tree, span)):
        if isinstance(node, (ast.For, ast.AsyncFor)) and _span(node.iter) == span:
            return _frame(summary, summary.name, *_span(node))
        comps = (*_NAMES, ast.GeneratorExp)
        if isinstance(node, comps) and _span(node.generators[0].iter) == span:
            return _frame(summary, summary.name, *_span(node))
    return None


def _frame(summary, name, start, end):
    return traceback.FrameSummary(
        summary.filename,
        start[0],
        name,
        lookup_line=False,
        end_lineno=end[0],
        colno=start[1],
        end_colno=end[1],
    )


def with_comprehension_frames(summaries, is_users_file):
    """The frames of a stack summary, each followed by the comprehension frames 3.11 would show inside it."""
    out = []
    for summary in summaries:
        comps = []
        positions = (summary.lineno, summary.end_lineno, summary.colno, summary.end_colno)
        tree = parsed(summary.filename) if None not in positions and is_users_file(summary.filename) else None
        if tree is not None:
            span = ((summary.lineno, summary.colno), (summary.end_lineno, summary.end_colno))
            located = _located_311(tree, span)
            if located != span:
                span = located
                summary = _frame(summary, summary.name, *span)
            comps = _comprehensions(tree, span)
        if not comps:
            out.append(summary)
            continue
        # The calling frame marks the outermost comprehension; each comprehension frame marks the next one in,
        # the innermost the failing code itself.
        out.append(_frame(summary, summary.name, *_span(comps[0])))
        for comp, inner in zip(comps, comps[1:]):
            out.append(_frame(summary, _NAMES[type(comp)], *_span(inner)))
        out.append(_frame(summary, _NAMES[type(comps[-1])], *span))
    return out
