"""SQLAlchemy Core as Retort binds it: the Python-facing classes (types,
schema, SQL expressions, statements, engines, connections and results).

The objects here only hold what the script built; `_retort_sql` (Rust)
compiles them to SQLite text with SQLAlchemy's exact rendering, processes
values by type, runs the statements on the engine and records every event.
Each node names its kind in `__visit_name__`, as SQLAlchemy's do.
"""

import _retort_sql
import datetime as _datetime
import decimal as _decimal
import logging as _logging
import re as _re
import sys as _sys
import uuid as _uuid


from sqlalchemy.exc import (NoSuchTableError, SQLAlchemyError, ArgumentError, InvalidRequestError, NoResultFound,
    MultipleResultsFound, ResourceClosedError, CompileError, StatementError, DBAPIError, DatabaseError,
    IntegrityError, OperationalError, ProgrammingError, ObjectNotExecutableError, NoForeignKeysError)
from sqlalchemy import exc


def _unsupported(what):
    return NotImplementedError(f"Retort does not support {what} yet")


def _deprecated(message, since, suffix=""):
    """`util.deprecations._warn_with_version`: an SADeprecationWarning (`suffix`
    after the version: where a warning in mapper configuration came from)."""
    import warnings
    warnings.warn(f"{message} (deprecated since: {since}){suffix}", exc.SADeprecationWarning, stacklevel=3)


# --------------------------------------------------------------------- types


class TypeEngine:
    __visit_name__ = "type"

    def __repr__(self):
        return f"{type(self).__name__}()"

    def __str__(self):
        return _retort_sql.type_ddl(self)

    @property
    def python_type(self):
        return object


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
JSON_ = JSON


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


class ClauseElement:
    __visit_name__ = "clause"

    def __str__(self):
        return _retort_sql.to_string(self)

    def __bool__(self):
        raise TypeError("Boolean value of this clause is not defined")

    def compile(self, bind=None, dialect=None, compile_kwargs=None, **kw):
        compiled = _retort_sql.compile(self, bind is None and dialect is None, Compiled)
        if compile_kwargs and compile_kwargs.get("literal_binds"):
            compiled.string = _literal_binds(compiled)
            compiled._names, compiled._values = [], []
        return compiled


def _literal_sql(value, named):
    """A bound value written into the SQL (`literal_binds`), as the dialect renders literals."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return ("true" if value else "false") if named else ("1" if value else "0")
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise _unsupported(f"literal_binds for a {type(value).__name__} value")


def _literal_binds(compiled):
    """The statement's text with each bound value written in place."""
    if compiled._named:
        values = dict(zip(compiled._names, compiled._values))
        return _re.sub(r":(\w+)", lambda m: _literal_sql(values[m.group(1)], True) if m.group(1) in values else m.group(0), compiled.string)
    values = iter(compiled._values)
    return _re.sub(r"\?", lambda m: _literal_sql(next(values), False), compiled.string)


class Compiled:
    """A compiled statement: for SQLite (`stmt.compile(engine)`: positional
    `?` binds), or for the default dialect (`stmt.compile()`: named binds).
    Made by `_retort_sql.compile`, which sets `statement`, `string` and the
    binds' `_names` and `_values`."""

    @property
    def params(self):
        return dict(zip(self._names, self._values)) if self._named else {}

    @property
    def positiontup(self):
        return None if self._named else []

    __str__ = _retort_sql.compiled_string


class ColumnElement(ClauseElement):
    type = NullType()
    key = None

    def __getitem__(self, key):
        if isinstance(getattr(self, "type", None), JSON):
            return _JSONGetItem(self, key)
        raise TypeError(f"'{type(self).__name__}' object is not subscriptable")

    def __hash__(self):
        return id(self)

    def _stem(self):
        """What a value compared with this names its bind (`:name_1`)."""
        return self.key if self.__visit_name__ == "column" else None

    def _bin(self, op, other, reverse=False):
        if isinstance(self, Label):
            # a labelled expression compares as the expression itself
            return self.element._bin(op, other, reverse)
        if other is True or other is False:
            other = True_() if other else False_()
        other = _coerce(other, _compared_type(self.type, other), self._stem())
        if reverse:
            return BinaryExpression(other, op, self, self.type)
        return BinaryExpression(self, op, other, _result_type(op, self.type))

    def __eq__(self, other):
        return self._bin("eq", other)

    def __ne__(self, other):
        return self._bin("ne", other)

    def __lt__(self, other):
        return self._bin("lt", other)

    def __le__(self, other):
        return self._bin("le", other)

    def __gt__(self, other):
        return self._bin("gt", other)

    def __ge__(self, other):
        return self._bin("ge", other)

    def __add__(self, other):
        return self._bin("concat" if isinstance(self.type, String) else "add", other)

    def __radd__(self, other):
        return self._bin("concat" if isinstance(self.type, String) else "add", other, True)

    def __sub__(self, other):
        return self._bin("sub", other)

    def __rsub__(self, other):
        return self._bin("sub", other, True)

    def __mul__(self, other):
        return self._bin("mul", other)

    def __rmul__(self, other):
        return self._bin("mul", other, True)

    def __truediv__(self, other):
        return self._bin("div", other)

    def __mod__(self, other):
        return self._bin("mod", other)

    def __neg__(self):
        return _Unary("neg", self, self.type)

    def __and__(self, other):
        return and_(self, other)

    def __or__(self, other):
        return or_(self, other)

    def __invert__(self):
        return not_(self)

    def concat(self, other):
        return self._bin("concat", other)

    def like(self, other, escape=None):
        return _Like(self, _coerce(other, self.type, self._stem()), escape)

    def notlike(self, other, escape=None):
        return not_(self.like(other, escape))

    not_like = notlike

    def ilike(self, other, escape=None):
        return _Like(self, _coerce(other, self.type, self._stem()), escape, ilike=True)

    def notilike(self, other, escape=None):
        return not_(self.ilike(other, escape))

    not_ilike = notilike

    def contains(self, other, autoescape=False):
        return _LikeParts(self, other, True, True, autoescape)

    def startswith(self, other, autoescape=False):
        return _LikeParts(self, other, False, True, autoescape)

    def endswith(self, other, autoescape=False):
        return _LikeParts(self, other, True, False, autoescape)

    def in_(self, values):
        if isinstance(values, Select):
            return _InSelect(self, values)
        if isinstance(values, BindParameter) and getattr(values, "expanding", False):
            # bindparam("ids", expanding=True): the list comes with the execution's parameters
            expr = _In(self, [], self.type)
            expr.expanding = values.key
            return expr
        values = [v for v in values]
        # the first value's kind decides the binds' type (an expanding bindparam's check)
        return _In(self, values, _compared_type(self.type, values[0]) if values else self.type)

    def not_in(self, values):
        return not_(self.in_(values))

    notin_ = not_in

    def is_(self, other):
        return self._bin("is", other)

    def is_not(self, other):
        return self._bin("is_not", other)

    isnot = is_not

    def between(self, low, high, symmetric=False):
        return _Between(self, _coerce(low, _compared_type(self.type, low), self._stem()), _coerce(high, _compared_type(self.type, high), self._stem()))

    def desc(self):
        return _Order("desc", self)

    def asc(self):
        return _Order("asc", self)

    def nulls_first(self):
        return _Nulls(self, True)

    def nulls_last(self):
        return _Nulls(self, False)

    def label(self, name):
        return Label(name, self)

    def cast(self, type_):
        return Cast(self, type_)

    def distinct(self):
        return _Distinct(self)

    def collate(self, collation):
        # (its type the expression's, carrying the collation)
        type_ = self.type
        if isinstance(type_, String):
            type_ = type(type_).__new__(type(type_))
            type_.__dict__.update(self.type.__dict__)
            type_.collation = collation
        return BinaryExpression(self, "collate", _CollationClause(collation), type_)


def _result_type(op, left_type):
    if op in ("eq", "ne", "lt", "le", "gt", "ge", "is", "is_not"):
        return Boolean()
    return left_type


def _coerce(value, type_=None, stem=None):
    if isinstance(value, ClauseElement):
        return value
    if value is None:
        return Null()
    if hasattr(value, "__clause_element__"):
        return value.__clause_element__()
    if isinstance(type_, NullType) or type_ is None:
        type_ = _type_for_value(value)
    return BindParameter(None, value, type_, _stem=stem)


class BindParameter(ColumnElement):
    __visit_name__ = "bindparam"

    def __init__(self, key, value=None, type_=None, _stem=None):
        self.key = key
        self.value = value
        self.stem = _stem
        self.type = _to_type(type_) if type_ is not None else _type_for_value(value)


_NO_ARG = object()


def bindparam(key, value=_NO_ARG, type_=None, expanding=False, unique=False, required=_NO_ARG, callable_=None):
    given = value is not _NO_ARG
    b = BindParameter(key, value if given else None, type_)
    b.expanding = expanding
    # (without a value, a bindparam is required: the execution supplies it)
    b.required = (not given and callable_ is None) if required is _NO_ARG else required
    return b


def literal(value, type_=None):
    return BindParameter(None, value, type_)


class Null(ColumnElement):
    __visit_name__ = "null"


def null():
    return Null()


class True_(ColumnElement):
    __visit_name__ = "true"
    type = Boolean()


class False_(ColumnElement):
    __visit_name__ = "false"
    type = Boolean()


def true():
    return True_()


def false():
    return False_()


class BinaryExpression(ColumnElement):
    __visit_name__ = "binary"

    def __init__(self, left, operator, right, type_=None):
        self.left = left
        self.operator = operator
        self.right = right
        self.type = type_ if type_ is not None else NullType()

    def __bool__(self):
        if self.operator == "eq":
            return hash(self.left) == hash(self.right)
        if self.operator == "ne":
            return hash(self.left) != hash(self.right)
        raise TypeError("Boolean value of this clause is not defined")


class _Unary(ColumnElement):
    __visit_name__ = "unary"

    def __init__(self, operator, element, type_=None):
        self.operator = operator
        self.element = element
        self.type = type_ or NullType()


class _Like(ColumnElement):
    __visit_name__ = "like"
    type = Boolean()

    def __init__(self, element, pattern, escape=None, ilike=False):
        self.element = element
        self.pattern = pattern
        self.escape = escape
        self.ilike = ilike


class _LikeParts(ColumnElement):
    __visit_name__ = "like_parts"
    type = Boolean()

    def __init__(self, element, value, leading, trailing, autoescape):
        self.element = element
        self.value = value
        self.leading = leading
        self.trailing = trailing
        self.autoescape = autoescape


class _In(ColumnElement):
    __visit_name__ = "in"
    type = Boolean()

    def __init__(self, element, values, value_type):
        self.element = element
        self.values = values
        self.value_type = value_type


class _InSelect(ColumnElement):
    __visit_name__ = "in_select"
    type = Boolean()

    def __init__(self, element, select):
        self.element = element
        self.select = select


class _Between(ColumnElement):
    __visit_name__ = "between"
    type = Boolean()

    def __init__(self, element, low, high):
        self.element = element
        self.low = low
        self.high = high


class BooleanClauseList(ColumnElement):
    type = Boolean()

    def __init__(self, visit, clauses):
        self.__visit_name__ = visit
        self.clauses = clauses


class _AsBoolean(ColumnElement):
    """A Boolean column where a condition is expected (`where(Note.done)`):
    `notes.done = 1` on SQLite, which has no native booleans."""

    __visit_name__ = "as_boolean"
    type = Boolean()

    def __init__(self, element, negated):
        self.element = element
        self.negated = negated


