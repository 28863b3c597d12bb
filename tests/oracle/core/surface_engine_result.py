# The engine's, connection's, transaction's and result's smaller API: names
# the real packages have that a script may read (cargo xtask surface).
import warnings

from sqlalchemy import create_engine, text, exc, types

engine = create_engine("sqlite://", echo=True)
print(engine.name, engine.driver, engine.engine is engine)
opts = engine.execution_options(foo=1)
print(opts.get_execution_options(), engine.get_execution_options())
engine.clear_compiled_cache()
with opts.connect() as conn:
    print(conn.get_execution_options(), conn.get_isolation_level(), conn.default_isolation_level, conn.invalidated)
with engine.connect() as conn:
    result = conn.execute(text("select 1 as x union all select 2"))
    print(result.closed)
    result.close()
    print(result.closed)
    try:
        result.all()
    except exc.ResourceClosedError as e:
        print("ResourceClosedError:", e)
    frozen = conn.execute(text("select 1 as x union all select 2")).freeze()
    print(frozen().all(), frozen().scalars().all(), frozen.data)
    merged = conn.execute(text("select 1 as x")).merge(conn.execute(text("select 5 as x")), conn.execute(text("select 7")))
    print(merged.all())
    scalars = conn.execute(text("select 1 as x")).scalars()
    print(scalars.closed)
    conn.rollback()
    trans = conn.begin()
    print(trans.is_valid)
    trans.close()
    print(trans.is_active, trans.is_valid, conn.in_transaction())
    try:
        opts.get_execution_options()["x"] = 1
    except TypeError as e:
        print("TypeError:", e)

# exceptions and types the packages export
for name in ("AmbiguousForeignKeysError", "CircularDependencyError", "NoInspectionAvailable", "TimeoutError",
             "UnsupportedCompilationError", "SAPendingDeprecationWarning", "DisconnectionError", "InvalidatePoolError"):
    cls = getattr(exc, name)
    print(name, [b.__name__ for b in cls.__mro__[1:3]])
err = exc.CircularDependencyError("Circular dependency detected.", ["a", "b"], [("a", "b")])
print(str(err), err.cycles)
print(exc.AwaitRequired.code, exc.UnsupportedCompilationError.code)
print(repr(types.NULLTYPE), repr(types.STRINGTYPE), repr(types.to_instance(None)), repr(types.to_instance(types.Integer)))
print(types.INT is types.INTEGER, repr(types.NCHAR(10)), repr(types.DOUBLE_PRECISION()), repr(types.VARBINARY(8)))

# the result classes SQLAlchemy hands out
from sqlalchemy.engine import CursorResult, ScalarResult, MappingResult, FilterResult

with engine.connect() as conn:
    r = conn.execute(text("select 1 as x union all select 2"))
    s, m = r.scalars(), conn.execute(text("select 1 as x")).mappings()
    print(type(s).__name__, type(m).__name__, isinstance(s, FilterResult), isinstance(m, MappingResult),
          type(conn.execute(text("select 1 as x")).unique()).__name__, type(m.unique()).__name__,
          type(s.unique()).__name__, isinstance(conn.execute(text("select 1")), CursorResult))
    print(s.all(), m.all())
