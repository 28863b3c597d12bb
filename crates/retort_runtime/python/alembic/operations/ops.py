"""alembic.operations.ops: migration operations as objects. Autogenerate
produces them, `reverse()` turns an upgrade into its downgrade,
`to_diff_tuple()` gives compare_metadata's tuples, and the renderer turns
them into `op.*` calls; `invoke(operations)` runs one."""

from sqlalchemy import Column, MetaData, Table, Index, UniqueConstraint, ForeignKeyConstraint, NullType


class MigrateOperation:
    def reverse(self):
        raise NotImplementedError(f"Retort does not support reversing {type(self).__name__} yet")

    def to_diff_tuple(self):
        raise NotImplementedError(f"Retort does not support diff tuples of {type(self).__name__} yet")


class AddColumnOp(MigrateOperation):
    def __init__(self, table_name, column, schema=None, if_not_exists=None, **kw):
        self.table_name = table_name
        self.column = column
        self.schema = schema
        self.if_not_exists = if_not_exists
        self.kw = kw

    @classmethod
    def from_column_and_tablename(cls, schema, tname, col):
        return cls(tname, col, schema=schema)

    def reverse(self):
        return DropColumnOp.from_column_and_tablename(self.schema, self.table_name, self.column)

    def to_diff_tuple(self):
        return ("add_column", self.schema, self.table_name, self.column)

    def to_column(self):
        return self.column

    def invoke(self, operations):
        operations.add_column(self.table_name, self.column)


class DropColumnOp(MigrateOperation):
    def __init__(self, table_name, column_name, schema=None, _reverse=None, if_exists=None, **kw):
        self.table_name = table_name
        self.column_name = column_name
        self.schema = schema
        self._reverse = _reverse
        self.if_exists = if_exists
        self.kw = kw

    @classmethod
    def from_column_and_tablename(cls, schema, tname, col):
        return cls(tname, col.name, schema=schema, _reverse=AddColumnOp.from_column_and_tablename(schema, tname, col))

    def to_column(self):
        if self._reverse is not None:
            return self._reverse.column
        return Column(self.column_name, NullType())

    def reverse(self):
        if self._reverse is None:
            raise ValueError("operation is not reversible; original column is not present")
        return AddColumnOp.from_column_and_tablename(self.schema, self.table_name, self._reverse.column)

    def to_diff_tuple(self):
        return ("remove_column", self.schema, self.table_name, self.to_column())

    def invoke(self, operations):
        operations.drop_column(self.table_name, self.column_name)


