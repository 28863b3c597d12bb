# Column operators beyond comparisons: ilike, contains/startswith/endswith
# (with autoescape), LIKE ... ESCAPE, CASE, CAST, COALESCE and other
# functions, NULLS FIRST/LAST, unary minus, arithmetic grouping, UNION.
from sqlalchemy import (MetaData, Table, Column, Integer, String, create_engine, select, insert, func, case,
    cast, union_all, union, literal, nulls_first, nulls_last, or_, and_)

engine = create_engine("sqlite://")
metadata = MetaData()
p = Table("product", metadata, Column("id", Integer, primary_key=True), Column("name", String(30)),
    Column("price", Integer), Column("stock", Integer))
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(insert(p), [{"name": "Bolt_M4", "price": 10, "stock": 3}, {"name": "nut 100%", "price": 2, "stock": None},
                             {"name": "washer", "price": None, "stock": 0}])
    statements = [
        select(p.c.name).where(p.c.name.ilike("bolt%")),
        select(p.c.name).where(p.c.name.contains("100%", autoescape=True)),
        select(p.c.name).where(p.c.name.startswith("Bolt")),
        select(p.c.name).where(p.c.name.endswith("er")),
        select(p.c.name).where(p.c.name.like("%!_%", escape="!")),
        select(p.c.name).where(p.c.name.notlike("w%")),
        select(p.c.name, case((p.c.stock == 0, "out"), (p.c.stock < 5, "low"), else_="ok")),
        select(p.c.name, case({10: "ten"}, value=p.c.price, else_="other").label("kind")),
        select(cast(p.c.price, String)),
        select(func.coalesce(p.c.stock, 0), func.lower(p.c.name), func.length(p.c.name)),
        select(p.c.name).order_by(nulls_first(p.c.price.asc())),
        select(p.c.name).order_by(p.c.stock.desc().nulls_last()),
        select(-p.c.price, (p.c.price + 1) * 2, p.c.price - (p.c.stock - 1)),
        select(p.c.name).where(or_(and_(p.c.price > 1, p.c.stock > 0), p.c.name == "washer")),
        select(p.c.name).where(p.c.price > 5).union_all(select(p.c.name).where(p.c.stock == 0)),
        union(select(p.c.id).where(p.c.id < 2), select(p.c.id).where(p.c.id > 2)).order_by("id"),
        select(literal(1), p.c.name).limit(1),
    ]
    for stmt in statements:
        print(conn.execute(stmt).all())
