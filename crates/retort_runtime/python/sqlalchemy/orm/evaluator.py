# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""Evaluating a WHERE clause in Python for `synchronize_session='evaluate'`
(SQLAlchemy's orm/evaluator.py)."""


_COMPARE = {
    "eq": lambda a, b: a == b,
    "is": lambda a, b: a is None if b is None else a == b,
    "is_not": lambda a, b: a is not None if b is None else a != b,
    "ne": lambda a, b: a != b,
    "lt": lambda a, b: a is not None and b is not None and a < b,
    "le": lambda a, b: a is not None and b is not None and a <= b,
    "gt": lambda a, b: a is not None and b is not None and a > b,
    "ge": lambda a, b: a is not None and b is not None and a >= b,
}


class _Unevaluatable(Exception):
    """A criterion or SET value the Python evaluator cannot compute."""


def _none_or(op):
    return lambda a, b: None if a is None or b is None else op(a, b)


_ARITHMETIC = {
    "add": _none_or(lambda a, b: a + b),
    "concat": _none_or(lambda a, b: a + b),
    "sub": _none_or(lambda a, b: a - b),
    "mul": _none_or(lambda a, b: a * b),
    "div": _none_or(lambda a, b: a / b),
    "mod": _none_or(lambda a, b: a % b),
}


def _value_evaluator(e, tables=None):
    """An SQL value as a Python function of a loaded object: binds, the
    object's columns (of `tables`, the mapper's, when given), NULL, and
    arithmetic on them."""
    if isinstance(e, _sa.BindParameter):
        return lambda obj: e.value
    if isinstance(e, Column):
        if tables is not None and not any(e.table is t for t in tables):
            # (SQLAlchemy's "Cannot evaluate column": another table's)
            raise _Unevaluatable(e)
        return lambda obj: obj.__dict__.get(type(obj).__mapper__.column_attr_of.get(e.name, e.name))
    if isinstance(e, _sa.Null):
        return lambda obj: None
    if isinstance(e, _sa.BinaryExpression) and e.operator in _ARITHMETIC:
        left, right, op = _value_evaluator(e.left, tables), _value_evaluator(e.right, tables), _ARITHMETIC[e.operator]
        return lambda obj: op(left(obj), right(obj))
    raise _Unevaluatable(e)


def _evaluator(criteria, tables=None):
    """The WHERE criteria as a Python test of a loaded object (SQLAlchemy's
    "evaluate" synchronization): comparisons, and/or, IN."""
    if criteria is None:
        return lambda obj: True

    def test(e):
        if isinstance(e, _sa.BooleanClauseList):
            parts = [test(c) for c in e.clauses]
            if e.__visit_name__ == "and":
                return lambda obj: all(p(obj) for p in parts)
            return lambda obj: any(p(obj) for p in parts)
        if isinstance(e, _sa.BinaryExpression) and e.operator in _COMPARE:
            left, right, op = _value_evaluator(e.left, tables), _value_evaluator(e.right, tables), _COMPARE[e.operator]
            return lambda obj: op(left(obj), right(obj))
        if isinstance(e, _sa._In):
            left = _value_evaluator(e.element, tables)
            return lambda obj: left(obj) in list(e.values)
        if isinstance(e, _sa._LikeParts) and e.leading != e.trailing:
            # startswith()/endswith() (not contains(): SQLAlchemy's evaluator has no such operator)
            left = _value_evaluator(e.element, tables)
            value = e.value
            right = _value_evaluator(value, tables) if isinstance(value, _sa.ClauseElement) else (lambda obj: value)
            method = "endswith" if e.leading else "startswith"
            return lambda obj: _none_or(lambda a, b: getattr(a, method)(b))(left(obj), right(obj))
        raise _Unevaluatable(e)

    return test(criteria)


def _is_orm_statement(statement):
    cols = getattr(statement, "columns", None)
    if not isinstance(cols, list):
        return False
    for c in cols:
        t = getattr(c, "table", None)
        if getattr(t, "_sa_mapped", False) or getattr(c, "_sa_mapped", False):
            return True
    return False
