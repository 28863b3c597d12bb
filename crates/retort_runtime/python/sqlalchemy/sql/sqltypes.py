# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""SQL types: `Integer`, `String`, `Enum`, `TypeDecorator`, the uppercase
names, and a value's type (SQLAlchemy's sql/sqltypes.py and sql/type_api.py)."""


class TypeEngine:
    __visit_name__ = "type"

    def __repr__(self):
        return f"{type(self).__name__}()"

    def __str__(self):
        return _retort_sql.type_ddl(self)

    @property
    def python_type(self):
        return object

    def adapt(self, cls, **kw):
        """A `cls` with this type's arguments (SQLAlchemy's `constructor_copy`)."""
        new = cls.__new__(cls)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(kw)
        return new


class Integer(TypeEngine):
    @property
    def python_type(self):
        return int


class BigInteger(Integer):
    pass


class SmallInteger(Integer):
    pass


class String(TypeEngine):
    def __init__(self, length=None, collation=None):
        self.length = length
        self.collation = collation

    def __repr__(self):
        return _generic_repr(self, [("length", None), ("collation", None)])

    @property
    def python_type(self):
        return str


class Text(String):
    pass


class Unicode(String):
    pass


class UnicodeText(Text):
    pass


class Boolean(TypeEngine):
    def __init__(self, create_constraint=False, name=None):
        self.create_constraint = create_constraint
        self.name = name

    def _check_constraint(self, column):
        """The CHECK `create_constraint=True` adds to the column's table
        (SQLite's DDL only: the default dialect's booleans are native)."""
        check = CheckConstraint(f"{_retort_sql.quote(column.name)} IN (0, 1)", name=self.name)
        check._sqlite_only = True
        return check

    @property
    def python_type(self):
        return bool


def _generic_repr(obj, defaults):
    """`util.generic_repr`: the keyword arguments that differ from their defaults, in signature order."""
    args = [f"{k}={getattr(obj, k)!r}" for k, default in defaults if getattr(obj, k, default) != default]
    return f"{type(obj).__name__}({', '.join(args)})"


class Float(TypeEngine):
    def __init__(self, precision=None, asdecimal=False, decimal_return_scale=None):
        self.precision = precision
        self.asdecimal = asdecimal
        self.decimal_return_scale = decimal_return_scale

    def __repr__(self):
        return _generic_repr(self, [("precision", None), ("asdecimal", False), ("decimal_return_scale", None)])

    @property
    def python_type(self):
        return _decimal.Decimal if self.asdecimal else float


class Double(Float):
    pass


class Numeric(TypeEngine):
    def __init__(self, precision=None, scale=None, decimal_return_scale=None, asdecimal=True):
        self.precision = precision
        self.scale = scale
        self.decimal_return_scale = decimal_return_scale
        self.asdecimal = asdecimal

    @property
    def python_type(self):
        return _decimal.Decimal if self.asdecimal else float

    def __repr__(self):
        return _generic_repr(self, [("precision", None), ("scale", None), ("decimal_return_scale", None), ("asdecimal", True)])


class Date(TypeEngine):
    @property
    def python_type(self):
        return _datetime.date


class DateTime(TypeEngine):
    def __init__(self, timezone=False):
        self.timezone = timezone

    @property
    def python_type(self):
        return _datetime.datetime


class Time(TypeEngine):
    def __init__(self, timezone=False):
        self.timezone = timezone

    @property
    def python_type(self):
        return _datetime.time


class Interval(TypeEngine):
    @property
    def python_type(self):
        return _datetime.timedelta


class LargeBinary(TypeEngine):
    def __init__(self, length=None):
        self.length = length

    def __repr__(self):
        return _generic_repr(self, [("length", None)])

    @property
    def python_type(self):
        return bytes


class JSON(TypeEngine):
    def __init__(self, none_as_null=False):
        self.none_as_null = none_as_null


class Uuid(TypeEngine):
    def __init__(self, as_uuid=True, native_uuid=True):
        self.as_uuid = as_uuid
        self.native_uuid = native_uuid

    def __repr__(self):
        return _generic_repr(self, [("as_uuid", True), ("native_uuid", True)])

    @property
    def python_type(self):
        return _uuid.UUID if self.as_uuid else str


class Enum(String):
    def __init__(self, *enums, name=None, native_enum=True, create_constraint=False, length=None, values_callable=None,
                 validate_strings=False, **kw):
        if len(enums) == 1 and isinstance(enums[0], type):
            self.enum_class = enums[0]
            members = list(enums[0])
            # (what is stored: the members' names, or what values_callable gives for them)
            self.enums = list(values_callable(enums[0])) if values_callable is not None else [m.name for m in members]
            self._keys = [m.name for m in members]
        else:
            self.enum_class = None
            self.enums = list(enums)
            self._keys = []
        self.values_callable = values_callable
        self.validate_strings = validate_strings
        self.name = name if name is not None else (self.enum_class.__name__.lower() if self.enum_class else None)
        longest = max([len(e) for e in self.enums] or [0])
        if length is not None and length < longest:
            raise ValueError(
                f"When provided, length must be larger or equal than the length of the longest enum value. {length} < {longest}"
            )
        self.length = length if length is not None else longest
        self.create_constraint = create_constraint
        self.native_enum = native_enum

    def _check_constraint(self, column):
        """The CHECK `create_constraint=True` adds to the column's table."""
        values = ", ".join("'" + e.replace("'", "''") + "'" for e in self.enums)
        return CheckConstraint(f"{_retort_sql.quote(column.name)} IN ({values})", name=self.name)

    def __repr__(self):
        # util.generic_repr: the values, then the keywords that differ from their defaults
        parts = [repr(e) for e in self.enums]
        if self.name is not None:
            parts.append(f"name={self.name!r}")
        if not self.native_enum:
            parts.append("native_enum=False")
        if self.create_constraint:
            parts.append("create_constraint=True")
        return f"Enum({', '.join(parts)})"

    @property
    def python_type(self):
        return self.enum_class if self.enum_class else str


