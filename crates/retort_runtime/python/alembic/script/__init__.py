"""alembic.script: revisions (Script, Revision, RevisionMap) for scripts held
in memory; ScriptDirectory, which reads a folder of them, is not here."""

from alembic.runtime.migration import Script, Revision, RevisionMap, RevisionError, ResolutionError
from sqlalchemy import _unsupported


class ScriptDirectory:
    def __init__(self, *args, **kw):
        raise _unsupported("ScriptDirectory (revision scripts on disk): the Migrations panel holds them")
