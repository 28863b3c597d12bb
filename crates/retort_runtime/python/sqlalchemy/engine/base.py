# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""`Engine`, `Connection`, transactions, echo's logging and
`create_engine()` (SQLAlchemy's engine/base.py and engine/create.py)."""


_engine_logger = _logging.getLogger("sqlalchemy.engine.Engine")
_echo_handler = None


def _add_echo_handler():
    """What `echo=True` does: INFO on the engine's logger, with SQLAlchemy's
    default handler when the logger has none yet (its lines go to stderr
    here, never to stdout)."""
    global _echo_handler
    if _echo_handler is None and not _engine_logger.handlers:
        _echo_handler = _logging.StreamHandler(_sys.stderr)
        _echo_handler.setFormatter(_logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        _engine_logger.addHandler(_echo_handler)
    _engine_logger.setLevel(_logging.INFO)


def _call(engine, fn, *args, echo=None):
    """Runs a `_retort_sql` function on the engine's database and logs its
    events when echo is on (`echo`: a connection's, settled when it was made)."""
    if not engine._pool_connected:
        engine._first_connect()
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


class _DBAPICursor:
    """A cursor of the driver's connection that a `connect` listener gets:
    its statements go to the database as they are (SQLAlchemy sees none)."""

    def __init__(self, db):
        self._db = db
        self._rows = []

    def execute(self, sql, parameters=()):
        outcome = _retort_sql.dbapi_execute(self._db, sql, list(parameters))
        if outcome[0] == "error":
            raise _sqlite3[outcome[1]](outcome[2])
        self._rows = outcome[1]
        return self

    def fetchall(self):
        rows, self._rows = self._rows, []
        return rows

    def fetchone(self):
        return self._rows.pop(0) if self._rows else None

    def close(self):
        self._rows = []


class _DBAPIConnectionBase:
    """The driver's connection (sqlite3's), as pool events give it."""

    def __init__(self, db):
        self._db = db

    def cursor(self):
        return _DBAPICursor(self._db)

    def execute(self, sql, parameters=()):
        return self.cursor().execute(sql, parameters)

    def commit(self):
        pass

    def close(self):
        pass


class _ConnectionRecord:
    """The pool's record of a driver connection (`connection_record`)."""

    def __init__(self, dbapi_connection):
        self.dbapi_connection = self.driver_connection = dbapi_connection
        self.info = {}


# (named as the driver names it: `sqlite3.Connection`)
_DBAPIConnection = type("Connection", (_DBAPIConnectionBase,), {"__module__": "sqlite3"})


class Engine:
    logging_name = None
    _pool_connected = False

    def _first_connect(self):
        """The pool's first driver connection: the `first_connect` and
        `connect` listeners run on it (SQLite's in-memory database has one)."""
        self._pool_connected = True
        import sqlalchemy.event as event
        if event._listeners:
            dbapi = _DBAPIConnection(self._db)
            record = _ConnectionRecord(dbapi)
            keys = [("pool", id(self)), ("pool", "all")]
            event._fire(keys, "first_connect", dbapi, record)
            event._fire(keys, "connect", dbapi, record)

    def __init__(self, url, echo=False, _db=None):
        self.url = make_url(url)
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

    _execution_options = {}

    @property
    def name(self):
        return self.dialect.name

    @property
    def driver(self):
        return self.dialect.driver

    @property
    def engine(self):
        return self

    def clear_compiled_cache(self):
        """(Retort keeps no compiled cache on the engine: nothing to clear.)"""

    def update_execution_options(self, **opt):
        if "isolation_level" in opt:
            raise _unsupported("the isolation_level execution option")
        self._execution_options = {**self._execution_options, **opt}

    def execution_options(self, **opt):
        """An engine sharing this one's database, whose connections carry `opt`
        (SQLAlchemy's OptionEngine)."""
        new = type(self).__new__(type(self))
        new.__dict__.update(self.__dict__)
        new._execution_options = {}
        new.update_execution_options(**{**self._execution_options, **opt})
        return new

    def get_execution_options(self):
        return immutabledict(self._execution_options)


class _Dialect:
    name = "sqlite"
    driver = "pysqlite"
    paramstyle = "qmark"


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

    def close(self):
        """The transaction rolled back unless it was committed."""
        self.rollback()

    @property
    def is_valid(self):
        return self.is_active and not self.connection.invalidated

    def __enter__(self):
        return self

    def __exit__(self, type_, value, tb):
        if self.is_active:
            if type_ is None:
                self.commit()
            else:
                self.rollback()
        return False


class RootTransaction(Transaction):
    """The transaction `Connection.begin()` starts (not a SAVEPOINT)."""


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
    should_close_with_result = False

    def __init__(self, engine):
        if not engine._pool_connected:
            engine._first_connect()
        self.engine = engine
        self._db = engine._db
        # the DBAPI connection's info: one connection per in-memory engine, so one dict
        self.info = engine._connection_info
        engine._last_connection = self
        self._transaction = None
        self._savepoints = 0
        self._nested = []
        self.closed = False
        # as SQLAlchemy's Connection: whether it logs is settled when it is made
        self._echo = bool(engine.echo or _engine_logger.isEnabledFor(_logging.INFO))
        self._execution_options = dict(engine._execution_options)

    default_isolation_level = "SERIALIZABLE"
    invalidated = False

    def get_isolation_level(self):
        """SQLite's (pysqlite's `PRAGMA read_uncommitted` is 0)."""
        return "SERIALIZABLE"

    def execution_options(self, **kw):
        """Options for every statement this connection runs (SQLAlchemy 2
        sets them on the connection itself, which it returns)."""
        if "isolation_level" in kw:
            raise _unsupported("the isolation_level execution option")
        self._execution_options = {**self._execution_options, **kw}
        return self

    def get_execution_options(self):
        return immutabledict(self._execution_options)

    def begin_nested(self):
        if self._transaction is None:
            self.begin()
        self._savepoints += 1
        name = f"sa_savepoint_{self._savepoints}"
        _call(self.engine, _retort_sql.run_sql, f"SAVEPOINT {name}", echo=self._echo)
        nested = NestedTransaction(self, name)
        self._nested.append(nested)
        return nested

    def _savepoints_open(self):
        return any(t.is_active for t in self._nested)

    def in_nested_transaction(self):
        return self._transaction is not None and self._savepoints_open()

    def get_transaction(self):
        return self._transaction

    def get_nested_transaction(self):
        open_ = [t for t in self._nested if t.is_active]
        return open_[-1] if open_ and self._transaction is not None else None

    def __repr__(self):
        return object.__repr__(self).replace("sqlalchemy.", "sqlalchemy.engine.base.", 1)

    def begin(self):
        if self._transaction is not None:
            raise InvalidRequestError(
                "This connection has already initialized a SQLAlchemy Transaction() object via begin() or "
                "autobegin; can't call begin() here unless rollback() or commit() is called first."
            )
        _call(self.engine, _retort_sql.begin, echo=self._echo)
        self._transaction = RootTransaction(self)
        return self._transaction

    def in_transaction(self):
        return self._transaction is not None

    def commit(self):
        self._nested = []
        if self._transaction is not None:
            self._transaction.is_active = False
            self._transaction = None
            _call(self.engine, _retort_sql.commit, echo=self._echo)

    def rollback(self):
        self._nested = []
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
                and len(parameters) > 1 and len(statement.value_rows) <= 1 and statement.from_select_query is None):
            return self._insertmanyvalues(statement, parameters)
        engine = self.engine
        if self._echo or engine._echoing:
            result = _call(engine, _retort_sql.execute, statement, parameters, CursorResult, echo=self._echo)
        else:
            result = _retort_sql.execute(engine._db, statement, parameters, CursorResult)
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
        # (SQLite cannot promise the order of a many-row RETURNING: rows
        # sorted by parameter order go one at a time, "batch not supported")
        ordered = statement._sort_by_parameter_order
        # values() given once apply to every row (`insert(t).values(code="x")` with rows)
        fixed = statement.value_rows[0] if statement.value_rows else None
        if fixed is not None:
            statement = statement._copy()
            statement.value_rows = []
            rows = [{**fixed, **r} for r in rows]
        size = 1 if ordered else self._INSERTMANYVALUES_PAGE_SIZE
        pages = (len(rows) + size - 1) // size
        try:
            for n, start in enumerate(range(0, len(rows), size)):
                _retort_sql.set_batch(self.engine._db, n + 1, pages, ordered, ordered)
                page = _call(self.engine, _retort_sql.execute, statement.values(list(rows[start:start + size])), None, CursorResult, echo=self._echo)
                if result is None:
                    result = page
                else:
                    result._rows += page._rows
        finally:
            _retort_sql.set_batch(self.engine._db)
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


_retort_sql._classes(Insert, CursorResult)


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


def engine_from_config(configuration, prefix="sqlalchemy.", **kwargs):
    """An engine from a dict of settings (`sqlalchemy.url`, `sqlalchemy.echo`...)."""
    options = {key[len(prefix):]: value for key, value in configuration.items() if key.startswith(prefix)}
    options["_coerce_config"] = True
    options.update(kwargs)
    url = options.pop("url")
    options.pop("_coerce_config")
    echo = options.pop("echo", False)
    if isinstance(echo, str):
        echo = echo.lower() in ("true", "yes", "on", "y", "t", "1") if echo.lower() != "debug" else "debug"
    return create_engine(url, echo=echo, **options)


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
    engine = Engine(url, echo)
    import sqlalchemy.pool as pool
    # (SQLAlchemy's SQLite dialect: SingletonThreadPool for a memory database, QueuePool for a file)
    poolclass = kw.pop("poolclass", None) or (pool.QueuePool if path and path != ":memory:" else pool.SingletonThreadPool)
    engine.pool = poolclass()
    return engine
