"""alembic (1.20), the parts a lesson on migrations uses: `op` for revision
scripts, MigrationContext and the alembic_version table
(`alembic.runtime.migration`), Operations with SQLite's batch "move and
copy" (`alembic.operations`), compare_metadata, produce_migrations and
render_python_code (`alembic.autogenerate`), and in-memory revisions
(`alembic.script`). What is not here raises NotImplementedError naming it."""

__version__ = "1.20.1"


class _OpProxy:
    """`from alembic import op`: the Operations of the migration running now."""

    _target = None

    def __getattr__(self, name):
        target = _OpProxy._target
        if target is None:
            raise NameError(
                f"Can't invoke function '{name}', as the proxy object has not yet been established for the Alembic "
                "'Operations' class.  Try placing this code inside a callable."
            )
        return getattr(target, name)

    def __setattr__(self, name, value):
        if name == "_target":
            _OpProxy._target = value
        else:
            object.__setattr__(self, name, value)


op = _OpProxy()
