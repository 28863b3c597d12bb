# Connection.execute's arguments: none (a TypeError), by keyword, and an
# insert's values given as parameters= in a loop.
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, select, text

e = create_engine("sqlite://")
m = MetaData()
t = Table("t", m, Column("id", Integer, primary_key=True), Column("name", String(10)))
m.create_all(e)
with e.begin() as c:
    try:
        c.execute()
    except TypeError as ex:
        print(ex)
    print(c.execute(statement=text("SELECT 1")).scalar())
    stmt = insert(t)
    for name in ("a", "b"):
        r = c.execute(stmt, parameters={"name": name})
        print(r.inserted_primary_key, r.rowcount)
    r = c.execute(stmt, {"name": "c"}, execution_options={"yield_per": 1})
    print(r.inserted_primary_key)
    print(c.execute(select(t.c.name).order_by(t.c.id)).scalars().all())