def _as_condition(value):
    """A criterion of WHERE, HAVING, and_(), or_(): a Boolean-typed column
    stands for `col = 1` (SQLAlchemy's self_group against AND)."""
    e = _coerce(value)
    if isinstance(e, (Column, _DerivedColumn, Function)) and isinstance(e.type, Boolean):
        return _AsBoolean(e, False)
    return e


def _boolean_list(visit, skip, clauses):
    """and_()/or_(): true()/false() constants that cannot change the result drop out."""
    items = [_as_condition(c) for c in clauses]
    kept = [c for c in items if not isinstance(c, skip)]
    if len(kept) == 1:
        return kept[0]
    return BooleanClauseList(visit, kept or items)


def and_(*clauses):
    return _boolean_list("and", True_, clauses)


def or_(*clauses):
    return _boolean_list("or", False_, clauses)


class _Not(ColumnElement):
    __visit_name__ = "not"
    type = Boolean()

    def __init__(self, element):
        self.element = element


def not_(clause):
    e = _coerce(clause)
    if isinstance(e, (Column, _DerivedColumn)) and isinstance(e.type, Boolean):
        return _AsBoolean(e, True)
    if isinstance(e, _AsBoolean):
        return _AsBoolean(e.element, not e.negated)
    return _Not(e)


class _Order(ClauseElement):
    def __init__(self, visit, element):
        self.__visit_name__ = visit
        self.element = element

    def nulls_first(self):
        return _Nulls(self, True)

    def nulls_last(self):
        return _Nulls(self, False)


class _Nulls(ClauseElement):
    __visit_name__ = "nulls"

    def __init__(self, element, first):
        self.element = element
        self.first = first


def desc(column):
    return _Order("desc", _order_item(column))


def asc(column):
    return _Order("asc", _order_item(column))


def nulls_first(column):
    return _Nulls(column, True)


def nulls_last(column):
    return _Nulls(column, False)


nullsfirst = nulls_first
nullslast = nulls_last


class Label(ColumnElement):
    __visit_name__ = "label"

    def __init__(self, name, element):
        self.name = name
        self.key = name
        self.element = element
        self.type = element.type


class Cast(ColumnElement):
    __visit_name__ = "cast"

    def __init__(self, element, type_):
        self.type = _to_type(type_)
        # a literal is bound as the type it is cast to (its bind processor runs)
        self.element = _coerce(element, self.type)


def cast(expression, type_):
    return Cast(expression, type_)


def _json_path(key):
    return f"$[{key}]" if isinstance(key, int) else f'$."{key}"'


class _JSONGetItem(ColumnElement):
    """`json_column["key"]`: on SQLite `JSON_QUOTE(JSON_EXTRACT(col, '$."key"'))`,
    or with `.as_integer()` and the like a CAST of the JSON_EXTRACT."""

    __visit_name__ = "json_getitem"

    def __init__(self, element, key):
        self.element = element
        self.path = BindParameter(None, _json_path(key), String())
        self.type = JSON()

    def _extract(self):
        return Function("JSON_EXTRACT", [self.element, self.path], NullType())

    def as_integer(self):
        return Cast(self._extract(), Integer())

    def as_string(self):
        return Cast(self._extract(), String())

    def as_float(self):
        return Cast(self._extract(), Float())

    def as_boolean(self):
        return Cast(self._extract(), Boolean())

    def as_numeric(self, precision, scale, asdecimal=True):
        return Cast(self._extract(), Numeric(precision, scale))

    def as_json(self):
        return self


class Case(ColumnElement):
    __visit_name__ = "case"

    def __init__(self, *whens, value=None, else_=None):
        if len(whens) == 1 and isinstance(whens[0], dict):
            whens = list(whens[0].items())
        if value is not None:
            value = _coerce(value)
            pairs = [(_coerce(w, value.type), _coerce(r)) for w, r in whens]
        else:
            pairs = [(_coerce(w), _coerce(r)) for w, r in whens]
        self.value = value
        self.whens = pairs
        self.else_ = _coerce(else_) if else_ is not None else None
        self.type = pairs[0][1].type if pairs else NullType()


def case(*whens, value=None, else_=None):
    return Case(*whens, value=value, else_=else_)


class Function(ColumnElement):
    __visit_name__ = "function"

    def __init__(self, name, clauses, type_=None):
        self.name = name
        self.clauses = clauses
        self.type = type_ or NullType()

    def label(self, name):
        return Label(name, self)

    def over(self, partition_by=None, order_by=None, range_=None, rows=None, groups=None, exclude=None):
        return Over(self, partition_by, order_by, range_=range_, rows=rows, groups=groups, exclude=exclude)

    def _stem(self):
        # (a value compared with a function is named after it: `count(*) > :count_1`)
        return self.name

    def filter(self, *criterion):
        return FunctionFilter(self, and_(*criterion) if len(criterion) > 1 else _coerce(criterion[0]))


class FunctionFilter(ColumnElement):
    """`func.count().filter(x > 1)`: an aggregate over the rows matching a criterion."""

    __visit_name__ = "filter"

    def __init__(self, func, criterion):
        self.func = func
        self.criterion = criterion
        self.type = func.type

    def label(self, name):
        return Label(name, self)

    def over(self, partition_by=None, order_by=None, range_=None, rows=None, groups=None, exclude=None):
        return Over(self, partition_by, order_by, range_=range_, rows=rows, groups=groups, exclude=exclude)


def _as_list(v):
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return list(v)
    return [v]


class Over(ColumnElement):
    __visit_name__ = "over"

    def __init__(self, element, partition_by=None, order_by=None, range_=None, rows=None, groups=None, exclude=None):
        self.element = element
        self.partition_by = [_coerce(c) for c in _as_list(partition_by)]
        self.order_by = [_order_item(c) for c in _as_list(order_by)]
        self.type = element.type
        if sum(f is not None for f in (range_, rows, groups)) > 1:
            raise exc.ArgumentError("only one of 'rows', 'range_', or 'groups' may be provided")
        if exclude is not None and range_ is None and rows is None and groups is None:
            raise exc.ArgumentError("'exclude' requires that one of 'rows', 'range_', or 'groups' is also specified")
        self.frame = None
        for unit, given in (("RANGE", range_), ("ROWS", rows), ("GROUPS", groups)):
            if given is not None:
                self.frame = _FrameClause._parse(unit, given, coerce_int=unit != "RANGE")
        if self.frame is not None and exclude is not None:
            self.frame.exclude = exclude

    def label(self, name):
        return Label(name, self)


class _FrameClause:
    """A window's frame (2.1's `FrameClause`): each end unbounded, the
    current row, or a bound value preceding or following it."""

    def __init__(self, unit, lower_type, lower, upper_type, upper):
        self.unit = unit
        self.lower_type, self.upper_type = lower_type, upper_type
        self.lower_bind = None if lower is None else literal(lower, Integer() if isinstance(lower, int) else None)
        self.upper_bind = None if upper is None else literal(upper, Integer() if isinstance(upper, int) else None)
        self.exclude = None

    @classmethod
    def _end(cls, value, coerce_int):
        if value is None:
            return None, "unbounded"
        if coerce_int:
            try:
                value = int(value)
            except ValueError:
                raise exc.ArgumentError("Integer or None expected for values in rows/groups frame") from None
        elif not isinstance(value, int):
            raise exc.ArgumentError(
                "When using a tuple to specify a range only integer or none values are allowed in the range frame. To specify a different type use the FrameClause directly."
            )
        if value == 0:
            return None, "current"
        return (abs(value), "preceding") if value < 0 else (value, "following")

    @classmethod
    def _parse(cls, unit, given, coerce_int):
        try:
            start, end = given
        except (ValueError, TypeError):
            raise exc.ArgumentError("2-tuple expected for range/rows/groups") from None
        lower, lower_type = cls._end(start, coerce_int)
        upper, upper_type = cls._end(end, coerce_int)
        return cls(unit, lower_type, lower, upper_type, upper)


def over(element, partition_by=None, order_by=None, range_=None, rows=None, groups=None, exclude=None):
    return Over(element, partition_by, order_by, range_=range_, rows=rows, groups=groups, exclude=exclude)


class Extract(ColumnElement):
    """`extract("year", x)`: on SQLite `CAST(STRFTIME('%Y', x) AS INTEGER)`."""

    __visit_name__ = "extract"

    def __init__(self, field, expr):
        self.type = Integer()
        self.field = field
        self.expr = _coerce(expr)


def extract(field, expr):
    return Extract(field, expr)


class _CollationClause(ColumnElement):
    __visit_name__ = "collation"

    def __init__(self, collation):
        self.collation = collation


def collate(expression, collation):
    return _coerce(expression).collate(collation)


def between(expr, lower_bound, upper_bound, symmetric=False):
    return _coerce(expr).between(lower_bound, upper_bound, symmetric=symmetric)


def label(name, element, type_=None):
    made = Label(name, _coerce(element))
    if type_ is not None:
        made.type = _to_type(type_)
    return made


def funcfilter(func, *criterion):
    return func.filter(*criterion)


def alias(selectable, name=None, flat=False):
    return selectable.alias(name)


def cte(selectable, name=None, recursive=False):
    return selectable.cte(name, recursive=recursive)


class _Distinct(ColumnElement):
    __visit_name__ = "distinct"

    def __init__(self, element):
        self.element = _coerce(element)
        self.type = self.element.type


def distinct(expr):
    return _Distinct(expr)


class _LiteralColumn(ColumnElement):
    __visit_name__ = "literal_column"

    def __init__(self, text, type_=None):
        self.text = text
        self.key = text
        self.type = _to_type(type_)


def column(text, type_=None, is_literal=False, _selectable=None):
    """`column("name")`: a column known by its name only (rendered as is)."""
    c = _LiteralColumn(text, type_)
    c.name = text
    return c


def literal_column(text, type_=None):
    return _LiteralColumn(text, type_)


class Tuple(ColumnElement):
    __visit_name__ = "tuple"

    def __init__(self, *clauses):
        self.clauses = [_coerce(c) for c in clauses]

    def in_(self, rows):
        return _TupleIn(self, [list(r) for r in rows])

    def not_in(self, rows):
        return not_(self.in_(rows))


class _TupleIn(ColumnElement):
    __visit_name__ = "tuple_in"

    def __init__(self, tuple_, rows):
        self.tuple = tuple_
        self.rows = rows
        self.type = Boolean()


def tuple_(*clauses):
    return Tuple(*clauses)


class _TypeCoerce(ColumnElement):
    __visit_name__ = "type_coerce"

    def __init__(self, element, type_):
        self.element = _coerce(element, _to_type(type_))
        self.type = _to_type(type_)


def type_coerce(expression, type_):
    return _TypeCoerce(expression, type_)


_FUNCTION_TYPES = {
    "count": Integer, "char_length": Integer, "length": Integer, "lower": String, "upper": String,
    # SQLAlchemy's generic functions of date and time
    "now": DateTime, "current_timestamp": DateTime, "localtimestamp": DateTime, "localtime": DateTime,
    "current_date": Date, "current_time": Time,
}


class _FunctionGenerator:
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)

        def make(*args, type_=None):
            clauses = [_coerce(a, None, name) for a in args]
            t = type_
            if t is None:
                if name.lower() in _FUNCTION_TYPES:
                    t = _FUNCTION_TYPES[name.lower()]()
                elif name in ("max", "min", "sum", "coalesce", "abs") and clauses:
                    t = clauses[0].type
            return Function(name, clauses, _to_type(t) if t is not None else None)

        return make


