# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""The sessions by id, `IdentitySet` and the identity map's Python view
(SQLAlchemy's orm/identity.py; the map itself is `retort_orm`'s)."""


_sessions = {}


class IdentitySet:
    def __init__(self, items=()):
        self._items = list(items)

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __contains__(self, obj):
        return any(o is obj for o in self._items)

    def __bool__(self):
        return bool(self._items)

    def __repr__(self):
        return f"IdentitySet({self._items!r})"


class _IdentityMap:
    def __init__(self, session):
        self._session = session

    def _objects(self):
        return _retort_orm.objects(self._session._sid, "identity")

    def values(self):
        return self._objects()

    def keys(self):
        # a dict's keys view, as SQLAlchemy's WeakInstanceDict gives
        return {_state(o).identity_key: None for o in self._objects()}.keys()

    def items(self):
        return [(_state(o).identity_key, o) for o in self._objects()]

    def __iter__(self):
        return iter(list(self.keys()))

    def __len__(self):
        return len(self._objects())

    def __contains__(self, key):
        return key in self.keys()

    def __getitem__(self, key):
        for k, o in self.items():
            if k == key:
                return o
        raise KeyError(key)


def _orm_column_keys(stmt, entities):
    """The keys of an ORM select's plain columns (entities aside), or None
    when its columns are not all plain ones and entities."""
    if not isinstance(stmt, _sa.Select):
        return None
    entity_tables = {id(cls.__table__) for _, cls in entities or () if isinstance(cls, type)}
    columns = []
    for c in stmt.columns:
        if isinstance(c, _sa.FromClause):
            if id(c) in entity_tables:
                continue
            return None
        columns.append(c)
    return _sa._naming_keys(columns)
