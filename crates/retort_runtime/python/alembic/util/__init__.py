"""`alembic.util`."""

from alembic.runtime.migration import CommandError
