# Errors inside transactions: an IntegrityError rolls back with the block,
# the connection stays usable, a savepoint keeps the outer work.
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, select
from sqlalchemy.exc import IntegrityError

engine = create_engine("sqlite://")
metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("code", String(5), unique=True))
metadata.create_all(engine)
try:
    with engine.begin() as conn:
        conn.execute(insert(t).values(code="a"))
        conn.execute(insert(t).values(code="a"))
except IntegrityError as e:
    print("rolled back:", e.orig if hasattr(e, "orig") else e)
with engine.connect() as conn:
    print(conn.execute(select(t.c.code)).scalars().all())
    conn.execute(insert(t).values(code="b"))
    try:
        with conn.begin_nested():
            conn.execute(insert(t).values(code="b"))
    except IntegrityError:
        print("savepoint rolled back")
    conn.execute(insert(t).values(code="c"))
    conn.commit()
    print(conn.execute(select(t.c.code).order_by(t.c.id)).scalars().all())
