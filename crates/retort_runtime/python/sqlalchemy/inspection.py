# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""`inspect()` (SQLAlchemy's inspection.py)."""


_inspectors = []


def inspect(subject, raiseerr=True):
    if isinstance(subject, (Engine, Connection)):
        return Inspector(subject)
    for fn in _inspectors:
        found = fn(subject)
        if found is not None:
            return found
    raise _unsupported(f"inspect() of {type(subject).__name__} objects")
