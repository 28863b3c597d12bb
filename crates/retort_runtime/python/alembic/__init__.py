"""alembic (1.20), the parts a lesson on migrations uses: `op` for revision
scripts, MigrationContext and the alembic_version table
(`alembic.runtime.migration`), Operations with SQLite's batch "move and
copy" (`alembic.operations`), compare_metadata, produce_migrations and
render_python_code (`alembic.autogenerate`), and in-memory revisions
(`alembic.script`). What is not here raises NotImplementedError naming it."""

__version__ = "1.20.1"


from alembic import op  # noqa: E402  (a module proxy of the running migration's Operations)
