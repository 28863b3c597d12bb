"""alembic.autogenerate: compares a MetaData with the database as alembic
1.20 does on SQLite (tables, columns, types, nullability, server defaults
when asked, indexes, unique constraints, foreign keys), produces the
operations (`produce_migrations`) and renders them as the Python of a
revision script (`render_python_code`)."""

import re as _re

import _retort_sql
import sqlalchemy as _sa
from sqlalchemy import Column, MetaData, Table, inspect, text
from alembic.operations import ops


# ---------------------------------------------------------------- the two sides as signatures


class Index:
    """An index as autogenerate compares it (a model's, or the database's)."""

    def __init__(self, name, table, columns, unique, conv=False):
        self.name = name
        # a name the database or a naming convention gave: rendered as op.f()
        self.conv = conv
        self.table = table
        self.expressions = columns
        self.unique = bool(unique)

    def sig(self):
        return (tuple(c.name for c in self.expressions), self.unique)


def _unique(name, table, columns, conv=False):
    uq = _sa.UniqueConstraint(*columns, name=name)
    uq.table = table
    uq.conv = conv
    return uq


def _fk(name, table, columns, refcolumns, ondelete=None, onupdate=None):
    fk = _sa.ForeignKeyConstraint(columns, refcolumns, name=name, ondelete=ondelete, onupdate=onupdate)
    fk.table = table
    return fk


def _fk_sig(fk):
    return (tuple(fk.columns), tuple(fk.refcolumns))


def model_indexes(table):
    out = [Index(ix.name, table, [table.c[e] if isinstance(e, str) else e for e in ix.expressions], ix.unique)
           for ix in table._index_order]
    for c in table.columns_list:
        if c.index:
            out.append(Index(f"ix_{table.name}_{c.name}", table, [c], bool(c.unique), conv=True))
    return out


def model_uniques(table):
    out = [_unique(c.name, table, c.columns) for c in table.constraints if isinstance(c, _sa.UniqueConstraint)]
    out += [_unique(None, table, [c.name]) for c in table.columns_list if c.unique and not c.index]
    return out


def model_fks(table):
    out = [_fk(c.name, table, c.columns, c.refcolumns, c.ondelete, c.onupdate)
           for c in table.constraints if isinstance(c, _sa.ForeignKeyConstraint)]
    for c in table.columns_list:
        for fk in c.foreign_keys:
            out.append(_fk(fk.name, table, [c.name], [fk.target], fk.ondelete, fk.onupdate))
    return out


def model_constraints(table):
    """A table's constraints in create_table(): primary key, foreign keys, uniques, checks."""
    out = []
    pk = [c for c in table.columns_list if c.primary_key]
    if pk:
        out.append(_sa.PrimaryKeyConstraint(*pk, name=table.primary_key.name))
    out += model_fks(table)
    out += model_uniques(table)
    out += [c for c in table.constraints if isinstance(c, _sa.CheckConstraint)]
    return out


def reflect_table(insp, name, metadata=None):
    """The table as the database has it, with the objects create_table() and
    the batch copy need: columns, primary key, foreign keys, uniques, indexes."""
    pk = insp.get_pk_constraint(name)["constrained_columns"]
    cols = []
    for info in insp.get_columns(name):
        default = info["default"]
        if default is not None and _unparenthesized_expr(default):
            default = f"({default})"
        cols.append(Column(info["name"], info["type"], primary_key=info["name"] in pk,
                           nullable=info["nullable"] and info["name"] not in pk,
                           server_default=text(default) if default is not None else None))
    t = Table(name, metadata if metadata is not None else MetaData(), *cols)
    for fk in insp.get_foreign_keys(name):
        target = fk["referred_table"]
        t.constraints.append(_fk(fk["name"], t, fk["constrained_columns"], [f"{target}.{c}" for c in fk["referred_columns"]],
                                 fk["options"].get("ondelete"), fk["options"].get("onupdate")))
    for uq in insp.get_unique_constraints(name):
        t.constraints.append(_unique(uq["name"], t, uq["column_names"], conv=True))
    t._reflected_indexes = [Index(ix["name"], t, [t.c[c] for c in ix["column_names"]], ix["unique"], conv=True)
                            for ix in insp.get_indexes(name)]
    return t


