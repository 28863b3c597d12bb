# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""`inspect()` of ORM objects, mapper lookups, `make_transient`, and
aliased classes (SQLAlchemy's orm/util.py)."""


def inspect_orm(subject):
    if isinstance(subject, type) and "__mapper__" in subject.__dict__:
        subject.__mapper__._configure()
        return subject.__mapper__
    if isinstance(subject, Mapper):
        return subject
    if type(subject).__dict__.get("__mapper__") is not None or hasattr(type(subject), "__mapper__"):
        return _state(subject)
    return None


_sa._inspectors.append(inspect_orm)


def configure_mappers():
    for reg in _registries:
        reg.configure()


def object_session(obj):
    return _state(obj).session


def was_deleted(obj):
    """Whether the object was deleted in a flush (of a session or since detached)."""
    return _sa.inspect(obj).was_deleted


def has_inherited_table(cls):
    """Whether a class the mapped class inherits from has a table of its own."""
    return any(getattr(c, "__table__", None) is not None for c in cls.__mro__[1:])


def create_session(bind=None, **kwargs):
    """A Session without autoflush or expire_on_commit (the legacy defaults)."""
    kwargs.setdefault("autoflush", False)
    kwargs.setdefault("expire_on_commit", False)
    return Session(bind=bind, **kwargs)


def identity_key(class_=None, ident=None, *, instance=None, row=None, identity_token=None):
    """An identity map key: `(class, primary key tuple, identity token)`."""
    if class_ is not None:
        mapper = _sa.inspect(class_)
        if row is None:
            if ident is None:
                raise ArgumentError("ident or row is required")
            return mapper.identity_key_from_primary_key(tuple(ident) if isinstance(ident, (list, tuple)) else (ident,), identity_token)
        raise _unsupported("identity_key(row=...)")
    if instance is not None:
        return _sa.inspect(instance).mapper.identity_key_from_instance(instance)
    raise ArgumentError("class or instance is required")


def make_transient(obj):
    st = _state(obj)
    s = st.session
    if s is not None:
        _retort_orm.expunge(s._sid, st._st)
    _retort_orm.make_transient(st._st)


def class_mapper(cls):
    m = getattr(cls, "__mapper__", None)
    if m is None:
        raise UnmappedClassError(f"Class '{cls.__module__}.{cls.__name__}' is not mapped")
    m._configure()
    return m


object_mapper = lambda obj: class_mapper(type(obj))


# ---------------------------------------------------------------- the declarative base


def _adapt_to(e, table, alias):
    """A copy of the expression `e` with `table`'s columns replaced by
    `alias`'s (SQLAlchemy's ClauseAdapter, for criteria on an aliased table)."""
    if isinstance(e, Column):
        return _aliased_column(alias, e) if getattr(e, "table", None) is table else e
    if isinstance(e, (list, tuple)):
        return type(e)(_adapt_to(x, table, alias) for x in e)
    if not isinstance(e, _sa.ClauseElement) or isinstance(e, _sa.FromClause):
        return e
    copy = type(e).__new__(type(e))
    for k, v in e.__dict__.items():
        copy.__dict__[k] = _adapt_to(v, table, alias) if isinstance(v, (_sa.ClauseElement, list, tuple)) else v
    return copy


def _aliased_column(alias, col):
    """`col` as a column of `alias` (itself when there is no alias)."""
    if alias is None:
        return col
    for c in alias._table_columns():
        if c.name == col.name:
            return c
    raise InvalidRequestError(f"Column {col!r} is not a column of {alias!r}")


class AliasedClass:
    """`aliased(User)`: the mapped class over an alias of its table
    (`user_account AS user_account_1`, or the name given): its attributes
    are the alias's columns, selecting it gives `User` objects."""

    def __init__(self, cls, alias=None, name=None):
        mapper = class_mapper(cls)
        self._sa_entity = cls
        self.__mapper__ = mapper
        self._alias = alias if alias is not None else mapper.local_table.alias(name)
        self.__name__ = name or cls.__name__

    def __clause_element__(self):
        return self._alias

    def __repr__(self):
        return f"<AliasedClass at 0x{id(self):x}; {self._sa_entity.__name__}>"

    def __getattr__(self, key):
        if key.startswith("__"):
            raise AttributeError(key)
        mapper = self.__mapper__
        for k, col in mapper.column_attrs_list:
            if k == key:
                return _aliased_column(self._alias, col)
        prop = mapper._relationships.get(key)
        if prop is not None:
            return _RelationshipComparator(prop, parent_alias=self._alias)
        raise AttributeError(f"type object '{self.__name__}' has no attribute '{key}'")


def aliased(element, alias=None, name=None, flat=False, adapt_on_names=False):
    if adapt_on_names:
        raise _unsupported("aliased(adapt_on_names=True)")
    if not (isinstance(element, type) and hasattr(element, "__mapper__")):
        if isinstance(element, _sa.FromClause):
            return element.alias(name)
        raise _unsupported(f"aliased() of {element!r}")
    return AliasedClass(element, alias, name)


class _WithPolymorphic(AliasedClass):
    """`with_polymorphic(Employee, [Manager, Engineer])`: the base class
    with its subclasses' tables outer-joined (their columns selected too),
    so one SELECT loads every object whole; `poly.Manager.manager_name`
    names a subclass's attribute."""

    def __init__(self, base, classes, selectable=False, flat=False, polymorphic_on=None, aliased=False, innerjoin=False, adapt_on_names=False, name=None):
        mapper = class_mapper(base)
        if aliased or flat or selectable is not False or polymorphic_on is not None or innerjoin or name is not None:
            raise _unsupported("with_polymorphic() with aliased, flat, selectable, polymorphic_on, innerjoin or name")
        every = mapper.self_and_descendants
        if classes == "*":
            subs = every[1:]
        else:
            subs = []
            for c in classes:
                m = class_mapper(c)
                if not m.isa(mapper):
                    raise InvalidRequestError(f"{m} does not inherit from {mapper}")
                # (a subclass brings the classes between it and the base)
                for x in list(m.iterate_to_root())[::-1]:
                    if x is not mapper and x.isa(mapper) and x not in subs:
                        subs.append(x)
            subs.sort(key=every.index)
        self._sa_entity = base
        self.__mapper__ = mapper
        self.__name__ = base.__name__
        self._subs = subs
        keys = [k for k, _ in mapper._select_columns]
        cols = [c for _, c in mapper._select_columns]
        frm = mapper.persist_selectable
        joined = False
        for m in subs:
            if m.single:
                for k in m.column_keys:
                    if k not in keys:
                        keys.append(k)
                        cols.append(m._attr_columns[k][0])
                continue
            joined = True
            frm = _sa.Join(frm, m.local_table, m.inherit_condition, True)
            for c in m.local_table.columns_list:
                keys.append(m.column_attr_of[c.name])
                cols.append(c)
        self._keys = keys
        self._cols = cols
        self._alias = _EntityJoin(frm, cols) if joined else frm

    def _entity_columns(self):
        return [self._alias] if isinstance(self._alias, _EntityJoin) else list(self._cols)

    def _row_keys(self):
        return list(self._keys)

    def __repr__(self):
        return f"<AliasedClass at 0x{id(self):x}; {self._sa_entity.__name__}>"

    def __getattr__(self, key):
        if key.startswith("__"):
            raise AttributeError(key)
        for m in self._subs:
            if m.class_.__name__ == key:
                return m.class_
        mapper = self.__mapper__
        if key in mapper.attr_index:
            return getattr(mapper.class_, key)
        prop = mapper._relationships.get(key)
        if prop is not None:
            return _RelationshipComparator(prop)
        raise AttributeError(f"type object '{self.__name__}' has no attribute '{key}'")


def with_polymorphic(base, classes, selectable=False, flat=False, polymorphic_on=None, aliased=False, innerjoin=False, adapt_on_names=False, name=None, _use_mapper_path=False):
    return _WithPolymorphic(base, classes, selectable, flat, polymorphic_on, aliased, innerjoin, adapt_on_names, name)


class Bundle:
    """`Bundle("user", User.name, User.fullname)`: columns selected together,
    one element of each result row (a row of their values by key, or what
    `create_row_processor()` makes of them)."""

    single_entity = False
    is_bundle = True
    is_clause_element = False
    is_mapper = False
    is_aliased_class = False
    # (what select() knows a bundle by: its columns, then its value)
    _sa_bundle = True

    def __init__(self, name, *exprs, single_entity=None, **kw):
        self.name = self._label = name
        coerced = []
        for e in exprs:
            if getattr(e, "_sa_bundle", False):
                raise _unsupported("a Bundle inside a Bundle")
            if isinstance(e, type) or getattr(e, "_sa_entity", None) is not None:
                raise _unsupported("a mapped class inside a Bundle")
            coerced.append(_sa._coerce(e))
        self.exprs = coerced
        self.c = self.columns = _sa.ReadOnlyColumnCollection(coerced)
        if single_entity is not None:
            self.single_entity = single_entity

    def __repr__(self):
        return f"<{type(self).__name__} at 0x{id(self):x}; {self.name}>"

    def label(self, name):
        cloned = type(self).__new__(type(self))
        cloned.__dict__.update(self.__dict__)
        cloned.name = cloned._label = name
        return cloned

    @property
    def clauses(self):
        return list(self.exprs)

    def create_row_processor(self, query, procs, labels):
        def proc(row):
            return _sa.Row(tuple(p(row) for p in procs), list(labels))

        return proc

    def _processor(self):
        """The function from this bundle's slice of a result row to its value."""
        labels = [getattr(e, "key", None) or getattr(e, "name", None) for e in self.exprs]
        procs = [lambda row, i=i: row[i] for i in range(len(self.exprs))]
        return self.create_row_processor(None, procs, labels)


class DictBundle(Bundle):
    """A Bundle whose value is a dict of its columns' values by key."""

    def create_row_processor(self, query, procs, labels):
        def proc(row):
            return dict(zip(labels, (p(row) for p in procs)))

        return proc
