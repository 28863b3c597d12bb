# Connections and transactions: autobegin, commit, rollback, the
# engine.begin() block, closing with a transaction open, in_transaction().
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, select, text

engine = create_engine("sqlite://")
metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("v", String(10)))
metadata.create_all(engine)

conn = engine.connect()
print(conn.in_transaction())
conn.execute(insert(t).values(v="a"))
print(conn.in_transaction())
conn.commit()
print(conn.in_transaction())
conn.execute(insert(t).values(v="b"))
conn.rollback()
print(conn.execute(select(t.c.v)).scalars().all())
conn.close()

with engine.connect() as c2:
    c2.execute(insert(t).values(v="c"))
    c2.commit()
    c2.execute(insert(t).values(v="lost"))

with engine.begin() as c3:
    print(c3.execute(select(t.c.v).order_by(t.c.id)).scalars().all())

try:
    with engine.begin() as c4:
        c4.execute(insert(t).values(v="boom"))
        raise ValueError("abort")
except ValueError as e:
    print("rolled back:", e)

with engine.connect() as c5:
    print(c5.execute(text("SELECT count(*) FROM t")).scalar())
    try:
        c5.begin()
    except Exception as e:
        print(type(e).__name__, e)
    c5.commit()
    tx = c5.begin()
    c5.execute(insert(t).values(v="d"))
    tx.commit()
    print(c5.execute(select(t.c.v).order_by(t.c.id)).scalars().all())
