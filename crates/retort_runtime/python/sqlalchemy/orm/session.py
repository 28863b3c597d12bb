# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""`Session`, its transactions and `sessionmaker` (SQLAlchemy's
orm/session.py). Its loading, strategies, bulk and dependency methods
are mixins from the modules named after them."""


class SessionTransaction:
    def __init__(self, session, nested=False):
        self.session = session
        self.nested = nested
        self._active = True
        self._savepoint = None  # name, once sent

    def is_active(self):
        return self._active

    def commit(self):
        s = self.session
        if not self.nested:
            return s.commit()
        if not self._active:
            return
        s.flush()
        self._active = False
        if s._nested and s._nested[-1] is self:
            s._nested.pop()
        if self._savepoint is not None:
            _sa._call(s._engine, _sa._retort_sql.run_sql, f"RELEASE SAVEPOINT {self._savepoint}")
        _retort_orm.release(s._sid)

    def rollback(self):
        s = self.session
        if not self.nested:
            return s.rollback()
        if not self._active:
            return
        self._rollback_savepoint()

    def _rollback_savepoint(self):
        s = self.session
        self._active = False
        if s._nested and s._nested[-1] is self:
            s._nested.pop()
        if self._savepoint is not None:
            _sa._call(s._engine, _sa._retort_sql.run_sql, f"ROLLBACK TO SAVEPOINT {self._savepoint}")
        s._after_rollback(_retort_orm.rollback(s._sid, True))

    def __enter__(self):
        return self

    def __exit__(self, type_, value, tb):
        if not self._active and not self.nested and self.session._transaction is not self:
            return False
        if type_ is None:
            self.commit()
        else:
            self.rollback()
        return False


_JOIN_TRANSACTION_MODES = ("conditional_savepoint", "create_savepoint", "control_fully", "rollback_only")


class Session(_SessionLoading, _SessionFromStatement, _SessionStrategies, _SessionBulk, _SessionDependencies):
    connection_callable = None

    def __init__(self, bind=None, *, autoflush=True, expire_on_commit=True, autobegin=True, info=None,
                 join_transaction_mode="conditional_savepoint", **kw):
        if join_transaction_mode not in _JOIN_TRANSACTION_MODES:
            raise ArgumentError(f'invalid selection for join_transaction_mode: "{join_transaction_mode}"')
        self.join_transaction_mode = join_transaction_mode
        # bound to a Connection: how this transaction took it (should_commit, savepoint or None)
        self._bound_tx = None
        self.bind = bind
        self.autoflush = autoflush
        self.expire_on_commit = expire_on_commit
        self.info = info or {}
        self._sid = _retort_orm.session()
        _sessions[self._sid] = self
        self._conn = None
        self._nested = []
        self._transaction = None
        self._failed = None
        self._flushing = False
        self._no_autoflush = 0
        self._maker = kw.get("_maker")

    def _event_keys(self):
        keys = [("session", "all"), ("session", id(self))]
        if self._maker is not None:
            keys.append(("session", self._maker))
        return keys

    def _fire(self, identifier, *args):
        if _event._listeners:
            _event._fire(self._event_keys(), identifier, *args)

    def __repr__(self):
        return f"<sqlalchemy.orm.session.Session object at 0x{id(self):x}>"

    def __enter__(self):
        return self

    def __exit__(self, type_, value, tb):
        self.close()
        return False

    # -- transactions

    def _check_failed(self):
        if self._failed is not None:
            raise PendingRollbackError(
                "This Session's transaction has been rolled back due to a previous exception during flush. To "
                "begin a new transaction with this Session, first issue Session.rollback(). Original exception "
                f"was: {self._failed} (Background on this error at: https://sqlalche.me/e/21/7s2a)"
            )

    @property
    def _engine(self):
        """The Engine whose database the session's statements go to."""
        return self.bind.engine if isinstance(self.bind, _sa.Connection) else self.bind

    def _connection(self):
        if self.bind is None:
            raise UnboundExecutionError("Could not locate a bind configured on mapper, SQL expression or this Session.")
        if isinstance(self.bind, _sa.Connection):
            if self._bound_tx is None:
                self._conn = self.bind
                self._bound_tx = self._join(self.bind)
        else:
            if self._conn is None:
                self._conn = self.bind.connect()
            if not self._conn.in_transaction():
                self._conn.begin()
        for t in self._nested:
            if t._active and t._savepoint is None:
                self._conn._savepoints += 1
                t._savepoint = f"sa_savepoint_{self._conn._savepoints}"
                _sa._call(self._engine, _sa._retort_sql.run_sql, f"SAVEPOINT {t._savepoint}")
        return self._conn

    def _join(self, conn):
        """A Connection given as the bind, taken by a new session
        transaction as SQLAlchemy's `_connection_for_bind` takes it: begun
        and owned when idle, else joined as `join_transaction_mode` says.
        (should the session's commit commit it, the savepoint it made)"""
        if not conn.in_transaction():
            conn.begin()
            return (True, None)
        mode = self.join_transaction_mode
        if mode == "conditional_savepoint":
            mode = "create_savepoint" if conn._savepoints_open() else "rollback_only"
        if mode == "create_savepoint":
            return (True, conn.begin_nested())
        return (mode == "control_fully", None)

    def _transaction_open(self):
        """Whether the session holds a database transaction now."""
        if isinstance(self.bind, _sa.Connection):
            return self._bound_tx is not None
        return self._conn is not None and self._conn.in_transaction()

    def _end_transaction(self, commit):
        """Commits or rolls back the session's database transaction; one
        joined on a given Connection is left to its owner on commit."""
        if not self._transaction_open():
            return
        if not isinstance(self.bind, _sa.Connection):
            self._conn.commit() if commit else self._conn.rollback()
            return
        should_commit, savepoint = self._bound_tx
        self._bound_tx = None
        if savepoint is not None:
            savepoint.commit() if commit else savepoint.rollback()
        elif commit:
            if should_commit:
                self.bind.commit()
        else:
            self.bind.rollback()

    def connection(self, **kw):
        return self._connection()

    def get_bind(self, mapper=None, **kw):
        return self.bind

    def begin(self):
        # an autobegun transaction (a query ran) counts too
        if self._transaction is not None or self._transaction_open():
            raise InvalidRequestError("A transaction is already begun on this Session.")
        self._transaction = SessionTransaction(self)
        return self._transaction

    def begin_nested(self):
        self._check_failed()
        self._autoflush()
        t = SessionTransaction(self, nested=True)
        self._nested.append(t)
        _retort_orm.savepoint(self._sid)
        return t

    def in_transaction(self):
        return self._transaction is not None or self._transaction_open()

    def in_nested_transaction(self):
        return bool(self._nested)

    @property
    def is_active(self):
        """False only while a failed flush waits for rollback()."""
        return self._failed is None

    def get_transaction(self):
        return self._transaction

    def get_nested_transaction(self):
        return self._nested[-1] if self._nested else None

    @classmethod
    def object_session(cls, instance):
        return object_session(instance)

    @classmethod
    def identity_key(cls, class_=None, ident=None, *, instance=None, row=None, identity_token=None):
        return identity_key(class_, ident, instance=instance, row=row, identity_token=identity_token)

    def delete_all(self, instances):
        for instance in instances:
            self.delete(instance)

    def merge_all(self, instances, *, load=True, options=None):
        if load:
            self._autoflush()
        with self.no_autoflush:
            return [self.merge(instance, load=load, options=options) for instance in instances]

    def commit(self):
        self._check_failed()
        self._fire("before_commit", self)
        self.flush()
        for t in reversed(self._nested):
            if t._active and t._savepoint is not None:
                _sa._call(self._engine, _sa._retort_sql.run_sql, f"RELEASE SAVEPOINT {t._savepoint}")
            t._active = False
        self._nested = []
        self._end_transaction(True)
        self._transaction = None
        _retort_orm.commit(self._sid, self.expire_on_commit)
        self._fire("after_commit", self)

    def rollback(self):
        # (a failed flush rolled its transaction back already: what changed
        # since is discarded, with a warning, and after_rollback fired then)
        failed = self._failed is not None
        if failed and (self.new or self.dirty or self.deleted):
            _sa_warn("Session's state has been changed on a non-active transaction - this state will be discarded.")
        self._end_transaction(False)
        for t in self._nested:
            t._active = False
        self._nested = []
        self._transaction = None
        self._failed = None
        self._after_rollback(_retort_orm.rollback(self._sid, False))
        if not failed:
            self._fire("after_rollback", self)

    def _after_rollback(self, expunged):
        for obj in expunged:
            _state(obj).rel_events.clear()

    def close(self):
        if isinstance(self.bind, _sa.Connection):
            # (a transaction the session owns ends; one it joined stays its owner's)
            if self._bound_tx is not None and self._bound_tx[0]:
                self._end_transaction(False)
            self._bound_tx = None
            self._conn = None
        elif self._conn is not None:
            self._conn.close()
            self._conn = None
        self._nested = []
        self._transaction = None
        self._failed = None
        _retort_orm.close(self._sid)

    reset = close

    def invalidate(self):
        self.close()

    # -- objects

    def add(self, instance, _warn=True):
        state = _state(instance)
        err = _retort_orm.add(self._sid, state._st)
        if isinstance(err, str):
            raise InvalidRequestError(err.replace("{obj}", _state_str(instance)))
        self._cascade_related(instance, state)

    def _save_cascade(self, obj):
        state = _state(obj)
        if _retort_orm.add(self._sid, state._st) is True:
            self._cascade_related(obj, state)

    def _cascade_related(self, obj, state):
        d = obj.__dict__
        for prop in state.mapper._relationships.values():
            if prop.key not in d or "save-update" not in prop.cascade:
                continue
            value = d[prop.key]
            for x in (list(value) if prop.uselist else (value,)):
                if x is not None and _retort_orm.session_of(_state(x)._st) is None:
                    self._save_cascade(x)

    def add_all(self, instances):
        for i in instances:
            self.add(i)

    def delete(self, instance):
        state = _state(instance)
        status = _retort_orm.status(state._st)[0]
        if status == "transient":
            raise InvalidRequestError(f"Instance '{_state_str(instance)}' is not persisted")
        if status == "detached":
            # attached first, as SQLAlchemy's _delete_impl does: its cascade may load
            err = _retort_orm.add(self._sid, state._st)
            if isinstance(err, str):
                raise InvalidRequestError(err.replace("{obj}", _state_str(instance)))
        # as SQLAlchemy's _delete_impl: the whole cascade is gathered first (loading
        # what it must), so an autoflush on the way deletes nothing yet
        cascaded = []
        self._delete_cascade(instance, state, [instance], cascaded)
        for obj in [instance] + cascaded:
            err = _retort_orm.delete(self._sid, _state(obj)._st)
            if isinstance(err, str):
                raise InvalidRequestError(err.replace("{obj}", _state_str(obj)))

    def _delete_cascade(self, obj, state, seen, out):
        """The objects deleting `obj` deletes too (its "delete" cascades), depth first."""
        state.mapper._configure()
        for prop in state.mapper._relationships.values():
            if "delete" not in prop.cascade:
                continue
            value = getattr(obj, prop.key)
            for x in [x for x in (list(value) if prop.uselist else [value]) if x is not None]:
                if any(o is x for o in seen):
                    continue
                seen.append(x)
                xs = _state(x)
                if _retort_orm.status(xs._st)[0] in ("persistent", "detached"):
                    out.append(x)
                    self._delete_cascade(x, xs, seen, out)

    def expunge(self, instance):
        state = _state(instance)
        if _retort_orm.status(state._st)[1] != self._sid:
            raise InvalidRequestError(f"Instance {_state_str(instance)} is not present in this Session")
        self._expunge_cascade(instance, state, [])

    def _expunge_cascade(self, obj, state, seen):
        """Expunges `obj` and, along relationships cascading "expunge", the loaded objects it reaches."""
        seen.append(obj)
        _retort_orm.expunge(self._sid, state._st)
        for prop in state.mapper._relationships.values():
            if "expunge" not in prop.cascade or prop.key not in obj.__dict__:
                continue
            value = obj.__dict__[prop.key]
            for x in (list(value) if prop.uselist else [value]):
                if x is not None and not any(x is o for o in seen):
                    xs = _state(x)
                    if _retort_orm.status(xs._st)[1] == self._sid:
                        self._expunge_cascade(x, xs, seen)

    def expunge_all(self):
        for o in list(self.new) + list(self.identity_map.values()):
            _retort_orm.expunge(self._sid, _state(o)._st)

    def expire(self, instance, attribute_names=None):
        d = instance.__dict__
        state = _state(instance)
        for k in attribute_names or state.mapper.expression_keys + state.mapper.column_keys + list(state.mapper._relationships):
            d.pop(k, None)

    def expire_all(self):
        for o in self.identity_map.values():
            self.expire(o)

    def refresh(self, instance, attribute_names=None):
        self.expire(instance, attribute_names)
        state = _state(instance)
        if self._load_expired(instance, state) is None:
            raise InvalidRequestError(f"Could not refresh instance '{_state_str(instance)}'")

    def is_modified(self, instance, include_collections=True):
        state = _state(instance)
        for k in state.mapper.column_keys:
            if AttributeState(state, k).history.has_changes():
                return True
        return include_collections and any(ev[0] or ev[1] for ev in state.rel_events.values())

    def __contains__(self, instance):
        status = _retort_orm.status(_state(instance)._st)
        return status[1] == self._sid and status[0] in ("pending", "persistent")

    def __iter__(self):
        return iter(list(self.new) + list(self.identity_map.values()))

    @property
    def new(self):
        return IdentitySet(_retort_orm.objects(self._sid, "new"))

    @property
    def dirty(self):
        return IdentitySet(_retort_orm.objects(self._sid, "dirty"))

    @property
    def deleted(self):
        return IdentitySet(_retort_orm.objects(self._sid, "deleted"))

    @property
    def identity_map(self):
        return _IdentityMap(self)

    @property
    def no_autoflush(self):
        return _NoAutoflush(self)

    # -- flush

    def _autoflush(self):
        if self.autoflush and not self._flushing and not self._no_autoflush:
            self.flush()

    def flush(self, objects=None):
        self._check_failed()
        if self._flushing:
            raise InvalidRequestError("Session is already flushing")
        self._flushing = True
        try:
            self._flush()
        finally:
            self._flushing = False

    def _expunge_pending_orphans(self):
        """Pending objects taken out of a delete-orphan collection before
        they were ever flushed are dropped, not inserted (as SQLAlchemy's flush)."""
        for obj in list(_retort_orm.objects(self._sid, "new")):
            state = _state(obj)
            d = obj.__dict__
            for prop in state.mapper._relationships.values():
                rev = prop.reverse
                if prop.direction is not MANYTOONE or rev is None or "delete-orphan" not in rev.cascade:
                    continue
                if state.orphaned and d.get(prop.key) is None:
                    _retort_orm.expunge(self._sid, state._st)
                    break

    def _flush(self):
        self._expunge_pending_orphans()
        if _event._listeners and (_retort_orm.objects(self._sid, "new") or _retort_orm.objects(self._sid, "dirty") or _retort_orm.objects(self._sid, "deleted")):
            self._fire("before_flush", self, None, None)
        new = _retort_orm.objects(self._sid, "new")
        dirty = _retort_orm.objects(self._sid, "dirty")
        deleted = _retort_orm.objects(self._sid, "deleted")
        if not new and not dirty and not deleted:
            return
        syncs, links, cascaded = self._relationship_work(new, dirty, deleted)
        conn = self._connection()
        mapper_events = [("insert", new), ("update", [o for o in dirty if self.is_modified(o)]), ("delete", deleted)]
        if _event._listeners:
            for what, objs in mapper_events:
                for o in objs:
                    m = type(o).__mapper__
                    _event._fire([("mapper", m.mid)], "before_" + what, m, conn, o)
        try:
            _sa._call(self._engine, _retort_orm.flush, self._sid, syncs, links, cascaded)
        except Exception as e:
            self._flush_failed(e)
            raise
        for obj in new + dirty + deleted:
            st = _state(obj)
            st.rel_events.clear()
            if st.unknown_original:
                st.unknown_original = ()
        for obj in new + dirty:
            # column_property() expressions of flushed objects load again on access
            for k in type(obj).__mapper__.expression_keys:
                obj.__dict__.pop(k, None)
        if _event._listeners:
            for what, objs in mapper_events:
                for o in objs:
                    m = type(o).__mapper__
                    _event._fire([("mapper", m.mid)], "after_" + what, m, conn, o)
            self._fire("after_flush", self, None)
            self._fire("after_flush_postexec", self, None)

    def _flush_failed(self, e):
        nested = [t for t in self._nested if t._active]
        if nested and nested[-1]._savepoint is not None:
            nested[-1]._rollback_savepoint()
            return
        self._end_transaction(False)
        self._failed = e
        # (the transaction is rolled back at once, as SQLAlchemy's flush does:
        # pending objects become transient, loaded ones expire)
        self._after_rollback(_retort_orm.rollback(self._sid, False))
        self._fire("after_rollback", self)


    def execute(self, statement, params=None, execution_options=None, bind_arguments=None, _autoflush=True, **kw):
        self._check_failed()
        if _autoflush and getattr(statement, "_orm_entities", None) is not None or _autoflush and _is_orm_statement(statement):
            self._autoflush()
        entity = getattr(statement, "_orm_entity", None)
        if entity is not None and isinstance(statement, (_sa.Update, _sa.Delete)):
            return self._bulk(statement, params, entity, {**statement._execution_options, **(execution_options or {})})
        given = {**getattr(statement, "_execution_options", {}), **(execution_options or {})}
        if "identity_token" in given:
            raise _unsupported("the identity_token execution option")
        populate = bool(given.get("populate_existing"))
        options = getattr(statement, "_with_options", None) or []
        column_options = [o for o in options if isinstance(o, _ColumnOption)]
        criteria = [o for o in options if isinstance(o, _CriteriaOption)]
        polymorphic = [o for o in options if isinstance(o, _PolymorphicOption)]
        options = self._with_defaults(statement, [o for o in options if not isinstance(o, (_ColumnOption, _CriteriaOption, _PolymorphicOption))])
        if criteria:
            if any(o.strategy in ("joinedload", "contains_eager", "subqueryload") for o in options):
                raise _unsupported("with_loader_criteria() beside joinedload(), contains_eager() or subqueryload()")
            statement = _with_criteria(statement, criteria)
            self._criteria = criteria
            try:
                result = self._execute_loading(statement, params, options, column_options, populate, criteria)
            finally:
                self._criteria = ()
        else:
            result = self._execute_loading(statement, params, options, column_options, populate, ())
        if isinstance(result, _sa.Result) and getattr(statement, "_orm_entities", None):
            self._polymorphic_loads(statement, result, polymorphic, options)
        if isinstance(result, _sa.Result):
            result._yield_per = _sa._yield_per(given)
        return result


    def scalars(self, statement, params=None, **kw):
        return self.execute(statement, params, **kw).scalars()

    def scalar(self, statement, params=None, **kw):
        return self.execute(statement, params, **kw).scalar()

    def get(self, entity, ident, **kw):
        self._check_failed()
        mapper = class_mapper(entity) if isinstance(entity, type) else entity
        key = list(ident) if isinstance(ident, (tuple, list)) else [ident]
        if isinstance(ident, dict):
            key = [ident[k] for k in mapper.pk_keys]
        if len(key) != len(mapper.primary_key):
            columns = ",".join(f"'{c.table.name}.{c.name}'" for c in mapper.primary_key)
            raise InvalidRequestError(
                f"Incorrect number of values in identifier to formulate primary key for session.get(); "
                f"primary key columns are {columns}"
            )
        self._autoflush()
        obj = _retort_orm.get(self._sid, mapper.mid, key)
        if obj is not None:
            status = _retort_orm.status(_state(obj)._st)
            if status[2]:
                return None
            if any(k not in obj.__dict__ for k in mapper.column_keys):
                return self._load_expired(obj, _state(obj))
            return obj
        stmt = select(mapper.class_).where(*[c == v for c, v in zip(mapper.primary_key, key)])
        return self.execute(stmt, _autoflush=False).unique().scalars().one_or_none()

    def get_one(self, entity, ident, **kw):
        obj = self.get(entity, ident, **kw)
        if obj is None:
            raise NoResultFound("No row was found when one was required")
        return obj

    # -- the legacy bulk API: rows straight to executemany, no objects tracked


    def merge(self, instance, load=True, options=None):
        """The session's own copy of `instance` (found in the identity map,
        loaded by primary key, or made new and pending) with the given
        object's loaded attributes copied onto it, along relationships
        that cascade "merge". The object given is left as it was."""
        self._check_failed()
        if load:
            self._autoflush()
        _state(instance)
        autoflush = self.autoflush
        self.autoflush = False
        try:
            return self._merge(instance, load, {}, set())
        finally:
            self.autoflush = autoflush

    def _merge(self, obj, load, merged_by_id, walked):
        if id(obj) in merged_by_id:
            return merged_by_id[id(obj)][1]
        state = _state(obj)
        mapper = state.mapper
        mapper._configure()
        key = state.key_values()
        if key is None:
            if not load:
                raise InvalidRequestError(
                    "merge() with load=False option does not support objects transient (i.e. unpersisted) objects.  "
                    "flush() all changes on mapped instances before merging with load=False."
                )
            key = [obj.__dict__.get(k) for k in mapper.pk_keys]
        if not load:
            raise _unsupported("Session.merge(load=False) of a persistent or detached object")
        key = list(key)
        merged = None
        if all(v is not None for v in key):
            merged = _retort_orm.get(self._sid, mapper.mid, key)
            if merged is not None and _retort_orm.status(_state(merged)._st)[2]:
                merged = None
            if merged is None:
                merged = self.get(mapper.class_, key)
        if merged is None:
            merged = mapper.class_.__new__(mapper.class_)
            self.add(merged)
        # (the source is kept alive with its copy, so its id() stays its own)
        merged_by_id[id(obj)] = (obj, merged)
        if merged is obj:
            return merged
        d = obj.__dict__
        for k in mapper.column_keys:
            if k in d:
                setattr(merged, k, d[k])
        for prop in mapper._relationships.values():
            if "merge" not in prop.cascade or prop.key not in d or prop.lazy == "dynamic":
                continue
            if prop.reverse is not None and (id(obj), id(prop.reverse)) in walked:
                continue
            value = d[prop.key]
            items = list(value) if prop.uselist else ([] if value is None else [value])
            copies = []
            for x in items:
                walked.add((id(x), id(prop)))
                copies.append(self._merge(x, load, merged_by_id, walked))
            setattr(merged, prop.key, copies if prop.uselist else (copies[0] if copies else None))
        return merged

    def query(self, *entities, **kw):
        return Query(entities, self)