func = _FunctionGenerator()


class TextClause(ClauseElement):
    __visit_name__ = "text"
    _raw = False

    def __init__(self, text, binds=None):
        self.text = text
        self.binds = dict(binds or {})

    def bindparams(self, *args, **kw):
        new = TextClause(self.text, self.binds)
        for b in args:
            # (a required one names the parameter and its type; its value comes with the execution)
            if not getattr(b, "required", False):
                new.binds[b.key] = b.value
        new.binds.update(kw)
        return new

    def columns(self, *cols, **types):
        """The result's columns: Column objects, or names (typed by `types`)."""
        out = [c if isinstance(c, ColumnElement) else column(c, types.get(c)) for c in cols]
        out += [column(name, t) for name, t in types.items() if name not in cols]
        return TextualSelect(self, out)


def text(text):
    return TextClause(text)


class TextualSelect(TextClause):
    """`text(...).columns(...)`: the text, with the columns (and types) of its result."""

    label_style = "disambiguate_only"

    def __init__(self, clause, columns):
        super().__init__(clause.text, clause.binds)
        self.column_args = columns

    def _expanded_columns(self):
        return self.column_args

    def bindparams(self, *args, **kw):
        return TextualSelect(TextClause.bindparams(self, *args, **kw), self.column_args)

    def subquery(self, name=None):
        return Subquery(self, name)

    alias = subquery


# -------------------------------------------------------------------- schema


class MetaData:
    def __init__(self, schema=None, naming_convention=None):
        self.tables = {}
        self.schema = schema
        self.naming_convention = naming_convention

    def __repr__(self):
        return "MetaData()"

    @property
    def sorted_tables(self):
        # SQLAlchemy sorts by key first: tables no foreign key orders come alphabetically
        return _retort_sql.sorted_tables(sorted(self.tables.values(), key=lambda t: t.key))

    def reflect(self, bind, schema=None, views=False, only=None, extend_existing=False, autoload_replace=True, resolve_fks=True, **kw):
        """Every table of the database (or those in `only`), read in one connection."""
        def load(insp):
            available = insp.get_table_names()
            insp.get_temp_table_names()
            names = [n for n in available if only is None or n in only]
            if only is not None:
                missing = [n for n in only if n not in names]
                if missing:
                    raise InvalidRequestError(f"Could not reflect: requested table(s) not available in {bind!r}: ({', '.join(missing)})")
            for n in names:
                if n not in self.tables:
                    Table(n, self, *_reflected_schema_items(insp, n))
        _with_inspector(bind, load)

    def _foreign_key_problem(self):
        """A foreign key naming no table or column of this MetaData, as
        (exception class name, message): SQLAlchemy finds it when it sorts
        the tables, after its PRAGMA checks, and rolls back."""
        for t in self.tables.values():
            for c in t.columns_list:
                for fk in c.foreign_keys:
                    table_name, col_name = fk.target.rsplit(".", 1)
                    target = self.tables.get(table_name)
                    if target is None:
                        return ("NoReferencedTableError",
                                f"Foreign key associated with column '{t.name}.{c.name}' could not find table '{table_name}' with which to generate a foreign key to target column '{col_name}'")
                    if col_name not in target.c:
                        return ("NoReferencedColumnError",
                                f"Could not initialize target column for ForeignKey '{fk.target}' on table '{t.name}': table '{table_name}' has no column named '{col_name}'")
        return None

    def create_all(self, bind, tables=None, checkfirst=True):
        tables = list(self.tables.values()) if tables is None else list(tables)
        if isinstance(bind, Connection):
            return _schema_on_connection(bind, tables, checkfirst, True, self._foreign_key_problem())
        _call(bind, _retort_sql.create_all, tables, checkfirst, self._foreign_key_problem())

    def drop_all(self, bind, tables=None, checkfirst=True):
        tables = list(self.tables.values()) if tables is None else list(tables)
        if isinstance(bind, Connection):
            return _schema_on_connection(bind, tables, checkfirst, False, self._foreign_key_problem())
        _call(bind, _retort_sql.drop_all, tables, checkfirst, self._foreign_key_problem())


def _with_inspector(bind, fn):
    """Runs fn(inspector) with every query in one connection, as
    SQLAlchemy's reflection does."""
    if isinstance(bind, _Inspector):
        return fn(bind)
    if isinstance(bind, Connection):
        return fn(_Inspector(bind))
    with bind.connect() as conn:
        return fn(_Inspector(conn))


def _reflected_schema_items(bind, name):
    """Columns, constraints and indexes of a table as the database has them."""
    def load(insp):
        pk = insp.get_pk_constraint(name)["constrained_columns"]
        fks = insp.get_foreign_keys(name)
        single = {fk["constrained_columns"][0]: fk for fk in fks if len(fk["constrained_columns"]) == 1}
        cols = []
        for info in insp.get_columns(name):
            extra = []
            fk = single.get(info["name"])
            if fk is not None:
                extra.append(ForeignKey(f"{fk['referred_table']}.{fk['referred_columns'][0]}", name=fk["name"],
                                        ondelete=fk["options"].get("ondelete"), onupdate=fk["options"].get("onupdate")))
            default = info["default"]
            cols.append(Column(info["name"], info["type"], *extra, primary_key=info["name"] in pk, nullable=bool(info["nullable"]),
                               server_default=text(default) if default is not None else None))
        items = list(cols)
        for fk in fks:
            if len(fk["constrained_columns"]) > 1:
                t = fk["referred_table"]
                items.append(ForeignKeyConstraint(fk["constrained_columns"], [f"{t}.{c}" for c in fk["referred_columns"]], name=fk["name"]))
        for uq in insp.get_unique_constraints(name):
            items.append(UniqueConstraint(*uq["column_names"], name=uq["name"]))
        by_name = {c.name: c for c in cols}
        for ix in insp.get_indexes(name):
            items.append(Index(ix["name"], *[by_name[c] for c in ix["column_names"]], unique=bool(ix["unique"])))
        return items
    return _with_inspector(bind, load)


def _schema_on_connection(conn, tables, checkfirst, create, problem=None):
    """create_all/drop_all given a Connection: in its transaction, which the
    caller commits."""
    insp = inspect(conn)
    todo = [t for t in tables if not checkfirst or insp.has_table(t.name) != create]
    if problem is not None:
        raise getattr(exc, problem[0])(problem[1])
    order = _retort_sql.sorted_tables(todo)
    if not create:
        order.reverse()
    for t in order:
        for sql in _retort_sql.ddl("create_table" if create else "drop_table", t):
            conn.exec_driver_sql(sql)


class ForeignKey:
    __visit_name__ = "foreign_key"

    def __init__(self, column, ondelete=None, onupdate=None, name=None, **kw):
        self.target = column if isinstance(column, str) else f"{column.table.name}.{column.name}"
        self.ondelete = ondelete
        self.onupdate = onupdate
        self.name = name
        self.parent = None

    def __repr__(self):
        return f"ForeignKey('{self.target}')"

    @property
    def target_fullname(self):
        return self.target

    def references(self, table):
        return self.target.rsplit(".", 1)[0] == table.name


class _Constraint:
    pass


class PrimaryKeyConstraint(_Constraint):
    __visit_name__ = "primary_key_constraint"

    def __init__(self, *columns, name=None):
        self._objects = [c for c in columns if not isinstance(c, str)]
        self.column_names = [c if isinstance(c, str) else c.name for c in columns]
        self.name = name

    @property
    def columns(self):
        return ColumnCollection(self._objects)

    def __iter__(self):
        return iter(self._objects)

    def __len__(self):
        return len(self.column_names)

    def __contains__(self, column):
        return column in self._objects

    def __repr__(self):
        return f"PrimaryKeyConstraint({', '.join(repr(c) for c in self._objects)})"


class UniqueConstraint(_Constraint):
    __visit_name__ = "unique_constraint"

    def __init__(self, *columns, name=None):
        self.columns = [c if isinstance(c, str) else c.name for c in columns]
        self.name = name


class CheckConstraint(_Constraint):
    __visit_name__ = "check_constraint"

    def __init__(self, sqltext, name=None):
        self.sqltext = sqltext if isinstance(sqltext, str) else str(sqltext)
        self.name = name


class ForeignKeyConstraint(_Constraint):
    __visit_name__ = "foreign_key_constraint"

    def __init__(self, columns, refcolumns, name=None, ondelete=None, onupdate=None):
        self.columns = [c if isinstance(c, str) else c.name for c in columns]
        self.refcolumns = [c if isinstance(c, str) else f"{c.table.name}.{c.name}" for c in refcolumns]
        self.name = name
        self.ondelete = ondelete
        self.onupdate = onupdate


class Index:
    __visit_name__ = "index"

    def __init__(self, name, *expressions, unique=False):
        self.name = name
        self.expressions = list(expressions)
        self.unique = unique
        self.table = None
        for e in expressions:
            if isinstance(e, Column) and e.table is not None and self.table is None:
                e.table.indexes.add(self)
                e.table._index_order.append(self)
                self.table = e.table


class Sequence:
    """`Sequence("user_id_seq")` on a column: accepted and, as SQLite has no
    sequences, left out (SQLAlchemy's SQLite dialect does the same)."""

    def __init__(self, name, start=None, increment=None, minvalue=None, maxvalue=None, nominvalue=None, nomaxvalue=None,
                 cycle=None, schema=None, cache=None, order=None, data_type=None, optional=False, quote=None, metadata=None,
                 quote_schema=None, for_update=False):
        self.name = name
        self.start, self.increment, self.minvalue, self.maxvalue = start, increment, minvalue, maxvalue
        self.nominvalue, self.nomaxvalue, self.cycle, self.schema, self.cache, self.order = nominvalue, nomaxvalue, cycle, schema, cache, order
        self.optional = optional
        self.metadata = metadata

    def __repr__(self):
        shown = [repr(self.name)] + [f"{k}={getattr(self, k)!r}" for k in ("start", "increment", "minvalue", "maxvalue", "nominvalue", "nomaxvalue", "cycle", "schema", "cache", "order") if getattr(self, k) is not None]
        if self.optional:
            shown.append("optional=True")
        return f"Sequence({', '.join(shown)})"

    def next_value(self):
        raise _unsupported("Sequence.next_value() (SQLite has no sequences)")


