"""`sqlalchemy/sql/__init__.py`: the Core constructs (`table`, `column`, `select`, ...) as `sqlalchemy` exports them."""

from sqlalchemy import *
