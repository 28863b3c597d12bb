# Window functions with over(): row_number, rank, running sums, partitions.
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, select, func

engine = create_engine("sqlite://")
metadata = MetaData()
s = Table("sale", metadata, Column("id", Integer, primary_key=True), Column("region", String(10)), Column("amount", Integer))
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(insert(s), [{"region": "n", "amount": 5}, {"region": "s", "amount": 3}, {"region": "n", "amount": 8},
                             {"region": "s", "amount": 3}])
    print(conn.execute(select(s.c.id, func.row_number().over(order_by=s.c.amount)).order_by(s.c.id)).all())
    print(conn.execute(select(s.c.id, func.rank().over(partition_by=s.c.region, order_by=s.c.amount.desc()).label("r")).order_by(s.c.id)).all())
    print(conn.execute(select(s.c.id, func.sum(s.c.amount).over(partition_by=s.c.region, order_by=s.c.id)).order_by(s.c.id)).all())
    print(conn.execute(select(s.c.region, func.count().over()).distinct().order_by(s.c.region)).all())
