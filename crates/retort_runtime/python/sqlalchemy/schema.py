"""`sqlalchemy.schema`: the schema items (re-exported from `sqlalchemy`)
and the DDL constructs `CreateTable`, `DropTable`, `CreateIndex`,
`DropIndex`: printed (`str()`: the default dialect's text; `.compile(engine)`:
SQLite's), or run with `connection.execute()`."""

import _retort_sql
import sqlalchemy as _sa
from sqlalchemy import (
    CheckConstraint, Column, ForeignKey, ForeignKeyConstraint, Index, MetaData, PrimaryKeyConstraint, Sequence, Table, UniqueConstraint,
)


class _CompiledDDL:
    def __init__(self, string):
        self.string = string

    def __str__(self):
        return self.string


class _DDLElement(_sa.Executable):
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
