# SQLite's INSERT OR REPLACE / OR IGNORE through prefix_with() (a prefix
# for one dialect only where it is compiled), with_for_update() (FOR
# UPDATE in str(), nothing on SQLite), insert().from_select(), RETURNING
# of an executemany, expanding binds, partitions, text().columns().
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, select, update, delete, bindparam, text, func, literal_column
engine = create_engine("sqlite://")
md = MetaData()
t = Table("t", md, Column("id", Integer, primary_key=True), Column("name", String(10)), Column("n", Integer))
u = Table("u", md, Column("id", Integer, primary_key=True), Column("name", String(10)))
md.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"name": "a", "n": 1}, {"name": "b", "n": 2}, {"name": "c", "n": 3}])
    conn.execute(insert(t).prefix_with("OR REPLACE"), {"id": 1, "name": "A", "n": 10})
    conn.execute(insert(u).from_select(["id", "name"], select(t.c.id, t.c.name).where(t.c.n > 1)))
    print(conn.execute(select(u)).all())
    r = conn.execute(insert(t).returning(t.c.id, t.c.name), [{"name": "d", "n": 4}, {"name": "e", "n": 5}])
    print(r.all())
    print(conn.execute(select(t).with_for_update()).all()[:1])
    print(conn.execute(select(t.c.name).where(t.c.id.in_(bindparam("ids", expanding=True))), {"ids": [1, 2]}).all())
    res = conn.execute(select(t).order_by(t.c.id))
    for part in res.partitions(2):
        print([row._asdict() for row in part])
    print(conn.execute(update(t).where(t.c.n > 3).values(n=t.c.n * 2).returning(t.c.id, t.c.n)).all())
    print(conn.execute(delete(t).where(t.c.n > 8).returning(t.c.name)).scalars().all())
    print(conn.execute(text("SELECT id, name FROM t WHERE n < :x").bindparams(x=5).columns(t.c.id, t.c.name)).all())
    conn.execute(insert(t).prefix_with("OR IGNORE"), [{"id": 2, "name": "dup", "n": 0}, {"id": 9, "name": "new", "n": 9}])
    print(conn.execute(select(t.c.id, t.c.name).order_by(t.c.id)).all())
    print(insert(t).prefix_with("OR REPLACE").values(id=1))
    print(insert(t).prefix_with("OR ABORT", dialect="sqlite").values(id=1))
    print(insert(t).prefix_with("OR ABORT", dialect="sqlite").values(id=1).compile(dialect=__import__("sqlalchemy.dialects.sqlite").dialects.sqlite.dialect()))
print(select(t.c.id).where(t.c.n > 1).limit(2).with_for_update())
print(__import__("sqlalchemy.dialects.sqlite").__name__, __import__("sqlalchemy.dialects.sqlite", fromlist=["x"]).__name__)
