"""sqlalchemy.orm: declarative mapping, instrumented attributes and
collections, relationships and their backrefs, and the Session.

The session's bookkeeping (object states, the identity map, the unit of
work and its SQL) is Rust's (`_retort_orm` over the `retort_orm` crate);
this module instruments classes and objects, keeps relationship history
and hands the flush what it implies (foreign keys to copy, rows of
association tables, cascaded deletes)."""

import _retort_orm
import datetime as _dt
import sqlalchemy.event as _event
import decimal as _decimal
import enum as _enum
import logging as _logging
import typing as _typing
import uuid as _uuid

import sqlalchemy as _sa
from sqlalchemy import (
    Column,
    Table,
    MetaData,
    ForeignKey,
    Integer,
    String,
    Double,
    Float,
    Boolean,
    Numeric,
    Date,
    DateTime,
    Time,
    Interval,
    LargeBinary,
    Uuid,
    JSON,
    Enum,
    TypeEngine,
    select,
    literal,
    and_,
    _unsupported,
    _refused,
)
from sqlalchemy.exc import (
    ArgumentError,
    InvalidRequestError,
    NoForeignKeysError,
    PendingRollbackError,
    DetachedInstanceError,
    ObjectDeletedError,
    UnmappedInstanceError,
    UnmappedClassError,
    UnmappedColumnError,
    UnboundExecutionError,
    NoResultFound,
)

# The package's code lives in files named after the SQLAlchemy modules they
# mirror; each runs in this namespace, in this order, as parts of one module
# would (they refer to each other's names freely, without imports).
import _retort_host

_retort_host.include(
    __name__,
    "sqlalchemy.orm.base",
    "sqlalchemy.orm.properties",
    "sqlalchemy.orm.mapper",
    "sqlalchemy.orm.relationships",
    "sqlalchemy.orm.decl_base",
    "sqlalchemy.orm.attributes",
    "sqlalchemy.orm.collections",
    "sqlalchemy.orm.state",
    "sqlalchemy.orm.util",
    "sqlalchemy.orm.decl_api",
    "sqlalchemy.orm.identity",
    "sqlalchemy.orm.dependency",
    "sqlalchemy.orm.loading",
    "sqlalchemy.orm.context",
    "sqlalchemy.orm.strategies",
    "sqlalchemy.orm.bulk_persistence",
    "sqlalchemy.orm.session",
    "sqlalchemy.orm.query",
    "sqlalchemy.orm.dynamic",
    "sqlalchemy.orm.writeonly",
    "sqlalchemy.orm.evaluator",
    "sqlalchemy.orm.scoping",
    "sqlalchemy.orm.strategy_options",
    "sqlalchemy.orm._orm_constructors",
    "sqlalchemy.orm._retort_snapshot",
)
