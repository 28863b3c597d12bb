"""sqlalchemy.orm: declarative mapping, instrumented attributes and
collections, relationships and their backrefs, and the Session.

The session's bookkeeping (object states, the identity map, the unit of
work and its SQL) is Rust's (`_retort_orm` over the `retort_orm` crate);
this module instruments classes and objects, keeps relationship history
and hands the flush what it implies (foreign keys to copy, rows of
association tables, cascaded deletes)."""

import _retort_orm
import datetime as _dt
import sqlalchemy.event as _event
import decimal as _decimal
import enum as _enum
import typing as _typing
import uuid as _uuid

import sqlalchemy as _sa
from sqlalchemy import (
    Column,
    Table,
    MetaData,
    ForeignKey,
    Integer,
    String,
    Double,
    Float,
    Boolean,
    Numeric,
    Date,
    DateTime,
    Time,
    Interval,
    LargeBinary,
    Uuid,
    JSON,
    Enum,
    TypeEngine,
    select,
    literal,
    and_,
    _unsupported,
)
from sqlalchemy.exc import (
    ArgumentError,
    InvalidRequestError,
    NoForeignKeysError,
    PendingRollbackError,
    DetachedInstanceError,
    ObjectDeletedError,
    UnmappedInstanceError,
    UnmappedClassError,
    UnboundExecutionError,
    NoResultFound,
)

class LoaderCallableStatus(_enum.Enum):
    PASSIVE_NO_RESULT = 0
    PASSIVE_CLASS_MISMATCH = 1
    ATTR_WAS_SET = 2
    ATTR_EMPTY = 3
    NO_VALUE = 4
    NEVER_SET = 4


NO_VALUE = LoaderCallableStatus.NO_VALUE
_NO_VALUE = NO_VALUE


# ---------------------------------------------------------------- annotations


class _MappedAnnotation:
    def __init__(self, origin, arg):
        self.__origin__ = origin
        self.__args__ = (arg,)

    def __repr__(self):
        return f"sqlalchemy.orm.base.{self.__origin__.__name__}[{_typing._type_repr(self.__args__[0])}]"


class Mapped:
    def __class_getitem__(cls, item):
        return _MappedAnnotation(cls, item)


class WriteOnlyMapped(Mapped):
    pass


class DynamicMapped(Mapped):
    pass


_TYPE_MAP = [
    (bool, Boolean),
    (int, Integer),
    (float, Double),
    (str, String),
    (bytes, LargeBinary),
    (_decimal.Decimal, Numeric),
    (_dt.datetime, DateTime),
    (_dt.date, Date),
    (_dt.time, Time),
    (_dt.timedelta, Interval),
    (_uuid.UUID, Uuid),
]


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
        self.deferred = bool(kw.pop("deferred", False)) or self.raiseload
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


class _ExpressionProperty:
    """`column_property(expression)`: a read-only attribute loaded with its
    object by the labelled expression (deferred: alone, on first access)."""

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


class SynonymProperty:
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
    for k in ("deferred_group", "active_history"):
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


_CASCADE_ALL = ["save-update", "merge", "refresh-expire", "expunge", "delete"]


def _parse_cascade(text):
    out = []
    for part in (text or "").replace(" ", "").split(","):
        if not part:
            continue
        names = _CASCADE_ALL if part == "all" else [part]
        for n in names:
            if n not in out:
                out.append(n)
    return out


class RelationshipProperty:
    def __init__(
        self,
        argument=None,
        secondary=None,
        *,
        back_populates=None,
        backref=None,
        cascade="save-update, merge",
        uselist=None,
        lazy="select",
        order_by=False,
        primaryjoin=None,
        secondaryjoin=None,
        foreign_keys=None,
        remote_side=None,
        viewonly=False,
        passive_deletes=False,
        post_update=False,
        collection_class=None,
        **kw,
    ):
        self.argument = argument
        self.secondary = secondary
        self.back_populates = back_populates
        self.backref = backref
        self.cascade = _parse_cascade(cascade)
        self.uselist = uselist
        self.lazy = lazy
        self.order_by = order_by
        self.remote_side = remote_side
        self.viewonly = viewonly
        self.passive_deletes = passive_deletes
        self.collection_class = collection_class
        self._dataclass = {k: kw.pop(k) for k in _DATACLASS_OPTIONS if k in kw}
        self.primaryjoin = primaryjoin
        self.secondaryjoin = secondaryjoin
        self.foreign_keys = foreign_keys
        if secondary is not None and (primaryjoin is not None) != (secondaryjoin is not None):
            raise _unsupported("a many-to-many relationship with primaryjoin= but not secondaryjoin= (or the other way)")
        self.post_update = post_update
        if lazy not in ("select", True, "raise", "raise_on_sql", "noload", "dynamic", "write_only", "selectin", "joined", "immediate", "subquery"):
            raise _unsupported(f"relationship(lazy={lazy!r})")
        self.key = None
        self.parent = None
        self.mapper = None
        self.reverse = None
        self.configured = False
        self.index = None

    def __repr__(self):
        return f"<_RelationshipDeclared at 0x{id(self):x}; no key>" if self.key is None else f"{self.parent.class_.__name__}.{self.key}"


def _sa_warn(message):
    """`util.warn`: an SAWarning, pointing at the script's line."""
    import warnings
    warnings.warn(message, _sa.exc.SAWarning)


def relationship(argument=None, secondary=None, **kw):
    return RelationshipProperty(argument, secondary, **kw)


def backref(name, **kwargs):
    return (name, kwargs)


# ---------------------------------------------------------------- the registry and mappers


_registries = []


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


class Mapper:
    """A mapped class: its table, column attributes and relationships."""

    def __init__(self, class_, table, attrs, relationships, registry_):
        self.class_ = class_
        self.local_table = table
        self.persist_selectable = table
        self.registry = registry_
        self.column_attrs_list = attrs  # [(key, Column)] in table order
        self.column_keys = [k for k, _ in attrs]
        self.attr_index = {k: i for i, (k, _) in enumerate(attrs)}
        self.column_attr_of = {c.name: k for k, c in attrs}
        self._relationships = relationships
        self.primary_key = tuple(c for _, c in attrs if c.primary_key)
        self.pk_keys = [k for k, c in attrs if c.primary_key]
        self.mid = _retort_orm.mapper(
            table, [(k, c.name) for k, c in attrs], f"{class_.__module__}.{class_.__name__}", [c for _, c in attrs]
        )
        self.configured = False

    def __repr__(self):
        return f"<Mapper at 0x{id(self):x}; {self.class_.__name__}>"

    def __str__(self):
        return f"Mapper[{self.class_.__name__}({self.local_table.name})]"

    @property
    def columns(self):
        return _sa.ColumnCollection([c for _, c in self.column_attrs_list])

    c = columns

    @property
    def relationships(self):
        self._configure()
        return _ReadOnlyProps(self._relationships)

    @property
    def attrs(self):
        self._configure()
        props = {}
        for k, c in self.column_attrs_list:
            props[k] = ColumnProperty(k, c, self)
        props.update({p.key: p for p in self.expressions})
        props.update(self._relationships)
        props.update(self.synonyms)
        return _ReadOnlyProps(props)

    @property
    def column_attrs(self):
        props = {p.key: p for p in self.expressions}
        props.update({k: ColumnProperty(k, c, self) for k, c in self.column_attrs_list})
        return _ReadOnlyProps(props)

    @property
    def tables(self):
        return [self.local_table]

    def _selectable(self, key):
        """What the ORM selects for an attribute: its column, or a column_property()'s labelled expression."""
        if key in self.attr_index:
            return self.column_attrs_list[self.attr_index[key]][1]
        return next(p.label for p in self.expressions if p.key == key)

    def get_property(self, key):
        self._configure()
        if key in self._relationships:
            return self._relationships[key]
        if key in self.attr_index:
            return ColumnProperty(key, self.column_attrs_list[self.attr_index[key]][1], self)
        raise InvalidRequestError(f"Mapper '{self}' has no property '{key}'.  If this property was indicated from other mappers or configure events, ensure registry.configure() has been called.")

    def _configure(self):
        if self.configured:
            return
        self.configured = True
        for prop in list(self._relationships.values()):
            if prop.lazy == "noload":
                _sa._deprecated(
                    f"The ``noload`` loader strategy {_NOLOAD_DEPRECATED}", "2.1",
                    " (This warning originated from the `configure_mappers()` process, which was invoked automatically in response to a user-initiated operation.)",
                )
            _configure_relationship(self, prop)
        for prop in list(self._relationships.values()):
            _link_reverse(self, prop)


class ColumnProperty:
    def __init__(self, key, column, parent):
        self.key = key
        self.columns = [column]
        self.expression = column
        self.parent = parent

    def __repr__(self):
        return f"{self.parent.class_.__name__}.{self.key}"


class _ReadOnlyProps:
    def __init__(self, props):
        self._props = props

    def __getattr__(self, key):
        try:
            return self._props[key]
        except KeyError:
            raise AttributeError(key)

    def __getitem__(self, key):
        return self._props[key]

    def __iter__(self):
        return iter(self._props.values())

    def __len__(self):
        return len(self._props)

    def __contains__(self, key):
        return key in self._props

    def keys(self):
        return list(self._props.keys())

    def values(self):
        return list(self._props.values())

    def items(self):
        return list(self._props.items())


def _all_mappers(reg):
    for m in reg.mappers:
        m._configure()


def _resolve_class(mapper, prop):
    arg = prop.argument
    if callable(arg) and not isinstance(arg, type):
        arg = arg()
    name = _target_name(arg) if not isinstance(arg, type) else None
    if name is not None:
        cls = mapper.registry._class_registry.get(name)
        if cls is None:
            raise InvalidRequestError(
                f"When initializing mapper {mapper}, expression '{name}' failed to locate a name ('{name}'). "
                f"If this is a class name, consider adding this relationship() to the {mapper.class_!r} class after "
                "both dependent classes have been defined."
            )
        return cls
    return arg


def _fk_pairs(from_table, to_table):
    """(referenced column, foreign key column) pairs of `from_table`'s foreign keys to `to_table`."""
    pairs = []
    for c in from_table.columns_list:
        for fk in c.foreign_keys:
            if _sa._fk_target_table(fk) == to_table.name:
                pairs.append((to_table.c[fk.target.rsplit(".", 1)[-1]], c))
    return pairs


def _resolve_columns(mapper, arg):
    """`foreign_keys=`: columns, mapped_column()s, or text naming them
    (`"User.billing_address_id"`, `"[A.x, A.y]"`)."""
    if isinstance(arg, str):
        arg = _resolve_text(mapper, arg)
    if not isinstance(arg, (list, tuple, set)):
        arg = [arg]
    out = []
    for a in arg:
        c = _resolve_expr(mapper, a) if isinstance(a, str) else a
        if isinstance(c, MappedColumn):
            c = c.__clause_element__()
        if not isinstance(c, Column):
            raise _unsupported(f"relationship(foreign_keys=...) of {a!r} (only columns)")
        out.append(c)
    return out


def _as_written(flipped, i, side, secondary_column):
    """Pair `i` of a many-to-many's join condition as `==` in the order it
    was written (`flipped`: secondary column first; see `_join_pairs`)."""
    if i < len(flipped) and flipped[i]:
        return secondary_column == side
    return side == secondary_column


def _join_pairs(expr, table, secondary, where):
    """A primaryjoin/secondaryjoin of column equalities between `table` and
    the `secondary` table: its (table column, secondary column) pairs, and
    for each whether it was written secondary column first (SQL keeps the
    order it was written in)."""
    if callable(expr) and not isinstance(expr, _sa.ClauseElement):
        expr = expr()
    if isinstance(expr, str):
        raise _unsupported(f"relationship {where} with a join condition given as text (give the expression itself)")
    clauses = expr.clauses if isinstance(expr, _sa.BooleanClauseList) and expr.__visit_name__ == "and" else [expr]
    pairs, flipped = [], []
    for c in clauses:
        if not (isinstance(c, _sa.BinaryExpression) and c.operator == "eq" and isinstance(c.left, Column) and isinstance(c.right, Column)):
            raise _unsupported(f"relationship {where} with a join condition other than column equalities")
        a, b = (c.left, c.right) if c.right.table is secondary else (c.right, c.left)
        if b.table is not secondary or a.table is not table:
            raise _unsupported(f"relationship {where} with a join condition between other tables")
        pairs.append((a, b))
        flipped.append(c.left is b)
    return pairs, flipped


def _annotated(expr, what):
    """`foreign()`/`remote()`: a copy of the column marked for the join condition."""
    c = expr.__clause_element__() if isinstance(expr, MappedColumn) else expr
    if not isinstance(c, Column):
        raise _unsupported(f"{what}() of {expr!r} (only columns)")
    new = Column.__new__(Column)
    new.__dict__.update(c.__dict__)
    new._annotated_of = getattr(c, "_annotated_of", c)
    new._annotations = getattr(c, "_annotations", frozenset()) | {what}
    return new


def foreign(expr):
    return _annotated(expr, "foreign")


def remote(expr):
    return _annotated(expr, "remote")


def _plain_column(c):
    return getattr(c, "_annotated_of", c)


def _references(fk_col, other):
    return any(_sa._fk_target_table(fk) == other.table.name and fk.target.rsplit(".", 1)[-1] == other.name for fk in fk_col.foreign_keys)


def _configure_primaryjoin(mapper, prop, chosen, where):
    """`primaryjoin=` of a one-to-many or many-to-one: its column equalities
    between the two tables are the pairs (the foreign side marked by
    `foreign()`, `foreign_keys=` or the columns' ForeignKey), which give the
    direction; other terms are extra criteria. `prop._terms` keeps every
    term in the order written, for the SQL."""
    expr = prop.primaryjoin
    if isinstance(expr, str):
        expr = _resolve_text(mapper, expr)
    elif callable(expr) and not isinstance(expr, _sa.ClauseElement):
        expr = expr()
    prop._primaryjoin = expr
    parent_table, target_table = mapper.local_table, prop.mapper.local_table
    self_ref = parent_table is target_table
    clauses = expr.clauses if isinstance(expr, _sa.BooleanClauseList) and expr.__visit_name__ == "and" else [expr]

    def joins_sides(c):
        if not (isinstance(c, _sa.BinaryExpression) and c.operator == "eq" and isinstance(c.left, Column) and isinstance(c.right, Column)):
            return False
        lt, rt = _plain_column(c.left).table, _plain_column(c.right).table
        return (lt is parent_table and rt is target_table) or (lt is target_table and rt is parent_table)

    equalities = [c for c in clauses if joins_sides(c)]
    annotated = any("foreign" in getattr(col, "_annotations", ()) for c in equalities for col in (c.left, c.right))

    def is_foreign(col, other):
        if annotated:
            return "foreign" in getattr(col, "_annotations", ())
        if chosen is not None:
            return any(_plain_column(col) is c for c in chosen)
        return _references(_plain_column(col), _plain_column(other))

    remote_side = prop.remote_side
    remote_side = list(remote_side) if isinstance(remote_side, (list, tuple, set)) else ([remote_side] if remote_side is not None else [])
    remote_side = [_plain_column(r) for r in remote_side]
    pairs, terms, directions = [], [], set()
    for c in clauses:
        if not any(c is e for e in equalities):
            terms.append(c)
            continue
        left_fk, right_fk = is_foreign(c.left, c.right), is_foreign(c.right, c.left)
        if not left_fk and not right_fk:
            raise ArgumentError(
                f"Could not locate any relevant foreign key columns for primary join condition '{expr}' on relationship {where}.  "
                "Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or are annotated "
                "in the join condition with the foreign() annotation."
            )
        if left_fk and right_fk:
            raise ArgumentError(
                f"Could not determine the relationship direction for primaryjoin condition '{expr}', on relationship {where}. "
                "Ensure that the referencing Column objects have a ForeignKey present, or are otherwise part of a "
                "ForeignKeyConstraint on their parent Table, or specify the foreign_keys parameter to this relationship."
            )
        fk, ref = (c.left, c.right) if left_fk else (c.right, c.left)
        if self_ref:
            marked_remote = [col for col in (c.left, c.right) if "remote" in getattr(col, "_annotations", ())]
            remote_cols = [_plain_column(col) for col in marked_remote] or remote_side
            many_to_one = any(r is _plain_column(ref) for r in remote_cols)
        else:
            many_to_one = _plain_column(fk).table is parent_table
        directions.add(MANYTOONE if many_to_one else ONETOMANY)
        terms.append((len(pairs), left_fk))
        pairs.append((_plain_column(ref), _plain_column(fk)))
    if not pairs:
        raise _unsupported(f"relationship {where} whose primaryjoin= has no column equality between its two tables")
    if len(directions) > 1:
        raise _unsupported(f"relationship {where} whose primaryjoin= has foreign keys both ways")
    prop.direction = directions.pop()
    prop.pairs = pairs  # (referenced column, foreign key column)
    prop._terms = terms
    prop._extra_criteria = any(not isinstance(t, tuple) for t in terms)


