"""alembic.runtime.migration and alembic.script: the MigrationContext that
runs revision steps in alembic's transactions and keeps the
`alembic_version` table, and the revisions themselves (Script, RevisionMap)
for a linear history. Revision scripts live in memory (the Migrations panel
holds them), so there is no ScriptDirectory on disk."""

import _retort_sql
import sqlalchemy as _sa
from sqlalchemy import Column, MetaData, PrimaryKeyConstraint, String, Table, literal_column
from sqlalchemy import _unsupported


class CommandError(Exception):
    pass


class _ProxyTransaction:
    def __init__(self, context):
        self.context = context

    def __enter__(self):
        return self

    def __exit__(self, type_, value, tb):
        tx = self.context._transaction
        self.context._transaction = None
        if tx is not None and tx.is_active:
            if type_ is None:
                tx.commit()
            else:
                tx.rollback()
        return False


class _NullContext:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


class _SQLiteImpl:
    """alembic's SQLiteImpl, the parts the context uses: no transactional DDL
    (pysqlite's), so each migration step runs in a transaction of its own."""

    transactional_ddl = False

    def __init__(self, context):
        self.context = context

    def _exec(self, construct):
        return self.context.connection.execute(construct)

    def start_migrations(self):
        pass


class MigrationContext:
    def __init__(self, dialect, connection, opts):
        self.opts = opts
        self.dialect = dialect
        self.connection = connection
        self.bind = connection
        self.as_sql = opts.get("as_sql", False)
        self.purge = opts.get("purge", False)
        self._migrations_fn = opts.get("fn")
        self.version_table = opts.get("version_table", "alembic_version")
        self.version_table_schema = opts.get("version_table_schema")
        self._user_compare_type = opts.get("compare_type", True)
        self._user_compare_server_default = opts.get("compare_server_default", False)
        self._version = Table(self.version_table, MetaData(), Column("version_num", String(32), nullable=False),
                              PrimaryKeyConstraint("version_num", name=f"{self.version_table}_pkc"))
        self._transaction_per_migration = opts.get("transaction_per_migration", False)
        self._in_external_transaction = connection.in_transaction()
        self._transaction = None
        self.on_version_apply_callbacks = list(opts.get("on_version_apply", ()))
        self.impl = _SQLiteImpl(self)

    @classmethod
    def configure(cls, connection=None, url=None, dialect_name=None, dialect_opts=None, environment_context=None, opts=None):
        if connection is None:
            raise _unsupported("MigrationContext.configure() without a connection (offline mode)")
        return cls(connection.engine.dialect, connection, dict(opts or {}))

    def begin_transaction(self, _per_migration=False):
        if self._in_external_transaction:
            return _NullContext()
        if _per_migration is not True or self._transaction is not None:
            return _NullContext()
        conn = self.connection
        self._transaction = conn._transaction if conn.in_transaction() else conn.begin()
        return _ProxyTransaction(self)

    def _has_version_table(self):
        return _sa.inspect(self.connection).has_table(self.version_table)

    def get_current_revision(self):
        heads = self.get_current_heads()
        if len(heads) > 1:
            raise CommandError(f"Version table '{self.version_table}' has more than one head present; please use get_current_heads()")
        return heads[0] if heads else None

    def get_current_heads(self):
        if not self._has_version_table():
            return ()
        return tuple(row[0] for row in self.connection.execute(self._version.select()))

    def _ensure_version_table(self, purge=False):
        self._version.metadata.create_all(self.connection, tables=[self._version], checkfirst=True)
        if purge:
            self.connection.execute(self._version.delete())

    def stamp(self, script_directory, revision):
        heads = self.get_current_heads()
        if not heads:
            self._ensure_version_table()
        maintainer = HeadMaintainer(self, heads)
        for step in script_directory._stamp_revs(revision, heads):
            maintainer.update_to_step(step)

    def run_migrations(self, **kw):
        self.impl.start_migrations()
        if self.purge:
            self._ensure_version_table(purge=True)
            heads = ()
        else:
            heads = self.get_current_heads()
            if not heads and not self.opts.get("dont_mutate", False):
                self._ensure_version_table()
        maintainer = HeadMaintainer(self, heads)
        if self._migrations_fn is None:
            return
        for step in self._migrations_fn(heads, self):
            with self.begin_transaction(_per_migration=True):
                step.migration_fn(**kw)
                maintainer.update_to_step(step)
                for callback in self.on_version_apply_callbacks:
                    callback(ctx=self, step=step, heads=set(maintainer.heads), run_args=kw)

    def execute(self, sql, execution_options=None):
        self.impl._exec(_sa.text(sql) if isinstance(sql, str) else sql)


