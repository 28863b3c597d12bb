"""`sqlalchemy.sql.ddl`: the order DDL visits tables in.
`MetaData.create_all` and `drop_all` take their order from
`sort_tables_and_constraints` looked up here at each call, as SQLAlchemy's
SchemaGenerator does, so replacing it (SQLAlchemy's documentation tests
sort the tables by key first) changes the order of the CREATE statements."""

import _retort_sql


def _constraints(table):
    return [c for c in table.constraints if type(c).__name__ == "ForeignKeyConstraint"]


def sort_tables_and_constraints(tables, filter_fn=None, extra_dependencies=None, _warn_for_cycles=False):
    """`(table, foreign key constraints)` pairs in dependency order, then
    `(None, constraints left out of the sort)`: those of tables on a cycle."""
    if extra_dependencies:
        raise NotImplementedError("Retort does not support sort_tables_and_constraints(extra_dependencies=...) yet")
    tables = list(tables)
    order, cycles = _retort_sql.table_order(tables)
    if cycles and _warn_for_cycles:
        import warnings
        from sqlalchemy.exc import SAWarning
        warnings.warn(
            f"Cannot correctly sort tables; there are unresolvable cycles between tables \"{', '.join(cycles)}\", which is usually caused by mutually dependent foreign key constraints.  Foreign key constraints involving these tables will not be considered; this warning may raise an error in a future release.",
            SAWarning,
        )
    left_out = [c for t in order if t.name in cycles for c in _constraints(t)]
    return [(t, [] if t.name in cycles else _constraints(t)) for t in order] + [(None, left_out)]


def sort_tables(tables, skip_fn=None, extra_dependencies=None):
    """The tables in dependency order (a warning names tables on a cycle)."""
    return [t for t, _ in sort_tables_and_constraints(tables, extra_dependencies=extra_dependencies, _warn_for_cycles=True) if t is not None]
