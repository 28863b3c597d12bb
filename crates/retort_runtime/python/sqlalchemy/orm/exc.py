"""`sqlalchemy.orm.exc`: the ORM's exceptions, defined in sqlalchemy.exc."""

from sqlalchemy.exc import DetachedInstanceError, ObjectDeletedError, StaleDataError, UnmappedInstanceError, \
    UnmappedClassError, UnmappedColumnError, FlushError, NoResultFound, MultipleResultsFound
