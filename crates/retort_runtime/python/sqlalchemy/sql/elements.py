# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""Column expressions: operators, binds, `and_()`/`or_()`, labels, CAST,
CASE, functions, window functions, `text()` (SQLAlchemy's sql/elements.py)."""


class ClauseElement(Visitable):
    # SQLAlchemy's flags, with its values
    is_clause_element = True
    is_selectable = False
    is_dml = False
    supports_execution = False
    uses_inspection = False
    allows_lambda = False
    inherit_cache = None
    stringify_dialect = "default"
    memoized_attribute = HasMemoized.memoized_attribute
    memoized_instancemethod = HasMemoized.memoized_instancemethod
    __visit_name__ = "clause"

    def __str__(self):
        return _retort_sql.to_string(self)

    def __bool__(self):
        raise TypeError("Boolean value of this clause is not defined")

    def compile(self, bind=None, dialect=None, compile_kwargs=None, **kw):
        if dialect is None and bind is not None:
            dialect = bind.dialect
        # (None: SQLite's, `?` binds; else the dialect shown: the default one when none)
        name = "default" if dialect is None else getattr(dialect, "name", "default")
        compiled = _retort_sql.compile(self, None if name == "sqlite" else name, Compiled)
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


class Executable(ClauseElement):
    supports_execution = True
    is_select = False
    is_update = False
    is_insert = False
    is_delete = False
    is_text = False
    is_from_statement = False
    _execution_options = {}

    def execution_options(self, **kw):
        """A copy of the statement carrying options for its execution
        (the ORM reads `synchronize_session`)."""
        new = type(self).__new__(type(self))
        new.__dict__.update(self.__dict__)
        new._execution_options = {**self._execution_options, **kw}
        return new

    def get_execution_options(self):
        return immutabledict(self._execution_options)


class ColumnElement(ColumnOperators, ClauseElement):
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

    def _add_op(self, other):
        """`+` concatenates strings: this expression's, or (a NullType
        expression, which adapts to the other side's type) the other's."""
        if isinstance(self.type, String):
            return "concat"
        if isinstance(self.type, NullType) and (isinstance(other, str) or isinstance(getattr(other, "type", None), String)):
            return "concat"
        return "add"

    def __add__(self, other):
        return self._bin(self._add_op(other), other)

    def __radd__(self, other):
        return self._bin(self._add_op(other), other, True)

    def __sub__(self, other):
        return self._bin("sub", other)

    def __rsub__(self, other):
        return self._bin("sub", other, True)

    def __mul__(self, other):
        return self._bin("mul", other)

    def __rmul__(self, other):
        return self._bin("mul", other, True)

    def __truediv__(self, other):
        return self._truediv(other, False)

    def __rtruediv__(self, other):
        return self._truediv(other, True)

    def _truediv(self, other, reverse):
        # (SQLite divides integers as integers: SQLAlchemy's default dialect
        # casts the divisor, to its own type when numeric, else NUMERIC;
        # SQLite's adds 0.0 to it: visit_truediv_binary)
        other = _coerce(other, _compared_type(self.type, other), self._stem())
        left, right = (other, self) if reverse else (self, other)
        divisor = right.type if isinstance(right.type, (Numeric, Float)) else Numeric()
        type_ = Numeric() if isinstance(left.type, Integer) and isinstance(right.type, (Integer, Numeric)) else left.type
        return BinaryExpression(left, "truediv", Cast(right, divisor), type_)

    def __floordiv__(self, other):
        return self._floordiv(other, False)

    def __rfloordiv__(self, other):
        return self._floordiv(other, True)

    def _floordiv(self, other, reverse):
        # (integers divide as they are; anything else is FLOOR(a / b): visit_floordiv_binary)
        other = _coerce(other, _compared_type(self.type, other), self._stem())
        left, right = (other, self) if reverse else (self, other)
        if isinstance(left.type, Integer) and isinstance(right.type, Integer):
            return BinaryExpression(left, "div", right, left.type)
        return Function("FLOOR", [BinaryExpression(left, "div", right, left.type)], left.type)

    def __mod__(self, other):
        return self._bin("mod", other)

    def __rmod__(self, other):
        return self._bin("mod", other, True)

    def bitwise_and(self, other):
        return self._bin("bitwise_and", other)

    def bitwise_or(self, other):
        return self._bin("bitwise_or", other)

    def bitwise_xor(self, other):
        return self._bin("bitwise_xor", other)

    def bitwise_lshift(self, other):
        return self._bin("bitwise_lshift", other)

    def bitwise_rshift(self, other):
        return self._bin("bitwise_rshift", other)

    def bitwise_not(self):
        return _Unary("bitwise_not", self, self.type)

    def is_distinct_from(self, other):
        return self._bin("is_distinct_from", other)

    def is_not_distinct_from(self, other):
        return self._bin("is_not_distinct_from", other)

    isnot_distinct_from = is_not_distinct_from

    def match(self, other, **kwargs):
        return self._bin("match", other)

    def regexp_match(self, pattern, flags=None):
        if flags is not None:
            raise NotImplementedError("Retort does not support regexp_match(flags=...) yet")
        return self._bin("regexp_match", pattern)

    def regexp_replace(self, pattern, replacement, flags=None):
        raise NotImplementedError("Retort does not support regexp_replace() yet")

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

    def op(self, opstring, precedence=0, is_comparison=False, return_type=None, python_impl=None):
        """An operator SQLAlchemy does not know: `col.op("@>")(value)` renders `col @> :param`."""

        def against(other):
            if is_comparison:
                type_ = Boolean()
            elif return_type is not None:
                type_ = _to_type(return_type)
            else:
                type_ = self.type
            right = _coerce(other, _compared_type(self.type, other), self._stem())
            return _CustomOp(self, opstring, right, precedence, type_, python_impl)

        return against

    def bool_op(self, opstring, precedence=0, python_impl=None):
        """`op()` of a comparison: its result is a Boolean."""
        return self.op(opstring, precedence=precedence, is_comparison=True, python_impl=python_impl)

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

    nullsfirst = nulls_first
    nullslast = nulls_last

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
    if op in ("eq", "ne", "lt", "le", "gt", "ge", "is", "is_not", "is_distinct_from", "is_not_distinct_from", "match", "regexp_match"):
        return Boolean()
    if op == "concat" and isinstance(left_type, NullType):
        return String()
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


class _CustomOp(ColumnElement):
    __visit_name__ = "custom_op"

    def __init__(self, left, opstring, right, precedence, type_, python_impl):
        self.left, self.opstring, self.right = left, opstring, right
        self.precedence = precedence
        self.type = type_
        self.python_impl = python_impl


class UnaryExpression(ColumnElement):
    """An operator or modifier applied to one expression (`-x`, `DISTINCT x`, `EXISTS`)."""


class _Unary(UnaryExpression):
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
        self.path = BindParameter(None, _json_path(key), String(), _stem=element._stem())
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


class FunctionElement(ColumnElement):
    """A SQL function call (`func.count()`, `func.lower(x)`)."""


class Function(FunctionElement):
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

    def within_group(self, *order_by):
        return WithinGroup(self, *order_by)

    def aggregate_order_by(self, *order_by):
        return AggregateOrderBy(self, *order_by)

    def alias(self, name=None, joins_implicitly=False):
        return TableValuedAlias(self, (), name)

    def table_valued(self, *expr, name=None, with_ordinality=None, joins_implicitly=False):
        if with_ordinality is not None:
            raise _unsupported("table_valued(with_ordinality=...)")
        return TableValuedAlias(self, expr, name)

    def column_valued(self, name=None, joins_implicitly=False):
        return self.alias(name).column


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


class WithinGroup(ColumnElement):
    """`func.percentile_cont(0.5).within_group(x)`: an ordered-set aggregate,
    `f(...) WITHIN GROUP (ORDER BY x)`."""

    __visit_name__ = "within_group"

    def __init__(self, element, *order_by):
        self.element = element
        self.order_by = [_order_item(c) for c in order_by]
        self.type = element.type

    def label(self, name):
        return Label(name, self)

    def over(self, partition_by=None, order_by=None, range_=None, rows=None, groups=None, exclude=None):
        return Over(self, partition_by, order_by, range_=range_, rows=rows, groups=groups, exclude=exclude)

    def filter(self, *criterion):
        return FunctionFilter(self, and_(*criterion) if len(criterion) > 1 else _coerce(criterion[0]))


class AggregateOrderBy(WithinGroup):
    """`func.group_concat(x).aggregate_order_by(y)`: the aggregate's own
    ORDER BY, `group_concat(x ORDER BY y)` (WITHIN GROUP on Oracle)."""

    __visit_name__ = "aggregate_order_by"


def within_group(element, *order_by):
    return WithinGroup(element, *order_by)


def aggregate_order_by(element, *order_by):
    return AggregateOrderBy(element, *order_by)


class TableValuedColumn(ColumnElement):
    """`func.f(...).column_valued()`: the row value of a table-valued
    function in FROM, known by that FROM item's name."""

    __visit_name__ = "table_valued_column"

    def __init__(self, scalar_alias, type_):
        self.scalar_alias = scalar_alias
        self.type = type_
        self.key = self.name = scalar_alias.name

    def label(self, name):
        return Label(name, self)


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
                self.frame = FrameClause._parse(unit, given, coerce_int=unit != "RANGE")
        if self.frame is not None and exclude is not None:
            self.frame.exclude = exclude

    def label(self, name):
        return Label(name, self)


class FrameClause:
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


def bitwise_not(expr):
    return _coerce(expr).bitwise_not()


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


class _Distinct(UnaryExpression):
    __visit_name__ = "distinct"

    def __init__(self, element):
        self.element = _coerce(element)
        self.type = self.element.type


def distinct(expr):
    return _Distinct(expr)


class ColumnClause(ColumnElement):
    """A column known by its name: a table's, or `column()` / `literal_column()`."""


class _LiteralColumn(ColumnClause):
    __visit_name__ = "literal_column"

    def __init__(self, text, type_=None):
        self.text = text
        self.key = text
        self.type = _to_type(type_)

    def _stem(self):
        # (SQLAlchemy's ColumnClause names a compared value's bind after its
        # key; the compiler makes it safe: `x y` gives `:x_y_1`)
        return self.key


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


class TypeCoerce(ColumnElement):
    __visit_name__ = "type_coerce"

    def __init__(self, element, type_):
        self.element = _coerce(element, _to_type(type_))
        self.type = _to_type(type_)


def type_coerce(expression, type_):
    return TypeCoerce(expression, type_)


# SQLAlchemy's GenericFunction registry: the functions with a fixed type
# (others, such as upper() or length(), are NullType)
_FUNCTION_TYPES = {
    "count": Integer, "char_length": Integer, "concat": String,
    "rank": Integer, "dense_rank": Integer, "percent_rank": Numeric, "cume_dist": Numeric,
    "aggregate_strings": String, "current_user": String, "session_user": String, "user": String,
    "sysdate": DateTime,
    # SQLAlchemy's generic functions of date and time
    "now": DateTime, "current_timestamp": DateTime, "localtimestamp": DateTime, "localtime": DateTime,
    "current_date": Date, "current_time": Time,
}


class TextClause(Executable):
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


_refused(Function, "scalar_table_valued")
