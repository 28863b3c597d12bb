# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""`immutabledict`, the read-only dict SQLAlchemy hands out for options
(SQLAlchemy's util/_immutabledict_cy.py)."""


class immutabledict(dict):
    def _immutable(self, *arg, **kw):
        raise TypeError("immutabledict object is immutable")

    __setitem__ = __delitem__ = setdefault = update = pop = popitem = clear = _immutable

    def union(self, *dicts):
        new = dict(self)
        for d in dicts:
            new.update(d)
        return immutabledict(new)

    def merge_with(self, *dicts):
        return self.union(*[d for d in dicts if d])

    def __repr__(self):
        return f"immutabledict({dict.__repr__(self)})"
