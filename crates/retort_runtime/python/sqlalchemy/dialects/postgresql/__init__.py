"""`sqlalchemy.dialects.postgresql`: PostgreSQL's dialect (psycopg), to show
statements as SQLAlchemy compiles them for it
(`stmt.compile(dialect=postgresql.dialect())`: `retort_sql::compiler::Dialect`).
Retort runs SQLite only; the dialect's other names refuse plainly."""

import sqlalchemy as _sa


class PGDialect_psycopg(_sa._Dialect):
    name = "postgresql"
    driver = "psycopg"
    paramstyle = "pyformat"


dialect = PGDialect_psycopg


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(f"Retort does not support sqlalchemy.dialects.postgresql.{name} yet")