class AlterColumnOp(MigrateOperation):
    def __init__(self, table_name, column_name, schema=None, existing_type=None, existing_server_default=False,
                 existing_nullable=None, existing_comment=None, modify_nullable=None, modify_comment=False,
                 modify_server_default=False, modify_name=None, modify_type=None, **kw):
        self.table_name = table_name
        self.column_name = column_name
        self.schema = schema
        self.existing_type = existing_type
        self.existing_server_default = existing_server_default
        self.existing_nullable = existing_nullable
        self.existing_comment = existing_comment
        self.modify_nullable = modify_nullable
        self.modify_comment = modify_comment
        self.modify_server_default = modify_server_default
        self.modify_name = modify_name
        self.modify_type = modify_type
        self.kw = kw

    def to_diff_tuple(self):
        where = (self.schema, self.table_name, self.column_name)
        out = []
        if self.modify_type is not None:
            out.append(("modify_type",) + where + ({"existing_nullable": self.existing_nullable,
                                                      "existing_server_default": self.existing_server_default,
                                                      "existing_comment": self.existing_comment},
                                                     self.existing_type, self.modify_type))
        if self.modify_nullable is not None:
            out.append(("modify_nullable",) + where + ({"existing_type": self.existing_type,
                                                          "existing_server_default": self.existing_server_default,
                                                          "existing_comment": self.existing_comment},
                                                         self.existing_nullable, self.modify_nullable))
        if self.modify_server_default is not False:
            out.append(("modify_default",) + where + ({"existing_nullable": self.existing_nullable,
                                                         "existing_type": self.existing_type,
                                                         "existing_comment": self.existing_comment},
                                                        self.existing_server_default, self.modify_server_default))
        return out

    def has_changes(self):
        return (self.modify_nullable is not None or self.modify_server_default is not False
                or self.modify_type is not None or self.modify_comment is not False)

    def reverse(self):
        kw = dict(self.kw)
        kw["existing_type"] = self.existing_type
        kw["existing_nullable"] = self.existing_nullable
        kw["existing_server_default"] = self.existing_server_default
        kw["existing_comment"] = self.existing_comment
        if self.modify_type is not None:
            kw["modify_type"] = self.modify_type
        if self.modify_nullable is not None:
            kw["modify_nullable"] = self.modify_nullable
        if self.modify_server_default is not False:
            kw["modify_server_default"] = self.modify_server_default
        if self.modify_comment is not False:
            kw["modify_comment"] = self.modify_comment
        for k in ("type", "nullable", "server_default", "comment"):
            if "modify_" + k in kw:
                kw["existing_" + k], kw["modify_" + k] = kw["modify_" + k], kw["existing_" + k]
        return AlterColumnOp(self.table_name, self.column_name, schema=self.schema, **kw)

    def invoke(self, operations):
        kw = {}
        if self.modify_nullable is not None:
            kw["nullable"] = self.modify_nullable
        if self.modify_type is not None:
            kw["type_"] = self.modify_type
        if self.modify_server_default is not False:
            kw["server_default"] = self.modify_server_default
        if self.modify_name is not None:
            kw["new_column_name"] = self.modify_name
        operations.alter_column(self.table_name, self.column_name, existing_type=self.existing_type,
                                existing_nullable=self.existing_nullable, **kw)


class CreateTableOp(MigrateOperation):
    def __init__(self, table_name, columns, schema=None, _namespace_metadata=None, _constraints_included=False,
                 if_not_exists=None, **kw):
        self.table_name = table_name
        self.columns = columns
        self.schema = schema
        self.if_not_exists = if_not_exists
        self.kw = kw
        self._namespace_metadata = _namespace_metadata
        self._constraints_included = _constraints_included
        self.table = None

    @classmethod
    def from_table(cls, table, _namespace_metadata=None):
        op = cls(table.name, list(table.columns_list) + list(table.constraints), schema=table.schema,
                 _namespace_metadata=table.metadata if _namespace_metadata is None else _namespace_metadata,
                 _constraints_included=True)
        op.table = table
        return op

    def to_table(self):
        return self.table

    def reverse(self):
        return DropTableOp.from_table(self.to_table())

    def to_diff_tuple(self):
        return ("add_table", self.to_table())

    def invoke(self, operations):
        operations._create_table_object(self.to_table())


class DropTableOp(MigrateOperation):
    def __init__(self, table_name, schema=None, table_kw=None, _reverse=None, if_exists=None):
        self.table_name = table_name
        self.schema = schema
        self.table_kw = table_kw or {}
        self._reverse = _reverse
        self.if_exists = if_exists

    @classmethod
    def from_table(cls, table, _namespace_metadata=None):
        return cls(table.name, schema=table.schema, _reverse=CreateTableOp.from_table(table, _namespace_metadata))

    def to_table(self):
        if self._reverse is not None:
            return self._reverse.to_table()
        return Table(self.table_name, MetaData())

    def reverse(self):
        if self._reverse is None:
            raise ValueError("operation is not reversible; original table is not present")
        return CreateTableOp.from_table(self._reverse.to_table())

    def to_diff_tuple(self):
        return ("remove_table", self.to_table())

    def invoke(self, operations):
        operations.drop_table(self.table_name)


