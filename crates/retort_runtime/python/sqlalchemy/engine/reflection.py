# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""`inspect(engine)`'s `Inspector`: tables, columns, keys and indexes read
back from SQLite (SQLAlchemy's engine/reflection.py)."""


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


class Inspector:
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
