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


# SQLAlchemy 2.1's public names this module lacks: `from sqlalchemy.orm
# import X` says so plainly rather than "cannot import name".
_UNSUPPORTED = frozenset((
    'AliasOption', 'AttributeEventToken', 'AttributeEvents', 'CascadeOptions', 'ClassManager', 'Composite',
    'CompositeProperty', 'DeclarativeMeta', 'EXT_CONTINUE', 'EXT_SKIP', 'EXT_STOP',
    'IdentityMap', 'InspectionAttrExtensionType', 'InstanceEvents',
    'InstrumentationEvents', 'InstrumentedAttribute', 'KeyFuncDict', 'LoaderCriteriaOption', 'MappedClassProtocol',
    'MappedCollection', 'MappedSQLExpression', 'MapperEvents', 'NO_KEY', 'NotExtension',
    'ORMDescriptor', 'ORMExecuteState', 'PassiveFlag', 'PropComparator', 'QueryContext', 'QueryEvents',
    'QueryPropertyDescriptor', 'QueryableAttribute', 'RegistryEvents', 'SQLORMExpression',
    'SessionEvents', 'SessionTransactionOrigin', 'TypeResolve', 'UOWTransaction', 'Unmapped',
    'UserDefinedOption', 'add_mapped_attribute', 'as_declarative', 'as_typed_table', 'attribute_keyed_dict',
    'attribute_mapped_collection', 'clear_mappers', 'column_keyed_dict', 'column_mapped_collection', 'composite',
    'contains_alias', 'join', 'keyfunc_mapping',
    'make_transient_to_detached', 'mapped_as_dataclass', 'mapped_collection', 'mapper', 'merge_frozen_result',
    'merge_result', 'orm_insert_sentinel', 'outerjoin', 'polymorphic_union', 'reconstructor',
    'synonym_for', 'unmapped_column', 'unmapped_dataclass', ))


def __getattr__(name):
    if name in _UNSUPPORTED:
        raise NotImplementedError(f"Retort does not support sqlalchemy.orm.{name} yet")
    raise AttributeError(f"module 'sqlalchemy.orm' has no attribute '{name}'")
