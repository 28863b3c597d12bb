"""`alembic.script.revision`."""

from alembic.runtime.migration import Revision, RevisionMap, RevisionError, ResolutionError
