# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""The declarative API: `DeclarativeBase`, dataclass mapping,
`declarative_base()` (SQLAlchemy's orm/decl_api.py)."""


def _declarative_constructor(self, **kwargs):
    cls = type(self)
    mapper = getattr(cls, "__mapper__", None)
    if mapper is not None and not mapper.registry._configured:
        mapper.registry.configure()
    if mapper is not None and mapper.polymorphic_on is not None:
        _state(self)
    for k, v in kwargs.items():
        if not hasattr(cls, k):
            raise TypeError(f"{k!r} is an invalid keyword argument for {cls.__name__}")
        setattr(self, k, v)


class registry:
    def __init__(self, metadata=None, type_annotation_map=None):
        self.metadata = metadata if metadata is not None else MetaData()
        self.type_annotation_map = dict(type_annotation_map or {})
        self._class_registry = {}
        self.mappers = []
        self._configured = False
        _registries.append(self)

    def configure(self):
        for m in list(self.mappers):
            m._configure()
        self._configured = True


class DeclarativeBase:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        if DeclarativeBase in cls.__bases__:
            md = cls.__dict__.get("metadata")
            tam = cls.__dict__.get("type_annotation_map")
            reg = cls.__dict__.get("registry")
            if not isinstance(reg, registry):
                reg = registry(metadata=md, type_annotation_map=tam)
            cls.registry = reg
            cls.metadata = reg.metadata
            return
        if cls.__dict__.get("__abstract__"):
            return
        _map(cls)

    __init__ = _declarative_constructor


class DeclarativeBaseNoMeta(DeclarativeBase):
    pass


class MappedAsDataclass:
    """Mapped classes that are dataclasses too: `__init__`, `__repr__` and
    `__eq__` made from their mapped attributes' annotations and field
    options (`init`, `repr`, `default`, `default_factory`, `compare`,
    `kw_only`), as SQLAlchemy has `dataclasses` make them."""

    def __init_subclass__(cls, init=True, repr=True, eq=True, order=False, unsafe_hash=False, kw_only=False,
                          dataclass_callable=None, match_args=True, **kw):
        if dataclass_callable is not None:
            raise _unsupported("MappedAsDataclass(dataclass_callable=...)")
        if DeclarativeBase in cls.__bases__ or cls.__dict__.get("__abstract__"):
            super().__init_subclass__(**kw)
            return
        fields = _dataclass_fields(cls, kw_only)
        super().__init_subclass__(**kw)
        _make_dataclass(cls, fields, init, repr, eq, order, unsafe_hash)


def _dataclass_fields(cls, kw_only):
    """The dataclass fields of a mapped class's own annotations (a plain
    default becomes `mapped_column(default=...)`)."""
    import dataclasses

    out = []
    for name, ann in cls.__dict__.get("__annotations__", {}).items():
        text = ann if isinstance(ann, str) else _typing._type_repr(ann)
        if "ClassVar" in text.split("[")[0]:
            continue
        value = cls.__dict__.get(name, _NO_VALUE)
        if value is _NO_VALUE:
            options = {}
        elif hasattr(value, "_dataclass"):
            options = dict(value._dataclass)
        elif isinstance(value, (MappedColumn, RelationshipProperty, SynonymProperty, _ExpressionProperty, _DeferredColumn, Column)):
            options = {}
        else:
            options = {"default": value}
            setattr(cls, name, mapped_column(default=value))
        options.setdefault("kw_only", kw_only)
        options.pop("hash", None)
        f = dataclasses.field(**options)
        f.name = name
        f.type = ann
        out.append(f)
    return out


_repr_running = set()


def _make_dataclass(cls, fields, init, repr, eq, order, unsafe_hash):
    import dataclasses

    if order or unsafe_hash:
        raise _unsupported("MappedAsDataclass(order=True / unsafe_hash=True)")
    cls.__dataclass_fields__ = {f.name: f for f in fields}
    cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, False)
    if init and "__init__" not in cls.__dict__:
        # SQLAlchemy's instrumented __init__ (named plainly in errors), configuring the mappers first
        dataclasses._set_init(cls, fields, False, "__init__")
        dataclass_init = cls.__init__

        def __init__(self, *args, **kw):
            reg = type(self).__mapper__.registry
            if not reg._configured:
                reg.configure()
            dataclass_init(self, *args, **kw)

        cls.__init__ = __init__
    if repr and "__repr__" not in cls.__dict__:
        shown = [f.name for f in fields if f.repr]

        def __repr__(self):
            # a relationship's back-reference shows as ... (dataclasses' recursive_repr)
            if id(self) in _repr_running:
                return "..."
            _repr_running.add(id(self))
            try:
                return type(self).__qualname__ + "(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in shown) + ")"
            finally:
                _repr_running.discard(id(self))

        cls.__repr__ = __repr__
    compared = [f.name for f in fields if f.compare]
    if eq and "__eq__" not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return tuple(getattr(self, n) for n in compared) == tuple(getattr(other, n) for n in compared)
            return NotImplemented

        cls.__eq__ = __eq__
        if "__hash__" not in cls.__dict__:
            cls.__hash__ = None
    cls.__match_args__ = tuple(f.name for f in fields if f.init and not f.kw_only)


def declarative_base(metadata=None, type_annotation_map=None, **kw):
    ns = {"registry": registry(metadata=metadata, type_annotation_map=type_annotation_map)}
    return type("Base", (DeclarativeBase,), ns)


# ---------------------------------------------------------------- the Session


def declarative_mixin(cls):
    """`@declarative_mixin`: marks a mixin class for type checkers; the class as it is."""
    return cls
