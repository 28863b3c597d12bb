"""sqlalchemy.event: listeners that users write. Session events
(before_flush, after_flush, before_commit, after_commit, after_rollback),
mapper events (before/after insert, update, delete), attribute events
(set, append, remove), engine cursor events (before/after
cursor_execute: the cursor and context are None) and pool events on an
engine (connect, first_connect: the driver connection's statements go to
the database unlogged) run where SQLAlchemy runs them; others raise
NotImplementedError naming the event."""

_SESSION_EVENTS = ("before_flush", "after_flush", "after_flush_postexec", "before_commit", "after_commit", "after_rollback", "after_begin")
_MAPPER_EVENTS = ("before_insert", "after_insert", "before_update", "after_update", "before_delete", "after_delete")
_ATTRIBUTE_EVENTS = ("set", "append", "remove")
_ENGINE_EVENTS = ("before_cursor_execute", "after_cursor_execute")
# pool events, given an Engine (its pool) or the Engine class
_POOL_EVENTS = ("connect", "first_connect")

# (target, identifier) -> [fn]
_listeners = {}


def _key(target, identifier):
    import sqlalchemy.orm as orm

    if identifier in _SESSION_EVENTS:
        if isinstance(target, orm.sessionmaker):
            return ("session", id(target))
        if target is orm.Session or (isinstance(target, type) and issubclass(target, orm.Session)):
            return ("session", "all")
        if isinstance(target, orm.Session):
            return ("session", id(target))
    elif identifier in _MAPPER_EVENTS:
        if isinstance(target, type) and "__mapper__" in target.__dict__:
            return ("mapper", target.__mapper__.mid)
        if isinstance(target, orm.Mapper):
            return ("mapper", target.mid)
    elif identifier in _ENGINE_EVENTS:
        import sqlalchemy as sa

        if target is sa.Engine:
            return ("engine", "all")
        if isinstance(target, sa.Engine):
            return ("engine", id(target))
    elif identifier in _POOL_EVENTS:
        import sqlalchemy as sa

        if target is sa.Engine:
            return ("pool", "all")
        if isinstance(target, sa.Engine):
            if target._pool_connected and identifier == "first_connect":
                raise NotImplementedError("Retort does not support a first_connect listener added after the engine connected yet")
            return ("pool", id(target))
    elif identifier in _ATTRIBUTE_EVENTS:
        owner = getattr(target, "_sa_attribute_of", None)
        if owner is not None:
            return ("attribute", owner)
    raise NotImplementedError(f"Retort does not support the event {identifier!r} on {target!r} yet")


def listen(target, identifier, fn, *args, **kw):
    if kw.get("retval") or kw.get("named"):
        raise NotImplementedError(f"Retort does not support event.listen(..., {'retval' if kw.get('retval') else 'named'}=True) yet")
    key = _key(target, identifier)
    _listeners.setdefault((key, identifier), []).append(fn)
    if key[0] == "engine":
        import sqlalchemy as sa

        sa._hook_engines()


def listens_for(target, identifier, *args, **kw):
    def decorate(fn):
        listen(target, identifier, fn, *args, **kw)
        return fn

    return decorate


def remove(target, identifier, fn):
    fns = _listeners.get((_key(target, identifier), identifier), [])
    if fn not in fns:
        from sqlalchemy.exc import InvalidRequestError

        raise InvalidRequestError(f"No listeners found for event {target!r} / {identifier!r} / {fn!r} ")
    fns.remove(fn)


def contains(target, identifier, fn):
    return fn in _listeners.get((_key(target, identifier), identifier), [])


def _fire(keys, identifier, *args):
    """Runs the listeners registered under any of `keys` for `identifier`."""
    for k in keys:
        for fn in list(_listeners.get((k, identifier), ())):
            fn(*args)


def _cursor_listeners(engine):
    """The engine's before/after_cursor_execute listeners, by event."""
    return {ident: _listeners.get((("engine", id(engine)), ident), []) + _listeners.get((("engine", "all"), ident), []) for ident in _ENGINE_EVENTS}


def _has(identifier):
    return any(ident == identifier for (_, ident) in _listeners)
