# begin_nested(): SAVEPOINT, RELEASE and ROLLBACK TO SAVEPOINT on a connection.
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, select

engine = create_engine("sqlite://")
metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("v", String(10)))
metadata.create_all(engine)

with engine.connect() as conn:
    conn.execute(insert(t).values(v="kept"))
    sp = conn.begin_nested()
    conn.execute(insert(t).values(v="undone"))
    sp.rollback()
    with conn.begin_nested():
        conn.execute(insert(t).values(v="nested"))
    conn.commit()
    print(conn.execute(select(t.c.v).order_by(t.c.id)).scalars().all())
