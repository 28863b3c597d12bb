# What DML results report: rowcount, inserted_primary_key, lastrowid,
# returning several columns, executemany rowcount.
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, update, delete, select

engine = create_engine("sqlite://")
metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("v", String(10)), Column("n", Integer, default=7))
metadata.create_all(engine)

with engine.begin() as conn:
    r = conn.execute(insert(t).values(v="a"))
    print(r.rowcount, r.inserted_primary_key, r.lastrowid)
    r = conn.execute(insert(t).values(v="b", n=1))
    print(r.inserted_primary_key)
    print(conn.execute(insert(t), [{"v": "c"}, {"v": "d"}]).rowcount)
    print(conn.execute(insert(t).values(v="e").returning(t.c.id, t.c.n)).all())
    print(conn.execute(update(t).values(n=t.c.n * 2)).rowcount)
    print(conn.execute(update(t).where(t.c.v.in_(["a", "b"])).values(v=t.c.v + "!").returning(t.c.v)).scalars().all())
    print(conn.execute(delete(t).where(t.c.n > 10)).rowcount)
    print(conn.execute(select(t).order_by(t.c.id)).all())
