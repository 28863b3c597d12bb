# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""Instrumented list and set collections that record appends and removes
(SQLAlchemy's orm/collections.py; that module itself is not importable yet)."""


class InstrumentedList(list):
    """A relationship's list: changes go to the owner's history and to backrefs."""

    def __init__(self, items=(), _owner=None, _prop=None):
        super().__init__(items)
        self._sa_owner = _state(_owner)._st if _owner is not None else None
        self._sa_prop = _prop

    def _owner(self):
        return _retort_orm.object(self._sa_owner) if self._sa_owner is not None else None

    def _fire(self, added, removed):
        owner = self._owner()
        if owner is not None:
            _changed(owner, _state(owner), self._sa_prop, added, removed)

    def _raw_add(self, x):
        list.append(self, x)

    def _raw_remove(self, x):
        for i, o in enumerate(self):
            if o is x:
                list.pop(self, i)
                return

    def _validate(self, x):
        owner = self._owner()
        v = _validator(owner, self._sa_prop.key) if owner is not None else None
        return v[0](owner, self._sa_prop.key, x) if v is not None else x

    def append(self, x):
        _retort_orm.touch()
        x = self._validate(x)
        list.append(self, x)
        self._fire([x], [])

    def extend(self, xs):
        _retort_orm.touch()
        xs = list(xs)
        list.extend(self, xs)
        self._fire(xs, [])

    def __iadd__(self, xs):
        self.extend(xs)
        return self

    def insert(self, i, x):
        _retort_orm.touch()
        list.insert(self, i, x)
        self._fire([x], [])

    def remove(self, x):
        _retort_orm.touch()
        list.remove(self, x)
        self._fire([], [x])

    def pop(self, i=-1):
        _retort_orm.touch()
        x = list.pop(self, i)
        self._fire([], [x])
        return x

    def clear(self):
        _retort_orm.touch()
        old = list(self)
        list.clear(self)
        self._fire([], old)

    def __setitem__(self, i, value):
        _retort_orm.touch()
        old = self[i]
        list.__setitem__(self, i, value)
        if isinstance(i, slice):
            self._fire(list(value), list(old))
        else:
            self._fire([value], [old])

    def __delitem__(self, i):
        _retort_orm.touch()
        old = self[i]
        list.__delitem__(self, i)
        self._fire([], list(old) if isinstance(i, slice) else [old])


class InstrumentedSet(set):
    def __init__(self, items=(), _owner=None, _prop=None):
        super().__init__(items)
        self._sa_owner = _state(_owner)._st if _owner is not None else None
        self._sa_prop = _prop

    _owner = InstrumentedList._owner
    _fire = InstrumentedList._fire

    def _raw_add(self, x):
        set.add(self, x)

    def _raw_remove(self, x):
        set.discard(self, x)

    def add(self, x):
        _retort_orm.touch()
        if x not in self:
            set.add(self, x)
            self._fire([x], [])

    def remove(self, x):
        _retort_orm.touch()
        set.remove(self, x)
        self._fire([], [x])

    def discard(self, x):
        _retort_orm.touch()
        if x in self:
            self.remove(x)