class CreateIndexOp(MigrateOperation):
    def __init__(self, index_name, table_name, columns, schema=None, unique=False, if_not_exists=None, **kw):
        self.index_name = index_name
        self.table_name = table_name
        self.columns = columns
        self.schema = schema
        self.unique = unique
        self.if_not_exists = if_not_exists
        self.kw = kw
        self.index = None

    @classmethod
    def from_index(cls, index):
        op = cls(index.name, index.table.name, [c.name for c in index.expressions], unique=index.unique)
        op.index = index
        return op

    def to_index(self):
        if self.index is None:
            t = Table(self.table_name, MetaData(), *[Column(c, NullType()) for c in self.columns])
            self.index = Index(self.index_name, *[t.c[c] for c in self.columns], unique=self.unique)
        return self.index

    def reverse(self):
        return DropIndexOp.from_index(self.to_index())

    def to_diff_tuple(self):
        return ("add_index", self.to_index())

    def invoke(self, operations):
        operations.create_index(self.index_name, self.table_name, self.columns, unique=self.unique)


class DropIndexOp(MigrateOperation):
    def __init__(self, index_name, table_name=None, schema=None, if_exists=None, _reverse=None, **kw):
        self.index_name = index_name
        self.table_name = table_name
        self.schema = schema
        self.if_exists = if_exists
        self._reverse = _reverse
        self.kw = kw

    @classmethod
    def from_index(cls, index):
        return cls(index.name, table_name=index.table.name, _reverse=CreateIndexOp.from_index(index))

    def to_index(self):
        if self._reverse is not None:
            return self._reverse.to_index()
        return CreateIndexOp(self.index_name, self.table_name, []).to_index()

    def reverse(self):
        return CreateIndexOp.from_index(self.to_index())

    def to_diff_tuple(self):
        return ("remove_index", self.to_index())

    def invoke(self, operations):
        operations.drop_index(self.index_name, table_name=self.table_name)


def _constraint_table(constraint):
    table = getattr(constraint, "_table", None)
    return table.name if table is not None else None


class AddConstraintOp(MigrateOperation):
    @classmethod
    def from_constraint(cls, constraint):
        if isinstance(constraint, ForeignKeyConstraint):
            return CreateForeignKeyOp.from_constraint(constraint)
        if isinstance(constraint, UniqueConstraint):
            return CreateUniqueConstraintOp.from_constraint(constraint)
        raise NotImplementedError(f"Retort does not support autogenerating {type(constraint).__name__} yet")

    def reverse(self):
        return DropConstraintOp.from_constraint(self.to_constraint())


class CreateUniqueConstraintOp(AddConstraintOp):
    constraint_type = "unique"

    def __init__(self, constraint_name, table_name, columns, schema=None, _constraint=None, **kw):
        self.constraint_name = constraint_name
        self.table_name = table_name
        self.columns = columns
        self.schema = schema
        self.kw = kw
        self._constraint = _constraint

    @classmethod
    def from_constraint(cls, constraint):
        return cls(constraint.name, _constraint_table(constraint), list(constraint.columns), _constraint=constraint)

    def to_constraint(self):
        if self._constraint is None:
            t = Table(self.table_name, MetaData(), *[Column(c, NullType()) for c in self.columns])
            self._constraint = UniqueConstraint(*self.columns, name=self.constraint_name)
            self._constraint.table = t
        return self._constraint

    def to_diff_tuple(self):
        return ("add_constraint", self.to_constraint())

    def invoke(self, operations):
        operations.create_unique_constraint(self.constraint_name, self.table_name, self.columns)


class CreateForeignKeyOp(AddConstraintOp):
    constraint_type = "foreignkey"

    def __init__(self, constraint_name, source_table, referent_table, local_cols, remote_cols, _constraint=None, **kw):
        self.constraint_name = constraint_name
        self.source_table = source_table
        self.referent_table = referent_table
        self.local_cols = local_cols
        self.remote_cols = remote_cols
        self.kw = kw
        self._constraint = _constraint

    @classmethod
    def from_constraint(cls, constraint):
        kw = {}
        if constraint.onupdate:
            kw["onupdate"] = constraint.onupdate
        if constraint.ondelete:
            kw["ondelete"] = constraint.ondelete
        target = constraint.refcolumns[0].rsplit(".", 1)[0]
        return cls(constraint.name, _constraint_table(constraint), target, list(constraint.columns),
                   [r.rsplit(".", 1)[1] for r in constraint.refcolumns], _constraint=constraint, **kw)

    def to_constraint(self):
        if self._constraint is None:
            self._constraint = ForeignKeyConstraint(self.local_cols, [f"{self.referent_table}.{c}" for c in self.remote_cols],
                                                    name=self.constraint_name, **self.kw)
            self._constraint.table = Table(self.source_table, MetaData(), *[Column(c, NullType()) for c in self.local_cols])
        return self._constraint

    def to_diff_tuple(self):
        return ("add_fk", self.to_constraint())

    def invoke(self, operations):
        operations.create_foreign_key(self.constraint_name, self.source_table, self.referent_table, self.local_cols,
                                      self.remote_cols, **self.kw)


