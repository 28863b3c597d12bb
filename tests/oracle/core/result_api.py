# The Result API: all, first, one, one_or_none, scalar, scalar_one,
# scalars, mappings, fetchone, fetchmany, keys, iteration, Row access.
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, select

engine = create_engine("sqlite://")
metadata = MetaData()
user = Table("user_account", metadata, Column("id", Integer, primary_key=True), Column("name", String(30)),
    Column("age", Integer))
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(insert(user), [{"name": "ada", "age": 36}, {"name": "bob", "age": 25}, {"name": "cy", "age": 20}])
    q = select(user.c.id, user.c.name).order_by(user.c.id)
    print(conn.execute(q).all())
    print(conn.execute(q).first())
    print(conn.execute(q.where(user.c.id == 2)).one())
    print(conn.execute(q.where(user.c.id == 9)).one_or_none())
    print(conn.execute(select(user.c.name).where(user.c.id == 3)).scalar())
    print(conn.execute(select(user.c.name).where(user.c.id == 1)).scalar_one())
    print(conn.execute(select(user.c.name).order_by(user.c.name)).scalars().all())
    print(conn.execute(q).mappings().all())
    r = conn.execute(q)
    print(r.keys())
    print(list(r.keys()))
    print(r.fetchone())
    print(r.fetchmany(1))
    print(r.fetchall())
    print(r.fetchone())
    for row in conn.execute(q):
        print(row.id, row.name, row[0], row._mapping["name"], row._asdict(), row._fields, tuple(row))
    row = conn.execute(q).first()
    print(row == (1, "ada"), len(row), row[-1], row[:1], type(row).__name__)
    id_, name = row
    print(id_, name)
    print(conn.scalar(select(user.c.age).where(user.c.name == "bob")))
    print(conn.scalars(select(user.c.id)).all())
    print(conn.execute(select(user.c.name)).scalars().first())