def _join_terms(prop, pair, adapt=None):
    """A one-to-many's or many-to-one's join condition, term by term as it
    was written: `pair(i)` gives pair i's (referenced side, foreign key
    side); a condition SQLAlchemy derived from foreign keys has the
    referenced side first."""
    terms = getattr(prop, "_terms", None)
    if terms is None:
        return [a == b for a, b in (pair(i) for i in range(len(prop.pairs)))]
    out = []
    for t in terms:
        if isinstance(t, tuple):
            a, b = pair(t[0])
            out.append(b == a if t[1] else a == b)
        else:
            out.append(adapt(t) if adapt is not None else t)
    return out


def _no_extra_criteria(prop, what):
    if getattr(prop, "_extra_criteria", False):
        raise _unsupported(f"{what} of {prop!r}, whose primaryjoin= has criteria besides its column pairs")


def _configure_relationship(mapper, prop):
    if prop.configured:
        return
    prop.configured = True
    target_cls = _resolve_class(mapper, prop)
    target = target_cls.__mapper__
    prop.mapper = target
    prop.entity = target
    # a list from here on: [] when the relationship has no order
    order = [] if prop.order_by is False or prop.order_by is None else _resolve_expr(mapper, prop.order_by)
    prop.order_by = order if isinstance(order, list) else [order]
    if prop.remote_side is not None:
        prop.remote_side = _resolve_expr(mapper, prop.remote_side)
    prop.target = target.local_table
    parent_table, target_table = mapper.local_table, target.local_table
    secondary = prop.secondary
    if isinstance(secondary, str):
        secondary = mapper.registry.metadata.tables[secondary]
    prop.secondary = secondary
    where = f"{mapper.class_.__name__}.{prop.key}"
    chosen = _resolve_columns(mapper, prop.foreign_keys) if prop.foreign_keys is not None else None

    def only_chosen(pairs):
        return pairs if chosen is None else [(r, f) for r, f in pairs if any(f is c for c in chosen)]

    if secondary is not None:
        prop.direction = MANYTOMANY
        if prop.primaryjoin is not None:
            prop.parent_pairs, parent_flipped = _join_pairs(prop.primaryjoin, parent_table, secondary, where)
            prop.target_pairs, target_flipped = _join_pairs(prop.secondaryjoin, target_table, secondary, where)
            prop._written = (parent_flipped, target_flipped)
        else:
            if parent_table is target_table:
                raise _unsupported(f"the self-referential many-to-many {where} without primaryjoin= and secondaryjoin=")
            prop.parent_pairs = only_chosen(_fk_pairs(secondary, parent_table))  # (parent col, secondary col)
            prop.target_pairs = only_chosen(_fk_pairs(secondary, target_table))  # (target col, secondary col)
        if not prop.parent_pairs or not prop.target_pairs:
            raise NoForeignKeysError(
                f"Could not determine join condition between parent/child tables on relationship {where} - there are no foreign keys linking these tables via secondary table '{secondary.name}'.  Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or specify 'primaryjoin' and 'secondaryjoin' expressions."
            )
    elif prop.primaryjoin is not None:
        _configure_primaryjoin(mapper, prop, chosen, where)
    else:
        to_target = only_chosen(_fk_pairs(target_table, parent_table))  # target's FKs pointing at us: one-to-many
        to_parent = only_chosen(_fk_pairs(parent_table, target_table))  # our FKs pointing at the target: many-to-one
        if parent_table is target_table:
            remote = prop.remote_side
            remote = list(remote) if isinstance(remote, (list, tuple, set)) else ([remote] if remote is not None else [])
            if remote and any(r.primary_key for r in remote):
                to_target = []
            else:
                to_parent = []
        if to_target and not to_parent:
            prop.direction = ONETOMANY
            prop.pairs = to_target  # (our referenced column, their foreign key column)
        elif to_parent and not to_target:
            prop.direction = MANYTOONE
            prop.pairs = to_parent  # (their referenced column, our foreign key column)
        elif not to_target and not to_parent:
            raise NoForeignKeysError(
                f"Could not determine join condition between parent/child tables on relationship {where} - there are no foreign keys linking these tables.  Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or specify a 'primaryjoin' expression."
            )
        else:
            raise _unsupported(f"relationship {where} between tables with foreign keys both ways")
    if prop.uselist is None:
        if prop._collection is not None:
            prop.uselist = True
        elif getattr(prop, "_scalar_annotation", False):
            prop.uselist = False
        else:
            prop.uselist = prop.direction != MANYTOONE
    prop.index = _retort_orm.relationship(mapper.mid, prop.key, target.mid, prop.direction.name, bool(prop.post_update) and prop.direction is not MANYTOMANY)
    if prop.backref is not None:
        name, kw = prop.backref if isinstance(prop.backref, tuple) else (prop.backref, {})
        if name in target._relationships:
            raise ArgumentError(f"Error creating backref '{name}' on relationship '{where}': property of that name exists on mapper '{target}'")
        if prop.primaryjoin is not None and secondary is not None:
            kw = {"primaryjoin": prop.secondaryjoin, "secondaryjoin": prop.primaryjoin, **kw}
        elif prop.primaryjoin is not None:
            # the same condition, the same foreign side (SQLAlchemy's backref)
            kw = {"primaryjoin": prop._primaryjoin, "foreign_keys": prop.foreign_keys, **kw}
        rev = RelationshipProperty(mapper.class_, secondary, back_populates=prop.key, **kw)
        rev._collection = None
        rev.key = name
        rev.parent = target
        target._relationships[name] = rev
        setattr(target.class_, name, _RelationshipAttribute(rev))
        prop.back_populates = name
        _configure_relationship(target, rev)


def _link_reverse(mapper, prop):
    if prop.back_populates and prop.reverse is None:
        target = prop.mapper
        target._configure()
        rev = target._relationships.get(prop.back_populates)
        if rev is None:
            raise InvalidRequestError(
                f"Mapper '{target}' has no property '{prop.back_populates}'.  If this property was indicated from other mappers or configure events, ensure registry.configure() has been called."
            )
        prop.reverse = rev
        rev.reverse = prop


class RelationshipDirection(_enum.Enum):
    ONETOMANY = 1
    MANYTOONE = 2
    MANYTOMANY = 3


ONETOMANY = RelationshipDirection.ONETOMANY
MANYTOONE = RelationshipDirection.MANYTOONE
MANYTOMANY = RelationshipDirection.MANYTOMANY


def _resolve_expr(mapper, arg):
    """A relationship argument given as text (`"Line.id"`) or a callable, as the
    registry resolves it; `mapped_column()` objects stand for their columns."""
    if callable(arg) and not isinstance(arg, (type, _sa.ClauseElement, MappedColumn)):
        arg = arg()
    if isinstance(arg, (list, tuple)):
        return [_resolve_expr(mapper, a) for a in arg]
    if isinstance(arg, str):
        return _resolve_text(mapper, arg)
    return getattr(arg, "_column", arg)


_TEXT_FALLBACK = []


def _text_namespace(mapper):
    """The names relationship text is evaluated with, as SQLAlchemy's class
    resolver looks them up: the registry's classes, then its tables, then
    `sqlalchemy`'s own names with `foreign` and `remote`."""
    if not _TEXT_FALLBACK:
        names = {k: getattr(_sa, k) for k in dir(_sa) if not k.startswith("_")}
        names.update(foreign=foreign, remote=remote)
        _TEXT_FALLBACK.append(names)
    ns = dict(_TEXT_FALLBACK[0])
    ns.update(mapper.registry.metadata.tables)
    ns.update(mapper.registry._class_registry)
    return ns


def _resolve_text(mapper, text):
    """Relationship arguments given as text (`"Address.user_id"`,
    `"and_(User.id == Address.user_id, Address.city == 'Boston')"`),
    evaluated as SQLAlchemy evaluates them."""
    try:
        return eval(text, _text_namespace(mapper))
    except NameError as e:
        raise InvalidRequestError(
            f"When initializing mapper {mapper}, expression {text!r} failed to locate a name ({str(e)!r}). "
            f"If this is a class name, consider adding this relationship() to the {mapper.class_!r} class after "
            "both dependent classes have been defined."
        )


def _is_mapped_class(c):
    return isinstance(c, type) and "__mapper__" in c.__dict__


def _declared_items(cls):
    """(key, annotation, value) of the class, then of its mixins in MRO
    order (the class's own columns come first, as SQLAlchemy orders them)."""
    seen = {}
    for klass in cls.__mro__:
        if klass is object or klass is DeclarativeBase or "registry" in klass.__dict__:
            continue
        if klass is not cls and _is_mapped_class(klass):
            raise _unsupported("mapped class inheritance")
        own = klass.__dict__
        ann = own.get("__annotations__", {})
        # (the class's attributes and annotations merged as SQLAlchemy's
        # `merge_lists_w_ordering` merges them)
        for key in _merge_lists_w_ordering(list(own), list(ann)):
            if key in seen:
                continue
            value = own.get(key, _NO_VALUE)
            if key in ann:
                a = ann[key]
                if isinstance(a, str) or isinstance(a, _MappedAnnotation) or isinstance(value, (MappedColumn, RelationshipProperty, Column, SynonymProperty, _DeferredColumn, _ExpressionProperty)):
                    seen[key] = (a, value, klass is cls)
            elif not key.startswith("__") and isinstance(value, (MappedColumn, RelationshipProperty, Column, declared_attr, SynonymProperty, _DeferredColumn, _ExpressionProperty)):
                seen[key] = (None, value, klass is cls)
    return [(k, a, v) for k, (a, v, _) in seen.items()]


def _merge_lists_w_ordering(a, b):
    """`util.merge_lists_w_ordering`: two lists merged keeping each one's order
    as far as possible (a class's `vars()` and its annotations)."""
    overlap = set(a).intersection(b)
    result = []
    current, other = iter(a), iter(b)
    while True:
        for element in current:
            if element in overlap:
                overlap.discard(element)
                other, current = current, other
                break
            result.append(element)
        else:
            result.extend(other)
            break
    return result


def _copy_column(c):
    new = Column.__new__(Column)
    new.__dict__.update(c.__dict__)
    new.foreign_keys = set()
    for fk in c.foreign_keys:
        f = ForeignKey(fk.target, ondelete=fk.ondelete, onupdate=fk.onupdate, name=fk.name)
        f.parent = new
        new.foreign_keys.add(f)
    new.table = None
    return new


def _map(cls):
    reg = cls.registry
    tablename = getattr(cls, "__tablename__", None)
    if isinstance(tablename, declared_attr):
        tablename = tablename.fget(cls)
    table = cls.__dict__.get("__table__")
    if tablename is None and table is None:
        raise InvalidRequestError(
            f"Class {cls!r} does not have a __table__ or __tablename__ specified and does not inherit from an existing table-mapped class."
        )
    columns, relationships, synonyms, deferred, expressions, raising = [], {}, {}, set(), [], set()
    type_map = reg.type_annotation_map
    for key, ann, value in _declared_items(cls):
        if isinstance(value, declared_attr):
            value = value.fget(cls)
        if isinstance(value, RelationshipProperty) or (value is _NO_VALUE and ann is not None and _unwrap(ann)[2] is not None):
            if value is _NO_VALUE:
                raise ArgumentError(f"Could not interpret annotation {ann!r} for {cls.__name__}.{key} without relationship()")
            prop = value
            if prop.argument is None and ann is not None:
                prop.argument = _unwrap(ann)[0]
            prop._collection = _unwrap(ann)[2] if ann is not None else None
            origin = getattr(ann, "__origin__", None)
            if origin is WriteOnlyMapped or origin is DynamicMapped:
                # WriteOnlyMapped[X] / DynamicMapped[X]: a collection, loaded in its own way
                prop.lazy = "write_only" if origin is WriteOnlyMapped else "dynamic"
                prop._collection = list
            # Mapped[Child] (no list/set): one object, whatever the direction
            prop._scalar_annotation = ann is not None and prop._collection is None
            if prop.argument is None:
                raise ArgumentError(f"relationship {cls.__name__}.{key} needs a target class or a Mapped[] annotation")
            prop.key = key
            relationships[key] = prop
            continue
        if table is not None:
            continue
        if isinstance(value, SynonymProperty):
            value.key = key
            synonyms[key] = value
            continue
        if isinstance(value, _ExpressionProperty):
            value.key = key
            value.label = value.expression.label(None)
            expressions.append(value)
            continue
        if isinstance(value, _DeferredColumn):
            deferred.add(key)
            value = value.column
        if isinstance(value, Column):
            col = value if value.table is None else _copy_column(value)
            if col.name is None:
                col.name = key
            col.key = key
            columns.append(col)
            continue
        mc = value if isinstance(value, MappedColumn) else MappedColumn((), {})
        if mc.deferred:
            deferred.add(key)
        if mc.raiseload:
            raising.add(key)
        args = list(mc.args)
        kw = dict(mc.kw)
        name = args.pop(0) if args and isinstance(args[0], str) else kw.pop("name", key)
        type_ = None
        if args and (isinstance(args[0], TypeEngine) or (isinstance(args[0], type) and issubclass(args[0], TypeEngine))):
            type_ = args.pop(0)
        # (without an annotation a column is nullable, as Column's default)
        optional = ann is None
        if ann is not None:
            python_type, optional, _ = _unwrap(ann)
            if type_ is None:
                type_ = _sql_type(python_type, type_map, key)
        elif type_ is None and not any(isinstance(a, ForeignKey) for a in args):
            raise ArgumentError(f"Python typing annotation is required for attribute '{cls.__name__}.{key}' when primary argument(s) for \"MappedColumn\" construct are None or not present")
        if "nullable" not in kw and not kw.get("primary_key"):
            kw["nullable"] = optional
        col = Column(name, type_, *args, **kw) if type_ is not None else Column(name, *args, **kw)
        if "_early" in mc.__dict__:
            col = _adopt(mc._early, col)
        col.key = key
        mc._column = col
        columns.append(col)
    if table is None:
        extra = getattr(cls, "__table_args__", ())
        if isinstance(extra, declared_attr):
            extra = extra.fget(cls)
        kw = {}
        if isinstance(extra, dict):
            extra, kw = (), extra
        elif extra and isinstance(extra[-1], dict):
            extra, kw = extra[:-1], extra[-1]
        table = Table(tablename, reg.metadata, *columns, *extra, **kw)
        cls.__table__ = table
    table._sa_mapped = True
    table._sa_class = cls
    attrs = [(c.key if c.key else c.name, c) for c in table.columns_list]
    mapper = Mapper(cls, table, attrs, relationships, reg)
    _mapper_args(cls, mapper)
    mapper.synonyms = synonyms
    mapper.deferred_keys = {k for k, c in attrs if k in deferred} | {p.key for p in expressions if p.deferred}
    # column_property() expressions, selected before the table's columns (as SQLAlchemy orders its properties)
    mapper.expressions = expressions
    # deferred columns that raise instead of loading (deferred_raiseload=True)
    mapper.raise_keys = raising
    mapper.expression_keys = [p.key for p in expressions]
    mapper.validators = {}
    for klass in reversed(cls.__mro__):
        for fn in klass.__dict__.values():
            marker = getattr(fn, "__sa_validators__", None)
            if marker is not None:
                for name in marker[0]:
                    mapper.validators[name] = (fn, marker[1])
    cls.__mapper__ = mapper
    reg.mappers.append(mapper)
    reg._class_registry[cls.__name__] = cls
    for i, (key, c) in enumerate(attrs):
        setattr(cls, key, _ColumnAttribute(key, i, c))
        c._sa_attribute_of = (id(cls), key)
    for key, prop in relationships.items():
        prop.parent = mapper
        setattr(cls, key, _RelationshipAttribute(prop))
    for prop in expressions:
        setattr(cls, prop.key, _ExpressionAttribute(prop))
    reg._configured = False


