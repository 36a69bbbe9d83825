"""df.query(expr): the rows where a Python-syntax condition over column names holds, as pandas 1.5 evaluates it
(its 'python' parser semantics for the common cases): comparisons (chained too), `and`/`or`/`not` meaning the
element-wise &, |, ~, `in`/`not in` a list, arithmetic, @name for a variable of the calling code and `backticked
names` for labels with spaces. The expression is parsed with Python's ast and walked here; nothing is exec'd."""

import ast
import operator
import re
import sys

from ._unsupported import unsupported

_COMPARE = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}
_ARITH = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
    ast.BitAnd: operator.and_,
    ast.BitOr: operator.or_,
}
_LOCAL = '__bl_local_'


def query(df, expr, inplace=False, level=1):
    if not isinstance(expr, str):
        raise ValueError(f'expr must be a string to be evaluated, {type(expr)} given')
    frame = sys._getframe(level + 1)
    scope = {**frame.f_globals, **frame.f_locals}
    backticked = {}

    def backtick(m):
        key = f'__bl_bt_{len(backticked)}'
        backticked[key] = m.group(1)
        return key

    text = re.sub(r'`([^`]*)`', backtick, expr)
    text = re.sub(r'@([A-Za-z_][A-Za-z0-9_]*)', lambda m: _LOCAL + m.group(1), text)
    tree = ast.parse(_booleans(text.strip()), mode='eval')
    mask = _Eval(df, scope, backticked).visit(tree.body)
    result = df[mask]
    return df._inplace(result, inplace)


def _booleans(text):
    """& and | as `and` and `or` (pandas' _replace_booleans), so that they bind after the comparisons around
    them: 'Sex != "male" & Fare > 60' is two comparisons."""
    import io
    import tokenize

    tokens = []
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type == tokenize.OP and tok.string in ('&', '|'):
            tok = tokenize.TokenInfo(tokenize.NAME, 'and' if tok.string == '&' else 'or', tok.start, tok.end, tok.line)
        tokens.append((tok.type, tok.string))
    return tokenize.untokenize(tokens)


class _Eval(ast.NodeVisitor):
    def __init__(self, df, scope, backticked):
        self.df, self.scope, self.backticked = df, scope, backticked

    def generic_visit(self, node):
        raise unsupported(f'df.query with a {type(node).__name__} expression', 'use comparisons joined by and/or')

    def visit_Name(self, node):
        name = self.backticked.get(node.id, node.id)
        if name.startswith(_LOCAL):
            local = name[len(_LOCAL) :]
            if local not in self.scope:
                raise NameError(f"local variable '{local}' is not defined")
            return self.scope[local]
        if name in self.df.columns:
            return self.df[name]
        if name == self.df.index.name or name == 'index':
            from .series import Series

            return Series(self.df.index._labels, index=self.df.index)
        if name in ('True', 'False'):
            return name == 'True'
        raise NameError(f"name '{name}' is not defined")  # pandas' UndefinedVariableError says the same

    def visit_Constant(self, node):
        return node.value

    def visit_List(self, node):
        return [self.visit(e) for e in node.elts]

    visit_Tuple = visit_List

    def visit_BoolOp(self, node):
        values = [self.visit(v) for v in node.values]
        op = operator.and_ if isinstance(node.op, ast.And) else operator.or_
        result = values[0]
        for v in values[1:]:
            result = op(result, v)
        return result

    def visit_UnaryOp(self, node):
        value = self.visit(node.operand)
        if isinstance(node.op, (ast.Not, ast.Invert)):
            return ~value if hasattr(value, '__invert__') and not isinstance(value, bool) else not value
        if isinstance(node.op, ast.USub):
            return -value
        return value

    def visit_BinOp(self, node):
        op = _ARITH.get(type(node.op))
        if op is None:
            return self.generic_visit(node)
        return op(self.visit(node.left), self.visit(node.right))

    def visit_Compare(self, node):
        left = self.visit(node.left)
        result = None
        for op, right_node in zip(node.ops, node.comparators):
            right = self.visit(right_node)
            if isinstance(op, (ast.In, ast.NotIn)):
                values = right if isinstance(right, (list, tuple)) else list(right)
                part = left.isin(values) if hasattr(left, 'isin') else left in values
                if isinstance(op, ast.NotIn):
                    part = ~part if hasattr(part, '__invert__') and not isinstance(part, bool) else not part
            elif type(op) in _COMPARE:
                part = _COMPARE[type(op)](left, right)
            else:
                return self.generic_visit(op)
            result = part if result is None else result & part
            left = right
        return result

    def visit_Attribute(self, node):
        return getattr(self.visit(node.value), node.attr)

    def visit_Call(self, node):
        # s.str.contains('x'), s.isnull() and such: methods of what the expression has built
        func = self.visit(node.func)
        return func(*[self.visit(a) for a in node.args], **{k.arg: self.visit(k.value) for k in node.keywords})
