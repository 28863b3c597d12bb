# Scalar subqueries correlate to the enclosing SELECT (auto, correlate(),
# correlate_except(), correlate(None)); UPDATE..FROM and DELETE with other
# tables in WHERE; the types of generic functions; JSON indexing printed.
from sqlalchemy import (JSON, Column, ForeignKey, Integer, MetaData, String, Table, cast, create_engine,
                        delete, func, insert, literal, select, update)
from sqlalchemy.exc import InvalidRequestError

engine = create_engine("sqlite://", echo=True)
meta = MetaData()
user = Table("user_account", meta, Column("id", Integer, primary_key=True), Column("name", String(30)),
             Column("fullname", String))
address = Table("address", meta, Column("id", Integer, primary_key=True),
                Column("user_id", ForeignKey("user_account.id")), Column("email", String))
meta.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(user), [{"name": "sandy", "fullname": "Sandy"}, {"name": "pat", "fullname": "Pat"}])
    conn.execute(insert(address), [{"user_id": 1, "email": "s@a"}, {"user_id": 1, "email": "s@b"},
                                   {"user_id": 2, "email": "p@a"}])

count = select(func.count(address.c.id)).where(user.c.id == address.c.user_id).scalar_subquery()
print(select(user.c.name, count.label("n")))
both = select(user.c.name, address.c.email, count.label("n")).join_from(user, address)
try:
    print(both)
except InvalidRequestError as e:
    print("InvalidRequestError:", str(e).split("'")[0], str(e).split("'")[2])
only_user = count.correlate(user)
stmt = select(user.c.name, address.c.email, only_user.label("n")).join_from(user, address).order_by(address.c.id)
print(stmt)
with engine.connect() as conn:
    print(conn.execute(stmt).all())
print(select(user.c.name, count.correlate(None).label("n")))
print(select(user.c.name, count.correlate_except(address).label("n")))
print(select(user.c.name, select(address.c.email).where(address.c.id == 1).scalar_subquery().label("e")))

upd = update(user).values(fullname="x").where(user.c.id == address.c.user_id).where(address.c.email == "p@a")
print(upd)
dele = delete(user).where(user.c.id == address.c.user_id).where(address.c.email == "zz")
print(dele)
with engine.begin() as conn:
    print(conn.execute(upd).rowcount)
    print(conn.execute(select(user.c.fullname).order_by(user.c.id)).all())
    try:
        conn.execute(dele)
    except NotImplementedError as e:
        print("NotImplementedError:", e)

for f in (func.concat("x", "y"), func.upper("x"), func.length("x"), func.count(), func.random(),
          func.rank(), func.percent_rank(), func.max(user.c.id), func.abs(user.c.id), func.now()):
    print(f.name, repr(f.type))
print(func.lower(user.c.name) + literal(" (") + ")")
print(repr((func.lower(user.c.name) + " (").type))
print(cast("{'a': 'b'}", JSON)["a"])
print(func.json_object("{'a': 'b'}", type_=JSON)["a"])