class HeadMaintainer:
    def __init__(self, context, heads):
        self.context = context
        self.heads = set(heads)

    def _version(self):
        return self.context._version

    def _check(self, ret, what):
        if ret is not None and ret.rowcount != 1:
            raise CommandError(f"Online migration expected to match one row when {what} in "
                               f"'{self.context.version_table}'; {ret.rowcount} found")

    def _insert_version(self, version):
        self.heads.add(version)
        t = self._version()
        self.context.impl._exec(t.insert().values(version_num=literal_column(f"'{version}'")).returning(t.c.version_num))

    def _delete_version(self, version):
        self.heads.remove(version)
        t = self._version()
        ret = self.context.impl._exec(t.delete().where(t.c.version_num == literal_column(f"'{version}'")))
        self._check(ret, f"deleting '{version}'")

    def _update_version(self, from_, to_):
        self.heads.remove(from_)
        self.heads.add(to_)
        t = self._version()
        ret = self.context.impl._exec(
            t.update().values(version_num=literal_column(f"'{to_}'")).where(t.c.version_num == literal_column(f"'{from_}'"))
        )
        self._check(ret, f"updating '{from_}' to '{to_}'")

    def update_to_step(self, step):
        down = step.revision._normalized_down_revisions
        rev = step.revision.revision
        if step.is_upgrade:
            if not down or not any(d in self.heads for d in down):
                self._insert_version(rev)
            else:
                self._update_version(down[0], rev)
        else:
            if not down:
                self._delete_version(rev)
            else:
                self._update_version(rev, down[0])


class MigrationStep:
    pass


class RevisionStep(MigrationStep):
    def __init__(self, revision_map, revision, is_upgrade):
        self.revision_map = revision_map
        self.revision = revision
        self.is_upgrade = is_upgrade
        self.migration_fn = revision.module.upgrade if is_upgrade else revision.module.downgrade

    def __repr__(self):
        return f"RevisionStep({self.revision.revision!r}, is_upgrade={self.is_upgrade!r})"

    def __str__(self):
        if self.is_upgrade:
            src, dst = self.revision._normalized_down_revisions, (self.revision.revision,)
        else:
            src, dst = (self.revision.revision,), self.revision._normalized_down_revisions
        text = f"{self.migration_fn.__name__} {', '.join(src)} -> {', '.join(dst)}"
        return f"{text}, {self.doc}" if self.doc else text

    @property
    def doc(self):
        return self.revision.doc

    @property
    def up_revision(self):
        return self.revision.revision

    @property
    def short_log(self):
        down = ", ".join(self.revision._normalized_down_revisions) or "<base>"
        if self.is_upgrade:
            return f"{down} -> {self.revision.revision}, {self.doc}"
        return f"{self.revision.revision} -> {down}, {self.doc}"


# ---------------------------------------------------------------- revisions (alembic.script)


def _to_tuple(value):
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


