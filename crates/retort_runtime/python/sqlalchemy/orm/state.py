# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""`InstanceState`, `History` and `AttributeState`: what `inspect(obj)`
shows (SQLAlchemy's orm/state.py)."""


class InstanceState(InspectionAttrInfo):
    """`inspect(obj)`: an object's state (held by the object, never the reverse)."""
    is_aliased_class = False
    is_attribute = False
    is_bundle = False
    is_clause_element = False
    is_instance = True
    is_mapper = False
    is_property = False
    is_selectable = False
    insert_order = None
    runid = None
    identity_token = None
    # (the AsyncSession the object belongs to: Retort has none)
    async_session = None
    info = _sa._Info()

    def get_history(self, key, passive=None):
        """The attribute's History (as `inspect(obj).attrs[key].history`)."""
        return AttributeState(self, key).history

    # Set on a state only when they apply (an object's __dict__ stays small):
    # columns its query left out (deferred: each loads alone on first access),
    deferred_keys = ()
    # of those, the ones that raise instead (raiseload=True),
    raise_keys = ()
    # many-to-one keys set by a backref while their value was not loaded,
    unknown_original = ()
    # with_loader_criteria() options of the query that loaded it (for its lazy loads).
    loader_criteria = None
    # loader options for a relationship's lazy load: key -> [options] (`defaultload(A.b).selectinload(B.c)`)
    lazy_options = None

    # the loader options it was loaded with: relationship key (or "*") -> "raise" / "noload" / "select"
    lazy_overrides = None
    # taken out of a parent's collection by a backref (see Session._expunge_pending_orphans)
    orphaned = False

    def __init__(self, mapper, st):
        self.mapper = mapper
        self._st = st
        self.rel_events = {}
        self.class_ = mapper.class_

    def _status(self):
        return _retort_orm.status(self._st)

    @property
    def obj(self):
        return lambda: _retort_orm.object(self._st)

    @property
    def object(self):
        return _retort_orm.object(self._st)

    @property
    def transient(self):
        return self._status()[0] == "transient"

    @property
    def pending(self):
        return self._status()[0] == "pending"

    @property
    def persistent(self):
        return self._status()[0] == "persistent"

    @property
    def deleted(self):
        return self._status()[0] == "deleted"

    @property
    def detached(self):
        return self._status()[0] == "detached"

    @property
    def was_deleted(self):
        return self._status()[0] == "deleted"

    @property
    def modified(self):
        return self._status()[3]

    @property
    def session(self):
        sid = self._status()[1]
        return None if sid is None else _sessions.get(sid)

    def key_values(self):
        return _retort_orm.identity(self._st)

    @property
    def identity(self):
        return self.key_values()

    @property
    def has_identity(self):
        return self.key_values() is not None

    @property
    def identity_key(self):
        k = self.key_values()
        return None if k is None else (self.class_, k, None)

    key = identity_key

    @property
    def dict(self):
        obj = self.object
        return obj.__dict__ if obj is not None else {}

    @property
    def expired_attributes(self):
        if self._status()[0] not in ("persistent", "detached", "deleted") or self.key_values() is None:
            return set()
        d = self.dict
        return {k for k in self.mapper.column_keys if k not in d}

    @property
    def expired(self):
        """Whether the object was expired as a whole (commit, rollback,
        expire()) and not loaded since: none of its column attributes is loaded."""
        keys = self.mapper.column_keys
        return bool(keys) and self.expired_attributes == set(keys)

    @property
    def unloaded(self):
        d = self.dict
        return {k for k in self.mapper.column_keys + list(self.mapper._relationships) if k not in d}

    @property
    def attrs(self):
        return _ReadOnlyProps({k: AttributeState(self, k) for k in self.mapper.column_keys + list(self.mapper._relationships)})

    def __repr__(self):
        return f"<sqlalchemy.orm.state.InstanceState object at 0x{id(self):x}>"


_retort_orm._new_state(_new_state, InstanceState)


class History(tuple):
    def __new__(cls, added, unchanged, deleted):
        return tuple.__new__(cls, (added, unchanged, deleted))

    added = property(lambda self: self[0])
    unchanged = property(lambda self: self[1])
    deleted = property(lambda self: self[2])

    def has_changes(self):
        return bool(self[0] or self[2])

    def empty(self):
        return not (self[0] or self[1] or self[2])

    def __repr__(self):
        return f"History(added={self[0]!r}, unchanged={self[1]!r}, deleted={self[2]!r})"


class AttributeState:
    def __init__(self, state, key):
        self.state = state
        self.key = key

    @property
    def value(self):
        return getattr(self.state.object, self.key)

    @property
    def loaded_value(self):
        return self.state.dict.get(self.key, _NO_VALUE)

    def load_history(self):
        """The History, the attribute loaded first if it is not."""
        if self.key not in self.state.dict and self.state.object is not None:
            getattr(self.state.object, self.key)
        return self.history

    @property
    def history(self):
        state, key = self.state, self.key
        d = state.dict
        if key in state.mapper._relationships:
            ev = state.rel_events.get(key)
            current = d.get(key)
            if ev is None:
                unchanged = list(current) if isinstance(current, (list, set)) else ([current] if current is not None else [])
                return History([], unchanged, [])
            added = list(ev[0])
            items = list(current) if isinstance(current, (list, set)) else ([current] if current is not None else [])
            return History(added, [x for x in items if not any(x is a for a in added)], [x for x in ev[1] if x is not None])
        if key not in d:
            return History((), (), ())
        current = d[key]
        committed = _retort_orm.committed(state._st, state.mapper.attr_index[key])
        status = state._status()
        if status[0] == "pending" or status[0] == "transient":
            return History([current], (), ())
        if status[3] and committed != current:
            return History([current], (), [committed] if committed is not None else ())
        return History((), [current], ())
