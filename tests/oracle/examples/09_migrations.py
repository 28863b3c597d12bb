# Schema migration: compare models with the database, then alter it with Alembic operations.
# Look at: SQL log (ALTER TABLE, and batch mode's move and copy: _alembic_tmp_user, the INSERT ... SELECT, DROP and RENAME).
# The Migrations tab runs Flask-Migrate's workflow (autogenerate, upgrade, downgrade) on the live database: see the
# "Migrations panel (Flask-Migrate)" example.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, inspect
from alembic.migration import MigrationContext
from alembic.autogenerate import compare_metadata
from alembic.operations import Operations

engine = create_engine("sqlite://")
v1 = MetaData()
Table("user", v1, Column("id", Integer, primary_key=True), Column("name", String(50)))
v1.create_all(engine)

v2 = MetaData()
Table("user", v2, Column("id", Integer, primary_key=True), Column("name", String(50)), Column("email", String(120)))
Table("tag", v2, Column("id", Integer, primary_key=True), Column("label", String(20), nullable=False))

with engine.begin() as conn:
    ctx = MigrationContext.configure(conn)
    for diff in compare_metadata(ctx, v2):
        if diff[0] == "add_column":
            print(diff[0], diff[2], diff[3].name)
        else:
            print(diff[0], diff[1].name)
    op = Operations(ctx)
    op.add_column("user", Column("email", String(120)))
    op.create_table("tag", Column("id", Integer, primary_key=True), Column("label", String(20), nullable=False))
    print(compare_metadata(ctx, v2))
    with op.batch_alter_table("user") as batch:
        batch.alter_column("name", new_column_name="username")
print(sorted(inspect(engine).get_table_names()))
print([c["name"] for c in inspect(engine).get_columns("user")])
