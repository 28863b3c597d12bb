"""`alembic.script.base`."""

from alembic.script import Script, ScriptDirectory
