# More DML: multi-row VALUES with RETURNING, update from expressions of
# other columns, delete everything, insert of defaults only, values() with
# Column keys, ordered_values.
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, update, delete, select

engine = create_engine("sqlite://")
metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("a", Integer, default=1), Column("b", Integer),
    Column("s", String(10)))
metadata.create_all(engine)
with engine.begin() as conn:
    print(conn.execute(insert(t).values([{"a": 5, "b": 6, "s": "x"}, {"a": 7, "b": 8, "s": "y"}]).returning(t.c.id, t.c.a)).all())
    conn.execute(insert(t).values({t.c.b: 9, t.c.s: "z"}))
    print(conn.execute(update(t).values(b=t.c.a + t.c.b, s=t.c.s + "!").where(t.c.id < 3)).rowcount)
    print(conn.execute(update(t).ordered_values((t.c.s, "q"), (t.c.b, 0)).where(t.c.id == 3)).rowcount)
    print(conn.execute(select(t).order_by(t.c.id)).all())
    print(conn.execute(delete(t)).rowcount)
    print(conn.execute(select(t)).all())
