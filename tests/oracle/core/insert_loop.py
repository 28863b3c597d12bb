# A loop of single-row INSERTs through one insert() statement: each row a
# dict, the keys back, the values copied at execution, rows naming other
# columns, a bad value, a duplicate key, a closed connection.
import datetime

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, create_engine, insert, select
from sqlalchemy.exc import IntegrityError, ResourceClosedError, StatementError

engine = create_engine("sqlite://")
metadata = MetaData()
item = Table(
    "item",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("label", String(20)),
    Column("qty", Integer),
    Column("made", Date),
)
metadata.create_all(engine)

with engine.begin() as conn:
    stmt = insert(item)
    for i in range(3):
        r = conn.execute(stmt, {"label": f"x{i}", "qty": i, "made": datetime.date(2024, 1, i + 1)})
        print(r.inserted_primary_key, r.rowcount, r.lastrowid)
    print(conn.execute(stmt, {"label": "only a label"}).inserted_primary_key)
    print(conn.execute(stmt, {"id": 10, "label": "z", "qty": None, "made": None}).inserted_primary_key)
    params = {"label": "w", "qty": 5, "made": None}
    r = conn.execute(stmt, params)
    params["label"] = "changed"
    params["id"] = 99
    print(r.inserted_primary_key)
    try:
        conn.execute(stmt, {"label": "bad", "qty": 1, "made": "2024-01-01"})
    except StatementError as e:
        print(type(e).__name__, e)
    try:
        conn.execute(stmt, {"id": 1, "label": "dup", "qty": 1, "made": None})
    except IntegrityError as e:
        print(type(e).__name__, e)
    for row in conn.execute(select(item).order_by(item.c.id)):
        print(row)

conn = engine.connect()
conn.close()
try:
    conn.execute(insert(item), {"label": "late", "qty": 1, "made": None})
except ResourceClosedError as e:
    print(type(e).__name__, e)

with engine.connect() as conn:
    conn.execute(insert(item), {"label": "first in a new transaction", "qty": 1, "made": None})
    print(conn.in_transaction())
    conn.rollback()
    print(conn.execute(select(item.c.label).where(item.c.qty == 1)).scalars().all())
