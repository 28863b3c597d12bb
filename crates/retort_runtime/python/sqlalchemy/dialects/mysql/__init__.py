"""`sqlalchemy.dialects.mysql`: MySQL's dialect (mysqldb), to show
statements as SQLAlchemy compiles them for it
(`stmt.compile(dialect=mysql.dialect())`: `retort_sql::compiler::Dialect`).
Retort runs SQLite only; the dialect's other names refuse plainly."""

import sqlalchemy as _sa


class MySQLDialect_mysqldb(_sa._Dialect):
    name = "mysql"
    driver = "mysqldb"
    paramstyle = "format"


dialect = MySQLDialect_mysqldb


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(f"Retort does not support sqlalchemy.dialects.mysql.{name} yet")
