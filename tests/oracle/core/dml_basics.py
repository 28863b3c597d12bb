# Core INSERT, UPDATE and DELETE: values, executemany, RETURNING, WHERE.
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, update, delete, select

engine = create_engine("sqlite://")
metadata = MetaData()
item = Table("item", metadata,
    Column("id", Integer, primary_key=True),
    Column("label", String(20), nullable=False),
    Column("qty", Integer, nullable=False, default=0))
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(insert(item).values(label="bolt", qty=5))
    print(conn.execute(insert(item).values(label="nut", qty=2).returning(item.c.id)).scalar())
    conn.execute(insert(item), [{"label": "a", "qty": 1}, {"label": "b", "qty": 2}])
    print(conn.execute(update(item).where(item.c.label == "bolt").values(qty=6)).rowcount)
    print(conn.execute(update(item).where(item.c.id > 2).values(qty=item.c.qty + 10, label="x")).rowcount)
    print(conn.execute(update(item).where(item.c.id == 1).values(qty=0).returning(item.c.id, item.c.qty)).all())
    print(conn.execute(delete(item).where(item.c.qty > 10)).rowcount)
    print(conn.execute(delete(item).where(item.c.id == 2).returning(item.c.label)).all())
    print(conn.execute(select(item).order_by(item.c.id)).all())
