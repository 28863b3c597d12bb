# GROUP BY and ORDER BY: by labels, by expressions, several keys, HAVING with
# aggregates, DISTINCT, LIMIT without OFFSET and OFFSET without LIMIT.
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, select, func, desc

engine = create_engine("sqlite://")
metadata = MetaData()
o = Table("orders", metadata, Column("id", Integer, primary_key=True), Column("customer", String(10)),
    Column("item", String(10)), Column("qty", Integer))
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(o), [{"customer": c, "item": i, "qty": q} for c, i, q in
                             [("ann", "pen", 2), ("bob", "ink", 1), ("ann", "ink", 5), ("cat", "pen", 1), ("bob", "pen", 3)]])
    total = func.sum(o.c.qty).label("total")
    print(conn.execute(select(o.c.customer, total).group_by(o.c.customer).order_by(desc("total"))).all())
    print(conn.execute(select(o.c.item, func.count(o.c.id)).group_by(o.c.item).having(func.sum(o.c.qty) > 3).order_by(o.c.item)).all())
    print(conn.execute(select(o.c.customer, o.c.item).order_by(o.c.customer.desc(), o.c.item)).all())
    print(conn.execute(select(o.c.item).distinct().order_by(o.c.item)).scalars().all())
    print(conn.execute(select(o.c.id).order_by(o.c.id).limit(2)).scalars().all())
    print(conn.execute(select(o.c.id).order_by(o.c.id).offset(3)).scalars().all())
    print(conn.execute(select(o.c.customer, func.max(o.c.qty).label("most")).group_by(o.c.customer).order_by("most", "customer")).all())
