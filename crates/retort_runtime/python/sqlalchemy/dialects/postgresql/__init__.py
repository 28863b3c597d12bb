"""`sqlalchemy.dialects.postgresql`: PostgreSQL's dialect (psycopg), to show
statements as SQLAlchemy compiles them for it
(`stmt.compile(dialect=postgresql.dialect())`: `retort_sql::compiler::Dialect`).
Retort runs SQLite only; the dialect's other names refuse plainly."""

from sqlalchemy.dialects import _shown_dialect

PGDialect_psycopg, __getattr__ = _shown_dialect("postgresql", "PGDialect_psycopg", "psycopg", "pyformat")
dialect = PGDialect_psycopg
