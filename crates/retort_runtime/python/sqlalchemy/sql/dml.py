# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""`insert()`, `update()`, `delete()` (SQLAlchemy's sql/dml.py)."""


class UpdateBase(HasCTE, HasPrefixes, Executable, ReturnsRows):
    is_dml = True
    name_cte_columns = False
    named_with_column = False
    select = None

    def __init__(self, table):
        mapper = table.__dict__.get("__mapper__") if isinstance(table, type) else None
        # (a subclass's statement is on its own table, as SQLAlchemy's for one table)
        self.table = mapper.local_table if mapper is not None else _from_arg(table)
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

    description = None

    @property
    def selectable(self):
        return self

    @property
    def exported_columns(self):
        """The RETURNING columns."""
        return ColumnCollection(self.returning_columns)

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

    def returning(self, *cols, sort_by_parameter_order=False, supplemental_cols=None):
        """RETURNING these columns; a mapped class returns its columns, and
        the ORM makes objects of them (`session.scalars(insert(User).returning(User), rows)`).
        `sort_by_parameter_order`: an executemany's rows come back in the
        parameters' order (on SQLite, by sending them one at a time)."""
        if supplemental_cols is not None:
            raise NotImplementedError("Retort does not support returning(supplemental_cols=...) yet")
        new = self._copy()
        if sort_by_parameter_order:
            new._sort_by_parameter_order = True
        for c in cols:
            if isinstance(c, type) and "__mapper__" in c.__dict__:
                new._orm_entities = list(getattr(self, "_orm_entities", None) or []) + [(len(new.returning_columns), c)]
                new.returning_columns += [col for _, col in c.__mapper__._select_columns]
            else:
                new.returning_columns.append(c)
        return new


class ValuesBase(UpdateBase):
    """INSERT and UPDATE: statements that take values()."""


class Insert(ValuesBase):
    is_insert = True
    include_insert_from_select_defaults = False
    __visit_name__ = "insert"
    _sort_by_parameter_order = False
    from_select_names = None
    from_select_query = None

    def from_select(self, names, select, include_defaults=True):
        new = self._copy()
        new.from_select_names = [n if isinstance(n, str) else n.name for n in names]
        new.from_select_query = select
        new.select = select
        new.include_insert_from_select_defaults = include_defaults
        return new


class _Filtered:
    """UPDATE's and DELETE's `whereclause` and `filter_by()` (SQLAlchemy's DMLWhereBase)."""

    @property
    def whereclause(self):
        return _whereclause(self.where_criteria)

    def filter_by(self, **kwargs):
        """WHERE criteria by keyword: each a column (or, for a mapped class,
        an attribute) of the statement's table equal to the value."""
        entity = self._orm_entity
        return self.where(*[(getattr(entity, k) if entity is not None else self.table.c[k]) == v for k, v in kwargs.items()])


class Update(_Filtered, ValuesBase):
    is_update = True
    __visit_name__ = "update"
    ordered = False

    def ordered_values(self, *pairs):
        new = self._copy()
        new.value_rows = [dict(pairs)]
        new.ordered = True
        return new


class Delete(_Filtered, UpdateBase):
    is_delete = True
    __visit_name__ = "delete"
    _using = ()

    def using(self, *froms):
        """The other FROMs of a DELETE (`DELETE .. USING` where the dialect has it)."""
        new = self._copy()
        new._using = tuple(self._using) + tuple(_from_arg(f) for f in froms)
        return new


def insert(table):
    return Insert(table)


def update(table):
    return Update(table)


def delete(table):
    return Delete(table)


# ------------------------------------------------------------------- results


_refused_properties(UpdateBase, "entity_description", "returning_column_descriptions")
