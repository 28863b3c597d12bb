# text() among a SELECT's columns (keyed by its text); Delete.using() in the
# dialects that have DELETE .. USING, and refused by SQLite's compiler.
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, create_engine, delete, insert, select, text
from sqlalchemy.dialects import mysql, postgresql

meta = MetaData()
user = Table("user_account", meta, Column("id", Integer, primary_key=True), Column("name", String(30)))
address = Table("address", meta, Column("id", Integer, primary_key=True),
                Column("user_id", ForeignKey("user_account.id")), Column("email", String))
engine = create_engine("sqlite://", echo=True)
meta.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(user), [{"name": "sandy"}, {"name": "pat"}])
    stmt = select(text("'some phrase'"), user.c.name).order_by(user.c.name)
    print(stmt)
    result = conn.execute(stmt)
    print(list(result.keys()), result.all())

plain = delete(user).where(user.c.id == address.c.user_id).where(address.c.email == "p@a")
joined = delete(user).using(user.outerjoin(address, user.c.id == address.c.user_id)).where(address.c.email == "p@a")
other = delete(user).using(address).where(user.c.id == address.c.user_id)
for stmt in (plain, joined, other):
    print(stmt)
    print(stmt.compile(dialect=mysql.dialect()))
    print(stmt.compile(dialect=postgresql.dialect()))
    with engine.begin() as conn:
        try:
            conn.execute(stmt)
        except NotImplementedError as e:
            print("NotImplementedError:", e)