class NullType(TypeEngine):
    pass


class TypeDecorator(TypeEngine):
    """A type of the script's own over one of SQLAlchemy's (`impl`): its
    `process_bind_param` runs before the impl's bind processing, its
    `process_result_value` after the impl's result processing."""

    impl = None
    cache_ok = None

    def __init__(self, *args, **kwargs):
        if self.impl is None:
            raise AssertionError("TypeDecorator implementations require a class-level variable 'impl' which refers to the class of type being decorated")
        self.impl = self.impl(*args, **kwargs) if isinstance(self.impl, type) else self.impl

    def process_bind_param(self, value, dialect):
        return value

    def process_result_value(self, value, dialect):
        return value

    def load_dialect_impl(self, dialect):
        return self.impl

    def coerce_compared_value(self, op, value):
        return self

    def copy(self, **kw):
        new = type(self).__new__(type(self))
        new.__dict__.update(self.__dict__)
        return new

    @property
    def impl_instance(self):
        return self.impl

    def __repr__(self):
        inner = repr(self.impl)
        return type(self).__name__ + inner[len(type(self.impl).__name__):]

    # (what the native side calls: the hooks with the dialect)
    def _retort_bind(self, value):
        return self.process_bind_param(value, _DIALECT)

    def _retort_result(self, value):
        return self.process_result_value(value, _DIALECT)


class _Named(TypeEngine):
    """The upper-case SQL types (VARCHAR(12), DECIMAL(8, 3), CLOB...)."""

    _name = None

    def __init__(self, *args, **kw):
        self.args = [a for a in args if isinstance(a, int)] + [v for v in kw.values() if isinstance(v, int)]
        # the generic type's attributes (a VARCHAR's length) for repr() and comparisons
        super().__init__(*args, **kw)


def _named(name, base):
    return type(name, (_Named, base), {"_name": name})


