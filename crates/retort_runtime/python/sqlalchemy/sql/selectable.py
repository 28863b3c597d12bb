# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""FROM clauses and SELECTs: joins, aliases, CTEs, subqueries, `Table`,
`Select`, compound selects, `table()` (SQLAlchemy's sql/selectable.py)."""


class ReturnsRows(ClauseElement):
    """A statement or FROM item that has rows: its columns can be selected."""


class Selectable(ReturnsRows):
    """A FROM item or a SELECT."""


class HasPrefixes:
    """`prefix_with()`: words after the statement's first keyword."""


class HasSuffixes:
    """`suffix_with()`: words after the statement."""


class HasCTE:
    """A statement that can carry CTEs (`cte()`, `add_cte()`)."""


class SelectBase(HasCTE, Selectable):
    """A SELECT, or SELECTs combined by UNION and friends."""


class GenerativeSelect(SelectBase):
    """A SELECT that takes ORDER BY, LIMIT and OFFSET."""


class FromClause(Selectable):
    is_selectable = True
    named_with_column = False

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
        return f.__mapper__._from_clause()
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


class AliasedReturnsRows(FromClause):
    """A FROM item named after another: an alias, a subquery, a CTE."""


class Alias(AliasedReturnsRows):
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


class TableValuedAlias(Alias):
    """`func.json_each(x).table_valued("value")`: a table-valued function
    as a FROM item, `json_each(?) AS anon_1`, its columns those named."""

    __visit_name__ = "table_valued_alias"

    def __init__(self, fn, names=(), name=None, render_derived=False):
        self.element = fn
        self.name = name
        if name is None:
            _anon_counter[0] += 1
            self.anon_id = _anon_counter[0]
        cols = []
        for n in names:
            if isinstance(n, str):
                cols.append(_DerivedColumn(n, self, NullType()))
            else:
                cols.append(_DerivedColumn(n.name, self, n.type, getattr(n, "key", None)))
        self.columns_list = cols
        self.c = self.columns = ColumnCollection(cols)
        self._names = tuple(names)
        self._render_derived = render_derived

    @property
    def column(self):
        return TableValuedColumn(self, self.element.type)

    def alias(self, name=None, flat=False):
        return TableValuedAlias(self.element, self._names, name, self._render_derived)

    def render_derived(self, name=None, with_types=False):
        if with_types:
            raise _unsupported("render_derived(with_types=True)")
        return TableValuedAlias(self.element, self._names, name, True)

    def lateral(self, name=None):
        raise _unsupported("TableValuedAlias.lateral()")


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


class CTE(HasPrefixes, HasSuffixes, AliasedReturnsRows):
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

    def __str__(self):
        # (printed alone, a CTE shows the statement it names)
        return str(self.element)

    def union_all(self, *others):
        return self._same(CTE(CompoundSelect("union_all", self.element, *others), self.name, self.recursive))

    def union(self, *others):
        return self._same(CTE(CompoundSelect("union", self.element, *others), self.name, self.recursive))

    def _same(self, new):
        # the recursive part refers to this CTE: an unnamed one keeps its number
        new.anon_id = self.anon_id
        return new


class Subquery(AliasedReturnsRows):
    __visit_name__ = "subquery"

    def __str__(self):
        # (printed alone, a subquery shows its SELECT)
        return str(self.element)

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

    def correlate(self, *froms):
        return ScalarSelect(self.element.correlate(*froms))

    def correlate_except(self, *froms):
        return ScalarSelect(self.element.correlate_except(*froms))

    def where(self, *criteria):
        return ScalarSelect(self.element.where(*criteria))


class Exists(UnaryExpression):
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


class Table(SchemaItem, FromClause):
    info = _Info()
    named_with_column = True
    allows_lambda = True
    uses_inspection = True
    implicit_returning = True
    create_drop_stringify_dialect = "default"
    # (SQLAlchemy defines it in sql/schema.py; here it follows FromClause)
    __module__ = "sqlalchemy.sql.schema"

    __visit_name__ = "table"

    @property
    def key(self):
        return self.name if self.schema is None else f"{self.schema}.{self.name}"

    @property
    def description(self):
        return self.name

    @property
    def selectable(self):
        return self

    @property
    def exported_columns(self):
        return self.columns

    @property
    def entity_namespace(self):
        return self.columns

    is_view = False

    @property
    def foreign_keys(self):
        """Every ForeignKey of the table's columns."""
        return {fk for c in self.columns_list for fk in c.foreign_keys}

    @property
    def autoincrement_column(self):
        """The integer primary key column SQLite's rowid fills, or None."""
        pks = [c for c in self.columns_list if c.primary_key]
        if len(pks) != 1:
            return None
        c = pks[0]
        if c.autoincrement is True or (c.autoincrement == "auto" and isinstance(c.type, Integer) and not c.foreign_keys):
            return c
        return None

    def append_constraint(self, constraint):
        """Adds a constraint (its DDL in the next CREATE TABLE)."""
        constraint._table = self
        _retort_sql.forget_table(self)
        self.constraints.append(constraint)

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
        if "info" in kw:
            self.info = kw.pop("info")
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
            elif isinstance(a, Constraint):
                a._table = self
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
        self.primary_key._table = self

    def append_column(self, column, replace_existing=False):
        """Adds a column (single-table inheritance adds a subclass's this way)."""
        if any(c.name == column.name for c in self.columns_list) and not replace_existing:
            raise exc.DuplicateColumnError(
                f"A column with name '{column.name}' is already present in table '{self.name}'. Specify replace_existing=True to Table.append_column() to replace an existing column."
            )
        column.table = self
        _retort_sql.forget_table(self)
        self.columns_list = [c for c in self.columns_list if c.name != column.name] + [column]
        self.c = self.columns = ColumnCollection(self.columns_list)
        if column.primary_key:
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
        if getattr(e, "_sa_bundle", False):
            # an ORM Bundle: its columns, one value of the row
            out.extend(e.exprs)
        elif isinstance(e, type) and "__mapper__" in e.__dict__:
            out.extend(e.__mapper__._entity_columns())
        elif isinstance(e, ClauseElement):
            out.append(e)
        elif getattr(e, "_sa_entity", None) is not None:
            if hasattr(type(e), "_entity_columns"):
                out.extend(e._entity_columns())
            else:
                out.append(e.__clause_element__())
        elif isinstance(e, ReadOnlyColumnCollection):
            # select(table.c["a", "b"]): each of its columns
            out.extend(e)
        else:
            out.append(_column_literal(e))
    return out


def _column_literal(e):
    """coercions.ColumnsClauseImpl's literals: a number is written as is,
    None/True/False are NULL/true/false, "*" is a star; other text must be
    declared."""
    if isinstance(e, str):
        if e == "*":
            return literal_column("*")
        shown = e if len(e) <= 25 else e[:25] + "..."
        kind = "column" if _re.match(r"^\w\S*$", e) else "literal_column"
        raise ArgumentError(
            f"Textual column expression {shown!r} should be explicitly declared with text({shown!r}), "
            f"or use {kind}({shown!r}) for more specificity"
        )
    if e is None:
        return Null()
    if e is True or e is False:
        return True_() if e else False_()
    if isinstance(e, (int, float, _decimal.Decimal)):
        return literal_column(str(e))
    raise ArgumentError(f"Column expression, FROM clause, or other columns clause element expected, got {e!r}.")


def _entities_of(entities, start, bundles=None):
    """Where mapped classes sit among a select's columns: `(position, class)`,
    the position counted in expanded columns (the ORM turns those back into objects)."""
    out = []
    pos = start
    for e in entities:
        if getattr(e, "_sa_bundle", False):
            if bundles is not None:
                bundles.append((pos, e))
            pos += len(e.exprs)
        elif isinstance(e, type) and "__mapper__" in e.__dict__:
            out.append((pos, e))
            pos += len(e.__mapper__._select_columns)
        elif getattr(e, "_sa_entity", None) is not None:
            # an aliased() class: its objects, from its alias's columns
            out.append((pos, e))
            pos += len(e._row_keys()) if hasattr(type(e), "_row_keys") else len(e.__clause_element__()._table_columns())
        elif isinstance(e, FromClause):
            pos += len(e._table_columns())
        else:
            pos += 1
    return out


def _bundles_of(entities, start):
    """Where ORM Bundles sit among a select's columns: `(position, bundle)`
    (positions counted as `_entities_of` counts them)."""
    bundles = []
    _entities_of(entities, start, bundles)
    return bundles


def _joins_in(from_, table):
    """Whether `table` is one of the tables a FROM item (a join) joins."""
    if from_ is table:
        return True
    if isinstance(from_, Join):
        return _joins_in(from_.left, table) or _joins_in(from_.right, table)
    return False


class Select(HasPrefixes, HasSuffixes, GenerativeSelect, Executable):
    is_select = True
    is_selectable = True
    allows_lambda = True
    name_cte_columns = False
    __visit_name__ = "select"

    def __str__(self):
        # (an ORM statement prints as it runs: the columns it loads, its joined loads)
        if getattr(self, "_orm_entities", None):
            import sqlalchemy.orm as orm
            return _retort_sql.to_string(orm._shown_statement(self))
        return _retort_sql.to_string(self)

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
        self._bundles = _bundles_of(entities, 0)
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
    def _entity_criteria(self):
        """What a single-table subclass among the columns adds to the WHERE:
        `type IN (its identities)`, after the statement's own criteria."""
        out = []
        for _, e in getattr(self, "_orm_entities", None) or ():
            mapper = e.__dict__.get("__mapper__") if isinstance(e, type) else None
            crit = mapper._single_criterion() if mapper is not None else None
            if crit is not None:
                out.append(crit)
        return out

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
            if isinstance(c, type) and "__mapper__" in c.__dict__:
                expanded += [col for _, col in c.__mapper__._select_columns]
            elif getattr(c, "_sa_entity", None) is not None:
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

    def intersect_all(self, *others):
        return CompoundSelect("intersect_all", self, *others)

    def except_all(self, *others):
        return CompoundSelect("except_all", self, *others)

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

    def slice(self, start, stop):
        """LIMIT/OFFSET as a Python slice would take rows `start` to `stop`."""
        if getattr(self, "limit_value", None) is not None or getattr(self, "offset_value", None) is not None:
            raise _unsupported("Select.slice() of a statement with a LIMIT or OFFSET already")
        new = self
        if start:
            new = new.offset(start)
        if stop is not None:
            new = new.limit(stop - (start or 0))
        return new

    description = None

    @property
    def selectable(self):
        return self

    @property
    def whereclause(self):
        """The WHERE criteria as one expression (None when there are none)."""
        return _whereclause(self.where_criteria)

    @property
    def exported_columns(self):
        return self.selected_columns

    @property
    def inner_columns(self):
        return iter(self.selected_columns)

    def label(self, name):
        """The SELECT as a labelled scalar subquery."""
        return self.scalar_subquery().label(name)

    def as_scalar(self):
        _deprecated(
            "The SelectBase.as_scalar() method is deprecated and will be removed in a future release.  Please refer to "
            "SelectBase.scalar_subquery().",
            "1.4",
        )
        return self.scalar_subquery()

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

    _auto_correlate = True
    _correlate = ()
    _correlate_except = None

    def correlate(self, *froms):
        """The enclosing SELECTs' FROMs this SELECT, nested, leaves out (refers
        to); `correlate(None)`: none. Ends auto-correlation."""
        return self._correlated("correlate", "_correlate", froms)

    def correlate_except(self, *froms):
        """Correlate to every enclosing FROM but these; `correlate_except(None)`: to all."""
        return self._correlated("correlate_except", "_correlate_except", froms)

    def _correlated(self, method, attr, froms):
        new = self._copy()
        new._auto_correlate = False
        if not froms or froms[0] is None or froms[0] is False:
            if len(froms) > 1:
                raise ArgumentError(f"additional FROM objects not accepted when passing None/False to {method}()")
            setattr(new, attr, ())
        else:
            setattr(new, attr, tuple(getattr(self, attr) or ()) + tuple(_from_arg(f) for f in froms))
        return new

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
        parent = None
        if hasattr(target, "_sa_join"):
            # along a relationship: from its parent (the aliased class's alias)
            parent = target._parent_alias if target._parent_alias is not None else target._config().parent.local_table
        if new.froms and (parent is None or _joins_in(new.froms[-1], parent)):
            left = new.froms.pop()
        elif parent is not None:
            # (a FROM the join then covers is left out, as SQLAlchemy's `_hide_froms`)
            left = parent
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
        new._bundles = self._bundles + _bundles_of(entities, len(self._expanded_columns()))
        new.columns += _column_args(entities)
        return new

    def with_only_columns(self, *entities):
        new = self._copy()
        new.columns = _column_args(entities)
        new._orm_entities = _entities_of(entities, 0)
        new._bundles = _bundles_of(entities, 0)
        return new

    def __getattr__(self, name):
        if name == "lateral":
            raise _unsupported(f"Select.{name}()")
        raise AttributeError(f"'Select' object has no attribute '{name}'")


def select(*entities):
    return Select(*entities)


def _whereclause(criteria):
    if not criteria:
        return None
    if len(criteria) == 1:
        return criteria[0]
    return and_(*criteria)


class _LabelReference(ColumnElement):
    """A name in ORDER BY / GROUP BY (`order_by("id")`), rendered as written."""

    __visit_name__ = "label_reference"

    def __init__(self, name):
        self.name = name


def _order_item(c):
    if isinstance(c, str):
        return _LabelReference(c)
    return _coerce(c)


class CompoundSelect(GenerativeSelect, Executable):
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

    @property
    def selected_columns(self):
        """The columns the UNION returns: its first SELECT's."""
        return self.selects[0].selected_columns

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


def intersect_all(*selects):
    return CompoundSelect("intersect_all", *selects)


def except_all(*selects):
    return CompoundSelect("except_all", *selects)


def Nullable(val):
    """For typing only: `select(Nullable(User.name))`; the expression as it is."""
    return val


def NotNullable(val):
    """For typing only; the expression as it is."""
    return val


class TableClause(Table):
    """`table(name, column(...), ...)`: a table known by its name and the
    columns given, in no MetaData (as Alembic's data migrations use it)."""
    implicit_returning = False

    def __init__(self, name, *columns, schema=None):
        cols = [c if isinstance(c, Column) else Column(c.name, getattr(c, "type", None)) for c in columns]
        Table.__init__(self, name, MetaData(), *cols, schema=schema)



def table(name, *columns, **kw):
    return TableClause(name, *columns, **kw)


# ---------------------------------------------------------------- names Retort has not


_refused_properties(Select, "column_descriptions")
