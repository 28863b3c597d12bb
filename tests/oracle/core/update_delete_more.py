# UPDATE and DELETE with correlated subqueries, ordered values, bound
# parameters, and the table methods.
from sqlalchemy import MetaData, Table, Column, Integer, String, create_engine, insert, update, delete, select, func

engine = create_engine("sqlite://")
metadata = MetaData()
a = Table("author", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)), Column("books", Integer, default=0))
b = Table("book", metadata, Column("id", Integer, primary_key=True), Column("author_id", Integer), Column("title", String(20)))
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(a.insert(), [{"name": "x"}, {"name": "y"}])
    conn.execute(b.insert(), [{"author_id": 1, "title": "p"}, {"author_id": 1, "title": "q"}, {"author_id": 2, "title": "r"}])
    counts = select(func.count(b.c.id)).where(b.c.author_id == a.c.id).scalar_subquery()
    print(conn.execute(update(a).values(books=counts)).rowcount)
    print(conn.execute(select(a.c.name, a.c.books).order_by(a.c.id)).all())
    print(conn.execute(a.update().where(a.c.name == "x").values(name="xx")).rowcount)
    print(conn.execute(delete(b).where(b.c.author_id.in_(select(a.c.id).where(a.c.books < 2)))).rowcount)
    print(conn.execute(b.delete().where(b.c.title == "p")).rowcount)
    print(conn.execute(select(b.c.title)).scalars().all())
    print(conn.execute(update(a).where(a.c.id == 2).values({"name": "why", a.c.books: 9})).rowcount)
    print(conn.execute(select(a).order_by(a.c.id)).all())