def _unparenthesized_expr(expr):
    return not (_re.match(r"^[0-9\.]$", expr) or _re.match(r"^'.+'$", expr) or _re.match(r"^\(.+\)$", expr))


# ---------------------------------------------------------------- comparing


class AutogenContext:
    def __init__(self, migration_context, metadata=None, opts=None, autogenerate=True):
        self.migration_context = migration_context
        self.metadata = metadata
        self.opts = {"sqlalchemy_module_prefix": "sa.", "alembic_module_prefix": "op.", "render_as_batch": False,
                     "user_module_prefix": None}
        self.opts.update(migration_context.opts if migration_context is not None else {})
        self.opts.update(opts or {})
        self.imports = set()
        self._has_batch = False
        self.connection = migration_context.connection if migration_context is not None else None
        self.inspector = inspect(self.connection) if self.connection is not None else None


def _type_params(t):
    definition = _retort_sql.type_ddl(t).lower()
    tokens = _re.findall(r"[\w\-_]+|\(.+?\)", definition)
    words, args = [], []
    for tok in tokens:
        if tok.startswith("("):
            args = [a.strip() for a in _re.findall("[^(),]+", tok)]
        else:
            words.append(tok)
    return words[0] if words else "", words[1:], args


def _types_differ(conn_type, meta_type):
    if isinstance(conn_type, _sa.NullType) or isinstance(meta_type, _sa.NullType):
        return False
    c0, ctoks, cargs = _type_params(conn_type)
    m0, mtoks, margs = _type_params(meta_type)
    if c0 != m0 and not {c0, m0} <= {"numeric", "decimal"}:
        return True
    if len(mtoks) == len(ctoks) and mtoks != ctoks:
        return True
    if len(margs) == len(cargs) and margs != cargs:
        return True
    return False


def _server_default_text(default):
    if default is None:
        return None
    if isinstance(default, str):
        return default
    if isinstance(default, _sa.TextClause):
        return default.text
    return str(default)


def _compare_column(ctx, tname, conn_col, meta_col):
    op = ops.AlterColumnOp(tname, meta_col.name, existing_type=conn_col.type, existing_nullable=conn_col.nullable,
                           existing_server_default=conn_col.server_default)
    if ctx.opts.get("compare_type", True) and _types_differ(conn_col.type, meta_col.type):
        op.modify_type = meta_col.type
    if conn_col.nullable is not meta_col.nullable and not meta_col.primary_key:
        op.modify_nullable = meta_col.nullable
    if ctx.opts.get("compare_server_default", False):
        strip = lambda s: None if s is None else _re.sub(r"^\"?'(.+)'\"?$", r"\1", _re.sub(r"^\((.+)\)$", r"\1", s))
        if strip(_server_default_text(conn_col.server_default)) != strip(_server_default_text(meta_col.server_default)):
            op.modify_server_default = meta_col.server_default
    return op