def _mapper_args(cls, mapper):
    """`__mapper_args__`: `version_id_col` (and `eager_defaults=False`)."""
    args = getattr(cls, "__mapper_args__", None) or {}
    if isinstance(args, declared_attr):
        args = args.fget(cls)
    for key, value in args.items():
        if key == "version_id_col":
            if isinstance(value, MappedColumn):
                value = value.__clause_element__()
            key_of = {id(c): k for k, c in mapper.column_attrs_list}
            if id(value) not in key_of:
                raise ArgumentError(f"version_id_col {value!r} is not a column of {cls.__name__}'s table")
            _retort_orm.version_column(mapper.mid, mapper.attr_index[key_of[id(value)]])
        elif not (key == "eager_defaults" and value is False):
            raise _unsupported(f"__mapper_args__ {key!r}")


class _SameDecorator:
    """`declared_attr.directive` / `.cascading`: the decorator itself (for typing in SQLAlchemy)."""

    def __get__(self, obj, owner=None):
        return owner if obj is None else type(obj)


class declared_attr:
    def __init__(self, fget):
        self.fget = fget

    def __get__(self, obj, owner=None):
        return self.fget(owner)

    directive = _SameDecorator()
    cascading = _SameDecorator()


# ---------------------------------------------------------------- instrumentation


def _new_state(obj):
    d = obj.__dict__
    st = d.get("_sa_instance_state")
    if st is None:
        mapper = getattr(type(obj), "__mapper__", None)
        if mapper is None:
            raise UnmappedInstanceError(f"Class '{type(obj).__module__}.{type(obj).__name__}' is not mapped")
        st = InstanceState(mapper, _retort_orm.state(mapper.mid, obj))
        d["_sa_instance_state"] = st
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
        if prop.lazy == "write_only" and _retort_orm.status(state._st)[0] == "persistent":
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


class _RelationshipComparator:
    """`User.addresses` at class level: joins and comparisons along the relationship."""

    def __init__(self, prop, parent_alias=None, target_alias=None):
        self.prop = prop
        self.key = prop.key
        # aliased() sides: `alias.addresses` (the parent), `.of_type(alias)` (the target)
        self._parent_alias = parent_alias
        self._target_alias = target_alias

    def __repr__(self):
        return f"{self.prop.parent.class_.__name__}.{self.key}"

    def of_type(self, entity):
        """The relationship to an `aliased()` class of its target."""
        alias = _sa._from_arg(entity)
        if getattr(entity, "_sa_entity", None) is None or entity.__mapper__ is not self._config().mapper:
            raise _unsupported(f"of_type() with {entity!r} (only an aliased() class of the relationship's target)")
        return _RelationshipComparator(self.prop, self._parent_alias, alias)

    @property
    def property(self):
        return self._config()

    def _sides(self, target_alias):
        """The relationship's (parent column, target column) pairs, each side
        taken from its alias when it has one."""
        prop = self._config()
        if prop.direction is MANYTOMANY:
            raise _unsupported(f"aliased() sides of the many-to-many {self!r}")
        pairs = prop.pairs if prop.direction is ONETOMANY else [(local, remote) for remote, local in prop.pairs]
        return [(_aliased_column(self._parent_alias, p), _aliased_column(target_alias, t)) for p, t in pairs]

    def _sa_join(self, left, isouter=False, target=None):
        prop = self.prop
        prop.parent._configure()
        target_alias = self._target_alias
        if target is not None and target is not prop.mapper.local_table:
            # join(alias, User.manager): the relationship's ON, to that alias
            target_alias = target
        if target is None:
            target = target_alias if target_alias is not None else prop.mapper.local_table
        aliased_sides = self._parent_alias is not None or target_alias is not None
        if prop.direction is MANYTOMANY:
            if not aliased_sides and prop.target is prop.parent.local_table:
                raise InvalidRequestError(f"Can't construct a join from {prop.parent} to {prop.mapper}, they are the same entity")
            return self._m2m_join(left, target, target_alias, isouter)
        if aliased_sides:
            _no_extra_criteria(prop, "a join of an aliased() class along")
            sides = self._sides(target_alias)
            # ON in the order SQLAlchemy writes it: the one side's column first
            on = and_(*_join_terms(prop, lambda i: sides[i] if prop.direction is ONETOMANY else sides[i][::-1]))
            return _sa.Join(left, target, on, isouter)
        on = and_(*_join_terms(prop, lambda i: prop.pairs[i]))
        return _sa.Join(left, target, on, isouter)

    def _plain(self, what):
        if self._parent_alias is not None or self._target_alias is not None:
            raise _unsupported(f"{what} of a relationship of an aliased() class")

    def __clause_element__(self):
        raise _unsupported(f"using the relationship {self!r} as a column expression")

    def __hash__(self):
        return id(self)

    def _config(self):
        self.prop.parent._configure()
        return self.prop

    def _values_of(self, obj, pairs, mapper):
        return [getattr(obj, mapper.column_attr_of[c.name]) for c in pairs]

    def __eq__(self, other):
        self._plain("eq")
        prop = self._config()
        if prop.direction is MANYTOONE:
            _no_extra_criteria(prop, "comparing")
            if other is None:
                return and_(*[fk.is_(None) for _, fk in prop.pairs])
            values = self._values_of(other, [rc for rc, _ in prop.pairs], prop.mapper)
            return and_(*_join_terms(prop, lambda i: (literal(values[i], prop.pairs[i][1].type), prop.pairs[i][1])))
        if other is None:
            return ~self.any()
        raise InvalidRequestError(
            "Can't compare a collection to an object or collection; use contains() to test for membership."
        )

    def __ne__(self, other):
        self._plain("ne")
        prop = self._config()
        if prop.direction is MANYTOONE:
            _no_extra_criteria(prop, "comparing")
            if other is None:
                return and_(*[fk.is_not(None) for _, fk in prop.pairs])
            values = self._values_of(other, [rc for rc, _ in prop.pairs], prop.mapper)
            return _sa.or_(*[fk != v for (_, fk), v in zip(prop.pairs, values)], *[fk.is_(None) for _, fk in prop.pairs])
        if other is None:
            return self.any()
        raise InvalidRequestError(
            "Can't compare a collection to an object or collection; use contains() to test for membership."
        )

    def _m2m_join(self, left, target, target_alias, isouter):
        """A many-to-many join (sides aliased or not: `Author.followers.of_type(Follower)`):
        through `secondary AS secondary_1`, each condition as it was written;
        an outer join nests the secondary and the target in parentheses, as
        SQLAlchemy does."""
        prop = self.prop
        sec = prop.secondary.alias(f"{prop.secondary.name}_1")
        parent_flipped, target_flipped = getattr(prop, "_written", ((), ()))
        on_parent = and_(*[_as_written(parent_flipped, i, _aliased_column(self._parent_alias, pc), sec.c[sc.name]) for i, (pc, sc) in enumerate(prop.parent_pairs)])
        on_target = and_(*[_as_written(target_flipped, i, _aliased_column(target_alias, tc), sec.c[sc.name]) for i, (tc, sc) in enumerate(prop.target_pairs)])
        if isouter:
            return _sa.Join(left, _sa.Join(sec, target, on_target, False), on_parent, True)
        return _sa.Join(_sa.Join(left, sec, on_parent, False), target, on_target, False)

    def _exists(self, criterion, kw):
        self._plain("any()/has()")
        prop = self._config()
        target = prop.mapper
        crit = []
        extra = ([criterion] if criterion is not None else []) + [getattr(target.class_, k) == v for k, v in kw.items()]
        if prop.direction is MANYTOMANY:
            if prop.target is prop.parent.local_table:
                raise _unsupported(f"any()/contains() of the self-referential many-to-many {self!r}")
            crit += [pc == sc for pc, sc in prop.parent_pairs] + [tc == sc for tc, sc in prop.target_pairs]
            froms = [target.local_table, prop.secondary]
        elif target.local_table is prop.parent.local_table:
            # self-referential: the related rows come from an alias of the table (users AS users_1)
            alias = target.local_table.alias()
            _no_extra_criteria(prop, "any()/has()")
            sides = self._sides(alias)
            crit += _join_terms(prop, lambda i: sides[i][::-1] if prop.direction is MANYTOONE else sides[i])
            extra = [_adapt_to(e, target.local_table, alias) for e in extra]
            froms = [alias]
        else:
            crit += _join_terms(prop, lambda i: prop.pairs[i])
            froms = [target.local_table]
        crit += extra
        return _sa.exists(_sa.literal_column("1")).select_from(*froms).where(and_(*crit))

    def any(self, criterion=None, **kwargs):
        if self._config().direction is MANYTOONE:
            raise InvalidRequestError("'any()' not implemented for scalar attributes. Use has().")
        return self._exists(criterion, kwargs)

    def has(self, criterion=None, **kwargs):
        if self._config().direction is not MANYTOONE:
            raise InvalidRequestError("'has()' not implemented for collections. Use any().")
        return self._exists(criterion, kwargs)

    def contains(self, other):
        self._plain("contains")
        prop = self._config()
        if prop.direction is ONETOMANY:
            _no_extra_criteria(prop, "contains()")
            values = self._values_of(other, [fk for _, fk in prop.pairs], prop.mapper)
            return and_(*_join_terms(prop, lambda i: (prop.pairs[i][0], literal(values[i], prop.pairs[i][0].type))))
        if prop.direction is MANYTOMANY:
            if prop.target is prop.parent.local_table:
                raise _unsupported(f"contains() of the self-referential many-to-many {self!r}")
            values = self._values_of(other, [tc for tc, _ in prop.target_pairs], prop.mapper)
            sec = prop.secondary.alias(f"{prop.secondary.name}_1")
            crit = [pc == sec.c[sc.name] for pc, sc in prop.parent_pairs]
            crit += [literal(v, sc.type) == sec.c[sc.name] for (_, sc), v in zip(prop.target_pairs, values)]
            return and_(*crit)
        raise InvalidRequestError("'contains' not implemented for scalar attributes.  Use ==")


# ---------------------------------------------------------------- states


class InstanceState:
    """`inspect(obj)`: an object's state (held by the object, never the reverse)."""

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


def _declarative_constructor(self, **kwargs):
    cls = type(self)
    mapper = getattr(cls, "__mapper__", None)
    if mapper is not None and not mapper.registry._configured:
        mapper.registry.configure()
    for k, v in kwargs.items():
        if not hasattr(cls, k):
            raise TypeError(f"{k!r} is an invalid keyword argument for {cls.__name__}")
        setattr(self, k, v)


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


_sessions = {}


class IdentitySet:
    def __init__(self, items=()):
        self._items = list(items)

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __contains__(self, obj):
        return any(o is obj for o in self._items)

    def __bool__(self):
        return bool(self._items)

    def __repr__(self):
        return f"IdentitySet({self._items!r})"


class _IdentityMap:
    def __init__(self, session):
        self._session = session

    def _objects(self):
        return _retort_orm.objects(self._session._sid, "identity")

    def values(self):
        return self._objects()

    def keys(self):
        # a dict's keys view, as SQLAlchemy's WeakInstanceDict gives
        return {_state(o).identity_key: None for o in self._objects()}.keys()

    def items(self):
        return [(_state(o).identity_key, o) for o in self._objects()]

    def __iter__(self):
        return iter(list(self.keys()))

    def __len__(self):
        return len(self._objects())

    def __contains__(self, key):
        return key in self.keys()

    def __getitem__(self, key):
        for k, o in self.items():
            if k == key:
                return o
        raise KeyError(key)


def _orm_column_keys(stmt, entities):
    """The keys of an ORM select's plain columns (entities aside), or None
    when its columns are not all plain ones and entities."""
    if not isinstance(stmt, _sa.Select):
        return None
    entity_tables = {id(cls.__table__) for _, cls in entities or () if isinstance(cls, type)}
    columns = []
    for c in stmt.columns:
        if isinstance(c, _sa.FromClause):
            if id(c) in entity_tables:
                continue
            return None
        columns.append(c)
    return _sa._naming_keys(columns)


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
            _sa._call(s.bind, _sa._retort_sql.run_sql, f"RELEASE SAVEPOINT {self._savepoint}")
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
            _sa._call(s.bind, _sa._retort_sql.run_sql, f"ROLLBACK TO SAVEPOINT {self._savepoint}")
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


def _joins_eagerly(options):
    """Whether a loader option joins its relationship (joinedload)."""
    return any(o.strategy == "joinedload" for o in options)