class Column(ColumnElement):
    __visit_name__ = "column"

    def __init__(self, *args, **kw):
        args = list(args)
        self.name = args.pop(0) if args and isinstance(args[0], str) else kw.pop("name", None)
        self.type = NullType()
        if args and (isinstance(args[0], TypeEngine) or (isinstance(args[0], type) and issubclass(args[0], TypeEngine))):
            self.type = _to_type(args.pop(0))
        if "type_" in kw:
            self.type = _to_type(kw.pop("type_"))
        # (a set, as SQLAlchemy's: its repr is {ForeignKey('t.id')})
        self.foreign_keys = set()
        self.constraints = []
        for a in args:
            if isinstance(a, ForeignKey):
                a.parent = self
                self.foreign_keys.add(a)
            elif isinstance(a, _Constraint):
                self.constraints.append(a)
            elif isinstance(a, Sequence):
                # (SQLite has no sequences: SQLAlchemy's dialect leaves it out of DDL and inserts)
                self.sequence = a
            else:
                raise ArgumentError(f"'SchemaItem' object, such as a 'Column' or a 'Constraint' expected, got {a!r}")
        if self.foreign_keys and isinstance(self.type, NullType):
            self.type = Integer()
        self.key = kw.pop("key", self.name)
        self.primary_key = kw.pop("primary_key", False)
        nullable = kw.pop("nullable", None)
        self.nullable = (not self.primary_key) if nullable is None else nullable
        self._explicit_nullable = nullable
        self.default = kw.pop("default", None)
        self.server_default = kw.pop("server_default", None)
        self.onupdate = kw.pop("onupdate", None)
        self.unique = kw.pop("unique", None)
        self.index = kw.pop("index", None)
        self.autoincrement = kw.pop("autoincrement", "auto")
        self.comment = kw.pop("comment", None)
        kw.pop("info", None)
        if kw:
            raise TypeError(f"Additional arguments should be named <dialectname>_<argument>, got '{next(iter(kw))}'")
        self.table = None

    def references(self, column):
        """Whether a foreign key of this column points at `column`."""
        return any(fk.target == f"{column.table.name}.{column.name}" for fk in self.foreign_keys)

    def __repr__(self):
        parts = [repr(self.name), repr(self.type)]
        parts += [repr(fk) for fk in self.foreign_keys]
        if self.table is not None:
            parts.append(f"table=<{self.table.name}>")
        if self.primary_key:
            parts.append("primary_key=True")
        if not self.nullable:
            parts.append("nullable=False")
        if self.default is not None:
            parts.append(f"default=ScalarElementColumnDefault({self.default!r})")
        return f"Column({', '.join(parts)})"


_MISSING = object()


class ReadOnlyColumnCollection:
    """`table.c`, `subquery.c`, `select.selected_columns`: columns by key and by position."""

    __module__ = "sqlalchemy.sql.base"

    def __init__(self, columns, keys=None):
        self._columns = list(columns)
        # keys of their own (`selected_columns` names columns apart), else the columns'
        self._named = None if keys is None else list(keys)

    def _find(self, key):
        if self._named is None:
            for c in self._columns:
                if c.key == key:
                    return c
        else:
            for k, c in zip(self._named, self._columns):
                if k == key:
                    return c
        return _MISSING

    def __getattr__(self, key):
        c = self._find(key)
        if c is _MISSING:
            raise AttributeError(key)
        return c

    def __getitem__(self, key):
        if isinstance(key, int):
            return self._columns[key]
        c = self._find(key)
        if c is _MISSING:
            raise KeyError(key)
        return c

    def __contains__(self, key):
        return self._find(key) is not _MISSING

    def __iter__(self):
        return iter(self._columns)

    def __len__(self):
        return len(self._columns)

    def keys(self):
        return [c.key for c in self._columns] if self._named is None else list(self._named)

    def values(self):
        return list(self._columns)

    def items(self):
        return list(zip(self.keys(), self._columns))


ColumnCollection = ReadOnlyColumnCollection


class FromClause(ClauseElement):
    def select(self):
        return select(self)

    def join(self, right, onclause=None, isouter=False, full=False):
        _no_full(full)
        return Join(self, right, onclause, isouter)

    def outerjoin(self, right, onclause=None, full=False):
        _no_full(full)
        return Join(self, right, onclause, True)

    def alias(self, name=None):
        return Alias(self, name)

    def _table_columns(self):
        return self.columns_list


def _from_arg(f):
    """A FROM item, or a mapped class standing for its table (an `aliased()`
    class for its alias)."""
    if isinstance(f, type) and "__mapper__" in f.__dict__:
        return f.__table__
    if getattr(f, "_sa_entity", None) is not None:
        return f.__clause_element__()
    return f


def _no_full(full):
    if full:
        raise _unsupported("FULL OUTER JOIN (full=True)")


def join(left, right, onclause=None, isouter=False, full=False):
    """`join(a, b, onclause)`: the Join `a.join(b, onclause)` is (mapped classes stand for their tables)."""
    return _from_arg(left).join(_from_arg(right), onclause, isouter, full)


def outerjoin(left, right, onclause=None, full=False):
    return join(left, right, onclause, True, full)


def _fk_target_table(fk):
    return fk.target.rsplit(".", 1)[0]


def _base_table(from_):
    while isinstance(from_, Alias):
        from_ = from_.element
    return from_


def _join_condition(left, right):
    """Mirrors `join_condition`: the foreign keys between the two sides."""
    crit = []
    for a, b in ((left, right), (right, left)):
        for side in _join_sides(b):
            for col in side._table_columns():
                for fk in col.foreign_keys:
                    for target in _join_sides(a):
                        ref = _referent(target, fk)
                        if ref is not None:
                            crit.append(ref == col)
        if crit:
            break
    if not crit:
        raise NoForeignKeysError(
            f"Can't find any foreign key relationships between '{_from_name(left)}' and '{_from_name(right)}'."
        )
    return crit[0] if len(crit) == 1 else and_(*crit)


def _referent(from_, fk):
    """The column of `from_` a foreign key points at (`ForeignKey.get_referent`):
    of a table or its alias by name, of a subquery the column proxying it."""
    table_name, col_name = fk.target.rsplit(".", 1)
    base = _base_table(from_)
    if isinstance(base, Table):
        return from_.c[col_name] if base.name == table_name else None
    for c in from_._table_columns():
        p = getattr(c, "_proxied", None)
        while p is not None and not isinstance(p, Column):
            p = getattr(p, "_proxied", None)
        if p is not None and getattr(p.table, "name", None) == table_name and p.name == col_name:
            return c
    return None


def _join_sides(f):
    if isinstance(f, Join):
        return _join_sides(f.left) + _join_sides(f.right)
    return [f]


def _from_name(f):
    return f.name if getattr(f, "name", None) else "<subquery>"


class Join(FromClause):
    __visit_name__ = "join"

    def __init__(self, left, right, onclause=None, isouter=False):
        self.left = left
        self.right = right
        self.onclause = onclause if onclause is not None else _join_condition(left, right)
        self.isouter = isouter
        self.columns_list = left._table_columns() + right._table_columns()
        self.c = self.columns = ColumnCollection(self.columns_list)


class _DerivedColumn(ColumnElement):
    """A column of an alias or a subquery."""

    __visit_name__ = "column"

    def __init__(self, name, table, type_, key=None):
        self.name = name
        self.key = key or name
        self.table = table
        self.type = type_
        self.foreign_keys = set()
        self.primary_key = False

    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"


class Alias(FromClause):
    __visit_name__ = "alias"

    def __init__(self, element, name=None):
        self.element = element
        self.name = name
        if name is None:
            # numbered table_N when compiled, as SQLAlchemy names anonymous aliases
            _anon_counter[0] += 1
            self.anon_id = _anon_counter[0]
            self.anon_stem = element.name
        cols = []
        for c in element._table_columns():
            d = _DerivedColumn(c.name, self, c.type, c.key)
            d.foreign_keys = set(c.foreign_keys)
            cols.append(d)
        self.columns_list = cols
        self.c = self.columns = ColumnCollection(cols)


_anon_counter = [0]


def _selected_key(c):
    key = getattr(c, "key", None)
    if key:
        return key
    return getattr(c, "name", None) or "anon"


LABEL_STYLE_NONE = "none"
LABEL_STYLE_DISAMBIGUATE_ONLY = "disambiguate_only"
LABEL_STYLE_TABLENAME_PLUS_COL = "tablename_plus_col"
LABEL_STYLE_DEFAULT = LABEL_STYLE_DISAMBIGUATE_ONLY


def _derived_key(select_, c):
    if select_.label_style == LABEL_STYLE_TABLENAME_PLUS_COL and isinstance(getattr(c, "table", None), FromClause):
        return f"{c.table.name}_{c.name}"
    return _selected_key(c)


class CTE(FromClause):
    __visit_name__ = "cte"

    def __init__(self, element, name=None, recursive=False):
        self.element = element
        self.recursive = recursive
        _anon_counter[0] += 1
        self.anon_id = _anon_counter[0]
        # None: numbered anon_N when compiled
        self.name = name
        first = element.selects[0] if isinstance(element, CompoundSelect) else element
        cols = [_DerivedColumn(_derived_key(first, c), self, c.type) for c in first._expanded_columns()]
        self.columns_list = cols
        self.c = self.columns = ColumnCollection(cols)

    def union_all(self, *others):
        return self._same(CTE(CompoundSelect("union_all", self.element, *others), self.name, self.recursive))

    def union(self, *others):
        return self._same(CTE(CompoundSelect("union", self.element, *others), self.name, self.recursive))

    def _same(self, new):
        # the recursive part refers to this CTE: an unnamed one keeps its number
        new.anon_id = self.anon_id
        return new


class Subquery(FromClause):
    __visit_name__ = "subquery"

    def __init__(self, element, name=None):
        self.element = element
        self.name = name
        _anon_counter[0] += 1
        self.anon_id = _anon_counter[0]
        cols = []
        for c in element._expanded_columns():
            d = _DerivedColumn(_derived_key(element, c), self, c.type)
            # a subquery's column proxies its column's foreign keys (joins find them)
            d.foreign_keys = set(getattr(c, "foreign_keys", None) or ())
            d._proxied = c
            cols.append(d)
        self.columns_list = cols
        self.c = self.columns = ColumnCollection(cols)


class ScalarSelect(ColumnElement):
    __visit_name__ = "scalar_subquery"

    def __init__(self, element):
        self.element = element
        cols = element._expanded_columns()
        self.type = cols[0].type if cols else NullType()


class Exists(ColumnElement):
    __visit_name__ = "exists"
    type = Boolean()

    def __init__(self, element=None):
        self.element = element if element is not None else Select()

    def where(self, *criteria):
        return Exists(self.element.where(*criteria))

    def select_from(self, *froms):
        return Exists(self.element.select_from(*froms))

    def select(self):
        return select(self)


def exists(*args):
    """`exists()`, `exists(column...)` (a SELECT of them) or `exists(select(...))` (that SELECT)."""
    if len(args) == 1 and isinstance(args[0], Select):
        return Exists(args[0])
    return Exists(Select(*args) if args else None)


class Table(FromClause):
    __visit_name__ = "table"

    @property
    def key(self):
        return self.name if self.schema is None else f"{self.schema}.{self.name}"

    def __init__(self, name, metadata, *args, **kw):
        self.name = name
        self.fullname = name
        self.metadata = metadata
        self.schema = kw.pop("schema", None)
        kw.pop("extend_existing", None)
        kw.pop("keep_existing", None)
        autoload_with = kw.pop("autoload_with", None)
        if autoload_with is not None:
            args = _reflected_schema_items(autoload_with, name) + list(args)
        self.comment = kw.pop("comment", None)
        self.columns_list = []
        self.constraints = []
        self.indexes = set()
        self._index_order = []
        for a in args:
            if isinstance(a, Column):
                a.table = self
                self.columns_list.append(a)
            elif isinstance(a, Index):
                a.table = self
                self._index_order.append(a)
                self.indexes.add(a)
            elif isinstance(a, _Constraint):
                self.constraints.append(a)
            else:
                raise ArgumentError(f"'SchemaItem' object, such as a 'Column' or a 'Constraint' expected, got {a!r}")
        if name in metadata.tables:
            raise InvalidRequestError(
                f"Table '{name}' is already defined for this MetaData instance.  Specify 'extend_existing=True' to "
                "redefine options and columns on an existing Table object."
            )
        metadata.tables[name] = self
        # (Enum and Boolean with create_constraint=True: a CHECK of their
        # values, after the table's own constraints as SQLAlchemy orders them)
        for c in self.columns_list:
            if getattr(c.type, "create_constraint", False) and hasattr(c.type, "_check_constraint"):
                self.constraints.append(c.type._check_constraint(c))
        self.c = ColumnCollection(self.columns_list)
        self.columns = self.c
        self.primary_key = PrimaryKeyConstraint(*[c for c in self.columns_list if c.primary_key])

    def __repr__(self):
        parts = [repr(self.name), repr(self.metadata)] + [repr(c) for c in self.columns_list] + ["schema=None"]
        return f"Table({', '.join(parts)})"

    def __str__(self):
        return self.name

    def __hash__(self):
        return id(self)

    def _table_columns(self):
        return self.columns_list

    def create(self, bind, checkfirst=False):
        self.metadata.create_all(bind, tables=[self], checkfirst=checkfirst)

    def drop(self, bind, checkfirst=False):
        self.metadata.drop_all(bind, tables=[self], checkfirst=checkfirst)

    def insert(self):
        return insert(self)

    def update(self):
        return update(self)

    def delete(self):
        return delete(self)


