# Table-level constraints and their order: primary keys (also composite),
# unique columns and named unique constraints, checks, foreign keys with
# ON DELETE / ON UPDATE, and indexes created after their table. (CPython
# creates a table's indexes in the order of a set, which varies from run to
# run; Retort in declaration order, one of those: the trace records that one.)
from sqlalchemy import (MetaData, Table, Column, Integer, String, ForeignKey, ForeignKeyConstraint,
    PrimaryKeyConstraint, UniqueConstraint, CheckConstraint, Index, create_engine)

engine = create_engine("sqlite://")
metadata = MetaData()
Table(
    "parent", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(10), unique=True, nullable=False),
    Column("email", String(100), index=True),
    Column("nick", String(20), unique=True, index=True),
    CheckConstraint("length(code) > 1", name="code_len"),
)
Table(
    "child", metadata,
    Column("id", Integer, primary_key=True),
    Column("parent_id", Integer, ForeignKey("parent.id", ondelete="CASCADE"), nullable=False),
    Column("other_id", Integer, ForeignKey("parent.id", onupdate="SET NULL", ondelete="SET NULL")),
    Column("score", Integer, CheckConstraint("score >= 0")),
    Column("label", String(30)),
    UniqueConstraint("parent_id", "label", name="uq_child_label"),
    Index("ix_child_label_score", "label", "score"),
    Index("ux_child_score", "score", unique=True),
)
Table(
    "pair", metadata,
    Column("left_id", Integer, nullable=False),
    Column("right_id", Integer, nullable=False),
    Column("weight", Integer, default=1),
    PrimaryKeyConstraint("left_id", "right_id", name="pk_pair"),
    ForeignKeyConstraint(["left_id"], ["child.id"]),
    ForeignKeyConstraint(["right_id"], ["child.id"], name="fk_right"),
)
metadata.create_all(engine)
metadata.drop_all(engine)