def _deferral(statement, column_options, every_column=False):
    """The statement as the ORM sends it when some entity loads fewer than
    all its columns (deferred ones, `load_only()`, `defer()`, `undefer()`):
    that entity's table in the columns clause replaced by the columns it
    loads; and where each such entity's columns start -> their keys."""
    entities = getattr(statement, "_orm_entities", None)
    if not entities:
        return statement, None
    plans = {}
    for pos, cls in entities:
        mapper = cls.__mapper__
        keys = [k for k in mapper.expression_keys + mapper.column_keys if k not in mapper.deferred_keys or (every_column and k in mapper.attr_index)]
        for o in column_options:
            keys = o.apply(mapper, keys)
        if keys != mapper.column_keys:
            source = mapper.local_table if isinstance(cls, type) else cls.__clause_element__()
            if source is not mapper.local_table and any(k not in mapper.attr_index for k in keys):
                raise _unsupported("column_property() expressions of an aliased() entity")
            plans[pos] = (mapper, keys, source)
    if not plans:
        return statement, None
    stmt = statement._copy()
    # positions count expanded columns (a table stands for all of its own)
    columns, moved, loads = [], {}, {}
    pos = new_pos = 0
    for item in statement.columns:
        width = len(item._table_columns()) if isinstance(item, _sa.FromClause) else 1
        plan = plans.get(pos)
        moved[pos] = new_pos
        if plan is not None and item is plan[2]:
            mapper, keys, source = plan
            loads[new_pos] = keys
            if source is mapper.local_table:
                columns.extend(mapper._selectable(k) for k in keys)
            else:
                columns.extend(source.c[mapper.column_attrs_list[mapper.attr_index[k]][1].name] for k in keys)
            new_pos += len(keys)
        else:
            columns.append(item)
            new_pos += width
        pos += width
    stmt.columns = columns
    stmt._orm_entities = [(moved.get(p, p), cls) for p, cls in entities]
    return stmt, loads