class DropConstraintOp(MigrateOperation):
    def __init__(self, constraint_name, table_name, type_=None, schema=None, _reverse=None, if_exists=None, **kw):
        self.constraint_name = constraint_name
        self.table_name = table_name
        self.constraint_type = type_
        self.schema = schema
        self._reverse = _reverse
        self.if_exists = if_exists
        self.kw = kw

    @classmethod
    def from_constraint(cls, constraint):
        types = {ForeignKeyConstraint: "foreignkey", UniqueConstraint: "unique"}
        return cls(constraint.name, _constraint_table(constraint), type_=types.get(type(constraint)),
                   _reverse=AddConstraintOp.from_constraint(constraint))

    def to_constraint(self):
        if self._reverse is None:
            raise ValueError("constraint cannot be produced; original constraint is not present")
        return self._reverse.to_constraint()

    def reverse(self):
        return AddConstraintOp.from_constraint(self.to_constraint())

    def to_diff_tuple(self):
        if self.constraint_type == "foreignkey":
            return ("remove_fk", self.to_constraint())
        return ("remove_constraint", self.to_constraint())

    def invoke(self, operations):
        operations.drop_constraint(self.constraint_name, self.table_name, type_=self.constraint_type)


class OpContainer(MigrateOperation):
    def __init__(self, ops=()):
        self.ops = list(ops)

    def is_empty(self):
        return not self.ops

    def as_diffs(self):
        return list(OpContainer._ops_as_diffs(self))

    @classmethod
    def _ops_as_diffs(cls, migrations):
        for op in migrations.ops:
            if hasattr(op, "ops"):
                yield from cls._ops_as_diffs(op)
            else:
                yield op.to_diff_tuple()


class ModifyTableOps(OpContainer):
    def __init__(self, table_name, ops, schema=None):
        super().__init__(ops)
        self.table_name = table_name
        self.schema = schema

    def reverse(self):
        return ModifyTableOps(self.table_name, ops=list(reversed([op.reverse() for op in self.ops])), schema=self.schema)


class UpgradeOps(OpContainer):
    def __init__(self, ops=(), upgrade_token="upgrades"):
        super().__init__(ops)
        self.upgrade_token = upgrade_token

    def reverse_into(self, downgrade_ops):
        downgrade_ops.ops[:] = list(reversed([op.reverse() for op in self.ops]))
        return downgrade_ops

    def reverse(self):
        return self.reverse_into(DowngradeOps(ops=[]))


class DowngradeOps(OpContainer):
    def __init__(self, ops=(), downgrade_token="downgrades"):
        super().__init__(ops)
        self.downgrade_token = downgrade_token

    def reverse(self):
        return UpgradeOps(ops=list(reversed([op.reverse() for op in self.ops])))


class MigrationScript(MigrateOperation):
    def __init__(self, rev_id, upgrade_ops, downgrade_ops, message=None, imports=(), head=None, splice=None,
                 branch_label=None, version_path=None, depends_on=None):
        self.rev_id = rev_id
        self.message = message
        self.imports = set(imports)
        self.head = head
        self.upgrade_ops = upgrade_ops
        self.downgrade_ops = downgrade_ops
        self.depends_on = depends_on
        self.branch_label = branch_label

    @property
    def upgrade_ops_list(self):
        return [self.upgrade_ops]

    @property
    def downgrade_ops_list(self):
        return [self.downgrade_ops]
