"""alembic.operations: `Operations` (what `op.*` calls in a revision script)
with SQLite's behaviour: plain ALTER where SQLite has it, the errors alembic
raises where it has not, and `batch_alter_table`'s "move and copy" (a
`_alembic_tmp_` table, INSERT ... SELECT, DROP, RENAME, the indexes again).

Each statement's text comes from `_retort_sql.ddl` (Rust); reflection is
SQLAlchemy's inspector on the migration's connection."""

import _retort_sql
import sqlalchemy as _sa
from sqlalchemy import Column, Index, MetaData, Table, text
from sqlalchemy import _unsupported
import alembic as _alembic
from alembic.operations import ops
from alembic.operations.ops import MigrateOperation  # noqa: F401 (exported as alembic's)

_NO_ALTER = ("No support for ALTER of constraints in SQLite dialect. Please refer to the batch mode feature which "
             "allows for SQLite migrations using a copy-and-move strategy.")


def _exec_sql(conn, sql):
    stmt = text(sql)
    stmt._raw = True
    return conn.execute(stmt)


class AbstractOperations:
    """What Operations and BatchOperations share (alembic's operations/base.py)."""


class Operations(AbstractOperations):
    def __init__(self, migration_context, impl=None):
        self.migration_context = migration_context
        self.impl = self

    @classmethod
    def context(cls, migration_context):
        """Establishes `alembic.op` for revision scripts run inside the block."""
        return _OpContext(cls(migration_context))

    @property
    def _conn(self):
        return self.migration_context.connection

    def get_bind(self):
        return self._conn

    def f(self, name):
        """A name already converted by a naming convention (autogenerate writes op.f('ix_...'))."""
        return name

    def get_context(self):
        return self.migration_context

    def _ddl(self, kind, *args):
        for sql in _retort_sql.ddl(kind, *args):
            _exec_sql(self._conn, sql)

    def _create_table_object(self, table):
        self._ddl("create_table", table)

    def create_table(self, table_name, *columns, **kw):
        kw.pop("schema", None)
        t = Table(table_name, MetaData(), *columns, **kw)
        self._create_table_object(t)
        return t

    def drop_table(self, table_name, **kw):
        self._ddl("drop_table", Table(table_name, MetaData()))

    def rename_table(self, old_table_name, new_table_name, **kw):
        self._ddl("rename_table", old_table_name, new_table_name)

    def add_column(self, table_name, column, **kw):
        self._ddl("add_column", table_name, column)
        if column.index:
            self.create_index(f"ix_{table_name}_{column.name}", table_name, [column.name], unique=bool(column.unique))

    def drop_column(self, table_name, column_name, **kw):
        self._ddl("drop_column", table_name, column_name)

    def create_index(self, index_name, table_name, columns, unique=False, **kw):
        t = Table(table_name, MetaData(), *[Column(c) for c in columns])
        self._ddl("create_index", Index(index_name, *[t.c[c] for c in columns], unique=unique))

    def drop_index(self, index_name, table_name=None, **kw):
        _exec_sql(self._conn, f"DROP INDEX {index_name}")

    def create_unique_constraint(self, constraint_name, table_name, columns, **kw):
        raise NotImplementedError(_NO_ALTER)

    def create_foreign_key(self, constraint_name, source_table, referent_table, local_cols, remote_cols, **kw):
        raise NotImplementedError(_NO_ALTER)

    def create_check_constraint(self, constraint_name, table_name, condition, **kw):
        raise NotImplementedError(_NO_ALTER)

    def create_primary_key(self, constraint_name, table_name, columns, **kw):
        raise NotImplementedError(_NO_ALTER)

    def drop_constraint(self, constraint_name, table_name, type_=None, **kw):
        raise NotImplementedError(_NO_ALTER)

    def alter_column(self, table_name, column_name, nullable=None, server_default=False, new_column_name=None,
                     type_=None, existing_type=None, existing_server_default=False, existing_nullable=None, **kw):
        """SQLite has no ALTER COLUMN: alembic sends it anyway (the database
        refuses it) except for a rename, which SQLite has."""
        if nullable is not None:
            what = "DROP NOT NULL" if nullable else "SET NOT NULL"
            _exec_sql(self._conn, f"ALTER TABLE {table_name} ALTER COLUMN {column_name} {what}")
        if server_default is not False:
            what = "DROP DEFAULT" if server_default is None else f"SET DEFAULT {_default_sql(server_default)}"
            _exec_sql(self._conn, f"ALTER TABLE {table_name} ALTER COLUMN {column_name} {what}")
        if type_ is not None:
            _exec_sql(self._conn, f"ALTER TABLE {table_name} ALTER COLUMN {column_name} TYPE {_retort_sql.type_ddl(_sa._to_type(type_))}")
        if new_column_name is not None:
            _exec_sql(self._conn, f"ALTER TABLE {table_name} RENAME COLUMN {column_name} TO {new_column_name}")

    def execute(self, sqltext, execution_options=None):
        self._conn.execute(text(sqltext) if isinstance(sqltext, str) else sqltext)

    def bulk_insert(self, table, rows, multiinsert=True):
        if not rows:
            return
        if multiinsert:
            self._conn.execute(table.insert(), list(rows))
        else:
            for row in rows:
                self._conn.execute(table.insert().values(**row))

    def invoke(self, operation):
        return operation.invoke(self)

    def batch_alter_table(self, table_name, schema=None, recreate="auto", copy_from=None, **kw):
        return BatchOperations(self, table_name, recreate, copy_from)

    def inline_literal(self, value, type_=None):
        """`op.inline_literal()`: a value written into the statement's SQL
        (as a literal bind renders on SQLite), for data migrations."""
        return _sa.literal_column(_inline_sql(value), type_)

    def __getattr__(self, name):
        raise _unsupported(f"op.{name}()")


