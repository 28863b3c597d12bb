"""`sqlalchemy.dialects.mysql`: MySQL's dialect (mysqldb), to show
statements as SQLAlchemy compiles them for it
(`stmt.compile(dialect=mysql.dialect())`: `retort_sql::compiler::Dialect`).
Retort runs SQLite only; the dialect's other names refuse plainly."""

from sqlalchemy.dialects import _shown_dialect

MySQLDialect_mysqldb, __getattr__ = _shown_dialect("mysql", "MySQLDialect_mysqldb", "mysqldb", "format")
dialect = MySQLDialect_mysqldb