def _compare_indexes_and_uniques(ctx, modify, conn_table, meta_table):
    meta_ix = model_indexes(meta_table) if meta_table is not None else []
    meta_uq = model_uniques(meta_table) if meta_table is not None else []
    conn_ix = conn_table._reflected_indexes if conn_table is not None else []
    conn_uq = [] if conn_table is None or meta_table is None else \
        [c for c in conn_table.constraints if isinstance(c, _sa.UniqueConstraint)]
    meta_names = {o.name: o for o in meta_uq + meta_ix if o.name}
    conn_names = {o.name: o for o in conn_uq + conn_ix if o.name}
    unnamed_meta = {tuple(u.columns): u for u in meta_uq if not u.name}
    conn_uq_sigs = {tuple(u.columns) for u in conn_uq}

    creating_or_dropping = conn_table is None or meta_table is None

    def added(o):
        if not isinstance(o, Index) and creating_or_dropping:
            return  # unique constraints are part of CREATE TABLE
        if isinstance(o, Index):
            modify.ops.append(ops.CreateIndexOp.from_index(o))
        else:
            modify.ops.append(ops.AddConstraintOp.from_constraint(o))

    def removed(o):
        if isinstance(o, Index):
            modify.ops.append(ops.DropIndexOp.from_index(o))
        else:
            modify.ops.append(ops.DropConstraintOp.from_constraint(o))

    for name in sorted(set(conn_names) - set(meta_names)):
        o = conn_names[name]
        if not isinstance(o, Index) and tuple(o.columns) in unnamed_meta:
            continue
        removed(o)
    for name in sorted(set(meta_names) & set(conn_names)):
        m, c = meta_names[name], conn_names[name]
        if type(m) is not type(c):
            removed(c)
            added(m)
        elif isinstance(m, Index) and m.sig() != c.sig():
            modify.ops.append(ops.DropIndexOp.from_index(c))
            modify.ops.append(ops.CreateIndexOp.from_index(m))
        elif not isinstance(m, Index) and tuple(m.columns) != tuple(c.columns):
            modify.ops.append(ops.DropConstraintOp.from_constraint(c))
            modify.ops.append(ops.AddConstraintOp.from_constraint(m))
    for name in sorted(set(meta_names) - set(conn_names)):
        added(meta_names[name])
    for sig, uq in unnamed_meta.items():
        if sig not in conn_uq_sigs:
            added(uq)


def _compare_foreign_keys(ctx, modify, conn_table, meta_table):
    if conn_table is None or meta_table is None:
        return
    meta = {_fk_sig(f): f for f in model_fks(meta_table)}
    conn = {_fk_sig(f): f for f in conn_table.constraints if isinstance(f, _sa.ForeignKeyConstraint)}
    for sig in [s for s in conn if s not in meta]:
        modify.ops.append(ops.DropConstraintOp.from_constraint(conn[sig]))
    for sig in [s for s in meta if s not in conn]:
        modify.ops.append(ops.CreateForeignKeyOp.from_constraint(meta[sig]))


def _compare_table(ctx, upgrade, tname, conn_table, meta_table):
    modify = ops.ModifyTableOps(tname, [])
    if conn_table is not None and meta_table is not None:
        conn_cols = {c.name: c for c in conn_table.columns_list}
        meta_names = [c.name for c in meta_table.columns_list]
        for c in meta_table.columns_list:
            if c.name not in conn_cols:
                modify.ops.append(ops.AddColumnOp.from_column_and_tablename(None, tname, c))
        for c in meta_table.columns_list:
            if c.name in conn_cols:
                alter = _compare_column(ctx, tname, conn_cols[c.name], c)
                if alter.has_changes():
                    modify.ops.append(alter)
        _compare_indexes_and_uniques(ctx, modify, conn_table, meta_table)
        _compare_foreign_keys(ctx, modify, conn_table, meta_table)
        for name in conn_cols:
            if name not in meta_names:
                modify.ops.append(ops.DropColumnOp.from_column_and_tablename(None, tname, conn_cols[name]))
    else:
        _compare_indexes_and_uniques(ctx, modify, conn_table, meta_table)
    if not modify.is_empty():
        upgrade.ops.append(modify)


def _produce_net_changes(ctx, upgrade):
    version_table = ctx.migration_context.version_table
    conn_names = [n for n in ctx.inspector.get_table_names() if n != version_table]
    metadatas = ctx.metadata if isinstance(ctx.metadata, (list, tuple)) else [ctx.metadata]
    meta_tables = {}
    for md in metadatas:
        for t in md.sorted_tables:
            if t.name != version_table:
                meta_tables[t.name] = t
    for name in [n for n in meta_tables if n not in conn_names]:
        upgrade.ops.append(ops.CreateTableOp.from_table(meta_tables[name]))
        _compare_table(ctx, upgrade, name, None, meta_tables[name])
    for name in [n for n in conn_names if n not in meta_tables]:
        t = reflect_table(ctx.inspector, name)
        _compare_table(ctx, upgrade, name, t, None)
        upgrade.ops.append(ops.DropTableOp.from_table(t))
    existing = sorted(n for n in conn_names if n in meta_tables)
    reflected = {n: reflect_table(ctx.inspector, n) for n in existing}
    for name in existing:
        _compare_table(ctx, upgrade, name, reflected[name], meta_tables[name])


