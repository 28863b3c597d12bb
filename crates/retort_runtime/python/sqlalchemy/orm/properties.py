# Part of sqlalchemy.orm: its names live in that package's namespace (see __init__.py).
"""Mapped columns: annotations turned into SQL types, `mapped_column()`,
column expressions and synonyms (SQLAlchemy's orm/properties.py)."""


def _unwrap(annotation):
    """`Mapped[Optional[str]]` -> (str, optional?, collection class or None)."""
    if isinstance(annotation, str):
        return _unwrap_string(annotation)
    if isinstance(annotation, _MappedAnnotation):
        annotation = annotation.__args__[0]
    if isinstance(annotation, _typing.ForwardRef):
        annotation = annotation.__forward_arg__
    if isinstance(annotation, str):
        return _unwrap_string(annotation)
    optional = False
    origin = getattr(annotation, "__origin__", None)
    if origin is _typing.Union:
        args = [a for a in annotation.__args__ if a is not type(None)]
        optional = len(args) < len(annotation.__args__)
        annotation = args[0] if len(args) == 1 else annotation
        origin = getattr(annotation, "__origin__", None)
    if origin in (list, set) or origin is _typing.List or origin is _typing.Set:
        inner = annotation.__args__[0]
        return inner, optional, (set if origin in (set, _typing.Set) else list)
    return annotation, optional, None


def _unwrap_string(text):
    """The same for an annotation written as a string (`Mapped["User | None"]`,
    `Mapped["list[Address]"]`, `Mapped["Optional[User]"]`), read without evaluating it."""
    text = text.strip().strip("'\"").strip()
    parts = [p.strip() for p in text.split("|")]
    if len(parts) > 1 and "None" in parts:
        rest = [p for p in parts if p != "None"]
        if len(rest) == 1:
            inner, _, coll = _unwrap_string(rest[0])
            return inner, True, coll
    if text.endswith("]") and "[" in text:
        head, inner = text[:-1].split("[", 1)
        head = head.strip().rsplit(".", 1)[-1]
        if head == "Optional":
            inner, _, coll = _unwrap_string(inner)
            return inner, True, coll
        if head in ("list", "List", "set", "Set"):
            return _unwrap_string(inner)[0], False, (set if head in ("set", "Set") else list)
    return text, False, None


def _target_name(t):
    if isinstance(t, str):
        return t
    if isinstance(t, _typing.ForwardRef):
        return t.__forward_arg__
    return getattr(t, "__name__", None)


def _sql_type(python_type, type_map, where):
    if isinstance(python_type, _typing.ForwardRef):
        python_type = python_type.__forward_arg__
    for k, v in type_map.items():
        # typing's generic aliases (`Dict[str, Any]`) are equal, not always identical
        if k is python_type or (not isinstance(k, type) and k == python_type):
            return v() if isinstance(v, type) else v
    if isinstance(python_type, type):
        if issubclass(python_type, _enum.Enum):
            return Enum(python_type)
        for py, sql in _TYPE_MAP:
            if issubclass(python_type, py):
                return sql()
    raise ArgumentError(f"Could not locate SQLAlchemy Core type for Python type {python_type!r} inside the {where!r} attribute Mapped annotation")


# ---------------------------------------------------------------- declarations


class MappedColumn:
    def __init__(self, args, kw):
        # deferred_raiseload: deferred, and raising instead of loading
        self.raiseload = bool(kw.pop("deferred_raiseload", False))
        # deferred_group: deferred, and loaded with the rest of its group
        self.group = kw.pop("deferred_group", None)
        self.deferred = bool(kw.pop("deferred", False)) or self.raiseload or self.group is not None
        self.args = args
        self.kw = kw

    # Used in an expression in its class's body (`column_property(first + " " + last)`):
    # a Column made now stands for it, and becomes the mapped column itself.
    def __clause_element__(self):
        early = self.__dict__.get("_column")
        if early is None:
            early = self.__dict__.get("_early")
        if early is None:
            args = [a for a in self.args if not isinstance(a, str)]
            kw = {k: v for k, v in self.kw.items() if k in ("type_", "primary_key")}
            early = self._early = Column(*args, **kw)
        return early

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.__clause_element__(), name)

    __hash__ = object.__hash__


def _column_operator(name):
    def op(self, *other):
        return getattr(self.__clause_element__(), name)(*other)

    op.__name__ = name
    return op


for _name in ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__radd__", "__sub__", "__rsub__",
              "__mul__", "__rmul__", "__truediv__", "__rtruediv__", "__mod__", "__neg__", "__invert__"):
    setattr(MappedColumn, _name, _column_operator(_name))


def _adopt(early, col):
    """The mapped column `col` made into the object `early` (what class-body
    expressions hold)."""
    early.__dict__.clear()
    early.__dict__.update(col.__dict__)
    for fk in early.foreign_keys:
        fk.parent = early
    return early


class _ExpressionProperty(MapperProperty):
    """`column_property(expression)`: a read-only attribute loaded with its
    object by the labelled expression (deferred: alone, on first access)."""

    # query_expression(): loaded only by with_expression() (None otherwise)
    query_expression = False

    def __init__(self, expression, deferred):
        self.expression = expression
        self.deferred = deferred
        self.key = None
        self.label = None

    def __repr__(self):
        return f"<ColumnProperty at 0x{id(self):x}; {self.key}>"


class _DeferredColumn:
    """`deferred(Column(...))`: a column loaded on first access, not with its object."""

    def __init__(self, column):
        self.column = column


class SynonymProperty(MapperProperty):
    """`synonym("name")`: another name for a mapped attribute, on objects and in queries."""

    def __init__(self, name, map_column=None, descriptor=None, comparator_factory=None, doc=None, info=None, **kw):
        if map_column or descriptor is not None or comparator_factory is not None:
            raise _unsupported("synonym() with map_column, descriptor or comparator_factory")
        self._dataclass = {k: kw.pop(k) for k in _DATACLASS_OPTIONS if k in kw}
        if kw:
            raise TypeError(f"synonym() got an unexpected keyword argument '{next(iter(kw))}'")
        self.name = name
        self.key = None
        self.parent = None

    def __repr__(self):
        return f"<SynonymProperty at 0x{id(self):x}; {self.key}>"

    def __set_name__(self, owner, name):
        self.key = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return getattr(owner, self.name)
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        setattr(obj, self.name, value)


# the dataclass field options of mapped_column() and relationship() (MappedAsDataclass)
_DATACLASS_OPTIONS = ("init", "repr", "default", "default_factory", "compare", "kw_only", "hash")


def mapped_column(*args, **kw):
    dataclass_options = {k: kw[k] for k in _DATACLASS_OPTIONS if k in kw}
    for k in ("init", "repr", "compare", "kw_only", "hash", "sort_order", "dataclass_metadata"):
        kw.pop(k, None)
    for k in ("active_history",):
        if kw.get(k):
            raise _unsupported(f"mapped_column({k}=...)")
        kw.pop(k, None)
    if "insert_default" in kw:
        kw["default"] = kw.pop("insert_default")
    if "default_factory" in kw:
        kw["default"] = kw.pop("default_factory")
    mc = MappedColumn(args, kw)
    mc._dataclass = dataclass_options
    return mc


# (SQLAlchemy 2's name for what synonym() makes)
Synonym = SynonymProperty
