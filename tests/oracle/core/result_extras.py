# More of the Result API: partitions, unique, columns, first on an empty
# result, iterating twice, keys of text() results, Row equality and hashing.
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, select, text

engine = create_engine("sqlite://")
metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("tag", String(5)), Column("n", Integer))
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"tag": "a", "n": 1}, {"tag": "b", "n": 1}, {"tag": "a", "n": 2}, {"tag": "c", "n": 3}])
    print([list(p) for p in conn.execute(select(t.c.id).order_by(t.c.id)).partitions(3)])
    print(conn.execute(select(t.c.tag).order_by(t.c.tag)).scalars().unique().all())
    print(conn.execute(select(t.c.id, t.c.tag, t.c.n).order_by(t.c.id)).columns("tag", "n").all())
    print(conn.execute(select(t).where(t.c.id > 10)).first())
    r = conn.execute(select(t.c.id).order_by(t.c.id))
    print(r.all(), r.all())
    print(list(conn.execute(text("SELECT tag AS label, n FROM t ORDER BY id LIMIT 1")).keys()))
    rows = conn.execute(select(t.c.tag, t.c.n).order_by(t.c.id)).all()
    print(rows[0] == ("a", 1), rows[0] == rows[2], len(set(rows)), rows[1] < rows[0])