def produce_migrations(context, metadata):
    """The operations that bring the database to `metadata`, and back."""
    ctx = AutogenContext(context, metadata=metadata)
    script = ops.MigrationScript(rev_id=None, upgrade_ops=ops.UpgradeOps([]), downgrade_ops=ops.DowngradeOps([]))
    _produce_net_changes(ctx, script.upgrade_ops)
    script.upgrade_ops.reverse_into(script.downgrade_ops)
    return script


def compare_metadata(context, metadata):
    """The differences between `metadata` and the database, as alembic lists them."""
    ctx = AutogenContext(context, metadata=metadata)
    upgrade = ops.UpgradeOps([])
    _produce_net_changes(ctx, upgrade)
    return upgrade.as_diffs()


# ---------------------------------------------------------------- rendering


def render_python_code(up_or_down_op, sqlalchemy_module_prefix="sa.", alembic_module_prefix="op.",
                       render_as_batch=False, imports=(), render_item=None, migration_context=None,
                       user_module_prefix=None):
    """The body of `upgrade()` or `downgrade()` for these operations."""
    ctx = AutogenContext(None, opts={"sqlalchemy_module_prefix": sqlalchemy_module_prefix,
                                     "alembic_module_prefix": alembic_module_prefix,
                                     "render_as_batch": render_as_batch, "user_module_prefix": user_module_prefix})
    ctx.imports = set(imports)
    return _indent(_render_cmd_body(up_or_down_op, ctx))


def _indent(code):
    code = _re.sub(r"(?m)^", "    ", code).strip()
    return _re.sub(r"(?m) +$", "", code)


def _render_cmd_body(container, ctx):
    lines = ["# ### commands auto generated by Alembic - please adjust! ###"]
    body = []
    for op in container.ops:
        body += _render_op(ctx, op)
    lines += body or ["pass"]
    lines.append("# ### end Alembic commands ###")
    return _python_print(lines)


def _python_print(lines):
    """Indents lines like alembic's PythonPrinter: one level after a line
    ending in ':', back after an empty line."""
    out, level = [], 0
    for line in lines:
        if line == "":
            level = max(level - 1, 0)
            out.append("")
            continue
        out.append("    " * level + line)
        if line.endswith(":"):
            level += 1
    return "\n".join(out) + "\n"


def _render_op(ctx, op):
    if isinstance(op, ops.ModifyTableOps):
        if not op.ops:
            return []
        if ctx.opts.get("render_as_batch"):
            ctx._has_batch = True
            try:
                lines = [f"with op.batch_alter_table({op.table_name!r}, schema={op.schema!r}) as batch_op:"]
                for sub in op.ops:
                    lines += _render_op(ctx, sub)
                lines.append("")
            finally:
                ctx._has_batch = False
            return lines
        lines = []
        for sub in op.ops:
            lines += _render_op(ctx, sub)
        return lines
    fn = _RENDERERS.get(type(op))
    if fn is None:
        raise NotImplementedError(f"Retort does not support rendering {type(op).__name__} yet")
    out = fn(ctx, op)
    return out if isinstance(out, list) else [out]


def _prefix(ctx):
    return "batch_op." if ctx._has_batch else ctx.opts["alembic_module_prefix"]


def _sa_prefix(ctx):
    return ctx.opts["sqlalchemy_module_prefix"] or ""


def _repr_type(t, ctx):
    return f"{_sa_prefix(ctx)}{t!r}"


