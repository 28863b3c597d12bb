"""`sqlalchemy.dialects.sqlite`: SQLite's INSERT with ON CONFLICT (its
upsert: `insert(t).values(...).on_conflict_do_update(index_elements=[...],
set_={...})`), compiled by Retort's SQL compiler; and SQLite's type names."""

import sqlalchemy as _sa
import _retort_sql
from sqlalchemy import (
    BLOB, BOOLEAN, CHAR, DATE, DATETIME, DECIMAL, FLOAT, INTEGER, JSON, NUMERIC, REAL, SMALLINT, TEXT, TIME, TIMESTAMP, VARCHAR,
)


def _names(elements):
    return [e if isinstance(e, str) else e.name for e in elements]


class Insert(_sa.Insert):
    """`sqlalchemy.dialects.sqlite.insert()`: an INSERT that may end in ON CONFLICT."""

    # (index_elements as names, set_ as (column, value) pairs or None for DO NOTHING, where or None)
    _on_conflict = None
    inherit_cache = True

    @property
    def excluded(self):
        """The row proposed for insertion, as `excluded.<column>` in DO UPDATE."""
        return self.table.alias("excluded").columns

    def _with_conflict(self, index_elements, index_where, set_, where):
        if self._on_conflict is not None:
            raise _sa._unsupported("more than one ON CONFLICT clause on one INSERT")
        if index_where is not None:
            raise _sa._unsupported("on_conflict_...(index_where=...)")
        new = self._copy()
        new._on_conflict = (_names(index_elements or []), set_, where)
        return new

    def on_conflict_do_nothing(self, index_elements=None, index_where=None):
        return self._with_conflict(index_elements, index_where, None, None)

    def on_conflict_do_update(self, index_elements=None, index_where=None, set_=None, where=None):
        if isinstance(set_, dict):
            if not set_:
                raise ValueError("set parameter dictionary must not be empty")
        elif isinstance(set_, _sa.ColumnCollection):
            set_ = {c.name: c for c in set_}
        else:
            raise ValueError(
                "set parameter must be a non-empty dictionary or a ColumnCollection such as the `.c.` collection of a Table object"
            )
        return self._with_conflict(index_elements, index_where, list(set_.items()), _sa._coerce(where) if where is not None else None)

    def __str__(self):
        # a dialect's own construct shows in that dialect's form: `?` binds
        return _retort_sql.compile(self, False, _sa.Compiled).string


def insert(table):
    return Insert(table)


class SQLiteDialect_pysqlite(_sa._Dialect):
    """`sqlite.dialect()`: what `stmt.compile(dialect=sqlite.dialect())` compiles for."""


dialect = SQLiteDialect_pysqlite
