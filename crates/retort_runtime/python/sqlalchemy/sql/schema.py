# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""`MetaData`, `ForeignKey`, constraints, `Index`, `Sequence` and `Column`
(SQLAlchemy's sql/schema.py)."""


class SchemaItem(Visitable):
    """A table, column, constraint, index or MetaData (SQLAlchemy's sql/schema.py)."""


def _Info():
    """`info`: a dict made on first read (SQLAlchemy's memoized `info`)."""

    def info(self):
        return {}

    return memoized_property(info)


class MetaData(SchemaItem):
    create_drop_stringify_dialect = "default"
    info = _Info()

    def __init__(self, schema=None, quote_schema=None, naming_convention=None, info=None):
        self.tables = {}
        self.schema = schema
        self.naming_convention = naming_convention
        if info is not None:
            self.info = info

    def clear(self):
        """Forgets every table."""
        self.tables.clear()

    def remove(self, table):
        """Forgets `table`."""
        self.tables.pop(table.key, None)

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
        # (checked in definition order, created in dependency order)
        given = list(self.tables.values()) if tables is None else list(tables)
        tables = _ddl_order(given)
        if isinstance(bind, Connection):
            return _schema_on_connection(bind, given, checkfirst, True, self._foreign_key_problem())
        _call(bind, _retort_sql.create_all, given, checkfirst, self._foreign_key_problem(), tables)

    def drop_all(self, bind, tables=None, checkfirst=True):
        given = list(self.tables.values()) if tables is None else list(tables)
        tables = _ddl_order(given)
        if isinstance(bind, Connection):
            return _schema_on_connection(bind, given, checkfirst, False, self._foreign_key_problem())
        _call(bind, _retort_sql.drop_all, given, checkfirst, self._foreign_key_problem(), tables)


def _ddl_order(tables):
    """The tables in the order `sqlalchemy.sql.ddl.sort_tables_and_constraints`
    gives (looked up at each call: a script may replace it); as given when
    foreign keys form a cycle (SQLite drops those in definition order)."""
    from sqlalchemy.sql import ddl
    if _retort_sql.table_order(tables)[1]:
        return tables
    return [t for t, _ in ddl.sort_tables_and_constraints(tables) if t is not None]


def _with_inspector(bind, fn):
    """Runs fn(inspector) with every query in one connection, as
    SQLAlchemy's reflection does."""
    if isinstance(bind, Inspector):
        return fn(bind)
    if isinstance(bind, Connection):
        return fn(Inspector(bind))
    with bind.connect() as conn:
        return fn(Inspector(conn))


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


class ForeignKey(SchemaItem):
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


class Constraint(SchemaItem):
    create_drop_stringify_dialect = "default"
    info = _Info()
    _table = None

    @property
    def table(self):
        if self._table is None:
            raise InvalidRequestError(
                "This constraint is not bound to a table.  Did you mean to call table.append_constraint(constraint) ?"
            )
        return self._table

    @table.setter
    def table(self, table):
        self._table = table


class PrimaryKeyConstraint(Constraint):
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


class UniqueConstraint(Constraint):
    __visit_name__ = "unique_constraint"

    def __init__(self, *columns, name=None):
        self.columns = [c if isinstance(c, str) else c.name for c in columns]
        self.name = name


class CheckConstraint(Constraint):
    __visit_name__ = "check_constraint"

    def __init__(self, sqltext, name=None):
        self.sqltext = sqltext if isinstance(sqltext, str) else str(sqltext)
        self.name = name


class ForeignKeyConstraint(Constraint):
    __visit_name__ = "foreign_key_constraint"

    def __init__(self, columns, refcolumns, name=None, ondelete=None, onupdate=None):
        self.columns = [c if isinstance(c, str) else c.name for c in columns]
        self.refcolumns = [c if isinstance(c, str) else f"{c.table.name}.{c.name}" for c in refcolumns]
        self.name = name
        self.ondelete = ondelete
        self.onupdate = onupdate


class Index(SchemaItem):
    __visit_name__ = "index"
    create_drop_stringify_dialect = "default"
    info = _Info()

    def __init__(self, name, *expressions, unique=False, info=None):
        if info is not None:
            self.info = info
        self.name = name
        self.expressions = list(expressions)
        self.unique = unique
        self.table = None
        for e in expressions:
            if isinstance(e, Column) and e.table is not None and self.table is None:
                _retort_sql.forget_table(e.table)
                e.table.indexes.add(self)
                e.table._index_order.append(self)
                self.table = e.table

    @property
    def columns(self):
        """The table's columns the index is on (expressions aside)."""
        return ColumnCollection([e for e in self.expressions if isinstance(e, Column)])

    c = columns

    def create(self, bind, checkfirst=False):
        """CREATE INDEX, in a transaction of its own when `bind` is an engine."""
        _index_ddl(bind, "CreateIndex", self, checkfirst)

    def drop(self, bind, checkfirst=False):
        _index_ddl(bind, "DropIndex", self, checkfirst)


def _index_ddl(bind, construct, index, checkfirst):
    if checkfirst:
        raise _unsupported(f"Index.{'create' if construct == 'CreateIndex' else 'drop'}(checkfirst=True)")
    import sqlalchemy.schema as schema
    statement = getattr(schema, construct)(index)
    if isinstance(bind, Connection):
        bind.execute(statement)
        return
    with bind.begin() as conn:
        conn.execute(statement)


class Sequence(SchemaItem):
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


class Column(SchemaItem, ColumnClause):
    info = _Info()
    allows_lambda = True
    inherit_cache = True
    is_literal = False
    uses_inspection = True
    server_onupdate = None
    timetuple = None
    create_drop_stringify_dialect = "default"
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
            if a is None:
                # (SQLAlchemy's _init_items skips None: `Column("x", None, ForeignKey(...))`)
                continue
            if isinstance(a, ForeignKey):
                a.parent = self
                self.foreign_keys.add(a)
            elif isinstance(a, Constraint):
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
        if "info" in kw:
            self.info = kw.pop("info")
        if kw:
            raise TypeError(f"Additional arguments should be named <dialectname>_<argument>, got '{next(iter(kw))}'")
        self.table = None

    @property
    def description(self):
        return self.name

    @property
    def expression(self):
        return self

    @property
    def proxy_set(self):
        return frozenset([self])

    base_columns = proxy_set

    def shares_lineage(self, othercolumn):
        return bool(self.proxy_set.intersection(othercolumn.proxy_set))

    def self_group(self, against=None):
        return self

    def append_foreign_key(self, fk):
        fk.parent = self
        self.foreign_keys.add(fk)
        if self.table is not None:
            _retort_sql.forget_table(self.table)

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
        if isinstance(key, slice):
            return ReadOnlyColumnCollection(self._columns[key], None if self._named is None else self._named[key])
        if isinstance(key, tuple):
            # c["name", "fullname"]: those columns, as a collection of their own
            picked = [self[k] for k in key]
            return ReadOnlyColumnCollection(picked, None if self._named is None else [self._named[self._columns.index(c)] for c in picked])
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
