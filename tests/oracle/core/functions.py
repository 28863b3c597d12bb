# SQL functions: aggregates with labels, avg/min/max, group_concat,
# coalesce, abs, round, upper, length, date and strftime, count(distinct).
from sqlalchemy import MetaData, Table, Column, Integer, String, Float, create_engine, insert, select, func, distinct

engine = create_engine("sqlite://")
metadata = MetaData()
m = Table("m", metadata, Column("id", Integer, primary_key=True), Column("name", String(10)), Column("x", Float),
    Column("day", String(10)))
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(insert(m), [{"name": "ab", "x": -1.25, "day": "2024-01-05"}, {"name": "c", "x": 2.5, "day": "2024-02-10"},
                             {"name": "ab", "x": None, "day": "2023-12-31"}])
    print(conn.execute(select(func.count(m.c.id), func.avg(m.c.x), func.min(m.c.x), func.max(m.c.x), func.sum(m.c.x))).one())
    print(conn.execute(select(func.group_concat(m.c.name)).where(m.c.id < 3)).scalar())
    print(conn.execute(select(func.coalesce(m.c.x, 0), func.abs(m.c.x), func.round(m.c.x, 1)).order_by(m.c.id)).all())
    print(conn.execute(select(func.upper(m.c.name), func.length(m.c.name)).order_by(m.c.id)).all())
    print(conn.execute(select(func.strftime("%Y", m.c.day), func.date(m.c.day, "+1 day")).order_by(m.c.id)).all())
    print(conn.execute(select(func.count(distinct(m.c.name)))).scalar())
    print(conn.execute(select(m.c.name, func.count().label("n")).group_by(m.c.name).order_by(func.count().desc())).all())