INTEGER = _named("INTEGER", Integer)
BIGINT = _named("BIGINT", BigInteger)
SMALLINT = _named("SMALLINT", SmallInteger)
VARCHAR = _named("VARCHAR", String)
CHAR = _named("CHAR", String)
NVARCHAR = _named("NVARCHAR", String)
TEXT = _named("TEXT", Text)
CLOB = _named("CLOB", Text)
BOOLEAN = _named("BOOLEAN", Boolean)
FLOAT = _named("FLOAT", Float)
REAL = _named("REAL", Float)
DOUBLE = _named("DOUBLE", Double)
NUMERIC = _named("NUMERIC", Numeric)
DECIMAL = _named("DECIMAL", Numeric)
DATE = _named("DATE", Date)
DATETIME = _named("DATETIME", DateTime)
TIMESTAMP = _named("TIMESTAMP", DateTime)
TIME = _named("TIME", Time)
BLOB = _named("BLOB", LargeBinary)
BINARY = _named("BINARY", LargeBinary)
VARBINARY = _named("VARBINARY", LargeBinary)
NCHAR = _named("NCHAR", Unicode)
DOUBLE_PRECISION = type("DOUBLE_PRECISION", (_Named, Double), {"_name": "DOUBLE PRECISION"})
INT = INTEGER
JSON_ = JSON
NULLTYPE = NullType()
STRINGTYPE = String()


class Concatenable:
    """A mixin: the type's `+` is string concatenation (`||`)."""


class Indexable:
    """A mixin: the type's values can be indexed (`col[key]`)."""


def to_instance(typeobj, *arg, **kw):
    """`sqlalchemy.types.to_instance`: a type object from a type, its class or None."""
    if typeobj is None:
        return NULLTYPE
    if callable(typeobj):
        return typeobj(*arg, **kw)
    return typeobj


def adapt_type(typeobj, colspecs):
    """`sqlalchemy.types.adapt_type`: `typeobj` as the dialect's class for its
    generic type (`colspecs`), or itself when the dialect has none."""
    if isinstance(typeobj, type):
        typeobj = typeobj()
    for t in type(typeobj).__mro__[0:-1]:
        if t in colspecs:
            impltype = colspecs[t]
            break
    else:
        return typeobj
    if issubclass(type(typeobj), impltype):
        return typeobj
    return typeobj.adapt(impltype)


def _to_type(t):
    if t is None:
        return NullType()
    if isinstance(t, type):
        return t()
    return t


# `_type_map` (SQLAlchemy 2.1 maps Python's float to Double)
_VALUE_TYPES = {
    bool: Boolean, int: Integer, float: Double, str: String, bytes: LargeBinary, _decimal.Decimal: Numeric,
    _datetime.datetime: DateTime, _datetime.date: Date, _datetime.time: Time, _datetime.timedelta: Interval, _uuid.UUID: Uuid,
}


def _type_for_value(value):
    """`_resolve_value_to_type`: the SQL type SQLAlchemy gives a Python value,
    by its exact class (a subclass such as an IntEnum member has none)."""
    t = _VALUE_TYPES.get(type(value))
    return t() if t is not None else NullType()


def _affinity(t):
    """`TypeEngine._type_affinity`: the generic type a type compares as."""
    if isinstance(t, Integer):
        return Integer
    if isinstance(t, (Numeric, Float)):
        return Numeric
    if isinstance(t, String):
        return String
    for generic in (Boolean, DateTime, Date, Time, Interval, LargeBinary, JSON, Uuid):
        if isinstance(t, generic):
            return generic
    return type(t)


def _compared_type(type_, value):
    """`TypeEngine.coerce_compared_value`: a value compared with an
    expression of `type_` is bound as `type_`, unless the value's own type
    is of another kind (`date_column > "2024-01-01"` binds a string)."""
    if type_ is None or isinstance(type_, NullType) or isinstance(value, ClauseElement) or value is None:
        return type_
    if isinstance(type_, TypeDecorator):
        return type_.coerce_compared_value(None, value)
    own = _type_for_value(value)
    if isinstance(own, NullType) or _affinity(own) is _affinity(type_):
        return type_
    return own


# ---------------------------------------------------------- SQL expressions