class Session:
    def __init__(self, bind=None, *, autoflush=True, expire_on_commit=True, autobegin=True, info=None, **kw):
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

    def _connection(self):
        if self.bind is None:
            raise UnboundExecutionError("Could not locate a bind configured on mapper, SQL expression or this Session.")
        if self._conn is None:
            self._conn = self.bind.connect()
        if not self._conn.in_transaction():
            self._conn.begin()
        for t in self._nested:
            if t._active and t._savepoint is None:
                self._conn._savepoints += 1
                t._savepoint = f"sa_savepoint_{self._conn._savepoints}"
                _sa._call(self.bind, _sa._retort_sql.run_sql, f"SAVEPOINT {t._savepoint}")
        return self._conn

    def connection(self, **kw):
        return self._connection()

    def get_bind(self, mapper=None, **kw):
        return self.bind

    def begin(self):
        # an autobegun transaction (a query ran) counts too
        if self._transaction is not None or (self._conn is not None and self._conn.in_transaction()):
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
        return self._transaction is not None or (self._conn is not None and self._conn.in_transaction())

    def in_nested_transaction(self):
        return bool(self._nested)

    @property
    def is_active(self):
        """False only while a failed flush waits for rollback()."""
        return self._failed is None

    def get_transaction(self):
        return self._transaction

    def commit(self):
        self._check_failed()
        self._fire("before_commit", self)
        self.flush()
        for t in reversed(self._nested):
            if t._active and t._savepoint is not None:
                _sa._call(self.bind, _sa._retort_sql.run_sql, f"RELEASE SAVEPOINT {t._savepoint}")
            t._active = False
        self._nested = []
        if self._conn is not None and self._conn.in_transaction():
            self._conn.commit()
        self._transaction = None
        _retort_orm.commit(self._sid, self.expire_on_commit)
        self._fire("after_commit", self)

    def rollback(self):
        # (a failed flush rolled its transaction back already: what changed
        # since is discarded, with a warning, and after_rollback fired then)
        failed = self._failed is not None
        if failed and (self.new or self.dirty or self.deleted):
            _sa_warn("Session's state has been changed on a non-active transaction - this state will be discarded.")
        if self._conn is not None and self._conn.in_transaction():
            self._conn.rollback()
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
        if self._conn is not None:
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
            _sa._call(self.bind, _retort_orm.flush, self._sid, syncs, links, cascaded)
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
        if self._conn is not None and self._conn.in_transaction():
            self._conn.rollback()
        self._failed = e
        # (the transaction is rolled back at once, as SQLAlchemy's flush does:
        # pending objects become transient, loaded ones expire)
        self._after_rollback(_retort_orm.rollback(self._sid, False))
        self._fire("after_rollback", self)

    def _relationship_work(self, new, dirty, deleted):
        """What the relationships of the flushed objects imply: foreign
        keys to copy, association rows, orphans to delete."""
        syncs, links, cascaded, seen_links = [], [], [], set()

        def st(o):
            return _state(o)._st

        def link(prop, a, b, insert):
            # a: the relationship's parent, b: its target
            cols = [(sc.name, st(a), prop.parent.attr_index[prop.parent.column_attr_of[pc.name]]) for pc, sc in prop.parent_pairs]
            cols += [(sc.name, st(b), prop.mapper.attr_index[prop.mapper.column_attr_of[tc.name]]) for tc, sc in prop.target_pairs]
            key = (prop.secondary.name, insert, tuple(sorted((c, s) for c, s, _ in cols)))
            order = f"{prop.parent.class_.__module__}.{prop.parent.class_.__name__}_{prop.key}"
            links.append((order, key, (prop.parent.mid, prop.index, prop.secondary, insert, cols)))

        def sync(prop, parent, child, timing=None):
            # timing: a post_update relationship's key is written by an UPDATE of
            # its own, after the saves ("post") or before the deletes ("pre")
            pairs = prop.__dict__.get("_sync_pairs")
            if pairs is None:
                if prop.direction is ONETOMANY:
                    pm, cm = prop.parent, prop.mapper
                else:
                    pm, cm = prop.mapper, prop.parent
                pairs = prop._sync_pairs = [(pm.attr_index[pm.column_attr_of[a.name]], cm.attr_index[cm.column_attr_of[b.name]]) for a, b in prop.pairs]
            if prop.post_update and timing is None:
                timing = "post"
            syncs.append((prop.parent.mid, prop.index, None if parent is None else _state(parent)._st, _state(child)._st, pairs, timing))

        deleted_ids = [st(o) for o in deleted]
        # orphans are deleted as session.delete() would: with their own
        # cascade, and their relationships worked out like the others'
        orphans = set()
        work = new + dirty + deleted
        i = 0
        while i < len(work):
            obj = work[i]
            i += 1
            state = _state(obj)
            state.mapper._configure()
            status = _retort_orm.status(state._st)
            is_new = status[0] == "pending"
            is_deleted = status[2] or state._st in orphans
            d = obj.__dict__
            for prop in state.mapper._relationships.values():
                if prop.viewonly:
                    continue
                if is_deleted:
                    if prop.post_update and prop.direction is MANYTOONE and "delete-orphan" not in prop.cascade:
                        # the row's key to the other row is cleared before either is deleted
                        if getattr(obj, prop.key) is not None:
                            sync(prop, None, obj, "pre")
                    elif prop.post_update and prop.direction is ONETOMANY and prop.passive_deletes != "all":
                        for child in getattr(obj, prop.key):
                            sync(prop, None, child, "pre")
                    elif prop.direction is ONETOMANY and "delete" not in prop.cascade and not prop.passive_deletes:
                        for child in getattr(obj, prop.key):
                            if st(child) not in deleted_ids:
                                sync(prop, None, child)
                    elif prop.direction is MANYTOMANY:
                        for other in getattr(obj, prop.key):
                            link(prop, obj, other, False)
                    continue
                ev = state.rel_events.get(prop.key)
                if is_new:
                    value = d.get(prop.key)
                    added = [x for x in (list(value) if prop.uselist else [value]) if x is not None] if value is not None else []
                    if ev is not None:
                        added += [x for x in ev[0] if x is not None and not any(x is a for a in added)]
                    removed = []
                elif ev is not None:
                    added, removed = list(ev[0]), list(ev[1])
                else:
                    continue
                if prop.direction is ONETOMANY:
                    for c in added:
                        if c not in self:
                            # (`UOWTransaction.register_object`: a child the
                            # session does not hold, such as one a backref put
                            # in the collection, is left out with a warning)
                            if not _retort_orm.status(st(c))[2]:
                                _sa_warn(f"Object of type <{type(c).__name__}> not in session, add operation along '{prop!r}' will not proceed")
                            continue
                        sync(prop, obj, c)
                    for c in removed:
                        if c is None or any(c is a for a in added):
                            continue
                        if prop.reverse is not None and c.__dict__.get(prop.reverse.key) is not None:
                            # moved to another parent (hasparent): that parent's relationship syncs it
                            continue
                        if "delete-orphan" in prop.cascade:
                            if _retort_orm.status(st(c))[0] == "persistent" and st(c) not in deleted_ids:
                                gone = [c]
                                self._delete_cascade(c, _state(c), [c], gone)
                                for x in gone:
                                    if st(x) not in deleted_ids:
                                        cascaded.append(st(x))
                                        deleted_ids.append(st(x))
                                        orphans.add(st(x))
                                        work.append(x)
                        elif st(c) not in deleted_ids:
                            sync(prop, None, c)
                elif prop.direction is MANYTOONE:
                    target = added[-1] if added else None
                    if added or removed:
                        sync(prop, target, obj)
                else:
                    for other in removed:
                        if other is not None:
                            link(prop, obj, other, False)
                    for other in added:
                        link(prop, obj, other, True)
        # a pair of objects is linked once, by the relationship whose
        # dependency processor runs first (SQLAlchemy's sort key order)
        links.sort(key=lambda l: l[0])
        unique = []
        for _, key, link_ in links:
            if key not in seen_links:
                seen_links.add(key)
                unique.append(link_)
        return syncs, unique, cascaded

    # -- loading

    def _entity_rows(self, stmt, result, loads=None, populate=False):
        """Rows of an ORM select: each entity's columns become its object
        (`loads`: position -> the column keys an entity's query loads, when
        not all of them)."""
        entities = getattr(stmt, "_orm_entities", None)
        keys = list(result._keys)
        # the ORM keys its rows' columns by SQLAlchemy's naming convention
        # (`count`, `id_1`), an entity by its class, not by the SQL's labels
        named = _orm_column_keys(stmt, entities)
        if not entities:
            if named is not None and len(named) == len(keys) and isinstance(result._keys, list):
                # (the rows share the keys list)
                result._keys[:] = named
            return result
        loads = loads or {}
        spans = []
        for index, cls in entities:
            spans.append((index, len(loads.get(index) or cls.__mapper__.column_keys), cls))
        new_keys, layout = [], []
        pos = 0
        spans_iter = iter(spans)
        nxt = next(spans_iter, None)
        while pos < len(keys):
            if nxt is not None and pos == nxt[0]:
                new_keys.append(nxt[2].__name__)
                layout.append((pos, nxt[1], nxt[2]))
                pos += nxt[1]
                nxt = next(spans_iter, None)
            else:
                new_keys.append(keys[pos])
                layout.append((pos, None, None))
                pos += 1
        columns_at = [i for i, (_, n, _) in enumerate(layout) if n is None]
        if named is not None and len(named) == len(columns_at):
            for i, key in zip(columns_at, named):
                new_keys[i] = key
        rows = []
        for r in result._rows[result._pos:]:
            out = []
            for start, n, cls in layout:
                if n is None:
                    out.append(r[start])
                else:
                    out.append(self._load_entity(cls.__mapper__, tuple(r[start:start + n]), loads.get(start), populate))
            rows.append(tuple(out))
        return _sa.Result(new_keys, rows)

    def _bulk(self, statement, params, entity, options):
        """An ORM-enabled UPDATE or DELETE, and the loaded objects it matches
        kept in step: found beforehand by testing the criteria in Python
        (`synchronize_session="evaluate"`; "auto" tries it first), or
        afterwards by the primary keys RETURNING gives back ("fetch"). SET
        values Python can compute are set on them, the others expired."""
        sync = options.get("synchronize_session", "auto")
        if sync not in ("auto", "evaluate", "fetch", False):
            raise ArgumentError("Valid strategies for session synchronization are 'auto', 'evaluate', 'fetch', False")
        mapper = entity.__mapper__
        if isinstance(statement, _sa.Update) and isinstance(params, list) and not statement.where_criteria and not statement.value_rows:
            # ORM bulk UPDATE by primary key: each row's key in WHERE, its other values SET
            self.bulk_update_mappings(mapper, params)
            for row in params:
                obj = _retort_orm.get(self._sid, mapper.mid, [row.get(k) for k in mapper.pk_keys])
                if obj is not None:
                    d = obj.__dict__
                    d.update({k: v for k, v in row.items() if k in d and k not in mapper.pk_keys})
            return _sa.Result([], [], len(params), None, False)
        evaluators, expired = {}, []
        for row in statement.value_rows[:1]:
            for k, v in row.items():
                name = k if isinstance(k, str) else k.key
                key = mapper.column_attr_of.get(name, name)
                try:
                    evaluators[key] = _value_evaluator(_sa._coerce(v))
                except _Unevaluatable:
                    expired.append(key)
        matches = None
        if sync in ("auto", "evaluate"):
            try:
                test = _evaluator(and_(*statement.where_criteria) if statement.where_criteria else None)
                matches = [obj for obj in _retort_orm.objects(self._sid, "identity") if type(obj).__mapper__ is mapper and test(obj)]
            except _Unevaluatable as e:
                if sync == "evaluate":
                    raise _unsupported(f"synchronize_session='evaluate' for the criteria {e.args[0]!r} (pass 'fetch' or False)")
                sync = "fetch"
        if sync == "fetch" and not statement.returning_columns:
            pk = [c for _, c in mapper.column_attrs_list if c.primary_key]
            result = self._connection().execute(statement.returning(*pk), params)
            keys = {tuple(r) for r in result.all()}
            matches = [obj for obj in _retort_orm.objects(self._sid, "identity")
                       if type(obj).__mapper__ is mapper and tuple(_state(obj).key_values() or ()) in keys]
            result = _sa.Result([], [], len(keys), None, False)
        else:
            result = self._connection().execute(statement, params)
        for obj in matches or ():
            if isinstance(statement, _sa.Update):
                d = obj.__dict__
                new = {key: f(obj) for key, f in evaluators.items() if key in d}
                d.update(new)
                for key in expired:
                    d.pop(key, None)
            else:
                _retort_orm.bulk_deleted(self._sid, _state(obj)._st)
        return result

    def _eager(self, statement, result, options):
        """Loader options after the main rows: `selectinload` (one IN query per
        relationship), along each option's path (`selectinload(A.b).selectinload(B.c)`);
        `noload`/`lazyload` (nothing now). Paths through a relationship another
        option loads (`defaultload(A.b).selectinload(B.c)`) go after those."""
        entities = getattr(statement, "_orm_entities", None) or []
        self._lazy_overrides(entities, result, options)
        for o in options:
            if o.strategy in ("immediateload", "subqueryload"):
                if len(o.path) != 1 and o.strategy == "immediateload":
                    raise _unsupported(f"{o.strategy}() with a path of relationships")
                prop = o.path[0][1]
                index = next((i for i, (_, cls) in enumerate(entities) if cls.__mapper__ is prop.parent), None)
                if index is None:
                    continue
                objs, seen = [], set()
                for row in result._rows[result._pos:]:
                    obj = row[index]
                    if obj is not None and id(obj) not in seen and prop.key not in obj.__dict__:
                        seen.add(id(obj))
                        objs.append(obj)
                if o.strategy == "immediateload":
                    for obj in objs:
                        getattr(obj, prop.key)
                elif objs:
                    self._subquery_load(statement, prop, objs)
                if len(o.path) > 1:
                    # `subqueryload(A.b).selectinload(B.c)`: the rest from the objects reached
                    reached = _related_objects(objs, prop)
                    if reached:
                        self._eager_path(reached, o.path[1:], o.path[:1])
        paths = [o.path for o in options if o.path[0][0] == "selectinload"]
        paths += [o.path for o in options if o.path[0][0] == "defaultload" and any(st == "selectinload" for st, _ in o.path)]
        rows = result._rows[result._pos:]
        for path in paths:
            prop = path[0][1]
            index = next((i for i, (_, cls) in enumerate(entities) if cls.__mapper__ is prop.parent), None)
            if index is None:
                continue
            objs, seen = [], set()
            for row in rows:
                obj = row[index]
                if obj is not None and id(obj) not in seen:
                    seen.add(id(obj))
                    objs.append(obj)
            self._eager_path(objs, path)

    _LAZY_MODES = {"raiseload": "raise", "noload": "noload", "lazyload": "select", "raiseload_sql": "raise_on_sql"}

    def _lazy_overrides(self, entities, result, options):
        """`raiseload()`, `noload()`, `lazyload()` (a relationship, or "*"): how
        the objects this statement loads load that relationship later."""
        wanted = [(o.path[0][1], self._LAZY_MODES[o.strategy]) for o in options if o.strategy in self._LAZY_MODES and len(o.path) == 1]
        if not wanted:
            return
        for index, cls in entities:
            mapper = cls.__mapper__
            marks = {}
            for prop, mode in wanted:
                if prop is None:
                    marks["*"] = mode
                elif prop.parent is mapper:
                    marks[prop.key] = mode
            if not marks:
                continue
            for row in result._rows[result._pos:]:
                obj = row[index]
                if obj is not None:
                    state = _state(obj)
                    state.lazy_overrides = {**(state.lazy_overrides or {}), **marks}

    def _with_defaults(self, statement, options):
        """The statement's loader options, and the eager loading its entities'
        relationships ask for themselves (`lazy="selectin"`, `lazy="joined"`)
        where no option names them."""
        entities = getattr(statement, "_orm_entities", None) or []
        if not entities:
            return options
        named = {id(o.path[0][1]) for o in options}
        everything = any(o.path[0][1] is None for o in options)
        extra = []
        for _, cls in entities:
            mapper = cls.__mapper__
            mapper._configure()
            for prop in mapper._relationships.values():
                if prop.lazy in ("selectin", "joined", "immediate", "subquery") and id(prop) not in named and not everything:
                    if prop.lazy == "joined" and any(prop.mapper is m for m in self._loading_from):
                        # a joined load back to a class the load came from (a lazy load of
                        # User.posts does not join Post.author): JoinedLoader's path check
                        continue
                    named.add(id(prop))
                    extra.append(_LoaderOption(prop.lazy + "load", [_RelationshipComparator(prop)]))
        return list(options) + extra

    # the classes a lazy load is loading from (JoinedLoader's path.contains_mapper)
    _loading_from = ()

    def _eager_defaults(self, objs, path):
        """After an eager load along `path`: the loaded objects' own
        `lazy="selectin"` collections (not those on the path already)."""
        props = {id(p) for _, p in path}
        mappers = []
        for o in objs:
            m = type(o).__mapper__
            if m not in mappers:
                mappers.append(m)
        for m in mappers:
            m._configure()
            for prop in m._relationships.values():
                if id(prop) in props or prop.lazy not in ("selectin", "joined"):
                    continue
                if prop.lazy == "joined" and all(prop.key in o.__dict__ for o in objs if type(o).__mapper__ is m):
                    # joined into the query that loaded them
                    continue
                if prop.lazy == "joined" or prop.direction is MANYTOONE:
                    raise _unsupported(f"lazy={prop.lazy!r} on {prop!r} reached through another eager load")
                self._eager_path([o for o in objs if type(o).__mapper__ is m], [("selectinload", prop)], path)

    def _eager_path(self, objs, path, done=()):
        """Loads one step of a loader option's path for `objs`, then the rest
        of the path for the objects that step reached (`done`: the steps
        that led to `objs`, when the relationships' own lazy="selectin" did)."""
        strategy, prop = path[0]
        if strategy == "selectinload":
            # joinedload() steps right after: joined into the same query
            k = 1
            while k < len(path) and path[k][0] == "joinedload":
                k += 1
            # SQLAlchemy's selectin loader queries a one-to-many for every parent
            # the statement loaded, and fills only those not loaded yet
            todo = objs if prop.direction is ONETOMANY and k == 1 else [o for o in objs if prop.key not in o.__dict__]
            joined = [p for _, p in path[1:k]]
            if k == 1 and prop.direction is ONETOMANY:
                # the loaded class's own lazy="joined" relationships join the same query
                on_path = {id(p) for _, p in list(done) + list(path)}
                joined = [p for p in prop.mapper._relationships.values() if p.lazy == "joined" and id(p) not in on_path]
            if todo:
                self._selectin(prop, todo, joined)
            elif k > 1:
                raise _unsupported(f"joinedload() after selectinload() of {prop!r}, which another option loaded")
            if k > 1:
                reached = objs
                for _, p in path[:k]:
                    reached = _related_objects(reached, p)
                if k < len(path) and reached:
                    self._eager_path(reached, path[k:], list(done) + list(path[:k]))
                return
        elif strategy in self._LAZY_MODES:
            # `selectinload(A.b).raiseload(B.c)`: how the objects reached load B.c later
            for o in objs:
                state = _state(o)
                state.lazy_overrides = {**(state.lazy_overrides or {}), prop.key if prop is not None else "*": self._LAZY_MODES[strategy]}
            return
        elif strategy != "defaultload":
            raise _unsupported(f"{strategy}() after another relationship in a loader option's path")
        if len(path) == 1:
            if strategy == "selectinload":
                reached = []
                for o in objs:
                    value = o.__dict__.get(prop.key)
                    reached += [x for x in (value if prop.uselist else [value]) if x is not None] if value is not None else []
                if reached:
                    self._eager_defaults(reached, list(done) + [(strategy, prop)])
            return
        reached, seen = [], set()
        for o in objs:
            if prop.key not in o.__dict__:
                # not loaded (`defaultload(A.b)` of a lazy A.b): the rest of the path
                # goes with A.b's lazy load, when it happens
                state = _state(o)
                options = dict(state.lazy_options or {})
                options[prop.key] = options.get(prop.key, []) + [_option_of_path(path[1:])]
                state.lazy_options = options
                continue
            value = o.__dict__[prop.key]
            for x in (value if prop.uselist else [value]):
                if x is not None and id(x) not in seen:
                    seen.add(id(x))
                    reached.append(x)
        if reached:
            self._eager_path(reached, path[1:])

    def _selectin(self, prop, parents, joined=()):
        """SQLAlchemy's selectin loader: the related rows of `parents`, 500 keys
        per IN query, for each kind of relationship; `joined`: relationships
        of the loaded class to joinedload in the same query (a chain)."""
        prop.parent._configure()
        target = prop.mapper
        if any(not p.deferred for p in target.expressions):
            raise _unsupported(f"selectinload() of {prop!r}, whose class maps column_property() expressions")
        _no_extra_criteria(prop, "selectinload()")
        if prop.direction is MANYTOONE:
            if joined:
                raise _unsupported(f"joinedload() after selectinload() of the many-to-one {prop!r}")
            return self._selectin_many_to_one(prop, parents)
        if joined and prop.direction is MANYTOMANY:
            raise _unsupported(f"joinedload() after selectinload() of the many-to-many {prop!r}")
        if prop.direction is ONETOMANY:
            if len(prop.pairs) != 1:
                raise _unsupported(f"selectinload() of {prop!r} (a composite foreign key)")
            (pc, key_col), = prop.pairs
            cols = [key_col] + [c for k, c in target.column_attrs_list if c is not key_col and k not in target.deferred_keys]
            base = select(*cols)
        else:
            if prop.target is prop.parent.local_table or hasattr(prop, "_written"):
                raise _unsupported(f"selectinload() of {prop!r} (a many-to-many with its own join conditions)")
            if len(prop.parent_pairs) != 1:
                raise _unsupported(f"selectinload() of {prop!r} (a composite foreign key)")
            (pc, key_col), = prop.parent_pairs
            cols = [key_col] + [c for k, c in target.column_attrs_list if k not in target.deferred_keys]
            on = and_(*[tc == sc for tc, sc in prop.target_pairs])
            base = select(*cols).select_from(_sa.Join(prop.secondary, target.local_table, on, False))
        pkey = prop.parent.column_attr_of[pc.name]
        keys = [getattr(p, pkey) for p in parents]
        # where each of the target's columns is in a row (the key column first: its own for a one-to-many)
        loaded = [(k, c) for k, c in target.column_attrs_list if c in cols]
        order = [cols.index(c, 1) if c in cols[1:] else 0 for _, c in loaded]
        loaded_keys = [k for k, _ in loaded]
        found = {}
        extra = [o.criteria for o in self._criteria if o.mapper is target]
        tree, join_order = None, []
        if joined:
            # the loaded class's joined loads, in the same query (unlabelled, as SQLAlchemy's)
            tree = node = _JoinedNode(None, None, None)
            for j in joined:
                # a step from the last one's class continues the chain; else it joins the loaded class
                node = node.child(j) if node is not tree and j.parent is node.prop.mapper else tree.child(j)
            left, join_order = _join_tree(tree, target.local_table, target.local_table)
            base = select(*cols, *tree.columns(len(cols))).select_from(left).set_label_style(_sa.LABEL_STYLE_NONE)
        for start in range(0, len(keys), 500):
            stmt = base.where(key_col.in_(keys[start:start + 500]), *extra)
            if prop.order_by or join_order:
                stmt = stmt.order_by(*prop.order_by, *join_order)
            for r in self._connection().execute(stmt).all():
                child = self._load_entity(target, [r[i] for i in order], loaded_keys)
                kids = found.setdefault(r[0], [])
                if tree is None:
                    kids.append(child)
                    continue
                if not any(child is k for k in kids):
                    kids.append(child)
                tree.take(self, r, child)
        for p, k in zip(parents, keys):
            if prop.key not in p.__dict__:
                p.__dict__[prop.key] = _collection(p, prop, found.get(k, []))
        if tree is not None:
            tree.fill()

    def _subquery_load(self, statement, prop, parents):
        """SQLAlchemy's subquery loader: the statement again, its parent keys
        only, as a subquery the related table joins; the related rows grouped
        by key into each parent's collection."""
        prop.parent._configure()
        target = prop.mapper
        if prop.direction is not ONETOMANY or len(prop.pairs) != 1:
            raise _unsupported(f"subqueryload() of {prop!r} (only a one-to-many on one foreign key)")
        _no_extra_criteria(prop, "subqueryload()")
        if target.expressions or target.deferred_keys:
            raise _unsupported(f"subqueryload() of {prop!r}, whose class has deferred columns or column_property()")
        (pc, fk), = prop.pairs
        inner = statement.with_only_columns(pc)
        if inner.limit_value is None and inner.offset_value is None:
            inner = inner.order_by(None)
        inner = inner.set_label_style(_sa.LABEL_STYLE_TABLENAME_PLUS_COL).subquery()
        key = inner.c[f"{pc.table.name}_{pc.name}"]
        cols = [c for _, c in target.column_attrs_list]
        stmt = select(*cols, key).set_label_style(_sa.LABEL_STYLE_TABLENAME_PLUS_COL)
        stmt = stmt.select_from(inner).join(target.local_table, key == fk)
        stmt = stmt.order_by(*prop.order_by) if prop.order_by else stmt.order_by(key)
        found = {}
        width = len(cols)
        for r in self._connection().execute(stmt).all():
            child = self._load_entity(target, tuple(r[:width]))
            found.setdefault(r[width], []).append(child)
        pkey = prop.parent.column_attr_of[pc.name]
        for p in parents:
            p.__dict__[prop.key] = _collection(p, prop, found.get(getattr(p, pkey), []))

    def _contains_eager(self, statement, params, eager, options):
        """`contains_eager()`: the related entity's columns put before the
        statement's own (the statement joins its table itself), each row's
        related object put in the relationship."""
        entities = getattr(statement, "_orm_entities", None) or []
        if len(eager) != 1 or len(eager[0].path) != 1:
            raise _unsupported("contains_eager() of more than one relationship")
        prop = eager[0].path[0][1]
        prop.parent._configure()
        index = next((i for i, (_, cls) in enumerate(entities) if isinstance(cls, type) and cls.__mapper__ is prop.parent), None)
        target = prop.mapper
        if index is None or prop.direction is MANYTOMANY:
            raise _unsupported(f"contains_eager() of {prop!r} here (its parent entity selected plainly, not many-to-many)")
        stmt = statement._copy()
        keys = [k for k in target.expression_keys + target.column_keys if k not in target.deferred_keys]
        eager = [target._selectable(k) for k in keys] if keys != target.column_keys else [target.local_table]
        width = len(keys)
        # select() puts the related columns first, the legacy Query after its own
        legacy = statement.label_style == _sa.LABEL_STYLE_TABLENAME_PLUS_COL
        stmt.columns = list(statement.columns) + eager if legacy else eager + list(statement.columns)
        self._autoflush()
        raw = self._connection().execute(stmt, params)
        rows = raw._rows[raw._pos:]
        own = len(raw._keys) - width
        theirs, ours = (slice(own, None), slice(None, own)) if legacy else (slice(None, width), slice(width, None))
        related = [self._load_entity(target, tuple(r[theirs]), keys) for r in rows]
        result = self._entity_rows(statement, _sa.Result(list(raw._keys[ours]), [tuple(r[ours]) for r in rows]))
        kids_of = {}
        for row, obj in zip(result._rows[result._pos:], related):
            parent = row[index]
            if parent is None:
                continue
            if prop.uselist:
                kids = kids_of.setdefault(id(parent), (parent, []))[1]
                if obj is not None and not any(obj is k for k in kids):
                    kids.append(obj)
            elif prop.key not in parent.__dict__:
                parent.__dict__[prop.key] = obj
        for parent, kids in kids_of.values():
            if prop.key not in parent.__dict__:
                parent.__dict__[prop.key] = _collection(parent, prop, kids)
        if prop.uselist:
            result._joined_eager = True
        self._eager(statement, result, options)
        return result

    def _selectin_many_to_one(self, prop, parents):
        """The targets of a many-to-one by primary key, each key once."""
        target = prop.mapper
        if len(prop.pairs) != 1:
            raise _unsupported(f"selectinload() of {prop!r} (a composite foreign key)")
        (remote, local), = prop.pairs
        fkey = prop.parent.column_attr_of[local.name]
        keys = []
        for p in parents:
            k = getattr(p, fkey)
            if k is not None and k not in keys:
                keys.append(k)
        cols = [remote] + [c for k, c in target.column_attrs_list if c is not remote and k not in target.deferred_keys]
        loaded = [(k, c) for k, c in target.column_attrs_list if c in cols]
        order = [cols.index(c) for _, c in loaded]
        loaded_keys = [k for k, _ in loaded]
        found = {}
        for start in range(0, len(keys), 500):
            stmt = select(*cols).where(remote.in_(keys[start:start + 500]), *[o.criteria for o in self._criteria if o.mapper is target])
            for r in self._connection().execute(stmt).all():
                found[r[0]] = self._load_entity(target, tuple(r[i] for i in order), loaded_keys)
        for p in parents:
            p.__dict__[prop.key] = found.get(getattr(p, fkey))

    def _joined(self, statement, params, joined, options):
        """`joinedload`, chains included (`joinedload(A.b).joinedload(B.c)`):
        each relationship's table joined (LEFT OUTER, aliased `table_1`) in
        path order; the columns of the joined tables after the statement's,
        each relationship's own joined loads before its columns (the order
        SQLAlchemy's eager loaders add them); rows are the parent objects with
        their relationships filled. Steps after the joined ones
        (`joinedload(A.b).selectinload(B.c)`) load from the objects reached."""
        entities = getattr(statement, "_orm_entities", None) or []
        if len(entities) != 1:
            raise _unsupported("joinedload() in a statement of more than one entity")
        index, cls = entities[0]
        if isinstance(cls, AliasedClass):
            raise _unsupported("joinedload() from an aliased() class")
        root = _JoinedNode(None, None, None)
        rest = []
        for o in joined:
            node = root
            for i, (strategy, prop) in enumerate(o.path):
                if strategy != "joinedload":
                    rest.append((node, o.path[i:]))
                    break
                node = node.child(prop)
        stmt = statement._copy()
        left = stmt.froms.pop() if stmt.froms else cls.__table__
        left, order_by = _join_tree(root, left, cls.__mapper__.local_table)
        stmt.froms.append(left)
        n = len(stmt._expanded_columns())
        stmt.columns = stmt.columns + root.columns(n)
        stmt._with_options = []
        if order_by:
            stmt = stmt.order_by(*order_by)
        self._autoflush()
        raw = self._connection().execute(stmt, params)
        width = len(cls.__mapper__.column_keys)
        rows = []
        for r in raw._rows[raw._pos:]:
            parent = self._load_entity(cls.__mapper__, tuple(r[index:index + width]))
            root.take(self, r, parent)
            rows.append(tuple(r[:index]) + (parent,) + tuple(r[index + width:n]))
        root.fill()
        keys = list(raw._keys[:index]) + [cls.__name__] + list(raw._keys[index + width:n])
        result = _sa.Result(keys, rows)
        result._joined_eager = True
        self._eager(statement, result, [o for o in options if o.strategy != "joinedload"])
        for node, path in rest:
            reached, seen = [], set()
            for _, kids in node.found.values():
                for k in kids:
                    if id(k) not in seen:
                        seen.add(id(k))
                        reached.append(k)
            if reached:
                self._eager_path(reached, path)
        return result

    def _load_entity(self, mapper, values, keys=None, populate=False):
        """The object of a row's columns (`keys`: which of the mapper's
        columns `values` are, when not all; `populate`: replace what an
        object in the identity map holds, as `populate_existing`)."""
        if values.count(None) == len(values):
            return None
        absent = ()
        if keys is None or keys == mapper.column_keys:
            keys = mapper.column_keys
            row = list(values)
        else:
            given = dict(zip(keys, values))
            row = [given.get(k) for k in mapper.column_keys]
            absent = [i for i, k in enumerate(mapper.column_keys) if k not in given]
        obj, st, fresh = _retort_orm.load(self._sid, mapper.mid, row, populate, absent)
        if fresh:
            cls = mapper.class_
            obj = cls.__new__(cls)
            d = obj.__dict__
            state = InstanceState(mapper, st)
            d["_sa_instance_state"] = state
            _retort_orm.attach(st, obj)
            if self._criteria:
                # loaded now: its lazy loads keep the statement's with_loader_criteria()
                state.loader_criteria = list(self._criteria)
            if type(keys) is list and type(values) is list:
                _retort_orm.fill(obj, keys, values)
            else:
                for k, v in zip(keys, values):
                    d[k] = v
            if absent:
                state.deferred_keys = {mapper.column_keys[i] for i in absent}
                state.raise_keys = set(getattr(keys, "raising", ())) & state.deferred_keys
        else:
            d = obj.__dict__
            state = d["_sa_instance_state"]
            for k, v in zip(keys, values):
                if populate or k not in d:
                    d[k] = v
            if state.deferred_keys:
                state.deferred_keys = {k for k in state.deferred_keys if k not in d}
            if populate:
                # loaded relationships load again on access
                for k in mapper._relationships:
                    d.pop(k, None)
        return obj

    def _load_expired(self, obj, state, key=None):
        """Loads an expired object's columns (`SELECT ... WHERE pk = ?`),
        after an autoflush, as SQLAlchemy's `load_on_ident` does: the columns
        are those missing before the autoflush, even if the flush loaded some.
        A deferred column (`key`) loads alone."""
        d = obj.__dict__
        mapper = state.mapper
        if state.deferred_keys and not any(k in d for k in mapper.column_keys):
            # expired as a whole: what its query left out loads with the rest now
            state.deferred_keys = state.raise_keys = ()
        deferred = mapper.deferred_keys | set(state.deferred_keys)
        if key is not None and key not in d and (key in mapper.raise_keys or key in state.raise_keys):
            raise InvalidRequestError(f"'{mapper.class_.__name__}.{key}' is not available due to raiseload=True")
        every = mapper.expression_keys + mapper.column_keys
        if key is not None and key in deferred and key not in d:
            missing = [key]
        else:
            missing = [k for k in every if k not in d and k not in deferred]
        if not missing:
            return obj
        self._autoflush()
        ident = state.key_values()
        if ident is None:
            return None
        loadable = [k for k in every if k not in mapper.deferred_keys]
        whole = missing == loadable and not (key is not None and key in deferred)
        if whole and loadable == mapper.column_keys:
            stmt = select(mapper.class_)
        else:
            stmt = select(*[mapper._selectable(k) for k in missing])
        stmt = stmt.where(*[c == v for c, v in zip(mapper.primary_key, ident)])
        result = self._connection().execute(stmt)
        row = result.first()
        if row is None:
            raise ObjectDeletedError(f"Instance '{_state_str(obj)}' has been deleted, or its row is otherwise not present.")
        if whole:
            self._load_entity(mapper, tuple(row), loadable)
        else:
            for k, v in zip(missing, row):
                if k not in d:
                    d[k] = v
            if state.deferred_keys:
                state.deferred_keys = {k for k in state.deferred_keys if k not in d}
        return obj

    _criteria = ()

    def _lazy_load(self, obj, state, prop):
        extra = [o.criteria for o in (state.loader_criteria or ()) if o.mapper is prop.mapper]
        overrides = state.lazy_overrides or {}
        mode = overrides.get(prop.key) or overrides.get("*") or prop.lazy
        if mode == "raise":
            raise InvalidRequestError(f"'{type(obj).__name__}.{prop.key}' is not available due to lazy='raise'")
        if mode == "noload":
            return [] if prop.uselist else None

        def no_sql():
            # lazy="raise_on_sql": whatever needs no SQL still loads
            if mode == "raise_on_sql":
                raise InvalidRequestError(f"'{type(obj).__name__}.{prop.key}' is not available due to lazy='raise_on_sql'")

        target = prop.mapper
        if prop.direction is MANYTOONE:
            values = [getattr(obj, prop.parent.column_attr_of[fk.name]) for _, fk in prop.pairs]
            if any(v is None for v in values):
                return None
            if [rc.name for rc, _ in prop.pairs] == [c.name for c in target.primary_key] and not getattr(prop, "_extra_criteria", False):
                found = _retort_orm.get(self._sid, target.mid, values)
                if found is not None:
                    if any(k not in found.__dict__ for k in target.column_keys if k not in target.deferred_keys):
                        no_sql()
                    # an expired object from the identity map loads now (SQLAlchemy's get_from_identity)
                    return self._load_expired(found, _state(found))
            no_sql()
            self._autoflush()
            stmt = select(target.class_).where(*_join_terms(prop, lambda i: (prop.pairs[i][0], literal(values[i], prop.pairs[i][0].type))), *extra)
            return self.execute(_with_lazy_options(stmt, state, prop), _autoflush=False).scalars().first()
        no_sql()
        crit = _lazy_criteria(obj, prop)
        self._autoflush()
        stmt = select(target.class_).where(*crit, *extra).order_by(*prop.order_by)
        outer = self._loading_from
        self._loading_from = (prop.parent,)
        try:
            result = self.execute(_with_lazy_options(stmt, state, prop), _autoflush=False).scalars()
            return result.all() if prop.uselist else result.first()
        finally:
            self._loading_from = outer

    # -- statements

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
        options = self._with_defaults(statement, [o for o in options if not isinstance(o, (_ColumnOption, _CriteriaOption))])
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
        if isinstance(result, _sa.Result):
            result._yield_per = _sa._yield_per(given)
        return result

    def _execute_loading(self, statement, params, options, column_options, populate, criteria):
        eager = [o for o in options if o.strategy == "contains_eager"]
        if eager:
            if column_options or populate or _joins_eagerly(options):
                raise _unsupported("contains_eager() with joinedload(), load_only()/defer()/undefer() or populate_existing")
            return self._contains_eager(statement, params, eager, [o for o in options if o.strategy != "contains_eager"])
        joined = [o for o in options if o.strategy == "joinedload"]
        if joined:
            if column_options or populate or any(cls.__mapper__.deferred_keys or cls.__mapper__.expressions for _, cls in getattr(statement, "_orm_entities", None) or []):
                raise _unsupported("joinedload() with deferred columns, load_only()/defer()/undefer() or populate_existing")
            return self._joined(statement, params, joined, options)
        statement, loads = _deferral(statement, column_options)
        result = self._connection().execute(statement, params)
        result = self._entity_rows(statement, result, loads, populate)
        self._eager(statement, result, options)
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
        return self.execute(stmt, _autoflush=False).scalars().one_or_none()

    def get_one(self, entity, ident, **kw):
        obj = self.get(entity, ident, **kw)
        if obj is None:
            raise NoResultFound("No row was found when one was required")
        return obj

    # -- the legacy bulk API: rows straight to executemany, no objects tracked

    def _bulk_groups(self, mappings):
        """Consecutive mappings naming the same keys, as SQLAlchemy batches them."""
        groups = []
        for m in mappings:
            if groups and set(groups[-1][0]) == set(m):
                groups[-1].append(m)
            else:
                groups.append([m])
        return groups

    def bulk_insert_mappings(self, mapper, mappings, return_defaults=False, render_nulls=False):
        if return_defaults or render_nulls:
            raise _unsupported("bulk_insert_mappings(return_defaults=True / render_nulls=True)")
        mapper = mapper.__mapper__ if isinstance(mapper, type) else mapper
        conn = self._connection()
        for group in self._bulk_groups([dict(m) for m in mappings]):
            rows = [{k: v for k, v in m.items() if k in mapper.attr_index} for m in group]
            conn.execute(_sa.insert(mapper.local_table), rows if len(rows) > 1 else rows[0])

    def bulk_update_mappings(self, mapper, mappings):
        mapper = mapper.__mapper__ if isinstance(mapper, type) else mapper
        conn = self._connection()
        for group in self._bulk_groups([dict(m) for m in mappings]):
            keys = [k for k in mapper.column_keys if k in group[0]]
            if not all(k in keys for k in mapper.pk_keys):
                raise InvalidRequestError("bulk_update_mappings() needs every row's primary key")
            col = {k: mapper.column_attrs_list[mapper.attr_index[k]][1] for k in keys}
            stmt = _sa.update(mapper.local_table).where(*[col[k] == _sa.bindparam(f"_pk_{k}") for k in mapper.pk_keys])
            stmt = stmt.values({col[k]: _sa.bindparam(f"_v_{k}") for k in keys if k not in mapper.pk_keys})
            rows = [{(f"_pk_{k}" if k in mapper.pk_keys else f"_v_{k}"): m[k] for k in keys} for m in group]
            conn.execute(stmt, rows if len(rows) > 1 else rows[0])

    def bulk_save_objects(self, objects, return_defaults=False, update_changed_only=True, preserve_order=True):
        """New objects' rows INSERTed (the objects stay transient, as
        SQLAlchemy leaves them); rows of the same class and keys batched."""
        if return_defaults or not preserve_order:
            raise _unsupported("bulk_save_objects(return_defaults=True / preserve_order=False)")
        runs = []
        for obj in objects:
            state = _state(obj)
            if _retort_orm.status(state._st)[0] != "transient":
                raise _unsupported("bulk_save_objects() of objects already in a session")
            mapper = state.mapper
            row = {k: obj.__dict__[k] for k in mapper.column_keys if k in obj.__dict__}
            if runs and runs[-1][0] is mapper:
                runs[-1][1].append(row)
            else:
                runs.append((mapper, [row]))
        for mapper, rows in runs:
            self.bulk_insert_mappings(mapper, rows)

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


