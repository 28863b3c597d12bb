# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""Instrumented attributes: column and relationship descriptors, change
history and backrefs (SQLAlchemy's orm/attributes.py)."""


def _new_state(obj):
    d = obj.__dict__
    st = d.get("_sa_instance_state")
    if st is None:
        mapper = getattr(type(obj), "__mapper__", None)
        if mapper is None:
            raise UnmappedInstanceError(f"Class '{type(obj).__module__}.{type(obj).__name__}' is not mapped")
        st = InstanceState(mapper, _retort_orm.state(mapper.mid, obj))
        d["_sa_instance_state"] = st
        if mapper.polymorphic_on is not None and mapper.polymorphic_identity is not None:
            # a new object's discriminator (SQLAlchemy's `_set_polymorphic_identity`)
            key = mapper.column_attr_of.get(mapper.polymorphic_on.name)
            if key is not None and key not in d:
                d[key] = mapper.polymorphic_identity
    return st


# an object's InstanceState, made on first use (natively: it is asked for at
# every turn; `_new_state` is registered with InstanceState, below)
_state = _retort_orm.instance_state


def _state_str(obj):
    return f"<{type(obj).__name__} at 0x{id(obj):x}>"


# True while the playground looks at the objects (`_snapshot`): an attribute
# that is not loaded stays so (no SQL is sent, nothing changes).
_inspecting = [False]


class _NotLoaded(Exception):
    """An attribute the playground's snapshot would have had to load."""


class _ColumnAttribute:
    """A mapped column on its class: the column itself at class level, the
    object's value (loaded on access when expired) on an instance."""

    def __init__(self, key, index, column):
        self.key = key
        self.index = index
        self.column = column

    # natively when the value is loaded (or on the class); else `_get`
    __get__ = _retort_orm.column_get

    def _get(self, obj, owner=None):
        if obj is None:
            return self.column
        d = obj.__dict__
        if self.key in d:
            return d[self.key]
        if _inspecting[0]:
            raise _NotLoaded(self.key)
        state = _state(obj)
        status, sid, _, _ = _retort_orm.status(state._st)
        if status == "persistent":
            _sessions[sid]._load_expired(obj, state, self.key)
            return d.get(self.key)
        if status in ("detached", "deleted") and state.key_values() is not None:
            raise DetachedInstanceError(
                f"Instance {_state_str(obj)} is not bound to a Session; attribute refresh operation cannot proceed "
                "(Background on this error at: https://sqlalche.me/e/21/bhk3)"
            )
        return None

    # natively unless listeners or validators watch it (then `_set`)
    __set__ = _retort_orm.column_set

    def _set(self, obj, value):
        _retort_orm.touch()
        d = obj.__dict__
        state = d.get("_sa_instance_state") or _state(obj)
        if _event._listeners:
            # the script's listeners come before @validates (SQLAlchemy installs
            # validators when it configures the mappers, after module-level listens)
            _event._fire([("attribute", (id(type(obj)), self.key))], "set", obj, value, d.get(self.key, NO_VALUE), None)
        v = state.mapper.validators.get(self.key)
        if v is not None:
            value = v[0](obj, self.key, value)
        d[self.key] = value
        _retort_orm.modified(state._st)

    def __delete__(self, obj):
        _retort_orm.touch()
        obj.__dict__.pop(self.key, None)
        _retort_orm.modified(_state(obj)._st)


class _ExpressionAttribute(_ColumnAttribute):
    """A `column_property()` expression on its class: the labelled expression
    at class level; on an object, read as a column is (None until it is
    persistent, loaded when expired), set without being flushed."""

    def __init__(self, prop):
        super().__init__(prop.key, None, prop.label)
        self.prop = prop

    def __set__(self, obj, value):
        obj.__dict__[self.key] = value


class _RelationshipAttribute:
    def __init__(self, prop):
        self.prop = prop
        self.key = prop.key

    def __get__(self, obj, owner=None):
        if obj is None:
            return _RelationshipComparator(self.prop)
        if self.prop.lazy in ("dynamic", "write_only"):
            if _inspecting[0]:
                raise _NotLoaded(self.key)
            self.prop.parent._configure()
            if self.prop.lazy == "write_only":
                return WriteOnlyCollection(obj, self.prop)
            return AppenderQuery(obj, self.prop)
        d = obj.__dict__
        if self.key in d:
            return d[self.key]
        if _inspecting[0]:
            raise _NotLoaded(self.key)
        prop = self.prop
        prop.parent._configure()
        state = _state(obj)
        status, sid, _, _ = _retort_orm.status(state._st)
        if status == "persistent" and prop.lazy != "noload":
            value = _sessions[sid]._lazy_load(obj, state, prop)
        elif status in ("detached", "deleted") and state.key_values() is not None and prop.lazy != "noload":
            raise DetachedInstanceError(
                f"Parent instance {_state_str(obj)} is not bound to a Session; lazy load operation of attribute "
                f"'{self.key}' cannot proceed (Background on this error at: https://sqlalche.me/e/21/bhk3)"
            )
        else:
            value = [] if prop.uselist else None
        if prop.uselist:
            value = _collection(obj, prop, value)
        d[self.key] = value
        return value

    def __set__(self, obj, value):
        _retort_orm.touch()
        prop = self.prop
        prop.parent._configure()
        state = _state(obj)
        d = obj.__dict__
        v = _validator(obj, self.key)
        if v is not None:
            value = [v[0](obj, self.key, x) for x in value] if prop.uselist else v[0](obj, self.key, value)
        if prop.lazy == "write_only" and _retort_orm.status(state._st)[0] in ("persistent", "detached"):
            raise InvalidRequestError(
                f'Collection "{prop.parent.class_.__name__}.{prop.key}" does not support implicit iteration; '
                "collection replacement operations can't be used"
            )
        if prop.uselist:
            old = list(self.__get__(obj, type(obj))) if _retort_orm.status(state._st)[0] == "persistent" else list(d.get(self.key) or [])
            new = _collection(obj, prop, list(value))
            d[self.key] = new
            added = [x for x in new if not any(x is o for o in old)] if old else list(new)
            removed = [x for x in old if not any(x is n for n in new)] if old else []
            _changed(obj, state, prop, added, removed)
        else:
            status, sid, _, _ = _retort_orm.status(state._st)
            if self.key not in d and prop.direction is MANYTOONE and status == "persistent":
                # the object it replaces, if the identity map has it (no SQL), so its collection loses this one
                fks = [prop.parent.column_attr_of[fk.name] for _, fk in prop.pairs]
                if all(k in d for k in fks) and all(d[k] is not None for k in fks):
                    old = _retort_orm.get(sid, prop.mapper.mid, [d[k] for k in fks])
                    if old is not None:
                        d[self.key] = old
            if self.key not in d and prop.direction is not MANYTOONE and status == "persistent":
                # a one-to-one from the parent's side: the object it replaces is loaded first (no autoflush)
                with _sessions[sid].no_autoflush:
                    self.__get__(obj, type(obj))
            old = d.get(self.key, None)
            if old is value and self.key in d:
                return
            d[self.key] = value
            _changed(obj, state, prop, [value] if value is not None else [], [old] if old is not None else [], old_scalar=True)


def _collection(owner, prop, items):
    if prop._collection is set or prop.collection_class is set:
        return InstrumentedSet(items, owner, prop)
    return InstrumentedList(items, owner, prop)


def _changed(obj, state, prop, added, removed, backref=True, old_scalar=False):
    """Records a relationship change on `obj` (its history for the flush)
    and mirrors it on the other side (`back_populates` / `backref`)."""
    ev = state.rel_events.setdefault(prop.key, ([], []))
    was_added, was_removed = ev
    for x in removed:
        if was_added and any(x is a for a in was_added):
            was_added[:] = [a for a in was_added if a is not x]
        else:
            was_removed.append(x)
    for x in added:
        if was_removed and any(x is r for r in was_removed):
            was_removed[:] = [r for r in was_removed if r is not x]
        else:
            was_added.append(x)
    if old_scalar and not added and not removed:
        was_removed.append(None)
    _retort_orm.modified(state._st)
    # (as SQLAlchemy 2: a change made by a backref cascades nothing)
    if backref and added and "save-update" in prop.cascade:
        session = state.session
        if session is not None:
            for x in added:
                if _retort_orm.status(_state(x)._st)[0] == "transient":
                    session._save_cascade(x)
    rev = prop.reverse
    if not backref or rev is None:
        return
    for x in removed:
        if x is not None:
            _backref_remove(x, rev, obj)
    for x in added:
        if x is not None:
            _backref_add(x, rev, obj)


def _backref_add(x, rev, obj):
    d = x.__dict__
    xs = _state(x)
    if rev.uselist:
        coll = d.get(rev.key)
        if coll is None:
            if _retort_orm.status(xs._st)[0] == "persistent":
                # not loaded: the change is recorded, the collection loads later
                _changed(x, xs, rev, [obj], [], backref=False)
                return
            coll = _collection(x, rev, [])
            d[rev.key] = coll
        if not any(o is obj for o in coll):
            coll._raw_add(obj)
            _changed(x, xs, rev, [obj], [], backref=False)
    else:
        old = d.get(rev.key)
        if old is obj:
            return
        if rev.key not in d and _retort_orm.status(xs._st)[0] == "persistent":
            # its value before this change was never loaded (see _backref_remove)
            xs.unknown_original = set(xs.unknown_original) | {rev.key}
        d[rev.key] = obj
        xs.orphaned = False
        _changed(x, xs, rev, [obj], [old] if old is not None else [], backref=False)
        if old is not None and rev.reverse is not None:
            # the object moves: it leaves the old parent's loaded collection
            oc = old.__dict__.get(rev.reverse.key)
            if oc is not None and rev.reverse.uselist and any(o is x for o in oc):
                oc._raw_remove(x)
                _changed(old, _state(old), rev.reverse, [], [x], backref=False)


def _backref_remove(x, rev, obj):
    d = x.__dict__
    xs = _state(x)
    if rev.uselist:
        coll = d.get(rev.key)
        if coll is not None and any(o is obj for o in coll):
            coll._raw_remove(obj)
        _changed(x, xs, rev, [], [obj], backref=False)
    else:
        # as SQLAlchemy's pop(): unless the attribute is loaded and holds another object
        if rev.key not in d or d[rev.key] is obj:
            d[rev.key] = None
            _changed(x, xs, rev, [], [obj], backref=False)
            ev = xs.rel_events.get(rev.key)
            if ev is not None and not ev[0] and not ev[1] and rev.key in xs.unknown_original:
                # set and unset again from a value never loaded: SQLAlchemy still
                # sees None replacing an unknown value, and its flush sets the key NULL
                ev[1].append(None)
            # taken out of its parent's collection: an orphan (a pending one is not inserted)
            xs.orphaned = True
