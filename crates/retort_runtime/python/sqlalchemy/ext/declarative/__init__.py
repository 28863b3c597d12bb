"""`sqlalchemy.ext.declarative`: the legacy home of `declarative_base`."""

from sqlalchemy.orm import declarative_base, declared_attr