# ---------------------------------------------------------------- statements


class Executable(ClauseElement):
    _execution_options = {}

    def execution_options(self, **kw):
        """A copy of the statement carrying options for its execution
        (the ORM reads `synchronize_session`)."""
        new = type(self).__new__(type(self))
        new.__dict__.update(self.__dict__)
        new._execution_options = {**self._execution_options, **kw}
        return new

    def get_execution_options(self):
        return dict(self._execution_options)


def _naming_keys(columns):
    """The keys SQLAlchemy's `_column_naming_convention` gives columns: a key
    met again takes an anonymous one (`a_1`), the same for the same column
    object; an expression without a name is `_no_label`."""
    names, anon, counts, keys = set(), {}, {}, []
    for c in columns:
        key = _proxy_key(c) or "_no_label"
        if key in names:
            if (id(c), key) not in anon:
                counts[key] = counts.get(key, 0) + 1
                anon[(id(c), key)] = f"{key}_{counts[key]}"
            key = anon[(id(c), key)]
        else:
            names.add(key)
        keys.append(key)
    return keys


def _proxy_key(c):
    """The name a selected column goes by (SQLAlchemy's `_proxy_key`), if any."""
    if isinstance(c, (Column, Label, _DerivedColumn, _LiteralColumn)):
        return c.key
    if isinstance(c, Function):
        return c.name
    if isinstance(c, Cast):
        return _proxy_key(c.element)
    return None


def _column_args(entities):
    out = []
    for e in entities:
        if isinstance(e, type) and "__mapper__" in e.__dict__:
            out.append(e.__table__)
        elif isinstance(e, ClauseElement):
            out.append(e)
        elif getattr(e, "_sa_entity", None) is not None:
            out.append(e.__clause_element__())
        else:
            raise ArgumentError(
                f"Column expression, FROM clause, or other columns clause element expected, got {e!r}."
            )
    return out


def _entities_of(entities, start):
    """Where mapped classes sit among a select's columns: `(position, class)`,
    the position counted in expanded columns (the ORM turns those back into objects)."""
    out = []
    pos = start
    for e in entities:
        if isinstance(e, type) and "__mapper__" in e.__dict__:
            out.append((pos, e))
            pos += len(e.__table__.columns_list)
        elif getattr(e, "_sa_entity", None) is not None:
            # an aliased() class: its objects, from its alias's columns
            out.append((pos, e))
            pos += len(e.__clause_element__()._table_columns())
        elif isinstance(e, FromClause):
            pos += len(e._table_columns())
        else:
            pos += 1
    return out


def _joins_in(from_, table):
    """Whether `table` is one of the tables a FROM item (a join) joins."""
    if from_ is table:
        return True
    if isinstance(from_, Join):
        return _joins_in(from_.left, table) or _joins_in(from_.right, table)
    return False


class Select(Executable):
    __visit_name__ = "select"

    _for_update = False

    def with_for_update(self, nowait=False, read=False, of=None, skip_locked=False, key_share=False):
        """`FOR UPDATE` (in `str()`; SQLite's compiler leaves it out)."""
        if nowait or read or of is not None or skip_locked or key_share:
            raise _unsupported("with_for_update() with options")
        new = self._copy()
        new._for_update = True
        return new

    def prefix_with(self, *prefixes, dialect="*"):
        raise _unsupported("prefix_with() on a SELECT")

    def suffix_with(self, *suffixes, dialect="*"):
        raise _unsupported("suffix_with() on a SELECT")

    def __init__(self, *entities):
        self.columns = _column_args(entities)
        self._orm_entities = _entities_of(entities, 0)
        self.froms = []
        self.where_criteria = []
        self.order_by_clauses = []
        self.group_by_clauses = []
        self.having_criteria = []
        self.limit_value = None
        self.offset_value = None
        self.is_distinct = False
        self.label_style = LABEL_STYLE_DISAMBIGUATE_ONLY

    def options(self, *options):
        new = self._copy()
        new._with_options = list(getattr(self, "_with_options", ())) + list(options)
        return new

    @property
    def selected_columns(self):
        """The columns the statement returns (a table or entity's each), keyed
        as SQLAlchemy's `_column_naming_convention` keys them: a key met again
        takes an anonymous one (`a_1`), the same for the same column object;
        an expression without a name is `_no_label`; text() is left out."""
        columns = [
            c for item in self.columns for c in (item._table_columns() if isinstance(item, FromClause) else [item]) if not isinstance(c, TextClause)
        ]
        return ColumnCollection(columns, _naming_keys(columns))

    def _copy(self):
        new = Select.__new__(Select)
        new.__dict__.update(self.__dict__)
        for k in ("columns", "froms", "where_criteria", "order_by_clauses", "group_by_clauses", "having_criteria"):
            setattr(new, k, list(getattr(self, k)))
        return new

    def where(self, *criteria):
        new = self._copy()
        new.where_criteria += [_as_condition(c) for c in criteria]
        return new

    filter = where

    def _filter_by_zero(self):
        """What filter_by() names attributes of: the last FROM or join, else
        the first table among the columns (`select(User.name).filter_by(...)`)."""
        if self.froms:
            return self.froms[-1]
        for c in self.columns:
            if isinstance(c, Table):
                return c
            t = getattr(c, "table", None)
            if isinstance(t, FromClause):
                return t
        raise InvalidRequestError("Can't use filter_by() on a statement with no FROM")

    def filter_by(self, **kw):
        table = self._filter_by_zero()
        # a mapped table: the names are its class's attributes (synonyms and relationships too)
        cls = getattr(table, "_sa_class", None)
        return self.where(*[(table.c[k] if cls is None or k in table.c else getattr(cls, k)) == v for k, v in kw.items()])

    def order_by(self, *clauses):
        new = self._copy()
        if clauses == (None,):
            new.order_by_clauses = []
        else:
            new.order_by_clauses += [_order_item(c) for c in clauses]
        return new

    def group_by(self, *clauses):
        new = self._copy()
        expanded = []
        for c in clauses:
            # a mapped class (or aliased() one) groups by each of its columns
            if (isinstance(c, type) and "__mapper__" in c.__dict__) or getattr(c, "_sa_entity", None) is not None:
                expanded += _from_arg(c)._table_columns()
            else:
                expanded.append(c)
        new.group_by_clauses += [_order_item(c) for c in expanded]
        return new

    def union(self, *others):
        return CompoundSelect("union", self, *others)

    def union_all(self, *others):
        return CompoundSelect("union_all", self, *others)

    def intersect(self, *others):
        return CompoundSelect("intersect", self, *others)

    def except_(self, *others):
        return CompoundSelect("except", self, *others)

    def having(self, *criteria):
        new = self._copy()
        new.having_criteria += [_as_condition(c) for c in criteria]
        return new

    def limit(self, n):
        new = self._copy()
        new.limit_value = n
        return new

    def offset(self, n):
        new = self._copy()
        new.offset_value = n
        return new

    def distinct(self):
        new = self._copy()
        new.is_distinct = True
        return new

    def select_from(self, *froms):
        new = self._copy()
        new.froms += [_from_arg(f) for f in froms]
        return new

    def _expanded_columns(self):
        out = []
        for c in self.columns:
            if isinstance(c, FromClause):
                out += c._table_columns()
            else:
                out.append(c)
        return out

    def subquery(self, name=None):
        return Subquery(self, name)

    def cte(self, name=None, recursive=False, nesting=False):
        return CTE(self, name, recursive)

    def set_label_style(self, style):
        new = self._copy()
        new.label_style = style
        return new

    def get_label_style(self):
        return self.label_style

    def alias(self, name=None):
        return Subquery(self, name)

    def scalar_subquery(self):
        return ScalarSelect(self)

    def correlate(self, *froms):
        """Which enclosing FROMs a subquery of this SELECT refers to. Retort
        correlates as SQLAlchemy does by default (to the enclosing SELECT's
        FROMs), which these name in the usual cases."""
        return self._copy()

    correlate_except = correlate

    def exists(self):
        return Exists(self)

    def join_from(self, left, right, onclause=None, isouter=False, full=False):
        _no_full(full)
        new = self._copy()
        left = _from_arg(left)
        if hasattr(right, "_sa_join"):
            new.froms.append(right._sa_join(left, isouter))
            return new
        # a left side already joined: the join continues it, as SQLAlchemy does
        for i, existing in enumerate(new.froms):
            if existing is not left and _joins_in(existing, left):
                on = onclause if onclause is not None else Join(left, _from_arg(right), None, isouter).onclause
                new.froms[i] = Join(existing, _from_arg(right), on, isouter)
                return new
        new.froms.append(Join(left, _from_arg(right), onclause, isouter))
        return new

    def join(self, target, onclause=None, isouter=False, full=False):
        _no_full(full)
        new = self._copy()
        if new.froms:
            left = new.froms.pop()
        elif hasattr(target, "_sa_join"):
            # along a relationship: from its parent's table
            left = target._config().parent.local_table
        else:
            left = next(c if isinstance(c, FromClause) else c.table for c in self.columns)
        if hasattr(target, "_sa_join"):
            # a relationship: ON its foreign key (through its secondary table)
            new.froms.append(target._sa_join(left, isouter))
            return new
        if hasattr(onclause, "_sa_join"):
            # join(alias, User.addresses.of_type(alias)): the relationship's ON, to the target given
            new.froms.append(onclause._sa_join(left, isouter, _from_arg(target)))
            return new
        new.froms.append(Join(left, _from_arg(target), onclause, isouter))
        return new

    def outerjoin(self, target, onclause=None, full=False):
        return self.join(target, onclause, True, full)

    def outerjoin_from(self, left, right, onclause=None, full=False):
        return self.join_from(left, right, onclause, True, full)

    def add_columns(self, *entities):
        new = self._copy()
        new._orm_entities = self._orm_entities + _entities_of(entities, len(self._expanded_columns()))
        new.columns += _column_args(entities)
        return new

    def with_only_columns(self, *entities):
        new = self._copy()
        new.columns = _column_args(entities)
        new._orm_entities = _entities_of(entities, 0)
        return new

    def __getattr__(self, name):
        if name in ("correlate", "correlate_except", "lateral"):
            raise _unsupported(f"Select.{name}()")
        raise AttributeError(f"'Select' object has no attribute '{name}'")


def select(*entities):
    return Select(*entities)


class _LabelReference(ColumnElement):
    """A name in ORDER BY / GROUP BY (`order_by("id")`), rendered as written."""

    __visit_name__ = "label_reference"

    def __init__(self, name):
        self.name = name


