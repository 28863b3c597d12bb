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

# The package's code lives in files named after the SQLAlchemy modules they
# mirror; each runs in this namespace, in this order, as parts of one module
# would (they refer to each other's names freely, without imports).
import _retort_host

_retort_host.include(
    __name__,
    "sqlalchemy.util.deprecations",
    "sqlalchemy.util._collections",
    "sqlalchemy.util.langhelpers",
    "sqlalchemy.sql.base",
    "sqlalchemy.sql.sqltypes",
    "sqlalchemy.sql.elements",
    "sqlalchemy.sql.functions",
    "sqlalchemy.sql.schema",
    "sqlalchemy.sql.selectable",
    "sqlalchemy.sql.dml",
    "sqlalchemy.engine.result",
    "sqlalchemy.engine.url",
    "sqlalchemy.engine.base",
    "sqlalchemy.engine.reflection",
    "sqlalchemy.inspection",
)


__version__ = "2.1.0"


# SQLAlchemy's public names Retort lacks are refused from the generated
# `_retort_surface` (`cargo xtask surface`); this one is a typing alias,
# which the surface does not measure.
_UNSUPPORTED = frozenset(("ColumnExpressionArgument",))
# the DDL constructs live in sqlalchemy.schema (which imports this module)
_FROM_SCHEMA = ("CreateTable", "DropTable", "CreateIndex", "DropIndex", "BaseDDLElement", "DDL", "DDLElement",
                "ExecutableDDLElement")
_FROM_POOL = ("AssertionPool", "AsyncAdaptedQueuePool", "NullPool", "Pool", "QueuePool", "SingletonThreadPool", "StaticPool")


def __getattr__(name):
    if name in _FROM_SCHEMA:
        import sqlalchemy.schema
        return getattr(sqlalchemy.schema, name)
    if name in _FROM_POOL:
        import sqlalchemy.pool
        return getattr(sqlalchemy.pool, name)
    if name in _UNSUPPORTED:
        raise NotImplementedError(f"Retort does not support sqlalchemy.{name} yet")
    raise AttributeError(f"module 'sqlalchemy' has no attribute '{name}'")