class Query:
    """The legacy `session.query(...)` API, over a `select()` labelled
    `table_column` as SQLAlchemy's Query labels it."""

    def __init__(self, entities, session, _stmt=None):
        self.session = session
        self._entities = entities
        if _stmt is None:
            _stmt = select(*entities).set_label_style(_sa.LABEL_STYLE_TABLENAME_PLUS_COL)
        self._stmt = _stmt
        self._single = len(entities) == 1 and (isinstance(entities[0], type) or isinstance(entities[0], AliasedClass))

    def _new(self, stmt):
        return Query(self._entities, self.session, stmt)

    @property
    def statement(self):
        return self._stmt

    def __str__(self):
        return str(self._stmt)

    def filter(self, *criteria):
        return self._new(self._stmt.where(*criteria))

    where = filter

    def filter_by(self, **kw):
        entity = self._joined_entity if hasattr(self, "_joined_entity") else None
        if entity is None:
            return self._new(self._stmt.filter_by(**kw))
        return self._new(self._stmt.where(*[getattr(entity, k) == v for k, v in kw.items()]))

    def order_by(self, *clauses):
        return self._new(self._stmt.order_by(*clauses))

    def group_by(self, *clauses):
        return self._new(self._stmt.group_by(*clauses))

    def having(self, *criteria):
        return self._new(self._stmt.having(*criteria))

    def join(self, target, onclause=None, isouter=False, full=False):
        q = self._new(self._stmt.join(target, onclause, isouter=isouter, full=full))
        if isinstance(target, (type, AliasedClass)):
            q._joined_entity = target
        elif isinstance(target, _RelationshipComparator):
            q._joined_entity = target._config().mapper.class_
        return q

    def outerjoin(self, target, onclause=None, full=False):
        return self.join(target, onclause, isouter=True, full=full)

    def select_from(self, *froms):
        return self._new(self._stmt.select_from(*froms))

    def options(self, *opts):
        return self._new(self._stmt.options(*opts))

    def limit(self, n):
        return self._new(self._stmt.limit(n))

    def slice(self, start, stop):
        return self._new(self._stmt.limit(max(stop - start, 0)).offset(start))

    def __getitem__(self, item):
        """`query[1:3]` (LIMIT/OFFSET), `query[0]` (the first row), `query[-1]` (all, then the last)."""
        if isinstance(item, slice):
            start, stop = item.start or 0, item.stop
            if start < 0 or (stop is not None and stop < 0):
                return list(self)[item]
            if stop is not None and stop - start <= 0:
                return []
            q = self.slice(start, stop) if stop is not None else self._new(self._stmt.offset(start))
            return list(q)[::item.step]
        if item == -1:
            return list(self)[-1]
        return list(self[item:item + 1])[0]

    def offset(self, n):
        return self._new(self._stmt.offset(n))

    def distinct(self, *exprs):
        return self._new(self._stmt.distinct())

    def with_entities(self, *entities):
        return Query(entities, self.session, self._stmt.with_only_columns(*entities))

    def add_columns(self, *columns):
        return Query(self._entities + columns, self.session, self._stmt.add_columns(*columns))

    def _result(self, stmt=None):
        result = self.session.execute(self._stmt if stmt is None else stmt)
        if getattr(result, "_joined_eager", False):
            result = result.unique()
        return result.scalars() if self._single else result

    def __iter__(self):
        return iter(self._result().all())

    def all(self):
        return self._result().all()

    def first(self):
        return self._result(self._stmt.limit(1)).first()

    def one(self):
        return self._result().one()

    def one_or_none(self):
        return self._result().one_or_none()

    def scalar(self):
        row = self.one_or_none()
        if row is None or self._single:
            return row
        return row[0]

    def get(self, ident):
        import warnings
        warnings.warn(
            "The Query.get() method is considered legacy as of the 1.x series of SQLAlchemy and becomes a legacy "
            "construct in 2.0. The method is now available as Session.get() (deprecated since: 2.0) "
            "(Background on SQLAlchemy 2.0 at: https://sqlalche.me/e/b8d9)",
            _sa.exc.LegacyAPIWarning,
        )
        return self.session.get(self._entities[0], ident)

    def count(self):
        # the entities' columns, deferred ones too, and their column_property() expressions
        counted, _ = _deferral(self._stmt, [], every_column=True)
        stmt = select(_sa.func.count()).select_from(counted.subquery())
        return self.session.execute(stmt).scalar()

    def exists(self):
        """EXISTS (SELECT 1 FROM ... WHERE ...), as Query.exists() writes it."""
        return _sa.exists(self._stmt.with_only_columns(_sa.literal_column("1")).set_label_style(_sa.LABEL_STYLE_DISAMBIGUATE_ONLY))

    def scalar_subquery(self):
        """The query as a scalar subquery (`filter(Emp.salary > q.scalar_subquery())`)."""
        return self._stmt.set_label_style(_sa.LABEL_STYLE_DISAMBIGUATE_ONLY).scalar_subquery()

    as_scalar = scalar_subquery

    def label(self, name):
        return self.scalar_subquery().label(name)

    def subquery(self, name=None, with_labels=False, reduce_columns=False):
        """The query as a derived table: its columns by their own names
        (`table_column` only `with_labels`), as Query.subquery() makes it."""
        style = _sa.LABEL_STYLE_TABLENAME_PLUS_COL if with_labels else _sa.LABEL_STYLE_DISAMBIGUATE_ONLY
        return self._stmt.set_label_style(style).subquery(name)

    def _bulk_target(self):
        if not self._single:
            raise _unsupported("Query.update()/delete() of a query over more than one entity")
        return self._entities[0]

    def delete(self, synchronize_session="auto", delete_args=None):
        """One DELETE of the rows the query matches; its row count."""
        stmt = _sa.delete(self._bulk_target()).where(*self._stmt.where_criteria)
        return self.session.execute(stmt, execution_options={"synchronize_session": synchronize_session}).rowcount

    def update(self, values, synchronize_session="auto", update_args=None):
        """One UPDATE of the rows the query matches; its row count."""
        stmt = _sa.update(self._bulk_target()).where(*self._stmt.where_criteria).values(values)
        return self.session.execute(stmt, execution_options={"synchronize_session": synchronize_session}).rowcount


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
        raise _unsupported("WriteOnlyCollection.insert()")

    def update(self):
        raise _unsupported("WriteOnlyCollection.update()")

    def delete(self):
        raise _unsupported("WriteOnlyCollection.delete()")