def _order_item(c):
    if isinstance(c, str):
        return _LabelReference(c)
    return _coerce(c)


class CompoundSelect(Executable):
    __visit_name__ = "compound_select"

    def __init__(self, keyword, *selects):
        self.keyword = keyword
        self.selects = list(selects)
        self.order_by_clauses = []
        self.limit_value = None
        self.offset_value = None

    def _copy(self):
        new = CompoundSelect.__new__(CompoundSelect)
        new.__dict__.update(self.__dict__)
        new.order_by_clauses = list(self.order_by_clauses)
        return new

    def order_by(self, *clauses):
        new = self._copy()
        new.order_by_clauses += [_order_item(c) for c in clauses]
        return new

    def limit(self, n):
        new = self._copy()
        new.limit_value = n
        return new

    def offset(self, n):
        new = self._copy()
        new.offset_value = n
        return new

    label_style = "disambiguate_only"

    def _expanded_columns(self):
        return self.selects[0]._expanded_columns()

    def subquery(self, name=None):
        return Subquery(self, name)

    alias = subquery

    def cte(self, name=None, recursive=False, nesting=False):
        return CTE(self, name, recursive)

    def scalar_subquery(self):
        return ScalarSelect(self)


def union(*selects):
    return CompoundSelect("union", *selects)


def union_all(*selects):
    return CompoundSelect("union_all", *selects)


def intersect(*selects):
    return CompoundSelect("intersect", *selects)


def except_(*selects):
    return CompoundSelect("except", *selects)


class _DML(Executable):
    def __init__(self, table):
        self.table = _from_arg(table)
        self._orm_entity = table if table is not self.table else None
        self.value_rows = []
        self.where_criteria = []
        self.returning_columns = []
        # (an entry of its own, as `execution_options()` gives a copy: the
        # native `Connection.execute` finds it where it looked last time)
        self._execution_options = {}

    _prefixes = ()

    def prefix_with(self, *prefixes, dialect="*"):
        """`insert(t).prefix_with("OR REPLACE")`: words after INSERT (for
        `dialect` only, when named)."""
        if not isinstance(self, Insert):
            raise _unsupported(f"prefix_with() on {type(self).__name__.upper()}")
        new = self._copy()
        new._prefixes = tuple(self._prefixes) + tuple((str(p), dialect) for p in prefixes)
        return new

    def suffix_with(self, *suffixes, dialect="*"):
        raise _unsupported("suffix_with()")

    def _copy(self):
        new = type(self).__new__(type(self))
        new.__dict__.update(self.__dict__)
        new.value_rows = list(self.value_rows)
        new.where_criteria = list(self.where_criteria)
        new.returning_columns = list(self.returning_columns)
        return new

    def values(self, *args, **kw):
        new = self._copy()
        if args and isinstance(args[0], list):
            new.value_rows += [dict(r) for r in args[0]]
        elif args and isinstance(args[0], dict):
            new.value_rows.append(dict(args[0]))
        elif kw:
            if new.value_rows:
                new.value_rows[-1] = {**new.value_rows[-1], **kw}
            else:
                new.value_rows.append(dict(kw))
        return new

    def where(self, *criteria):
        new = self._copy()
        new.where_criteria += [_as_condition(c) for c in criteria]
        return new

    filter = where

    def returning(self, *cols):
        """RETURNING these columns; a mapped class returns its columns, and
        the ORM makes objects of them (`session.scalars(insert(User).returning(User), rows)`)."""
        new = self._copy()
        for c in cols:
            if isinstance(c, type) and "__mapper__" in c.__dict__:
                new._orm_entities = list(getattr(self, "_orm_entities", None) or []) + [(len(new.returning_columns), c)]
                new.returning_columns += list(c.__table__.columns_list)
            else:
                new.returning_columns.append(c)
        return new


class Insert(_DML):
    __visit_name__ = "insert"
    from_select_names = None
    from_select_query = None

    def from_select(self, names, select, include_defaults=True):
        new = self._copy()
        new.from_select_names = [n if isinstance(n, str) else n.name for n in names]
        new.from_select_query = select
        return new


class Update(_DML):
    __visit_name__ = "update"
    ordered = False

    def ordered_values(self, *pairs):
        new = self._copy()
        new.value_rows = [dict(pairs)]
        new.ordered = True
        return new


class Delete(_DML):
    __visit_name__ = "delete"


def insert(table):
    return Insert(table)


def update(table):
    return Update(table)


def delete(table):
    return Delete(table)


# ------------------------------------------------------------------- results


class Row(tuple):
    def __new__(cls, values, keys):
        row = tuple.__new__(cls, values)
        row._keys = keys
        return row

    def __getattr__(self, name):
        keys = tuple.__getattribute__(self, "_keys")
        if name in keys:
            return self[keys.index(name)]
        raise AttributeError(name)

    @property
    def _fields(self):
        return tuple(self._keys)

    # "count" and "index" name a column when the row has one (`row.count` of
    # `func.count().label("count")`), else they are the tuple methods
    @property
    def count(self):
        keys = tuple.__getattribute__(self, "_keys")
        if "count" in keys:
            return self[keys.index("count")]
        return lambda *a: tuple.count(self, *a)

    @property
    def index(self):
        keys = tuple.__getattribute__(self, "_keys")
        if "index" in keys:
            return self[keys.index("index")]
        return lambda *a: tuple.index(self, *a)

    @property
    def _mapping(self):
        return RowMapping(zip(self._keys, self))

    def _asdict(self):
        return dict(zip(self._keys, self))

    # (deprecated in 2.1: a Row is a tuple already; each returns the row itself)
    def _tuple(self):
        _deprecated("The Row._tuple() method is deprecated, Row now behaves like a tuple and can unpack types directly.", "2.1.0")
        return self

    @property
    def _t(self):
        _deprecated("The Row._t attribute is deprecated, Row now behaves like a tuple and can unpack types directly.", "2.1.0")
        return self

    @property
    def t(self):
        _deprecated("The Row.t attribute is deprecated in favor of Row._t; all Row methods and library-level attributes "
            "are intended to be underscored to avoid name conflicts.  Please use Row._t.", "2.0.19")
        return self

    def tuple(self):
        _deprecated("The Row.tuple() method is deprecated in favor of Row._tuple(); all Row methods and library-level "
            "attributes are intended to be underscored to avoid name conflicts.  Please use Row._tuple().", "2.0.19")
        return self


class RowMapping(dict):
    def __repr__(self):
        return "{" + ", ".join(f"{k!r}: {v!r}" for k, v in self.items()) + "}"


class Result:
    # what every result starts with (set on the class: an INSERT in a loop makes many results)
    _pos = 0
    _yield_per = None
    _scalars = False
    _mappings = False
    _closed = False
    _inserted_primary_key = None

    def __init__(self, keys, rows, rowcount=-1, lastrowid=None, returns_rows=True):
        # (`_retort_sql` makes a result without rows by setting these five itself)
        self._keys = keys
        self._rows = [Row(r, keys) for r in rows] if rows else []
        self.rowcount = rowcount
        self.lastrowid = lastrowid
        self.returns_rows = returns_rows

    def keys(self):
        return RMKeyView(self._keys)

    def tuples(self):
        """The same result, typed as tuples (rows are tuples already)."""
        _deprecated("The Result.tuples method is deprecated, Row now behaves like a tuple and can unpack types directly.", "2.1.0")
        return self

    @property
    def t(self):
        _deprecated("The Result.t method is deprecated, Row now behaves like a tuple and can unpack types directly.", "2.1.0")
        return self

    def _take_all(self):
        if not self.returns_rows:
            raise ResourceClosedError("This result object does not return rows. It has been closed automatically.")
        rows = self._rows[self._pos:]
        self._pos = len(self._rows)
        return rows

    def _out(self, row):
        if self._scalars:
            return row[0]
        if self._mappings:
            return row._mapping
        return row

    def __iter__(self):
        for row in self._take_all():
            yield self._out(row)

    def all(self):
        return [self._out(r) for r in self._take_all()]

    fetchall = all

    def fetchone(self):
        if self._pos < len(self._rows):
            row = self._rows[self._pos]
            self._pos += 1
            return self._out(row)
        return None

    def fetchmany(self, size=1):
        rows = self._rows[self._pos:self._pos + size]
        self._pos += len(rows)
        return [self._out(r) for r in rows]

    def first(self):
        rows = self._take_all()
        return self._out(rows[0]) if rows else None

    def one(self):
        rows = self._take_all()
        if not rows:
            raise NoResultFound("No row was found when one was required")
        if len(rows) > 1:
            raise MultipleResultsFound("Multiple rows were found when exactly one was required")
        return self._out(rows[0])

    def one_or_none(self):
        rows = self._take_all()
        if len(rows) > 1:
            raise MultipleResultsFound("Multiple rows were found when one or none was required")
        return self._out(rows[0]) if rows else None

    def scalar(self):
        rows = self._take_all()
        return rows[0][0] if rows else None

    def scalar_one(self):
        return self.scalars().one()

    def scalar_one_or_none(self):
        return self.scalars().one_or_none()

    def _clone(self):
        """A Result over the same rows and position (scalars(), mappings()...)."""
        new = Result.__new__(Result)
        new.__dict__.update(self.__dict__)
        return new

    def scalars(self, index=0):
        new = self._clone()
        if index:
            new._rows = [Row((r[index],), self._keys[index:index + 1]) for r in self._rows]
        new._scalars = True
        return new

    def partitions(self, size=None):
        rows = self._take_all()
        # the yield_per execution option's size, else a row at a time (the DBAPI cursor's arraysize)
        size = size or self._yield_per or 1
        for i in range(0, len(rows), size):
            yield [self._out(r) for r in rows[i:i + size]]

    def unique(self, strategy=None):
        new = self._clone()
        seen = set()
        kept = []
        for r in self._rows[self._pos:]:
            key = r[0] if self._scalars else tuple(r)
            if key not in seen:
                seen.add(key)
                kept.append(r)
        new._rows = kept
        new._pos = 0
        return new

    def columns(self, *names):
        new = self._clone()
        idx = [n if isinstance(n, int) else self._keys.index(n if isinstance(n, str) else n.key) for n in names]
        keys = [self._keys[i] for i in idx]
        new._keys = keys
        new._rows = [Row([r[i] for i in idx], keys) for r in self._rows[self._pos:]]
        new._pos = 0
        return new

    def mappings(self):
        new = self._clone()
        new._mappings = True
        return new

    def close(self):
        self._closed = True

    @property
    def inserted_primary_key(self):
        if self._inserted_primary_key is None:
            raise InvalidRequestError("Statement is not an insert() expression construct.")
        if isinstance(self._inserted_primary_key, tuple):
            # worked out when first asked for (most INSERTs never are)
            statement, parameters = self._inserted_primary_key
            self._inserted_primary_key = _inserted_pk(statement, parameters, self)
        return self._inserted_primary_key


class RMKeyView:
    def __init__(self, keys):
        self._keys = list(keys)

    def __iter__(self):
        return iter(self._keys)

    def __len__(self):
        return len(self._keys)

    def __contains__(self, k):
        return k in self._keys

    def __repr__(self):
        return f"RMKeyView({self._keys!r})"


# ------------------------------------------------------ engines, connections


_engine_logger = _logging.getLogger("sqlalchemy.engine.Engine")
_echo_handler = None