def _inline_sql(value):
    """A value as SQLite's literal processors render it."""
    import datetime as _dt
    import decimal as _decimal
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, _decimal.Decimal)):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return _default_sql(value)
    if isinstance(value, _dt.datetime):
        return "'" + value.strftime("%Y-%m-%d %H:%M:%S.%f") + "'"
    if isinstance(value, _dt.date):
        return "'" + value.isoformat() + "'"
    raise _unsupported(f"op.inline_literal() of a {type(value).__name__}")


def _default_sql(default):
    if isinstance(default, str):
        return "'" + default.replace("'", "''") + "'"
    if isinstance(default, _sa.TextClause):
        return default.text
    return str(default)


class _OpContext:
    def __init__(self, operations):
        self.operations = operations
        self.previous = None

    def __enter__(self):
        self.previous = _alembic.op._target
        _alembic.op._target = self.operations
        return self.operations

    def __exit__(self, *exc):
        _alembic.op._target = self.previous
        return False


class BatchOperations(AbstractOperations):
    """`with op.batch_alter_table(name) as batch_op:` collects changes; on
    SQLite all but plain column additions and index changes are applied by
    moving and copying the table."""

    def __init__(self, operations, table_name, recreate, copy_from):
        if recreate not in ("auto", "always", "never"):
            raise ValueError("recreate may be one of 'auto', 'always', or 'never'.")
        self.operations = operations
        self.table_name = table_name
        self.recreate = recreate
        self.copy_from = copy_from
        self.batch = []

    def get_bind(self):
        return self.operations.get_bind()

    def get_context(self):
        return self.operations.get_context()

    def inline_literal(self, value, type_=None):
        return self.operations.inline_literal(value, type_)

    def __enter__(self):
        return self

    def __exit__(self, type_, value, tb):
        if type_ is None:
            self._flush()
        return False

    def add_column(self, column, insert_before=None, insert_after=None):
        self.batch.append(("add_column", column))

    def drop_column(self, column_name, **kw):
        self.batch.append(("drop_column", column_name))

    def alter_column(self, column_name, nullable=None, server_default=False, new_column_name=None, type_=None,
                     existing_type=None, existing_server_default=False, existing_nullable=None, **kw):
        self.batch.append(("alter_column", column_name, nullable, new_column_name, type_, server_default))

    def create_index(self, index_name, columns, unique=False, **kw):
        self.batch.append(("create_index", index_name, list(columns), unique))

    def drop_index(self, index_name, **kw):
        self.batch.append(("drop_index", index_name))

    def create_unique_constraint(self, constraint_name, columns, **kw):
        self.batch.append(("add_constraint", _sa.UniqueConstraint(*columns, name=constraint_name)))

    def create_foreign_key(self, constraint_name, referent_table, local_cols, remote_cols, ondelete=None, onupdate=None, **kw):
        fk = _sa.ForeignKeyConstraint(local_cols, [f"{referent_table}.{c}" for c in remote_cols], name=constraint_name,
                                      ondelete=ondelete, onupdate=onupdate)
        self.batch.append(("add_constraint", fk))

    def create_check_constraint(self, constraint_name, condition, **kw):
        self.batch.append(("add_constraint", _sa.CheckConstraint(condition, name=constraint_name)))

    def drop_constraint(self, constraint_name, type_=None, **kw):
        self.batch.append(("drop_constraint", constraint_name, type_))

    def execute(self, sqltext, execution_options=None):
        self.operations.execute(sqltext, execution_options)

    def f(self, name):
        return name

    def __getattr__(self, name):
        raise _unsupported(f"batch_op.{name}()")

    def _needs_copy(self):
        if self.recreate == "always":
            return True
        if self.recreate == "never":
            return False
        return any(o[0] not in ("add_column", "create_index", "drop_index") for o in self.batch)

    def _flush(self):
        ops_ = self.operations
        if not self._needs_copy():
            for o in self.batch:
                if o[0] == "add_column":
                    ops_.add_column(self.table_name, o[1])
                elif o[0] == "create_index":
                    ops_.create_index(o[1], self.table_name, o[2], unique=o[3])
                elif o[0] == "drop_index":
                    ops_.drop_index(o[1])
                elif o[0] == "alter_column":
                    _, name, nullable, new_name, type_, server_default = o
                    ops_.alter_column(self.table_name, name, nullable=nullable, new_column_name=new_name, type_=type_,
                                      server_default=server_default)
                elif o[0] == "drop_column":
                    ops_.drop_column(self.table_name, o[1])
                else:
                    raise NotImplementedError(_NO_ALTER)
            return
        _MoveAndCopy(ops_, self.table_name, self.copy_from).apply(self.batch)


