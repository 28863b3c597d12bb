# compare_metadata: tables and columns added and removed, nullability and types changed.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, Text
from alembic.migration import MigrationContext
from alembic.autogenerate import compare_metadata

engine = create_engine("sqlite://")
old = MetaData()
Table("a", old, Column("id", Integer, primary_key=True), Column("x", String(10)), Column("gone", Integer))
Table("dropme", old, Column("id", Integer, primary_key=True))
old.create_all(engine)
new = MetaData()
Table("a", new, Column("id", Integer, primary_key=True), Column("x", String(10), nullable=False), Column("y", Text))
Table("b", new, Column("id", Integer, primary_key=True))
with engine.connect() as conn:
    for d in compare_metadata(MigrationContext.configure(conn), new):
        if isinstance(d, list):
            for m in d:
                print(m[0], m[2], m[3], m[5], m[6])
        elif d[0] in ("add_table", "remove_table"):
            print(d[0], d[1].name)
        else:
            print(d[0], d[2], d[3].name)
