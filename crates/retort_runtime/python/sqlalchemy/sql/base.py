# Part of sqlalchemy: its names live in that package's namespace (see __init__.py).
"""The root classes of SQLAlchemy's expression hierarchy, so that isinstance()
answers as it does there: `Visitable` (sql/visitors.py), `Operators` and
`ColumnOperators` (sql/operators.py). Retort's classes define the behaviour;
these name the places in the hierarchy."""


class Visitable:
    """A node of a statement's tree, which a compiler visits by its `__visit_name__`."""


class Operators:
    """Something Python's operators build SQL expressions from."""


class ColumnOperators(Operators):
    """The operators of column expressions (`==`, `like()`, `in_()`...)."""
