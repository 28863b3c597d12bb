# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""`func`: the generator of SQL functions (SQLAlchemy's sql/functions.py)."""


class _FunctionGenerator:
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)

        def make(*args, type_=None):
            clauses = [_coerce(a, None, name) for a in args]
            t = type_
            if t is None:
                if name.lower() in _FUNCTION_TYPES:
                    t = _FUNCTION_TYPES[name.lower()]()
                elif name.lower() in ("max", "min", "sum", "coalesce", "pow") and clauses:
                    t = clauses[0].type
            return Function(name, clauses, _to_type(t) if t is not None else None)

        return make


func = _FunctionGenerator()