_COMPARE = {
    "eq": lambda a, b: a == b,
    "is": lambda a, b: a is None if b is None else a == b,
    "is_not": lambda a, b: a is not None if b is None else a != b,
    "ne": lambda a, b: a != b,
    "lt": lambda a, b: a is not None and b is not None and a < b,
    "le": lambda a, b: a is not None and b is not None and a <= b,
    "gt": lambda a, b: a is not None and b is not None and a > b,
    "ge": lambda a, b: a is not None and b is not None and a >= b,
}


class _Unevaluatable(Exception):
    """A criterion or SET value the Python evaluator cannot compute."""


def _none_or(op):
    return lambda a, b: None if a is None or b is None else op(a, b)


_ARITHMETIC = {
    "add": _none_or(lambda a, b: a + b),
    "concat": _none_or(lambda a, b: a + b),
    "sub": _none_or(lambda a, b: a - b),
    "mul": _none_or(lambda a, b: a * b),
    "div": _none_or(lambda a, b: a / b),
    "mod": _none_or(lambda a, b: a % b),
}


def _value_evaluator(e):
    """An SQL value as a Python function of a loaded object: binds, the
    object's columns, NULL, and arithmetic on them."""
    if isinstance(e, _sa.BindParameter):
        return lambda obj: e.value
    if isinstance(e, Column):
        return lambda obj: obj.__dict__.get(type(obj).__mapper__.column_attr_of.get(e.name, e.name))
    if isinstance(e, _sa.Null):
        return lambda obj: None
    if isinstance(e, _sa.BinaryExpression) and e.operator in _ARITHMETIC:
        left, right, op = _value_evaluator(e.left), _value_evaluator(e.right), _ARITHMETIC[e.operator]
        return lambda obj: op(left(obj), right(obj))
    raise _Unevaluatable(e)


def _evaluator(criteria):
    """The WHERE criteria as a Python test of a loaded object (SQLAlchemy's
    "evaluate" synchronization): comparisons, and/or, IN."""
    if criteria is None:
        return lambda obj: True

    def test(e):
        if isinstance(e, _sa.BooleanClauseList):
            parts = [test(c) for c in e.clauses]
            if e.__visit_name__ == "and":
                return lambda obj: all(p(obj) for p in parts)
            return lambda obj: any(p(obj) for p in parts)
        if isinstance(e, _sa.BinaryExpression) and e.operator in _COMPARE:
            left, right, op = _value_evaluator(e.left), _value_evaluator(e.right), _COMPARE[e.operator]
            return lambda obj: op(left(obj), right(obj))
        if isinstance(e, _sa._In):
            left = _value_evaluator(e.element)
            return lambda obj: left(obj) in list(e.values)
        if isinstance(e, _sa._LikeParts) and e.leading != e.trailing:
            # startswith()/endswith() (not contains(): SQLAlchemy's evaluator has no such operator)
            left = _value_evaluator(e.element)
            value = e.value
            right = _value_evaluator(value) if isinstance(value, _sa.ClauseElement) else (lambda obj: value)
            method = "endswith" if e.leading else "startswith"
            return lambda obj: _none_or(lambda a, b: getattr(a, method)(b))(left(obj), right(obj))
        raise _Unevaluatable(e)

    return test(criteria)


def _is_orm_statement(statement):
    cols = getattr(statement, "columns", None)
    if not isinstance(cols, list):
        return False
    for c in cols:
        t = getattr(c, "table", None)
        if getattr(t, "_sa_mapped", False) or getattr(c, "_sa_mapped", False):
            return True
    return False


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


class ScopedRegistry:
    """The one object of a scope (the playground has one thread: one scope)."""

    def __init__(self, createfunc, scopefunc=None):
        self.createfunc = createfunc
        self.scopefunc = scopefunc
        self._value = None
        self._has = False

    def __call__(self):
        if not self._has:
            self._value = self.createfunc()
            self._has = True
        return self._value

    def has(self):
        return self._has

    def set(self, obj):
        self._value, self._has = obj, True

    def clear(self):
        self._value, self._has = None, False


class scoped_session:
    """`scoped_session(sessionmaker(...))`: the scope's session, made on first
    use, stood in for by the registry itself (`Session.add(...)`)."""

    def __init__(self, session_factory, scopefunc=None):
        self.session_factory = session_factory
        self.registry = ScopedRegistry(session_factory, scopefunc)

    def __call__(self, **kw):
        if kw:
            if self.registry.has():
                raise InvalidRequestError(
                    "Scoped session is already present; no new arguments may be specified."
                )
            session = self.session_factory(**kw)
            self.registry.set(session)
            return session
        return self.registry()

    def remove(self):
        if self.registry.has():
            self.registry().close()
        self.registry.clear()

    def configure(self, **kw):
        self.session_factory.configure(**kw)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.registry(), name)

    def __repr__(self):
        return f"<sqlalchemy.orm.scoping.scoped_session object at 0x{id(self):x}>"


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


def aliased(element, alias=None, name=None, flat=False):
    if not (isinstance(element, type) and hasattr(element, "__mapper__")):
        if isinstance(element, _sa.FromClause):
            return element.alias(name)
        raise _unsupported(f"aliased() of {element!r}")
    return AliasedClass(element, alias, name)


def _with_lazy_options(stmt, state, prop):
    """A lazy load's statement with the loader options its object was
    given for that relationship (the rest of a `defaultload()` path)."""
    options = (state.lazy_options or {}).get(prop.key)
    return stmt.options(*options) if options else stmt


def _option_of_path(path):
    """A loader option for the steps of an option's path that are left."""
    o = _LoaderOption.__new__(_LoaderOption)
    o.path = list(path)
    o.strategy = o.path[0][0]
    o.props = [o.path[0][1]]
    return o


def _related_objects(objs, prop):
    """The loaded objects `prop` holds for `objs`, each once."""
    out, seen = [], set()
    for o in objs:
        value = o.__dict__.get(prop.key)
        for x in (value if prop.uselist else [value]) if value is not None else []:
            if x is not None and id(x) not in seen:
                seen.add(id(x))
                out.append(x)
    return out


def _join_tree(root, left, table):
    """The LEFT OUTER JOINs of a joinedload() tree onto `left` (whose
    table is `table`), each relationship's table aliased `table_1`, in path
    order; and the relationships' own ORDER BY, adapted to their aliases."""
    tables = [table]
    order_by = []
    for node in root.preorder():
        prop = node.prop
        prop.parent._configure()
        if prop.direction is MANYTOMANY and (prop.target is prop.parent.local_table or hasattr(prop, "_written")):
            raise _unsupported(f"joinedload() of the many-to-many {prop!r} with its own join conditions")
        target = prop.mapper
        if any(t is target.local_table for t in tables[1:]):
            raise _unsupported(f"joinedload() reaching the table {target.local_table.name} twice")
        tables.append(target.local_table)
        node.alias = alias = target.local_table.alias(f"{target.local_table.name}_1")
        up = node.parent.alias
        if prop.direction is MANYTOMANY:
            # LEFT OUTER JOIN (secondary AS secondary_1 JOIN target AS target_1 ON ...) ON ...
            left = _RelationshipComparator(prop, up)._m2m_join(left, alias, alias, True)
        else:
            here = lambda c, a=up: c if a is None else a.c[c.name]
            adapt = lambda e, a=alias, t=target.local_table: _adapt_to(e, t, a)
            if prop.direction is ONETOMANY:
                on = and_(*_join_terms(prop, lambda i: (here(prop.pairs[i][0]), alias.c[prop.pairs[i][1].name]), adapt))
            else:
                on = and_(*_join_terms(prop, lambda i: (alias.c[prop.pairs[i][0].name], here(prop.pairs[i][1])), adapt))
            left = _sa.Join(left, alias, on, True)
        if prop.uselist:
            for c in prop.order_by:
                if getattr(c, "table", None) is not target.local_table:
                    raise _unsupported(f"joinedload() of {prop!r} with order_by={c!r}")
                order_by.append(alias.c[c.name])
    return left, order_by


class _JoinedNode:
    """One relationship of a joinedload() tree: its alias, where its columns
    sit in a row, and the objects it found for each parent object."""

    def __init__(self, prop, parent, alias):
        self.prop = prop
        self.parent = parent
        self.alias = alias
        self.children = []
        self.offset = 0
        self.found = {}  # id(parent object) -> (parent object, [related objects])

    def child(self, prop):
        for c in self.children:
            if c.prop is prop:
                return c
        c = _JoinedNode(prop, self, None)
        self.children.append(c)
        # SQLAlchemy sets up a mapper's relationships in their declared order
        order = list(prop.parent._relationships)
        self.children.sort(key=lambda n: order.index(n.prop.key) if n.prop.key in order else len(order))
        return c

    def columns(self, start):
        """The joined tables' columns, each relationship's own joined loads
        before its columns (SQLAlchemy sets up a mapper's relationships
        before its columns); each node notes where its columns start."""
        out = []
        for node in self.postorder():
            node.offset = start + len(out)
            out += [node.alias.c[c.name] for _, c in node.prop.mapper.column_attrs_list]
        return out

    def preorder(self):
        for c in self.children:
            yield c
            yield from c.preorder()

    def postorder(self):
        for c in self.children:
            yield from c.postorder()
            yield c

    def fill(self):
        """Each object's relationship set from what the rows gave (unless loaded already)."""
        for node in self.preorder():
            prop = node.prop
            for obj, kids in node.found.values():
                if prop.key not in obj.__dict__:
                    obj.__dict__[prop.key] = _collection(obj, prop, kids) if prop.uselist else (kids[0] if kids else None)

    def take(self, session, row, obj):
        """The related objects of one row, under `obj` (this node's object)."""
        for c in self.children:
            mapper = c.prop.mapper
            kid = session._load_entity(mapper, tuple(row[c.offset:c.offset + len(mapper.column_keys)]))
            kids = c.found.setdefault(id(obj), (obj, []))[1]
            if kid is not None:
                if not any(kid is k for k in kids):
                    kids.append(kid)
                c.take(session, row, kid)


class _LoaderOption:
    """`selectinload(User.addresses)` and friends: how relationships load, as
    a path of (strategy, relationship) steps. `selectinload(A.b, B.c)` is
    SQLAlchemy's `defaultload(A.b).selectinload(B.c)`; `.selectinload(...)`
    and the others add a step."""

    def __init__(self, strategy, attrs, _path=(), sql_only=False):
        if sql_only:
            if strategy != "raiseload":
                raise _unsupported(f"{strategy}(sql_only=True)")
            # raiseload(..., sql_only=True): lazy="raise_on_sql" for these objects
            strategy = "raiseload_sql"
        self.path = list(_path)
        attrs = [a for a in attrs if not (isinstance(a, str) and a == "*" and strategy in ("lazyload", "noload", "raiseload", "raiseload_sql"))]
        for i, a in enumerate(attrs):
            if isinstance(a, str) or not isinstance(a, _RelationshipComparator):
                raise _unsupported(f"{strategy}() of {a!r} (only relationship attributes)")
            self.path.append((strategy if i == len(attrs) - 1 else "defaultload", a.prop))
        if not self.path:
            self.path = [(strategy, None)]
        if len(self.path) > 1 and self.path[-1][0] not in ("selectinload", "defaultload", "joinedload", "raiseload", "lazyload", "noload", "raiseload_sql"):
            raise _unsupported(f"{self.path[-1][0]}() after another relationship in a loader option's path")
        # a joined step loads in the query of the step before it: a joined or a selectin one
        for (before, _), (step, _) in zip(self.path, self.path[1:]):
            if step == "joinedload" and before not in ("joinedload", "selectinload"):
                raise _unsupported(f"joinedload() after {before}() in a loader option's path")
        # the first step (what the rest of the ORM reads)
        self.strategy = self.path[0][0]
        self.props = [self.path[0][1]] if self.path[0][1] is not None else []

    def __repr__(self):
        return f"<_LoaderOption {self.path!r}>"

    def options(self, *more):
        raise _unsupported(f"loader options' .options(...) ({self.strategy}(...).options(...)); chain them instead")


