# batch_alter_table adds a unique constraint, a foreign key and a check constraint by copying the table.
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, Text, Boolean, Numeric, DateTime, ForeignKey, Index, UniqueConstraint, CheckConstraint, text, inspect, func
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations
from alembic.autogenerate import compare_metadata, produce_migrations, render_python_code

engine = create_engine("sqlite://")


def show(table):
    insp = inspect(engine)
    print([(c["name"], str(c["type"]), c["nullable"], c["default"]) for c in insp.get_columns(table)])
    print(insp.get_indexes(table), insp.get_unique_constraints(table), insp.get_foreign_keys(table))

with engine.begin() as conn:
    conn.execute(text("CREATE TABLE team (id INTEGER NOT NULL, PRIMARY KEY (id))"))
    conn.execute(text("CREATE TABLE player (id INTEGER NOT NULL, team_id INTEGER, num INTEGER, PRIMARY KEY (id))"))
    conn.execute(text("CREATE INDEX ix_player_num ON player (num)"))
    conn.execute(text("INSERT INTO team (id) VALUES (1)"))
    conn.execute(text("INSERT INTO player (team_id, num) VALUES (1, 7), (1, 9)"))
with engine.begin() as conn:
    op = Operations(MigrationContext.configure(conn))
    with op.batch_alter_table("player") as batch_op:
        batch_op.create_unique_constraint("uq_player_num", ["team_id", "num"])
        batch_op.create_foreign_key("fk_player_team", "team", ["team_id"], ["id"])
        batch_op.create_check_constraint("ck_num", "num > 0")
show("player")
with engine.connect() as conn:
    print(conn.execute(text("SELECT * FROM player ORDER BY id")).all())
