# Execution parameters keyed by Column objects instead of their names: a
# learner's natural guess. SQLAlchemy orders the first parameter set's keys
# (SQL expressions cannot be ordered) and compiles a lone column as its
# bind parameter, which then has no value; values() takes column keys.
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, update, select, bindparam

engine = create_engine("sqlite://")
metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("a", Integer), Column("b", String(10)))
metadata.create_all(engine)

attempts = [
    ("one column key", insert(t), {t.c.a: 1}),
    ("two column keys", insert(t), {t.c.a: 1, t.c.b: "x"}),
    ("a name and a column", insert(t), {"a": 1, t.c.b: "y"}),
    ("executemany", insert(t), [{t.c.a: 1}, {t.c.a: 2}]),
    ("update", update(t), {t.c.b: "z"}),
    ("select", select(t).where(t.c.a == bindparam("x")), {t.c.a: 1}),
]
with engine.begin() as conn:
    for what, stmt, params in attempts:
        try:
            conn.execute(stmt, params)
            print(what, "ran")
        except Exception as e:
            print(what, "->", type(e).__name__)
            print(str(e))
    conn.execute(insert(t).values({t.c.a: 5, t.c.b: "ok"}))
    conn.execute(insert(t), {"a": 6, "b": "ok"})
    print(conn.execute(select(t)).all())