def _chain(strategy):
    def step(self, *attrs, **kw):
        return _LoaderOption(strategy, attrs, self.path)

    step.__name__ = strategy
    return step


_LOADER_STRATEGIES = ("selectinload", "joinedload", "subqueryload", "lazyload", "noload", "raiseload", "defaultload", "immediateload")

for _name in _LOADER_STRATEGIES:
    setattr(_LoaderOption, _name, _chain(_name))


class Load:
    """`Load(User).selectinload(User.orders)`: a loader option's path from an entity."""

    def __init__(self, entity):
        self.entity = entity
        self.path = []

    def __repr__(self):
        name = self.entity.__name__ if isinstance(self.entity, type) else repr(self.entity)
        return f"Load({name})"

    def __getattr__(self, name):
        if name in ("load_only", "defer", "undefer", "contains_eager", "with_expression", "options"):
            raise _unsupported(f"Load(...).{name}()")
        raise AttributeError(f"'Load' object has no attribute '{name}'")


for _name in _LOADER_STRATEGIES:
    setattr(Load, _name, _chain(_name))


_NOLOAD_DEPRECATED = "is deprecated and will be removed in a future release.  This option produces incorrect results by returning ``None`` for related items."


def _loader_option(name, supported=True):
    def option(*attrs, sql_only=False, **kw):
        if not supported:
            raise _unsupported(f"the {name}() loader option")
        if kw:
            raise _unsupported(f"{name}({', '.join(f'{k}=...' for k in kw)})")
        if name == "noload":
            _sa._deprecated(f"The noload() option {_NOLOAD_DEPRECATED}", "2.1")
        return _LoaderOption(name, attrs, sql_only=sql_only)

    option.__name__ = name
    return option


joinedload = _loader_option("joinedload")
selectinload = _loader_option("selectinload")
lazyload = _loader_option("lazyload")
raiseload = _loader_option("raiseload")
noload = _loader_option("noload")
defaultload = _loader_option("defaultload")
subqueryload = _loader_option("subqueryload")
contains_eager = _loader_option("contains_eager")


class _ColumnOption:
    """`load_only()`, `defer()`, `undefer()`: which columns an entity's
    query loads (the others load on first access)."""

    def __init__(self, strategy, attrs, raiseload=False):
        if raiseload and strategy == "undefer":
            raise _unsupported("undefer(..., raiseload=True)")
        # the columns it leaves out raise on access instead of loading
        self.raiseload = raiseload
        self.strategy = strategy
        self.columns = []
        for a in attrs:
            owner = getattr(a, "_sa_attribute_of", None) if isinstance(a, Column) else None
            if owner is None:
                raise _unsupported(f"{strategy}() of {a!r} (only mapped column attributes)")
            self.columns.append(a)
        self.path = [(strategy, None)]

    def __repr__(self):
        return f"<_ColumnOption {self.strategy} {self.columns!r}>"

    def apply(self, mapper, keys):
        """`keys` (the columns `mapper`'s entity loads) after this option."""
        mine = [mapper.column_attr_of[c.name] for c in self.columns if c.table is mapper.local_table]
        if not mine:
            return keys
        if self.strategy == "load_only":
            kept = _Keys(k for k in keys if k in mine or k in mapper.pk_keys)
        elif self.strategy == "defer":
            kept = _Keys(k for k in keys if k not in mine)
        else:
            kept = _Keys(k for k in mapper.expression_keys + mapper.column_keys if k in keys or k in mine)
        kept.raising = set(getattr(keys, "raising", ())) - set(kept)
        if self.raiseload:
            kept.raising |= {k for k in mapper.column_keys if k not in kept}
        return kept


class _Keys(list):
    """The column keys an entity's query loads, and (`raising`) those of
    the others that raise on access (`raiseload=True`)."""

    raising = frozenset()


def load_only(*attrs, raiseload=False):
    return _ColumnOption("load_only", attrs, raiseload)


def defer(key, *more, raiseload=False):
    if more:
        raise _unsupported("defer() of a path of attributes")
    return _ColumnOption("defer", [key], raiseload)


def undefer(key, *more):
    if more:
        raise _unsupported("undefer() of a path of attributes")
    return _ColumnOption("undefer", [key])


def undefer_group(name):
    raise _unsupported("undefer_group()")

immediateload = _loader_option("immediateload")


class _CriteriaOption:
    """`with_loader_criteria(Address, Address.email != "foo")`: the criteria
    join every SELECT of that class this statement makes: its own FROM or
    JOIN of the table, its selectin loads, and the later lazy loads of the
    objects it loads."""

    strategy = "with_loader_criteria"

    def __init__(self, entity, criteria, loader_only=False, include_aliases=False, propagate_to_loaders=True,
                 track_closure_variables=True):
        if not (isinstance(entity, type) and "__mapper__" in entity.__dict__):
            raise _unsupported("with_loader_criteria() of anything but a mapped class")
        if loader_only or include_aliases or not propagate_to_loaders:
            raise _unsupported("with_loader_criteria(loader_only / include_aliases / propagate_to_loaders=False)")
        if callable(criteria) and not isinstance(criteria, _sa.ClauseElement):
            criteria = criteria(entity)
        self.entity = entity
        self.mapper = entity.__mapper__
        self.criteria = criteria
        self.path = [(self.strategy, None)]


def with_loader_criteria(entity, criteria, **kw):
    return _CriteriaOption(entity, criteria, **kw)


def _with_criteria(statement, criteria):
    """The statement with each class's criteria: in the ON of a JOIN to its
    table, else in WHERE when the statement selects from the table."""
    stmt = statement
    for opt in criteria:
        table = opt.mapper.local_table
        joined = False
        froms = []
        for f in stmt.froms:
            if isinstance(f, _sa.Join):
                f, hit = _criteria_in_join(f, table, opt.criteria)
                joined = joined or hit
            froms.append(f)
        if joined:
            stmt = stmt._copy()
            stmt.froms = froms
            continue
        uses = any(c is table or getattr(c, "table", None) is table for c in stmt.columns) or table in stmt.froms
        if uses:
            stmt = stmt.where(opt.criteria)
    return stmt


def _criteria_in_join(join, table, criteria):
    left, hit = (_criteria_in_join(join.left, table, criteria) if isinstance(join.left, _sa.Join) else (join.left, False))
    if join.right is table:
        return _sa.Join(left, join.right, and_(join.onclause, criteria), join.isouter), True
    if hit:
        return _sa.Join(left, join.right, join.onclause, join.isouter), True
    return join, False



def column_property(*columns, deferred=False, **kw):
    import warnings
    for arg in ("init", "default", "default_factory", "kw_only"):
        if arg in kw:
            warnings.warn(
                f"The column_property.{arg} parameter is deprecated for column_property().  This parameter applies to a writeable-attribute in a Declarative Dataclasses configuration only, and column_property() is treated as a read-only attribute in this context.",
                _sa.exc.SADeprecationWarning,
                stacklevel=2,
            )
    dataclass_options = {k: kw.pop(k) for k in _DATACLASS_OPTIONS if k in kw}
    made = _column_property(columns, deferred, kw)
    made._dataclass = dataclass_options
    return made


def _column_property(columns, deferred, kw):
    if len(columns) != 1 or any(v not in (None, False, True) for v in kw.values()) or kw.get("group") or kw.get("raiseload"):
        raise _unsupported("column_property() of several columns or with group/raiseload/comparator_factory")
    if kw.get("expire_on_flush") is False or kw.get("active_history"):
        raise _unsupported("column_property(expire_on_flush=False / active_history=True)")
    c = columns[0]
    if isinstance(c, MappedColumn):
        c = c.__clause_element__()
    if isinstance(c, Column):
        if deferred:
            return _DeferredColumn(c)
        return c
    if hasattr(c, "__clause_element__"):
        c = c.__clause_element__()
    return _ExpressionProperty(c, deferred)


def synonym(name, **kw):
    return SynonymProperty(name, **kw)


def deferred(*columns, **kw):
    if len(columns) != 1 or not isinstance(columns[0], Column) or any(kw.values()):
        raise _unsupported("deferred() of several columns, an expression, or with group/raiseload")
    return _DeferredColumn(columns[0])


def with_parent(instance, prop, from_entity=None):
    """The criteria that select `instance`'s related objects along `prop` (as its lazy load does)."""
    if from_entity is not None:
        raise _unsupported("with_parent(..., from_entity=...)")
    if not isinstance(prop, _RelationshipComparator):
        raise ArgumentError(f"Expected relationship property for with_parent(), got {prop!r}")
    prop.prop.parent._configure()
    return and_(*_lazy_criteria(instance, prop.prop))


def validates(*names, include_removes=False, include_backrefs=True):
    """`@validates("email")`: the method sees (and may change or refuse) each value set."""

    def wrap(fn):
        fn.__sa_validators__ = (names, include_removes)
        return fn

    return wrap


def _validator(obj, key):
    v = type(obj).__mapper__.validators.get(key)
    return v


# ---------------------------------------------------------------- the playground's view


def _snapshot(configure=True):
    """The mapped classes and every live mapped object, as JSON for the
    playground's Models and Session panels (`configure`: configure the
    mappers first; a timeline step's snapshot leaves them as they are);
    None when nothing is mapped."""
    import json

    if not any(reg.mappers for reg in _registries):
        return None

    _inspecting[0] = True
    try:
        return _snapshot_json(configure, json)
    finally:
        _inspecting[0] = False


# The Models part of the last snapshot (and the mappers' layouts the
# objects are read with), with what it was made from: a timeline records
# a snapshot after every line, and the models rarely change.
_models_shown = [None, None, None]


def _snapshot_json(configure, json):
    if configure:
        for reg in _registries:
            try:
                reg.configure()
            except Exception:
                pass
    made_from = tuple(
        (id(m), m.configured, len(m.column_attrs_list), len(m._relationships)) for reg in _registries for m in reg.mappers
    )
    if _models_shown[0] != made_from:
        _models_shown[0] = made_from
        _models_shown[1] = json.dumps(_models())
        _models_shown[2] = _layouts()
    return '{"models": ' + _models_shown[1] + ', "objects": ' + _retort_orm.objects_json(_models_shown[2], _safe_repr) + "}"


def _models():
    """The mapped classes, their columns and relationships, for the Models panel."""
    models = []
    for reg in _registries:
        for m in reg.mappers:
            cols = []
            for key, c in m.column_attrs_list:
                cols.append({
                    "key": key,
                    "name": c.name,
                    "type": _retort_sql_type(c.type),
                    "primary_key": bool(c.primary_key),
                    "foreign_key": next(iter(c.foreign_keys)).target if c.foreign_keys else None,
                    "nullable": bool(c.nullable),
                    "unique": bool(c.unique),
                    "default": None if c.default is None else repr(c.default),
                })
            rels = []
            for key, p in m._relationships.items():
                rels.append({
                    "key": key,
                    "target": p.mapper.class_.__name__ if p.mapper is not None else _target_name(p.argument) or "?",
                    "direction": p.direction.name if getattr(p, "direction", None) is not None else "?",
                    "uselist": bool(p.uselist),
                    "secondary": getattr(p.secondary, "name", p.secondary),
                    "cascade": ", ".join(p.cascade),
                    "lazy": str(p.lazy),
                    "back_populates": p.back_populates,
                })
            models.append({"class_name": m.class_.__name__, "table": m.local_table.name, "columns": cols, "relationships": rels})
    return models


def _layouts():
    """Per mapper, what `_retort_orm.objects_json` reads of its objects:
    (mid, [(column key, attribute index)], [(relationship key, uselist)]).
    It makes the Session panel's JSON for every live object: id,
    class_name, repr, state ("deleted" once marked for deletion), session,
    identity, modified, attributes ([key, repr, or None when not loaded];
    a relationship as its related objects' keys), links ([key, state id])
    and changed ([key, the committed value's repr])."""
    layouts = []
    for reg in _registries:
        for m in reg.mappers:
            cols = [(key, m.attr_index[key]) for key in m.column_keys]
            rels = [(key, bool(p.uselist)) for key, p in m._relationships.items()]
            layouts.append((m.mid, cols, rels))
    return layouts


def _retort_sql_type(t):
    import _retort_sql

    try:
        return _retort_sql.type_ddl(t)
    except Exception:
        return type(t).__name__


def _safe_repr(v):
    try:
        return repr(v)
    except _NotLoaded:
        # its __repr__ reads an attribute that is not loaded (expired, or a lazy relationship)
        return object.__repr__(v)
    except Exception as e:
        return f"<repr failed: {type(e).__name__}>"


def declarative_mixin(cls):
    """`@declarative_mixin`: marks a mixin class for type checkers; the class as it is."""
    return cls


# SQLAlchemy 2.1's public names this module lacks: `from sqlalchemy.orm
# import X` says so plainly rather than "cannot import name".
_UNSUPPORTED = frozenset((
    'AliasOption', 'AttributeEventToken', 'AttributeEvents', 'Bundle', 'CascadeOptions', 'ClassManager', 'Composite',
    'CompositeProperty', 'DeclarativeMeta', 'DictBundle', 'EXT_CONTINUE', 'EXT_SKIP', 'EXT_STOP', 'FromStatement',
    'IdentityMap', 'InspectionAttr', 'InspectionAttrExtensionType', 'InspectionAttrInfo', 'InstanceEvents',
    'InstrumentationEvents', 'InstrumentedAttribute', 'KeyFuncDict', 'LoaderCriteriaOption', 'MappedClassProtocol',
    'MappedCollection', 'MappedSQLExpression', 'MapperEvents', 'MapperProperty', 'NO_KEY', 'NotExtension',
    'ORMDescriptor', 'ORMExecuteState', 'PassiveFlag', 'PropComparator', 'QueryContext', 'QueryEvents',
    'QueryPropertyDescriptor', 'QueryableAttribute', 'RegistryEvents', 'Relationship', 'SQLORMExpression',
    'SessionEvents', 'SessionTransactionOrigin', 'Synonym', 'TypeResolve', 'UOWTransaction', 'Unmapped',
    'UserDefinedOption', 'add_mapped_attribute', 'as_declarative', 'as_typed_table', 'attribute_keyed_dict',
    'attribute_mapped_collection', 'clear_mappers', 'column_keyed_dict', 'column_mapped_collection', 'composite',
    'contains_alias', 'create_session', 'dynamic_loader', 'has_inherited_table', 'join', 'keyfunc_mapping',
    'make_transient_to_detached', 'mapped_as_dataclass', 'mapped_collection', 'mapper', 'merge_frozen_result',
    'merge_result', 'orm_insert_sentinel', 'outerjoin', 'polymorphic_union', 'query_expression', 'reconstructor',
    'selectin_polymorphic', 'synonym_for', 'unmapped_column', 'unmapped_dataclass', 'was_deleted', 'with_expression',
    'with_polymorphic',
))


def __getattr__(name):
    if name in _UNSUPPORTED:
        raise NotImplementedError(f"Retort does not support sqlalchemy.orm.{name} yet")
    raise AttributeError(f"module 'sqlalchemy.orm' has no attribute '{name}'")
