# print() of a DML statement with RETURNING qualifies its columns (the
# default dialect; SQLite's executes them bare); group_by("name") names a
# column of the SELECT; Connection.execute() gives a CursorResult
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, create_engine, func, insert, select, update, delete, desc

md = MetaData()
users = Table("user_account", md, Column("id", Integer, primary_key=True), Column("name", String(30)))
address = Table("address", md, Column("id", Integer, primary_key=True), Column("user_id", ForeignKey("user_account.id")), Column("email", String))
stmt = insert(address).returning(address.c.id, address.c.email)
print(stmt)
print(update(users).where(users.c.name == "x").values(name="y").returning(users.c.id, users.c.name))
print(delete(users).where(users.c.name == "x").returning(users.c.id))
q = select(address.c.user_id, func.count(address.c.id).label("n")).group_by("user_id").order_by("user_id", desc("n"))
print(q)
engine = create_engine("sqlite://")
md.create_all(engine)
with engine.begin() as conn:
    r = conn.execute(insert(users).returning(users.c.id, users.c.name), [{"name": "a"}, {"name": "b"}])
    print(type(r).__name__, type(r).__module__, r.all())
    conn.execute(insert(address), [{"user_id": 1, "email": "e"}, {"user_id": 1, "email": "f"}])
    print(conn.execute(q).all())
    print(conn.execute(update(users).where(users.c.name == "a").values(name="z").returning(users.c.id, users.c.name)).all())