def _render_server_default(default, ctx):
    if isinstance(default, str):
        return repr(_re.sub(r"^'|'$", "", default))
    if isinstance(default, _sa.TextClause):
        return f"{_sa_prefix(ctx)}text({default.text!r})"
    return f"{_sa_prefix(ctx)}text({str(default)!r})"


def _render_column(col, ctx):
    opts = []
    if col.server_default is not None:
        opts.append(("server_default", _render_server_default(col.server_default, ctx)))
    if col.autoincrement not in (None, "auto"):
        opts.append(("autoincrement", col.autoincrement))
    if col.nullable is not None:
        opts.append(("nullable", col.nullable))
    if col.comment is not None:
        opts.append(("comment", repr(col.comment)))
    kwargs = ", ".join(f"{k}={v}" for k, v in opts)
    return f"{_sa_prefix(ctx)}Column({col.name!r}, {_repr_type(col.type, ctx)}, {kwargs})"


def _render_constraint(c, ctx):
    p = _sa_prefix(ctx)
    if isinstance(c, _sa.PrimaryKeyConstraint):
        if not c.column_names:
            return None
        args = [repr(n) for n in c.column_names]
        if c.name:
            args.append(f"name={c.name!r}")
        return f"{p}PrimaryKeyConstraint({', '.join(args)})"
    if isinstance(c, _sa.ForeignKeyConstraint):
        args = []
        if c.name:
            args.append(f"name={c.name!r}")
        if c.onupdate:
            args.append(f"onupdate={c.onupdate!r}")
        if c.ondelete:
            args.append(f"ondelete={c.ondelete!r}")
        cols = ", ".join(repr(n) for n in c.columns)
        refs = ", ".join(repr(r) for r in c.refcolumns)
        return f"{p}ForeignKeyConstraint([{cols}], [{refs}], {', '.join(args)})"
    if isinstance(c, _sa.UniqueConstraint):
        args = [repr(n) for n in c.columns]
        if c.name:
            args.append(f"name={c.name!r}")
        return f"{p}UniqueConstraint({', '.join(args)})"
    if isinstance(c, _sa.CheckConstraint):
        name = f", name={c.name!r}" if c.name else ""
        return f"{p}CheckConstraint({c.sqltext!r}{name})"
    raise NotImplementedError(f"Retort does not support rendering {type(c).__name__} yet")


def _add_table(ctx, op):
    table = op.to_table()
    args = [_render_column(c, ctx) for c in table.columns_list]
    args += sorted(r for r in (_render_constraint(c, ctx) for c in model_constraints(table)) if r is not None)
    code = f"{_prefix(ctx)}create_table({op.table_name!r},\n" + ",\n".join(args)
    if table.comment is not None:
        code += f",\ncomment={table.comment!r}"
    return code + "\n)"


def _drop_table(ctx, op):
    return f"{_prefix(ctx)}drop_table({op.table_name!r})"


def _name(ctx, name, obj):
    """A constraint's or index's name; op.f() marks one the database or a
    naming convention gave, so alembic does not convert it again."""
    if name is not None and getattr(obj, "conv", False):
        return f"{_prefix(ctx)}f({name!r})"
    return repr(name)


def _add_index(ctx, op):
    ix = op.to_index()
    cols = ", ".join(repr(c.name) for c in ix.expressions)
    if ctx._has_batch:
        return f"{_prefix(ctx)}create_index({_name(ctx, ix.name, ix)}, [{cols}], unique={bool(ix.unique)!r})"
    return f"{_prefix(ctx)}create_index({_name(ctx, ix.name, ix)}, {ix.table.name!r}, [{cols}], unique={bool(ix.unique)!r})"


def _drop_index(ctx, op):
    name = _name(ctx, op.index_name, op.to_index())
    if ctx._has_batch:
        return f"{_prefix(ctx)}drop_index({name})"
    return f"{_prefix(ctx)}drop_index({name}, table_name={op.table_name!r})"


