"""`sqlalchemy/sql/__init__.py`: the Core constructs (`table`, `column`, `select`, ...) as `sqlalchemy` exports them."""

from sqlalchemy import *



class _Linting(int):
    """A member of SQLAlchemy's `Linting` flags (sql/compiler.py): how SELECTs
    are checked for FROMs that make a cartesian product."""

    def __new__(cls, name, value):
        member = int.__new__(cls, value)
        member.name = name
        return member

    def __repr__(self):
        return f"<Linting.{self.name}: {int(self)}>"

    def __str__(self):
        return str(int(self))


NO_LINTING = _Linting("NO_LINTING", 0)
COLLECT_CARTESIAN_PRODUCTS = _Linting("COLLECT_CARTESIAN_PRODUCTS", 1)
WARN_LINTING = _Linting("WARN_LINTING", 2)
FROM_LINTING = _Linting("FROM_LINTING", 3)
