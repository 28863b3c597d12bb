"""`sqlalchemy.dialects.oracle`: Oracle's dialect (oracledb), to show
statements as SQLAlchemy compiles them for it
(`stmt.compile(dialect=oracle.dialect())`: `retort_sql::compiler::Dialect`).
Retort runs SQLite only; the dialect's other names refuse plainly."""

from sqlalchemy.dialects import _shown_dialect

OracleDialect_oracledb, __getattr__ = _shown_dialect("oracle", "OracleDialect_oracledb", "oracledb", "named")
dialect = OracleDialect_oracledb
