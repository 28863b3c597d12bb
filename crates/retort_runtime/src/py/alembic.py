"""alembic (1.20), the parts a lesson on migrations uses: MigrationContext,
Operations (with SQLite's batch "move and copy") and compare_metadata.

Each operation's DDL text comes from `_retort_sql.ddl` (Rust); reflection
reads SQLite's PRAGMAs and the table's CREATE statement. What is not here
raises NotImplementedError naming it."""

import _retort_sql
import sqlalchemy as _sa
from sqlalchemy import Column, Index, MetaData, Table, text
from sqlalchemy import _unsupported

__version__ = "1.20.1"


# ---------------------------------------------------------------- reflection


def _run(conn, sql):
    if not conn.in_transaction():
        conn.begin()
    _sa._call(conn.engine, _retort_sql.run_sql, sql)


def _rows(conn, sql, params=None):
    stmt = text(sql)
    stmt._raw = True
    return conn.execute(stmt, params).all()


def _table_names(conn):
    rows = _rows(conn, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name")
    return [r[0] for r in rows if not r[0].startswith("__turso_internal")]


def _declared_types(conn, name):
    """Column name -> declared type, read from the table's CREATE statement
    (SQLite's PRAGMA keeps `VARCHAR(50)`; the engine's drops the length)."""
    rows = _rows(conn, "SELECT sql FROM sqlite_master WHERE name = :name AND type in ('table', 'view')", {"name": name})
    if not rows or rows[0][0] is None:
        return {}
    sql = rows[0][0]
    body = sql[sql.index("(") + 1:sql.rindex(")")]
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
    stop = {"NOT", "NULL", "PRIMARY", "DEFAULT", "UNIQUE", "CHECK", "REFERENCES", "COLLATE", "CONSTRAINT", "GENERATED", "AS"}
    out = {}
    for p in parts:
        words = p.replace("(", " ( ").replace(")", " ) ").split()
        if not words or words[0].upper() in ("PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "CONSTRAINT"):
            continue
        col = words[0].strip('"')
        type_words = []
        for w in words[1:]:
            if w.upper() in stop:
                break
            type_words.append(w)
        out[col] = " ".join(type_words).replace(" ( ", "(").replace("( ", "(").replace(" )", ")").replace(" , ", ",")
    return out


def _reflect_table(conn, name, metadata=None):
    """The table as it is in the database: columns (types, NOT NULL,
    defaults, primary key) and indexes."""
    rows = _rows(conn, f'PRAGMA main.table_xinfo("{name}")')
    if not rows:
        raise _sa.exc.NoSuchTableError(name)
    declared = _declared_types(conn, name)
    cols = []
    pk = sorted((r[5], r[1]) for r in rows if r[5])
    for cid, cname, type_, notnull, default, pkpos, hidden in rows:
        ty = _sa._reflected_type(declared.get(cname) or type_ or "")
        kw = {"nullable": not notnull and not pkpos}
        if default is not None:
            kw["server_default"] = text(default)
        cols.append(Column(cname, ty, primary_key=bool(pkpos) and len(pk) >= 1, **kw))
    for c in cols:
        c.primary_key = any(n == c.name for _, n in pk)
    t = Table(name, metadata if metadata is not None else MetaData(), *cols)
    for irow in _rows(conn, f'PRAGMA main.index_list("{name}")'):
        iname, unique, origin = irow[1], irow[2], irow[3] if len(irow) > 3 else "c"
        if origin != "c" or iname.startswith("sqlite_autoindex"):
            continue
        icols = [r[2] for r in _rows(conn, f'PRAGMA main.index_info("{iname}")')]
        Index(iname, *[t.c[c] for c in icols], unique=bool(unique))
    return t


# ---------------------------------------------------------------- migration context


class MigrationContext:
    def __init__(self, connection, opts):
        self.connection = connection
        self.bind = connection
        self.opts = opts
        self.dialect = connection.engine.dialect
        self.as_sql = False
        self.version_table = opts.get("version_table", "alembic_version")

    @classmethod
    def configure(cls, connection=None, url=None, dialect_name=None, dialect_opts=None, environment_context=None, opts=None):
        if connection is None:
            raise _unsupported("MigrationContext.configure() without a connection (offline mode)")
        return cls(connection, dict(opts or {}))

    def get_current_revision(self):
        heads = self.get_current_heads()
        return heads[0] if heads else None

    def get_current_heads(self):
        if self.version_table not in _table_names(self.connection):
            return ()
        return tuple(r[0] for r in _rows(self.connection, f"SELECT {self.version_table}.version_num FROM {self.version_table}"))

    def stamp(self, script_directory, revision):
        raise _unsupported("MigrationContext.stamp()")

    def run_migrations(self, **kw):
        raise _unsupported("MigrationContext.run_migrations() (revision scripts run from the Migrations panel)")


# ---------------------------------------------------------------- autogenerate


def _type_text(t):
    return _retort_sql.type_ddl(t).replace(" ", "")


def compare_metadata(context, metadata):
    """The differences between `metadata` and the database, as alembic lists them."""
    conn = context.connection
    db_names = [n for n in _table_names(conn) if n != context.version_table]
    diffs = []
    for name in sorted(n for n in metadata.tables if n not in db_names):
        diffs.append(("add_table", metadata.tables[name]))
    for name in sorted(n for n in db_names if n not in metadata.tables):
        diffs.append(("remove_table", _reflect_table(conn, name)))
    for name in sorted(n for n in db_names if n in metadata.tables):
        want = metadata.tables[name]
        have = _reflect_table(conn, name)
        have_names = [c.name for c in have.columns_list]
        want_names = [c.name for c in want.columns_list]
        # alembic's order: added columns, changed ones, then removed ones
        for c in want.columns_list:
            if c.name not in have_names:
                diffs.append(("add_column", None, name, c))
        for c in want.columns_list:
            if c.name not in have_names:
                continue
            h = have.c[c.name]
            mods = []
            if _type_text(h.type) != _type_text(c.type):
                mods.append(("modify_type", None, name, c.name, {"existing_nullable": h.nullable, "existing_server_default": False, "existing_comment": None}, h.type, c.type))
            if not c.primary_key and h.nullable != c.nullable:
                mods.append(("modify_nullable", None, name, c.name, {"existing_type": h.type, "existing_server_default": False, "existing_comment": None}, h.nullable, c.nullable))
            if mods:
                diffs.append(mods)
        for c in have.columns_list:
            if c.name not in want_names:
                diffs.append(("remove_column", None, name, c))
    return diffs


def produce_migrations(context, metadata):
    raise _unsupported("produce_migrations() (autogenerate rendering)")


# ---------------------------------------------------------------- operations


class Operations:
    def __init__(self, migration_context):
        self.migration_context = migration_context
        self.impl = self

    @property
    def _conn(self):
        return self.migration_context.connection

    def get_bind(self):
        return self._conn

    def _ddl(self, kind, *args):
        for sql in _retort_sql.ddl(kind, *args):
            _run(self._conn, sql)

    def create_table(self, table_name, *columns, **kw):
        t = Table(table_name, MetaData(), *columns, **kw)
        self._ddl("create_table", t)
        return t

    def drop_table(self, table_name, **kw):
        self._ddl("drop_table", Table(table_name, MetaData()))

    def rename_table(self, old_table_name, new_table_name, **kw):
        self._ddl("rename_table", old_table_name, new_table_name)

    def add_column(self, table_name, column, **kw):
        self._ddl("add_column", table_name, column)

    def drop_column(self, table_name, column_name, **kw):
        self._ddl("drop_column", table_name, column_name)

    def create_index(self, index_name, table_name, columns, unique=False, **kw):
        t = Table(table_name, MetaData(), *[Column(c) for c in columns])
        self._ddl("create_index", Index(index_name, *[t.c[c] for c in columns], unique=unique))

    def drop_index(self, index_name, table_name=None, **kw):
        _run(self._conn, f"DROP INDEX {index_name}")

    def alter_column(self, table_name, column_name, **kw):
        with self.batch_alter_table(table_name) as batch:
            batch.alter_column(column_name, **kw)

    def execute(self, sqltext, execution_options=None):
        if isinstance(sqltext, str):
            _run(self._conn, sqltext)
        else:
            self._conn.execute(sqltext)

    def bulk_insert(self, table, rows, multiinsert=True):
        if rows:
            self._conn.execute(table.insert(), list(rows))

    def batch_alter_table(self, table_name, schema=None, recreate="auto", **kw):
        return BatchOperations(self, table_name, recreate)

    def __getattr__(self, name):
        raise _unsupported(f"op.{name}()")


class BatchOperations:
    """`with op.batch_alter_table(name) as batch:` collects changes; SQLite
    applies all but plain column additions by moving and copying the table."""

    def __init__(self, operations, table_name, recreate):
        self.operations = operations
        self.table_name = table_name
        self.recreate = recreate
        self.ops = []

    def __enter__(self):
        return self

    def __exit__(self, type_, value, tb):
        if type_ is None:
            self._apply()
        return False

    def add_column(self, column, insert_before=None, insert_after=None):
        self.ops.append(("add_column", column))

    def drop_column(self, column_name, **kw):
        self.ops.append(("drop_column", column_name))

    def alter_column(self, column_name, nullable=None, new_column_name=None, type_=None, server_default=False,
                     existing_type=None, existing_nullable=None, existing_server_default=None, **kw):
        self.ops.append(("alter_column", column_name, nullable, new_column_name, type_, server_default))

    def create_index(self, index_name, columns, unique=False, **kw):
        self.ops.append(("create_index", index_name, columns, unique))

    def drop_index(self, index_name, **kw):
        self.ops.append(("drop_index", index_name))

    def __getattr__(self, name):
        raise _unsupported(f"batch_op.{name}()")

    def _apply(self):
        ops = self.operations
        conn = ops._conn
        needs_copy = self.recreate == "always" or any(o[0] not in ("add_column", "create_index", "drop_index") for o in self.ops)
        if not needs_copy:
            for o in self.ops:
                if o[0] == "add_column":
                    ops.add_column(self.table_name, o[1])
                elif o[0] == "create_index":
                    ops.create_index(o[1], self.table_name, o[2], unique=o[3])
                else:
                    ops.drop_index(o[1])
            return
        old = _reflect_table(conn, self.table_name)
        # the new table's columns: (new column, name it is copied from or None)
        cols = [(c, c.name) for c in old.columns_list]
        indexes = [(ix.name, [c.name for c in ix.expressions], ix.unique) for ix in old._index_order]
        for o in self.ops:
            if o[0] == "add_column":
                cols.append((o[1], None))
            elif o[0] == "drop_column":
                cols = [(c, src) for c, src in cols if c.name != o[1]]
            elif o[0] == "alter_column":
                _, name, nullable, new_name, type_, server_default = o
                for c, src in cols:
                    if c.name == name:
                        if new_name is not None:
                            c.name = c.key = new_name
                        if type_ is not None:
                            c.type = _sa._to_type(type_)
                        if nullable is not None:
                            c.nullable = nullable
                        if server_default is not False:
                            c.server_default = server_default
                        break
                else:
                    raise KeyError(name)
            elif o[0] == "create_index":
                indexes.append((o[1], o[2], o[3]))
            elif o[0] == "drop_index":
                indexes = [ix for ix in indexes if ix[0] != o[1]]
        tmp_name = f"_alembic_tmp_{self.table_name}"
        new_cols = []
        for c, src in cols:
            nc = Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable, server_default=c.server_default)
            new_cols.append(nc)
        tmp = Table(tmp_name, MetaData(), *new_cols)
        ops._ddl("create_table", tmp)
        copied = [(c.name, src) for c, src in cols if src is not None]
        source = Table(self.table_name, MetaData(), *[Column(src) for _, src in copied])
        stmt = _sa.insert(tmp).from_select([n for n, _ in copied], _sa.select(*[source.c[src] for _, src in copied]))
        conn.execute(stmt)
        ops._ddl("drop_table", Table(self.table_name, MetaData()))
        ops._ddl("rename_table", tmp_name, self.table_name)
        for name, icols, unique in indexes:
            ops.create_index(name, self.table_name, icols, unique=unique)
