# Core benchmark, part 2: 10,000 parameterised single-row INSERTs through
# Core in one transaction, then an executemany of 10,000 rows. Prints the
# row count.
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, select, func

engine = create_engine("sqlite://")
metadata = MetaData()
item = Table("item", metadata, Column("id", Integer, primary_key=True), Column("label", String(20)), Column("qty", Integer))
metadata.create_all(engine)

with engine.begin() as conn:
    stmt = insert(item)
    for i in range(10000):
        conn.execute(stmt, {"label": "x", "qty": i})
    conn.execute(stmt, [{"label": "y", "qty": i} for i in range(10000)])
    print(conn.execute(select(func.count()).select_from(item)).scalar())
