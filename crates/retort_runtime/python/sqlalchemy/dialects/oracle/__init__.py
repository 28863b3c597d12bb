"""`sqlalchemy.dialects.oracle`: Oracle's dialect (oracledb), to show
statements as SQLAlchemy compiles them for it
(`stmt.compile(dialect=oracle.dialect())`: `retort_sql::compiler::Dialect`).
Retort runs SQLite only; the dialect's other names refuse plainly."""

import sqlalchemy as _sa


class OracleDialect_oracledb(_sa._Dialect):
    name = "oracle"
    driver = "oracledb"
    paramstyle = "named"


dialect = OracleDialect_oracledb


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(f"Retort does not support sqlalchemy.dialects.oracle.{name} yet")
