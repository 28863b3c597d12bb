# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""`WriteOnlyMapped` collections (SQLAlchemy's orm/writeonly.py)."""


class WriteOnlyCollection:
    """`WriteOnlyMapped` / `lazy="write_only"`: a collection never loaded
    whole. `add()`, `add_all()` and `remove()` queue changes for the flush;
    `select()` is the statement of its rows, for `session.scalars()`."""

    def __init__(self, instance, prop):
        if prop.direction is MANYTOONE:
            raise InvalidRequestError(f"On relationship {prop!r}, 'write_only' loaders cannot be used with many-to-one/one-to-one relationships and/or uselist=False.")
        self.instance = instance
        self.prop = prop
        # the parent's key is read when a statement of it runs (an expired parent loads then)
        self._criteria = _lazy_criteria(instance, prop, when_run=True)

    def __repr__(self):
        return f"<sqlalchemy.orm.writeonly.WriteOnlyCollection object at 0x{id(self):x}>"

    def select(self):
        stmt = select(self.prop.mapper.class_).where(*self._criteria)
        return stmt.order_by(*self.prop.order_by) if self.prop.order_by else stmt

    def _change(self, added, removed):
        _retort_orm.touch()
        _changed(self.instance, _state(self.instance), self.prop, added, removed)

    def add(self, item):
        self._change([item], [])

    def add_all(self, items):
        self._change(list(items), [])

    def remove(self, item):
        self._change([], [item])

    def __iter__(self):
        raise TypeError(
            "WriteOnly collections don't support iteration in-place; to query for collection items, use the "
            "select() method to produce a SQL statement and execute it with session.scalars()."
        )

    def insert(self):
        """An INSERT of new rows of a one-to-many collection, their foreign
        keys set to the parent's key."""
        if self.prop.direction is not ONETOMANY:
            raise InvalidRequestError(
                "Write only bulk INSERT only supported for one-to-many collections; for many-to-many, "
                "use a separate bulk INSERT along with add_all()."
            )
        values = {cc.key: getattr(self.instance, self.prop.parent.column_attr_of[pc.name]) for pc, cc in self.prop.pairs}
        return _sa.insert(self.prop.mapper.class_).values(**values)

    def update(self):
        """An UPDATE of the collection's rows."""
        return _sa.update(self.prop.mapper.class_).where(*self._criteria)

    def delete(self):
        """A DELETE of the collection's rows."""
        return _sa.delete(self.prop.mapper.class_).where(*self._criteria)