class Revision:
    def __init__(self, revision, down_revision, dependencies=None, branch_labels=None):
        self.revision = revision
        self.down_revision = down_revision
        self.dependencies = dependencies
        self.branch_labels = set(_to_tuple(branch_labels))
        self._normalized_down_revisions = _to_tuple(down_revision)
        self.nextrev = frozenset()

    def __repr__(self):
        return f"Revision(revision={self.revision!r}, down_revision={self.down_revision!r})"

    @property
    def is_base(self):
        return not self._normalized_down_revisions


class Script(Revision):
    def __init__(self, module, rev_id, path):
        self.module = module
        self.path = path
        super().__init__(rev_id, module.down_revision, branch_labels=_to_tuple(getattr(module, "branch_labels", None)),
                         dependencies=_to_tuple(getattr(module, "depends_on", None)))

    @property
    def doc(self):
        return self.longdoc.split("\n\n")[0]

    @property
    def longdoc(self):
        doc = self.module.__doc__
        return doc.strip() if doc else ""

    def __str__(self):
        down = ", ".join(self._normalized_down_revisions) or "<base>"
        return f"{down} -> {self.revision}, {self.doc}"


class RevisionError(Exception):
    pass


class ResolutionError(RevisionError):
    def __init__(self, message, argument):
        super().__init__(message)
        self.argument = argument


class RevisionMap:
    """The revisions by id, for a history without branches (merges and
    branch labels say so plainly)."""

    def __init__(self, generator):
        self._generator = generator
        self._map = None

    def _revision_map(self):
        if self._map is None:
            revs = list(self._generator())
            self._map = {}
            for r in revs:
                if r.revision in self._map:
                    raise RevisionError(f"Revision {r.revision} is present more than once")
                self._map[r.revision] = r
            for r in revs:
                if len(r._normalized_down_revisions) > 1 or r.branch_labels or r.dependencies:
                    raise _unsupported("branches, merges and dependencies between revisions")
                for d in r._normalized_down_revisions:
                    if d not in self._map:
                        raise RevisionError(f"Revision {d} referenced from {r} is not present")
                    self._map[d].nextrev = self._map[d].nextrev | {r.revision}
        return self._map

    @property
    def heads(self):
        return tuple(r for r, rev in self._revision_map().items() if not rev.nextrev)

    @property
    def bases(self):
        return tuple(r for r, rev in self._revision_map().items() if rev.is_base)

    def get_current_head(self):
        heads = self.heads
        if len(heads) > 1:
            raise _unsupported("more than one head revision")
        return heads[0] if heads else None

    def get_revision(self, id_):
        if id_ in (None, "base", ()):
            return None
        if isinstance(id_, tuple):
            if len(id_) > 1:
                raise _unsupported("more than one head revision")
            id_ = id_[0]
        m = self._revision_map()
        if id_ in ("head", "heads"):
            head = self.get_current_head()
            return m[head] if head else None
        if id_ in m:
            return m[id_]
        found = [r for r in m if r.startswith(id_)]
        if len(found) == 1:
            return m[found[0]]
        if len(found) > 1:
            raise ResolutionError(f"Multiple revisions start with '{id_}': {', '.join(repr(r) for r in sorted(found))}...", id_)
        hint = "; please ensure at least four characters are present for partial revision identifier matches" if len(id_) < 4 else ""
        raise ResolutionError(f"No such revision or branch '{id_}'{hint}", id_)

    def iterate_revisions(self, upper, lower, implicit_base=False, inclusive=False, assert_relative_length=True,
                          select_for_downgrade=False):
        """Revisions from `upper` down to `lower` (not included), newest first."""
        top = self.get_revision(upper)
        bottom = self.get_revision(lower)
        stop = bottom.revision if bottom is not None else None
        out = []
        r = top
        while r is not None and r.revision != stop:
            out.append(r)
            down = r._normalized_down_revisions
            r = self._revision_map()[down[0]] if down else None
        if stop is not None and r is None:
            raise RevisionError(f"Revision {stop} is not an ancestor of revision {top.revision if top else 'base'}")
        if inclusive and bottom is not None:
            out.append(bottom)
        return iter(out)