def _add_echo_handler():
    """What `echo=True` does: INFO on the engine's logger, with SQLAlchemy's
    default handler (its lines go to stderr here, never to stdout)."""
    global _echo_handler
    if _echo_handler is None:
        _echo_handler = _logging.StreamHandler(_sys.stderr)
        _echo_handler.setFormatter(_logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        _engine_logger.addHandler(_echo_handler)
    _engine_logger.setLevel(_logging.INFO)


def _call(engine, fn, *args, echo=None):
    """Runs a `_retort_sql` function on the engine's database and logs its
    events when echo is on (`echo`: a connection's, settled when it was made)."""
    on = (engine.echo or _engine_logger.isEnabledFor(_logging.INFO)) if echo is None else echo
    if on != engine._echoing:
        _retort_sql.set_echo(engine._db, on)
        engine._echoing = on
    try:
        return fn(engine._db, *args)
    finally:
        if on:
            for line in _retort_sql.take_echo(engine._db):
                _engine_logger.info(line)


_engines = []


def _hook_engines():
    """Engines with cursor event listeners get their statements reported
    (`event.listen(engine, "before_cursor_execute", fn)`)."""
    for engine in _engines:
        _hook_engine(engine)


def _hook_engine(engine):
    import sqlalchemy.event as _ev

    if not any(_ev._cursor_listeners(engine).values()):
        return

    def hook(phase, statement, parameters, executemany):
        conn = engine._last_connection
        for fn in _ev._cursor_listeners(engine)[phase + "_cursor_execute"]:
            fn(conn, None, statement, parameters, None, executemany)

    _retort_sql.set_hook(engine._db, hook)


class Engine:
    def __init__(self, url, echo=False, _db=None):
        self.url = url
        self.echo = echo
        self._db = _retort_sql.open(url) if _db is None else _db
        self._echoing = False
        # the connection the cursor events name (the one made last)
        self._last_connection = None
        self._connection_info = {}
        _engines.append(self)
        _hook_engine(self)
        self.dialect = _Dialect()
        if echo:
            _add_echo_handler()

    def __repr__(self):
        return f"Engine({self.url})"

    def connect(self):
        return Connection(self)

    def begin(self):
        return _EngineBegin(self)

    def dispose(self):
        pass


class _Dialect:
    name = "sqlite"
    driver = "pysqlite"


_DIALECT = _Dialect()


class _EngineBegin:
    def __init__(self, engine):
        self.conn = Connection(engine)

    def __enter__(self):
        self.conn.begin()
        return self.conn

    def __exit__(self, type_, value, tb):
        if type_ is None:
            self.conn.commit()
        else:
            self.conn.rollback()
        self.conn.close()
        return False


class Transaction:
    def __init__(self, conn):
        self.connection = conn
        self.is_active = True

    def commit(self):
        if self.is_active:
            self.connection.commit()

    def rollback(self):
        if self.is_active:
            self.connection.rollback()

    def __enter__(self):
        return self

    def __exit__(self, type_, value, tb):
        if self.is_active:
            if type_ is None:
                self.commit()
            else:
                self.rollback()
        return False


class NestedTransaction:
    def __init__(self, conn, name):
        self.connection = conn
        self.name = name
        self.is_active = True

    def commit(self):
        if self.is_active:
            self.is_active = False
            _call(self.connection.engine, _retort_sql.run_sql, f"RELEASE SAVEPOINT {self.name}", echo=self.connection._echo)

    def rollback(self):
        if self.is_active:
            self.is_active = False
            _call(self.connection.engine, _retort_sql.run_sql, f"ROLLBACK TO SAVEPOINT {self.name}", echo=self.connection._echo)

    def __enter__(self):
        return self

    def __exit__(self, type_, value, tb):
        if type_ is None:
            self.commit()
        else:
            self.rollback()
        return False


class Connection:
    def __init__(self, engine):
        self.engine = engine
        self._db = engine._db
        # the DBAPI connection's info: one connection per in-memory engine, so one dict
        self.info = engine._connection_info
        engine._last_connection = self
        self._transaction = None
        self._savepoints = 0
        self.closed = False
        # as SQLAlchemy's Connection: whether it logs is settled when it is made
        self._echo = bool(engine.echo or _engine_logger.isEnabledFor(_logging.INFO))
        self._execution_options = {}

    def execution_options(self, **kw):
        """Options for every statement this connection runs (SQLAlchemy 2
        sets them on the connection itself, which it returns)."""
        if "isolation_level" in kw:
            raise _unsupported("the isolation_level execution option")
        self._execution_options = {**self._execution_options, **kw}
        return self

    def get_execution_options(self):
        return dict(self._execution_options)

    def begin_nested(self):
        if self._transaction is None:
            self.begin()
        self._savepoints += 1
        name = f"sa_savepoint_{self._savepoints}"
        _call(self.engine, _retort_sql.run_sql, f"SAVEPOINT {name}", echo=self._echo)
        return NestedTransaction(self, name)

    def __repr__(self):
        return object.__repr__(self).replace("sqlalchemy.", "sqlalchemy.engine.base.", 1)

    def begin(self):
        if self._transaction is not None:
            raise InvalidRequestError(
                "This connection has already initialized a SQLAlchemy Transaction() object via begin() or "
                "autobegin; can't call begin() here unless rollback() or commit() is called first."
            )
        _call(self.engine, _retort_sql.begin, echo=self._echo)
        self._transaction = Transaction(self)
        return self._transaction

    def in_transaction(self):
        return self._transaction is not None

    def commit(self):
        if self._transaction is not None:
            self._transaction.is_active = False
            self._transaction = None
            _call(self.engine, _retort_sql.commit, echo=self._echo)

    def rollback(self):
        if self._transaction is not None:
            self._transaction.is_active = False
            self._transaction = None
            _call(self.engine, _retort_sql.rollback, echo=self._echo)

    def close(self):
        if self._transaction is not None:
            self.rollback()
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, type_, value, tb):
        self.close()
        return False

    # the usual call (an insert with a dict of values) runs natively; the rest here
    execute = _retort_sql.connection_execute

    def _execute(self, statement, parameters=None, execution_options=None):
        if self.closed:
            raise ResourceClosedError("This Connection is closed")
        if isinstance(statement, str):
            raise ObjectNotExecutableError(statement)
        if self._transaction is None:
            self.begin()
        if hasattr(statement, "_run"):
            # sqlalchemy.schema's DDL constructs (CreateTable(...))
            return statement._run(self)
        first = parameters[0] if isinstance(parameters, list) and parameters else parameters
        if isinstance(first, dict) and not all(isinstance(k, str) for k in first):
            _expression_keys(statement, parameters, first)
        if (isinstance(statement, Insert) and statement.returning_columns and isinstance(parameters, list)
                and len(parameters) > 1 and not statement.value_rows and statement.from_select_query is None):
            return self._insertmanyvalues(statement, parameters)
        engine = self.engine
        if self._echo or engine._echoing:
            result = _call(engine, _retort_sql.execute, statement, parameters, Result, echo=self._echo)
        else:
            result = _retort_sql.execute(engine._db, statement, parameters, Result)
        if isinstance(statement, Insert) and not isinstance(parameters, list):
            result._inserted_primary_key = (statement, dict(parameters) if isinstance(parameters, dict) else parameters)
        own = getattr(statement, "_execution_options", None)
        if self._execution_options or own or execution_options:
            # the statement's options, then the connection's, then the call's (SQLAlchemy's merge_with)
            result._yield_per = _yield_per({**(own or {}), **self._execution_options, **(execution_options or {})})
        return result

    _INSERTMANYVALUES_PAGE_SIZE = 1000

    def _insertmanyvalues(self, statement, rows):
        """An executemany of INSERT ... RETURNING as SQLAlchemy's
        "insertmanyvalues" runs it: one INSERT with many VALUES rows per
        page of 1,000, the returned rows of every page in one result."""
        result = None
        size = self._INSERTMANYVALUES_PAGE_SIZE
        for start in range(0, len(rows), size):
            page = _call(self.engine, _retort_sql.execute, statement.values(list(rows[start:start + size])), None, Result, echo=self._echo)
            if result is None:
                result = page
            else:
                result._rows += page._rows
        result.rowcount = len(rows)
        return result

    def scalar(self, statement, parameters=None):
        return self.execute(statement, parameters).scalar()

    def scalars(self, statement, parameters=None):
        return self.execute(statement, parameters).scalars()

    def exec_driver_sql(self, sql, parameters=None):
        stmt = text(sql)
        stmt._raw = True
        if isinstance(parameters, tuple):
            # one row of the driver's positional parameters
            parameters = [parameters]
        return self.execute(stmt, parameters)


def _expression_keys(statement, parameters, first):
    """Parameters keyed by columns (`{t.c.a: 1}`) as SQLAlchemy meets them:
    it orders the first set's keys (for its compiled cache), which SQL
    expressions refuse ("Boolean value of this clause is not defined"); a
    lone column compiles as its bind parameter, which no key names."""
    sorted(first)
    if isinstance(statement, (Insert, Update)):
        key = next(iter(first))
        raise _retort_sql.missing_value(statement, parameters, getattr(key, "key", str(key)))


_retort_sql._classes(Insert, Result)


def _yield_per(options):
    """The rows a result's partitions() holds: `yield_per`, or `max_row_buffer` of `stream_results`."""
    if options.get("yield_per"):
        return options["yield_per"]
    if options.get("stream_results"):
        return options.get("max_row_buffer") or 1000
    return None


def _inserted_pk(statement, parameters, result):
    """Mirrors `CursorResult.inserted_primary_key` for a single-row INSERT."""
    values = {}
    for row in statement.value_rows[:1]:
        values.update({(k if isinstance(k, str) else k.key): v for k, v in row.items()})
    if isinstance(parameters, dict):
        values.update(parameters)
    pk = statement.table.primary_key
    out = []
    for c in pk:
        if c.key in values and not isinstance(values[c.key], ClauseElement):
            out.append(values[c.key])
        elif len(pk) == 1 and isinstance(c.type, Integer):
            out.append(result.lastrowid)
        else:
            out.append(None)
    return Row(out, [c.key for c in pk])


def create_engine(url, echo=False, future=True, **kw):
    """The playground's engines: each a fresh in-memory SQLite-compatible
    database. A file URL maps to one too (with a note on stderr); other
    databases are not available."""
    url = str(url)
    scheme = url.split(":", 1)[0]
    if scheme.split("+")[0] != "sqlite":
        raise NotImplementedError(
            f"Retort's playground has one kind of database, an in-memory SQLite-compatible one: "
            f"use create_engine(\"sqlite://\") instead of {scheme}://"
        )
    path = url.split(":///", 1)[1] if ":///" in url else ""
    if path and path != ":memory:":
        _sys.stderr.write(
            f"Retort: {url} runs on an in-memory database in the playground; nothing is written to {path}\n"
        )
    return Engine(url, echo)


def _inspection(method):
    """One connection per inspector call on an engine (BEGIN, its queries,
    ROLLBACK), as SQLAlchemy's Inspector does."""

    def call(self, *args, **kw):
        if self._current is not None:
            return method(self, *args, **kw)
        with self.bind.connect() as conn:
            self._current = conn
            try:
                return method(self, *args, **kw)
            finally:
                self._current = None

    call.__name__ = method.__name__
    return call


