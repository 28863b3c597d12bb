"""sqlalchemy.exc: the exceptions SQLAlchemy raises, with its hierarchy."""

import _retort_sql


class SQLAlchemyError(Exception):
    pass


class ArgumentError(SQLAlchemyError):
    pass


class DuplicateColumnError(ArgumentError):
    """A column named as one the table already has was added."""


class NoForeignKeysError(ArgumentError):
    pass


class ObjectNotExecutableError(ArgumentError):
    def __init__(self, target):
        super().__init__(f"Not an executable object: {target!r}")
        self.target = target


class InvalidRequestError(SQLAlchemyError):
    pass


class NoResultFound(InvalidRequestError):
    pass


class MultipleResultsFound(InvalidRequestError):
    pass


class ResourceClosedError(InvalidRequestError):
    pass


class NoSuchColumnError(InvalidRequestError, KeyError):
    pass


class NoReferenceError(InvalidRequestError):
    pass


class NoReferencedTableError(NoReferenceError):
    pass


class NoReferencedColumnError(NoReferenceError):
    pass


class CompileError(SQLAlchemyError):
    pass


class StatementError(SQLAlchemyError):
    pass


class DBAPIError(StatementError):
    pass


class InterfaceError(DBAPIError):
    pass


class DatabaseError(DBAPIError):
    pass


class DataError(DatabaseError):
    pass


class IntegrityError(DatabaseError):
    pass


class OperationalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


class InternalError(DatabaseError):
    pass


class NotSupportedError(DatabaseError):
    pass


def _driver_class(name):
    return type(name, (Exception,), {"__module__": "sqlite3"})


# the DBAPI's own exceptions, which SQLAlchemy's wrap as `.orig`
_sqlite3 = {name: _driver_class(name) for name in ("IntegrityError", "OperationalError", "ProgrammingError", "InternalError")}

_retort_sql._errors(__name__)


# ---------------------------------------------------------------- the ORM's (sqlalchemy.orm.exc)


class PendingRollbackError(InvalidRequestError):
    pass


class UnmappedInstanceError(InvalidRequestError):
    pass


class UnmappedClassError(InvalidRequestError):
    pass


class ObjectDeletedError(InvalidRequestError):
    pass


class DetachedInstanceError(SQLAlchemyError):
    pass


class StaleDataError(SQLAlchemyError):
    pass


class FlushError(SQLAlchemyError):
    pass


class UnboundExecutionError(InvalidRequestError):
    pass


class NoSuchTableError(InvalidRequestError):
    pass


class SAWarning(RuntimeWarning):
    pass


class SADeprecationWarning(DeprecationWarning):
    deprecated_since = None


class Base20DeprecationWarning(SADeprecationWarning):
    deprecated_since = "1.4"


class LegacyAPIWarning(Base20DeprecationWarning):
    pass


class MovedIn20Warning(Base20DeprecationWarning):
    pass