class _NoAutoflush:
    def __init__(self, session):
        self.session = session

    def __enter__(self):
        self.session._no_autoflush += 1
        return self.session

    def __exit__(self, *exc):
        self.session._no_autoflush -= 1
        return False


class sessionmaker:
    object_session = Session.object_session
    identity_key = Session.identity_key

    def __init__(self, bind=None, class_=Session, autoflush=True, expire_on_commit=True, **kw):
        self.bind = bind
        self.class_ = class_
        self.kw = dict(kw, autoflush=autoflush, expire_on_commit=expire_on_commit)

    def __call__(self, **local_kw):
        kw = dict(self.kw)
        kw.update(local_kw)
        bind = kw.pop("bind", self.bind)
        return self.class_(bind, _maker=id(self), **kw)

    def begin(self):
        return _SessionBegin(self())

    def configure(self, **kw):
        if "bind" in kw:
            self.bind = kw.pop("bind")
        self.kw.update(kw)

    def __repr__(self):
        return f"sessionmaker(class_='Session', bind={self.bind!r}, autoflush={self.kw['autoflush']}, expire_on_commit={self.kw['expire_on_commit']})"


class _SessionBegin:
    def __init__(self, session):
        self.session = session

    def __enter__(self):
        return self.session

    def __exit__(self, type_, value, tb):
        try:
            if type_ is None:
                self.session.commit()
            else:
                self.session.rollback()
        finally:
            self.session.close()
        return False


def close_all_sessions():
    for s in list(_sessions.values()):
        s.close()
