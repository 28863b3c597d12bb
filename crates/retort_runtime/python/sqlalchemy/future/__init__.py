"""`sqlalchemy/future/__init__.py`: the names `sqlalchemy` exports; a name Retort lacks says so, as `from sqlalchemy import X` does."""

from sqlalchemy import *
from sqlalchemy import TypeEngine
from sqlalchemy import __getattr__
