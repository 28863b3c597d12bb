"""`sqlalchemy.schema`: the schema items (re-exported from `sqlalchemy`)
and the DDL constructs `CreateTable`, `DropTable`, `CreateIndex`,
`DropIndex`: printed (`str()`: the default dialect's text; `.compile(engine)`:
SQLite's), or run with `connection.execute()`."""

import _retort_sql
import sqlalchemy as _sa
from sqlalchemy import (
    CheckConstraint, Column, Constraint, ForeignKey, ForeignKeyConstraint, Index, MetaData, PrimaryKeyConstraint, SchemaItem,
    Sequence, Table,
    UniqueConstraint,
)
from sqlalchemy.sql.ddl import sort_tables, sort_tables_and_constraints


class _CompiledDDL:
    def __init__(self, string):
        self.string = string

    def __str__(self):
        return self.string


class BaseDDLElement(_sa.ClauseElement):
    """A DDL statement (SQLAlchemy's sql/ddl.py)."""


class ExecutableDDLElement(_sa.Executable, BaseDDLElement):
    """A DDL statement a connection can execute."""


DDLElement = ExecutableDDLElement


class DDL(ExecutableDDLElement):
    """`DDL("CREATE VIEW ...")`: a DDL statement as text, run as written."""

    __visit_name__ = "ddl"

    def __init__(self, statement, context=None):
        if not isinstance(statement, str):
            raise _sa.exc.ArgumentError(f"Expected a string or unicode SQL statement, got '{statement!r}'")
        self.statement = statement
        self.context = context or {}

    def __str__(self):
        return self.statement % self.context

    def compile(self, bind=None, dialect=None, **kw):
        return _CompiledDDL(str(self))

    def __repr__(self):
        return f"<DDL@{id(self)}; {self.statement!r}>"

    def _run(self, connection):
        connection.exec_driver_sql(str(self))


class _DDLElement(ExecutableDDLElement):
    _kind = None

    def __init__(self, element, **kw):
        self.element = element

    def _statements(self, sqlite):
        if self._kind == "create_table":
            return _retort_sql.ddl("create_table" if sqlite else "create_table_generic", self.element)[:1]
        return _retort_sql.ddl(self._kind, self.element)

    def __str__(self):
        return self._statements(False)[0]

    def compile(self, bind=None, dialect=None, **kw):
        # an engine or a dialect given: SQLite's text; else the default dialect's
        return _CompiledDDL(self._statements(bind is not None or dialect is not None)[0])

    def _run(self, connection):
        for sql in self._statements(True):
            connection.exec_driver_sql(sql)


class CreateTable(_DDLElement):
    _kind = "create_table"


class DropTable(_DDLElement):
    _kind = "drop_table"


class CreateIndex(_DDLElement):
    _kind = "create_index"


class DropIndex(_DDLElement):
    _kind = "drop_index"
