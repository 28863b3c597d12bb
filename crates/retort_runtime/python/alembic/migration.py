"""`alembic.migration`: the legacy home of `MigrationContext`."""

from alembic.runtime.migration import *
from alembic.runtime.migration import MigrationContext
