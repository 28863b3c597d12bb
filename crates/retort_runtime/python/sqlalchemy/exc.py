"""sqlalchemy.exc: the exceptions SQLAlchemy raises, with its hierarchy."""

import _retort_sql


class HasDescriptionCode:
    """Adds `code` (the error's page at sqlalche.me) to an exception."""

    code = None

    def __init__(self, *arg, **kw):
        code = kw.pop("code", None)
        if code is not None:
            self.code = code
        super().__init__(*arg, **kw)


class SQLAlchemyError(HasDescriptionCode, Exception):
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


class UnmappedColumnError(InvalidRequestError):
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


# ---------------------------------------------------------------- the rest of SQLAlchemy's


class DontWrapMixin:
    """An exception raised by a type's bind processing that is not wrapped in a StatementError."""


class EmulatedDBAPIException(Exception):
    def __init__(self, message, orig=None):
        super().__init__(message)
        self.orig = orig

    @property
    def driver_exception(self):
        if self.orig is None:
            raise ValueError(
                "No original exception is present.  Was this EmulatedDBAPIException constructed without a driver error?"
            )
        return self.orig


class AmbiguousColumnError(InvalidRequestError):
    pass


class AmbiguousForeignKeysError(ArgumentError):
    pass


class AwaitRequired(InvalidRequestError):
    code = "xd1r"


class MissingGreenlet(InvalidRequestError):
    code = "xd2s"


class CircularDependencyError(SQLAlchemyError):
    def __init__(self, message, cycles, edges, msg=None, code=None):
        if msg is None:
            message += " (%s)" % ", ".join(repr(s) for s in cycles)
        else:
            message = msg
        SQLAlchemyError.__init__(self, message)
        self.cycles = cycles
        self.edges = edges


class ConstraintColumnNotFoundError(ArgumentError):
    pass


class DisconnectionError(SQLAlchemyError):
    pass


class InvalidatePoolError(DisconnectionError):
    pass


class IdentifierError(SQLAlchemyError):
    pass


class IllegalStateChangeError(InvalidRequestError):
    pass


class NoDBAPILoaded(InvalidRequestError):
    pass


class NoInspectionAvailable(InvalidRequestError):
    pass


class NoSuchModuleError(ArgumentError):
    pass


class TimeoutError(SQLAlchemyError):  # noqa: A001 (SQLAlchemy's name)
    pass


class UnreflectableTableError(InvalidRequestError):
    pass


class UnsupportedCompilationError(CompileError):
    code = "l7de"

    def __init__(self, compiler, element_type, message=None):
        super().__init__(
            "Compiler %r can't render element of type %s%s" % (compiler, element_type, ": %s" % message if message else "")
        )
        self.compiler = compiler
        self.element_type = element_type
        self.message = message


class SAPendingDeprecationWarning(PendingDeprecationWarning):
    deprecated_since = None


class SATestSuiteWarning(Warning):
    pass
