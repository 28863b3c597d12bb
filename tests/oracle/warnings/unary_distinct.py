# The compiler's warning for distinct(x) outside a function (use
# select().distinct()): once per statement executed (SQLAlchemy caches it
# compiled), at each str() of one.
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, select, distinct, func

engine = create_engine("sqlite://")
metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)))
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"name": "a"}, {"name": "a"}, {"name": "b"}])
    print(conn.execute(select(distinct(t.c.name)).order_by(t.c.name)).all())
    print(conn.execute(select(t.c.name.distinct())).all())
    print(conn.execute(select(func.count(distinct(t.c.name)))).scalar())
    print(conn.execute(select(func.count(t.c.name.distinct()))).scalar())
    print(str(select(distinct(t.c.name))))
    for i in range(2):
        print(conn.execute(select(distinct(t.c.name)).order_by(t.c.name)).all())
