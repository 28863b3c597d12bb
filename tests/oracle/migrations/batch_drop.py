# Batch mode: drop and alter columns by moving and copying the table; the rows survive.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, inspect, text
from alembic.migration import MigrationContext
from alembic.operations import Operations

engine = create_engine("sqlite://")
md = MetaData()
Table("person", md, Column("id", Integer, primary_key=True), Column("name", String(30)), Column("age", Integer), Column("nick", String(10)))
md.create_all(engine)
with engine.begin() as conn:
    conn.execute(text("INSERT INTO person (name, age, nick) VALUES ('ann', 30, 'a'), ('bob', 40, 'b')"))
    op = Operations(MigrationContext.configure(conn))
    with op.batch_alter_table("person") as batch:
        batch.drop_column("nick")
        batch.alter_column("age", new_column_name="years")
        batch.add_column(Column("city", String(20)))
print([c["name"] for c in inspect(engine).get_columns("person")])
with engine.connect() as conn:
    print(conn.execute(text("SELECT * FROM person ORDER BY id")).all())