def _add_unique(ctx, op):
    c = op.to_constraint()
    args = [_name(ctx, c.name, c)]
    if not ctx._has_batch:
        args.append(repr(op.table_name))
    args.append(repr(list(c.columns)))
    return f"{_prefix(ctx)}create_unique_constraint({', '.join(args)})"


def _add_fk(ctx, op):
    args = [repr(op.constraint_name)]
    if not ctx._has_batch:
        args.append(repr(op.source_table))
    args += [repr(op.referent_table), repr(list(op.local_cols)), repr(list(op.remote_cols))]
    for k in ("onupdate", "ondelete"):
        if op.kw.get(k) is not None:
            args.append(f"{k}={op.kw[k]!r}")
    return f"{_prefix(ctx)}create_foreign_key({', '.join(args)})"


_UNNAMED_WARNING = [
    "# WARNING: constraint name is None; this directive will fail as",
    "# rendered.  Add a name, or use a naming convention; see",
    "# https://alembic.sqlalchemy.org/en/latest/naming.html",
]


def _drop_constraint(ctx, op):
    params = [_name(ctx, op.constraint_name, op.to_constraint() if op._reverse is not None else None)]
    if not ctx._has_batch:
        params.append(repr(op.table_name))
    if op.constraint_type is not None:
        params.append(f"type_={op.constraint_type!r}")
    lines = list(_UNNAMED_WARNING) if op.constraint_name is None else []
    lines.append(f"{_prefix(ctx)}drop_constraint({', '.join(params)})")
    return lines


def _add_column(ctx, op):
    if ctx._has_batch:
        return f"{_prefix(ctx)}add_column({_render_column(op.column, ctx)})"
    return f"{_prefix(ctx)}add_column({op.table_name!r}, {_render_column(op.column, ctx)})"


def _drop_column(ctx, op):
    if ctx._has_batch:
        return f"{_prefix(ctx)}drop_column({op.column_name!r})"
    return f"{_prefix(ctx)}drop_column({op.table_name!r}, {op.column_name!r})"


def _alter_column(ctx, op):
    indent = " " * 11
    code = f"{_prefix(ctx)}alter_column({op.column_name!r}" if ctx._has_batch else \
        f"{_prefix(ctx)}alter_column({op.table_name!r}, {op.column_name!r}"
    if op.existing_type is not None:
        code += f",\n{indent}existing_type={_repr_type(op.existing_type, ctx)}"
    if op.modify_server_default is not False:
        rendered = _render_server_default(op.modify_server_default, ctx) if op.modify_server_default is not None else None
        code += f",\n{indent}server_default={rendered}"
    if op.modify_name is not None:
        code += f",\n{indent}new_column_name={op.modify_name!r}"
    if op.modify_type is not None:
        code += f",\n{indent}type_={_repr_type(op.modify_type, ctx)}"
    if op.modify_nullable is not None:
        code += f",\n{indent}nullable={op.modify_nullable!r}"
    if op.modify_comment is not False:
        code += f",\n{indent}comment={op.modify_comment!r}"
    if op.existing_comment is not None:
        code += f",\n{indent}existing_comment={op.existing_comment!r}"
    if op.modify_nullable is None and op.existing_nullable is not None:
        code += f",\n{indent}existing_nullable={op.existing_nullable!r}"
    if op.modify_server_default is False and op.existing_server_default:
        code += f",\n{indent}existing_server_default={_render_server_default(op.existing_server_default, ctx)}"
    return code + ")"


_RENDERERS = {
    ops.CreateTableOp: _add_table,
    ops.DropTableOp: _drop_table,
    ops.CreateIndexOp: _add_index,
    ops.DropIndexOp: _drop_index,
    ops.CreateUniqueConstraintOp: _add_unique,
    ops.CreateForeignKeyOp: _add_fk,
    ops.DropConstraintOp: _drop_constraint,
    ops.AddColumnOp: _add_column,
    ops.DropColumnOp: _drop_column,
    ops.AlterColumnOp: _alter_column,
}