class _MoveAndCopy:
    """alembic's ApplyBatchImpl: the table as reflected, changed, created
    under a temporary name, filled from the old one, swapped in."""

    def __init__(self, operations, table_name, copy_from):
        from alembic.autogenerate import reflect_table, model_indexes
        self.operations = operations
        self.table_name = table_name
        insp = _sa.inspect(operations._conn)
        self.old = copy_from if copy_from is not None else reflect_table(insp, table_name)
        # new column -> the expression it is filled from (None: a new column)
        self.columns = []
        for c in self.old.columns_list:
            nc = Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable, server_default=c.server_default)
            self.columns.append([nc, c.name])
        self.constraints = [c for c in self.old.constraints if not isinstance(c, _sa.PrimaryKeyConstraint)]
        self.indexes = [(ix.name, [c.name for c in ix.expressions], ix.unique)
                        for ix in getattr(self.old, "_reflected_indexes", None) or model_indexes(self.old)]

    def _column(self, name):
        for entry in self.columns:
            if entry[0].name == name:
                return entry
        raise KeyError(name)

    def apply(self, batch):
        for o in batch:
            kind = o[0]
            if kind == "add_column":
                self.columns.append([o[1], None])
            elif kind == "drop_column":
                self._column(o[1])
                self.columns = [e for e in self.columns if e[0].name != o[1]]
                self.indexes = [ix for ix in self.indexes if o[1] not in ix[1]]
            elif kind == "alter_column":
                _, name, nullable, new_name, type_, server_default = o
                entry = self._column(name)
                c = entry[0]
                if new_name is not None:
                    c.name = c.key = new_name
                    self.indexes = [(n, [new_name if x == name else x for x in cols], u) for n, cols, u in self.indexes]
                if type_ is not None:
                    new_type = _sa._to_type(type_)
                    if entry[1] is not None and _affinity(c.type) != _affinity(new_type):
                        entry.append(new_type)
                    c.type = new_type
                if nullable is not None:
                    c.nullable = c._explicit_nullable = nullable
                if server_default is not False:
                    c.server_default = server_default
            elif kind == "create_index":
                self.indexes.append((o[1], o[2], o[3]))
            elif kind == "drop_index":
                self.indexes = [ix for ix in self.indexes if ix[0] != o[1]]
            elif kind == "add_constraint":
                self.constraints.append(o[1])
            elif kind == "drop_constraint":
                name = o[1]
                before = len(self.constraints)
                self.constraints = [c for c in self.constraints if c.name != name]
                if len(self.constraints) == before:
                    raise ValueError(f"No such constraint: '{name}'")
        self._swap()

    def _swap(self):
        ops_ = self.operations
        conn = ops_._conn
        tmp_name = f"_alembic_tmp_{self.table_name}"
        tmp = Table(tmp_name, MetaData(), *[e[0] for e in self.columns], *self.constraints)
        ops_._ddl("create_table", tmp)
        copied = [e for e in self.columns if e[1] is not None]
        source = Table(self.table_name, MetaData(), *[Column(e[1]) for e in copied])
        exprs = []
        for e in copied:
            expr = source.c[e[1]]
            if len(e) > 2:
                expr = _sa.cast(expr, e[2])
            exprs.append(expr)
        try:
            conn.execute(_sa.insert(tmp).from_select([e[0].name for e in copied], _sa.select(*exprs)))
            ops_._ddl("drop_table", Table(self.table_name, MetaData()))
        except BaseException:
            ops_._ddl("drop_table", Table(tmp_name, MetaData()))
            raise
        ops_._ddl("rename_table", tmp_name, self.table_name)
        for name, cols, unique in self.indexes:
            ops_.create_index(name, self.table_name, cols, unique=unique)


def _affinity(t):
    for base in (_sa.Integer, _sa.String, _sa.Numeric, _sa.Float, _sa.Boolean, _sa.DateTime, _sa.Date, _sa.Time,
                 _sa.LargeBinary, _sa.JSON):
        if isinstance(t, base):
            return base
    return type(t)
