# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""`lazy='dynamic'` relationships: `AppenderQuery` (SQLAlchemy's orm/dynamic.py)."""


class _ParentValue(_sa.BindParameter):
    """A bind holding a parent's attribute as it is when the statement runs
    (a dynamic relationship's query: the parent may be flushed, or
    refreshed, between making the query and running it)."""

    def __init__(self, obj, key, type_):
        self.key = None
        self.stem = None
        self.type = type_
        self._obj = obj
        self._attr = key

    @property
    def value(self):
        return getattr(self._obj, self._attr)


def _lazy_criteria(obj, prop, when_run=False):
    """The lazy clause of a collection for one parent: `? = child.fk` (with the
    parent's value first, as SQLAlchemy renders it), and through the
    secondary table for a many-to-many. `when_run`: the parent's values
    are read when the statement runs."""

    def parent_value(pc, type_):
        key = prop.parent.column_attr_of[pc.name]
        return _ParentValue(obj, key, type_) if when_run else literal(getattr(obj, key), type_)

    if prop.direction is ONETOMANY:
        return _join_terms(prop, lambda i: (parent_value(prop.pairs[i][0], prop.pairs[i][1].type), prop.pairs[i][1]))
    parent_flipped, target_flipped = getattr(prop, "_written", ((), ()))
    crit = [_as_written(parent_flipped, i, parent_value(pc, sc.type), sc) for i, (pc, sc) in enumerate(prop.parent_pairs)]
    return crit + [_as_written(target_flipped, i, tc, sc) for i, (tc, sc) in enumerate(prop.target_pairs)]


class AppenderQuery(Query):
    """`lazy="dynamic"`: a Query of the parent's related objects, with
    `append()` and `remove()`."""

    def __init__(self, instance, prop, _stmt=None):
        self.instance = instance
        self.prop = prop
        session = _state(instance).session
        if _stmt is None:
            if prop.direction is MANYTOONE:
                raise InvalidRequestError(f"On relationship {prop!r}, 'dynamic' loaders cannot be used with many-to-one/one-to-one relationships and/or uselist=False.")
            _stmt = select(prop.mapper.class_).set_label_style(_sa.LABEL_STYLE_TABLENAME_PLUS_COL)
            _stmt = _stmt.where(*_lazy_criteria(instance, prop, when_run=True)).order_by(*prop.order_by)
        Query.__init__(self, (prop.mapper.class_,), session, _stmt)

    def _new(self, stmt):
        return AppenderQuery(self.instance, self.prop, stmt)

    def _change(self, added, removed):
        _retort_orm.touch()
        # the change is recorded (and mirrored on the backref) without loading the collection
        _changed(self.instance, _state(self.instance), self.prop, added, removed)

    def append(self, item):
        self._change([item], [])

    def extend(self, items):
        self._change(list(items), [])

    def remove(self, item):
        self._change([], [item])
