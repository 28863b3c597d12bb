"""The Migrations panel's actions, run after the models script (for
Autogenerate) on the playground's live database: `alembic revision
--autogenerate` and `alembic upgrade/downgrade`, with revision scripts held
in memory. The host sets `_retort_revisions` (a list of (id, source)) and
`_retort_action` in the main module's globals and reads `_last_result`
(JSON) here back."""

import datetime
import json
import uuid

import _retort_sql
import sqlalchemy as _sa
from alembic.runtime.migration import CommandError, MigrationContext, RevisionMap, RevisionStep, Script
from alembic.operations import Operations
from alembic.autogenerate import produce_migrations, render_python_code

TEMPLATE = '''"""{message}

Revision ID: {rev_id}
Revises: {down}
Create Date: {create_date}

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = {rev_id!r}
down_revision: Union[str, Sequence[str], None] = {down_revision!r}
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    {upgrades}


def downgrade() -> None:
    """Downgrade schema."""
    {downgrades}
'''


def _live_engine():
    return _sa.Engine("sqlite://", _db=_retort_sql.open_live())


def load_revisions(sources):
    """The revision map of the panel's scripts (each run as a module)."""
    scripts = []
    for i, (name, source) in enumerate(sources):
        module = _retort_sql.load_source(f"alembic_revision_{i}", f"{name}.py", source)
        for attr in ("revision", "down_revision", "upgrade", "downgrade"):
            if not hasattr(module, attr):
                raise CommandError(f"The revision script {name}.py has no `{attr}`")
        scripts.append(Script(module, module.revision, f"{name}.py"))
    return RevisionMap(lambda: scripts)


def _steps(rmap, target, up):
    def fn(heads, ctx):
        if up:
            return [RevisionStep(rmap, s, True) for s in reversed(list(rmap.iterate_revisions(target, heads, implicit_base=True)))]
        return [RevisionStep(rmap, s, False) for s in rmap.iterate_revisions(heads, target, implicit_base=True)]
    return fn


def migrate(conn, rmap, target, up):
    """`alembic upgrade TARGET` / `alembic downgrade TARGET` on the connection."""
    ctx = MigrationContext.configure(conn, opts={"fn": _steps(rmap, target, up)})
    with Operations.context(ctx):
        with ctx.begin_transaction():
            ctx.run_migrations()
    conn.commit()


def find_metadata(namespace):
    """The models' MetaData in a script's globals: `target_metadata`, a
    Flask-SQLAlchemy `db`, a declarative base, or a MetaData."""
    if isinstance(namespace.get("target_metadata"), _sa.MetaData):
        return namespace["target_metadata"]
    values = [v for k, v in namespace.items() if not k.startswith("_")]
    for v in values:
        if type(v).__name__ == "SQLAlchemy" and isinstance(getattr(v, "metadata", None), _sa.MetaData):
            return v.metadata
    for v in values:
        if isinstance(v, type) and isinstance(v.__dict__.get("metadata"), _sa.MetaData):
            return v.__dict__["metadata"]
    for v in values:
        if isinstance(v, _sa.MetaData):
            return v
    raise CommandError("Autogenerate compares the models with the database, but this script defines no models: "
                       "declare a DeclarativeBase, a Flask-SQLAlchemy db, or set target_metadata = MetaData(...)")


def autogenerate(conn, rmap, metadata, message):
    """`alembic revision --autogenerate -m MESSAGE` (rendered for batch mode,
    as Flask-Migrate does on SQLite): the new revision's id and script."""
    ctx = MigrationContext.configure(conn)
    current = set(ctx.get_current_heads())
    heads = set(rmap.heads)
    if current != heads:
        raise CommandError("Target database is not up to date.")
    migration = produce_migrations(ctx, metadata)
    conn.rollback()
    rev_id = uuid.uuid4().hex[-12:]
    down = rmap.get_current_head()
    source = TEMPLATE.format(
        message=message or "empty message",
        rev_id=rev_id,
        down=down or "",
        down_revision=down,
        create_date=datetime.datetime.now(),
        upgrades=render_python_code(migration.upgrade_ops, render_as_batch=True),
        downgrades=render_python_code(migration.downgrade_ops, render_as_batch=True),
    )
    return rev_id, source


def current_revision(engine):
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


_last_result = None


def main(namespace):
    global _last_result
    kind, arg = namespace["_retort_action"]
    engine = _live_engine()
    result = {"current": None, "revision": None}
    try:
        rmap = load_revisions(namespace["_retort_revisions"])
        with engine.connect() as conn:
            if kind == "autogenerate":
                rev_id, source = autogenerate(conn, rmap, find_metadata(namespace), arg)
                result["revision"] = {"id": rev_id, "source": source}
            elif kind == "upgrade":
                migrate(conn, rmap, arg, True)
            elif kind == "downgrade":
                migrate(conn, rmap, arg, False)
            else:
                raise ValueError(f"unknown migration action {kind!r}")
    finally:
        # what the database says, even after a failed step
        result["current"] = current_revision(engine)
        _last_result = json.dumps(result)