class _Inspector:
    """`inspect(engine)` or `inspect(connection)`: reads the schema with
    SQLite's PRAGMAs and the tables' CREATE statements. On an engine each
    query runs in a connection of its own (BEGIN, the query, ROLLBACK); on a
    connection, in that connection's transaction."""

    def __init__(self, bind):
        self.bind = bind
        self._current = bind if isinstance(bind, Connection) else None
        # what was read, as SQLAlchemy's info_cache keeps it: asked again, no query
        self._cache = {}

    def _rows(self, sql, params=None, cache=False):
        key = (sql, tuple(sorted((params or {}).items())))
        if not cache or key not in self._cache:
            stmt = text(sql)
            stmt._raw = True
            rows = self._current.execute(stmt, params).all()
            if not cache:
                return rows
            self._cache[key] = rows
        return self._cache[key]

    @_inspection
    def get_temp_table_names(self):
        rows = self._rows("SELECT name FROM sqlite_temp_master WHERE type='table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name")
        return [r[0] for r in rows]

    @_inspection
    def get_table_names(self):
        rows = self._rows("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name", cache=True)
        return [r[0] for r in rows if not r[0].startswith("__turso_internal")]

    @_inspection
    def get_view_names(self):
        rows = self._rows("SELECT name FROM sqlite_master WHERE type='view' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name")
        return [r[0] for r in rows]

    @_inspection
    def has_table(self, table_name):
        return table_name in self.get_table_names()

    def _table_sql(self, table_name):
        rows = self._rows("SELECT sql FROM sqlite_master WHERE name = :name AND type in ('table', 'view')", {"name": table_name}, cache=True)
        return rows[0][0] if rows and rows[0][0] else ""

    def _xinfo(self, table_name):
        rows = self._rows(f'PRAGMA main.table_xinfo("{table_name}")', cache=True)
        if not rows:
            raise NoSuchTableError(table_name)
        return rows

    @_inspection
    def get_columns(self, table_name):
        rows = self._xinfo(table_name)
        declared = _declared_types(self._table_sql(table_name))
        out = []
        for cid, name, type_, notnull, default, pk, hidden in rows:
            out.append({
                "name": name,
                "type": _reflected_type(declared.get(name) or type_ or ""),
                "nullable": not notnull,
                "default": default,
                "primary_key": pk,
            })
        return out

    @_inspection
    def get_pk_constraint(self, table_name):
        rows = self._xinfo(table_name)
        pk = sorted((r[5], r[1]) for r in rows if r[5])
        return {"constrained_columns": [n for _, n in pk], "name": None}

    @_inspection
    def get_foreign_keys(self, table_name):
        out = {}
        for id_, seq, target, local, remote, on_update, on_delete, match in self._rows(f'PRAGMA main.foreign_key_list("{table_name}")'):
            fk = out.setdefault(id_, {
                "name": None, "constrained_columns": [], "referred_schema": None, "referred_table": target,
                "referred_columns": [], "options": {},
            })
            fk["constrained_columns"].append(local)
            fk["referred_columns"].append(remote)
            if on_update and on_update != "NO ACTION":
                fk["options"]["onupdate"] = on_update
            if on_delete and on_delete != "NO ACTION":
                fk["options"]["ondelete"] = on_delete
        # SQLAlchemy reads names and ON DELETE/UPDATE from the CREATE statement's
        # FOREIGN KEY clauses, in their order; an inline REFERENCES keeps no options
        sql = self._table_sql(table_name)
        declared = []
        for name, cols, target in _re.findall(r'(?:CONSTRAINT\s+"?(\w+)"?\s+)?FOREIGN\s+KEY\s*\(([^)]*)\)\s*REFERENCES\s+"?(\w+)"?', sql, _re.I):
            cols = [c.strip().strip('"') for c in cols.split(",")]
            for k, fk in out.items():
                if k not in declared and fk["constrained_columns"] == cols and fk["referred_table"] == target:
                    fk["name"] = name or None
                    declared.append(k)
                    break
        inline = [k for k in sorted(out, reverse=True) if k not in declared]
        for k in inline:
            out[k]["options"] = {}
        return [out[k] for k in declared + inline]

    @_inspection
    def get_indexes(self, table_name):
        out = []
        for row in self._rows(f'PRAGMA main.index_list("{table_name}")'):
            name, unique, origin = row[1], row[2], row[3] if len(row) > 3 else "c"
            if origin != "c" or name.startswith("sqlite_autoindex"):
                continue
            cols = [r[2] for r in self._rows(f'PRAGMA main.index_info("{name}")')]
            out.append({"name": name, "column_names": cols, "unique": unique, "dialect_options": {}})
        out.sort(key=lambda ix: ix["name"])
        return out

    @_inspection
    def get_unique_constraints(self, table_name):
        # SQLAlchemy reads the automatic indexes' columns, then the names from the CREATE statement
        for row in self._rows(f'PRAGMA main.index_list("{table_name}")'):
            self._rows(f'PRAGMA main.index_info("{row[1]}")')
        sql = self._table_sql(table_name)
        out = []
        for name, cols in _re.findall(r'(?:CONSTRAINT\s+"?(\w+)"?\s+)?UNIQUE\s*\(([^)]*)\)', sql, _re.I):
            out.append({"name": name or None, "column_names": [c.strip().strip('"') for c in cols.split(",")]})
        return out

    @_inspection
    def get_check_constraints(self, table_name):
        sql = self._table_sql(table_name)
        return [{"name": n or None, "sqltext": t} for n, t in _re.findall(r'(?:CONSTRAINT\s+"?(\w+)"?\s+)?CHECK\s*\((.*?)\)(?:,|\s*\)$)', sql, _re.I)]


def _split_top_level(body):
    parts, depth, cur = [], 0, ""
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return parts


def _declared_types(sql):
    """Column name -> declared type, read from a table's CREATE statement
    (the engine's PRAGMA drops a VARCHAR's length)."""
    if "(" not in sql:
        return {}
    stop = {"NOT", "NULL", "PRIMARY", "DEFAULT", "UNIQUE", "CHECK", "REFERENCES", "COLLATE", "CONSTRAINT", "GENERATED", "AS"}
    out = {}
    for p in _split_top_level(sql[sql.index("(") + 1:sql.rindex(")")]):
        words = p.replace("(", " ( ").replace(")", " ) ").split()
        if not words or words[0].upper() in ("PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "CONSTRAINT"):
            continue
        type_words = []
        for w in words[1:]:
            if w.upper() in stop:
                break
            type_words.append(w)
        out[words[0].strip('"')] = " ".join(type_words).replace(" ( ", "(").replace("( ", "(").replace(" )", ")").replace(" , ", ",")
    return out


def _reflected_type(declared):
    """The type object SQLAlchemy's SQLite dialect reflects a declared type as."""
    name, _, args = declared.partition("(")
    name = name.strip().upper()
    cls = _REFLECTED.get(name, NullType)
    if not args:
        return cls()
    numbers = [int(a) for a in args.rstrip(")").split(",") if a.strip().isdigit()]
    return cls(*numbers)


_REFLECTED = {t.__name__: t for t in (INTEGER, BIGINT, SMALLINT, VARCHAR, CHAR, NVARCHAR, TEXT, CLOB, BOOLEAN, FLOAT,
                                        REAL, DOUBLE, NUMERIC, DECIMAL, DATE, DATETIME, TIMESTAMP, TIME, BLOB)}


_inspectors = []


def inspect(subject, raiseerr=True):
    if isinstance(subject, (Engine, Connection)):
        return _Inspector(subject)
    for fn in _inspectors:
        found = fn(subject)
        if found is not None:
            return found
    raise _unsupported(f"inspect() of {type(subject).__name__} objects")


__version__ = "2.1.0"


class TableClause(Table):
    """`table(name, column(...), ...)`: a table known by its name and the
    columns given, in no MetaData (as Alembic's data migrations use it)."""

    def __init__(self, name, *columns, schema=None):
        cols = [c if isinstance(c, Column) else Column(c.name, getattr(c, "type", None)) for c in columns]
        Table.__init__(self, name, MetaData(), *cols, schema=schema)



def table(name, *columns, **kw):
    return TableClause(name, *columns, **kw)


# ---------------------------------------------------------------- names Retort has not

# SQLAlchemy 2.1's public names this module lacks: `from sqlalchemy import X`
# says so plainly rather than "cannot import name".
_UNSUPPORTED = frozenset((
    'ARRAY', 'AdaptedConnection', 'AggregateOrderBy', 'AliasedReturnsRows', 'AssertionPool', 'AsyncAdaptedQueuePool',
    'BINARY', 'BLANK_SCHEMA', 'BaseDDLElement', 'BaseRow', 'BindTyping', 'CacheKey', 'CheckFirst',
    'ChunkedIteratorResult', 'ClauseList', 'CollectionAggregate', 'ColumnClause', 'ColumnDefault',
    'ColumnExpressionArgument', 'ColumnOperators', 'Computed', 'Constraint', 'CreateEnginePlugin', 'CreateTableAs',
    'CreateView', 'CursorResult', 'DDL', 'DDLElement', 'DOUBLE_PRECISION', 'DefaultClause', 'Dialect', 'DropView',
    'ExceptionContext', 'ExecutableDDLElement', 'ExecutionContext', 'FetchedValue', 'ForeignKeyTarget',
    'FrameClause', 'FrameClauseType', 'FromGrouping', 'FrozenResult', 'FunctionElement', 'GenerativeSelect',
    'Grouping', 'HasCTE', 'HasPrefixes', 'HasSuffixes', 'INT', 'Identity', 'Inspector', 'IteratorResult',
    'LambdaElement', 'Lateral', 'MappingResult', 'MergedResult', 'NCHAR', 'Named', 'NotNullable', 'NullPool',
    'Nullable', 'NumericCommon', 'Operators', 'OrderByList', 'PickleType', 'Pool', 'PoolProxiedConnection',
    'PoolResetState', 'QueuePool', 'ReleaseSavepointClause', 'ResultProxy', 'ReturnsRows',
    'RollbackToSavepointClause', 'RootTransaction', 'SQLColumnExpression', 'SavepointClause', 'ScalarResult',
    'SelectBase', 'SelectLabelStyle', 'Selectable', 'SingletonThreadPool', 'StatementLambdaElement',
    'StaticPool', 'TString', 'TableSample', 'TableValuedAlias', 'TableValuedColumn', 'TextAsFrom', 'TryCast',
    'TupleType', 'TwoPhaseTransaction', 'TypeClause', 'TypeCoerce', 'TypeCompiler', 'TypedColumns',
    'URL', 'UUID', 'UnaryExpression', 'UpdateBase', 'VARBINARY', 'Values', 'ValuesBase', 'Visitable', 'WithinGroup',
    'aggregate_order_by', 'all_', 'any_', 'bitwise_not', 'create_mock_engine', 'create_pool_from_url', 'custom_op',
    'engine_from_config', 'except_all', 'from_dml_column', 'insert_sentinel', 'intersect_all', 'lambda_stmt',
    'lateral', 'make_url', 'modifier', 'outparam', 'quoted_name', 'result_tuple', 'tablesample', 'try_cast',
    'tstring', 'values', 'within_group',
))
# the DDL constructs live in sqlalchemy.schema (which imports this module)
_FROM_SCHEMA = ("CreateTable", "DropTable", "CreateIndex", "DropIndex")


def __getattr__(name):
    if name in _FROM_SCHEMA:
        import sqlalchemy.schema
        return getattr(sqlalchemy.schema, name)
    if name in _UNSUPPORTED:
        raise NotImplementedError(f"Retort does not support sqlalchemy.{name} yet")
    raise AttributeError(f"module 'sqlalchemy' has no attribute '{name}'")
