# One insert() statement executed again and again (compiled once, as
# SQLAlchemy's compiled cache does), with parameter rows naming different
# columns, Python-side defaults called per execution, and the keys back.
import itertools
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, select

counter = itertools.count(100)
engine = create_engine("sqlite://")
metadata = MetaData()
item = Table(
    "item", metadata,
    Column("id", Integer, primary_key=True),
    Column("label", String(20), default="none"),
    Column("qty", Integer),
    Column("serial", Integer, default=lambda: next(counter)),
)
metadata.create_all(engine)

with engine.begin() as conn:
    stmt = insert(item)
    for i in range(3):
        r = conn.execute(stmt, {"label": f"x{i}", "qty": i})
        print(r.rowcount, r.inserted_primary_key, r.lastrowid)
    # the same statement, other columns named: compiled for them
    r = conn.execute(stmt, {"qty": 7})
    print(r.inserted_primary_key)
    params = {"label": "kept", "qty": 8}
    r = conn.execute(stmt, params)
    params["label"] = "changed afterwards"
    print(r.inserted_primary_key, params)
    r = conn.execute(stmt, {"id": 50, "label": "explicit"})
    print(r.inserted_primary_key)
    # no parameters at all
    r = conn.execute(stmt)
    print(r.inserted_primary_key)
    # an executemany after single executions of the same statement
    r = conn.execute(stmt, [{"label": "m1", "qty": 1}, {"label": "m2", "qty": 2}])
    print(r.rowcount)
    for row in conn.execute(select(item).order_by(item.c.id)):
        print(row)
