# Derived tables and scalar subqueries: a named subquery joined back, a
# correlated scalar subquery in the columns, EXISTS with correlation, IN
# with a subquery, a subquery of a subquery.
from sqlalchemy import (MetaData, Table, Column, Integer, String, ForeignKey, create_engine, insert, select, func,
    exists)

engine = create_engine("sqlite://")
metadata = MetaData()
author = Table("author", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)))
book = Table("book", metadata, Column("id", Integer, primary_key=True), Column("author_id", ForeignKey("author.id")),
    Column("pages", Integer))
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(author), [{"name": "le guin"}, {"name": "banks"}, {"name": "nobody"}])
    conn.execute(insert(book), [{"author_id": 1, "pages": 300}, {"author_id": 1, "pages": 250}, {"author_id": 2, "pages": 500}])
    counts = select(book.c.author_id, func.count(book.c.id).label("n")).group_by(book.c.author_id).subquery("counts")
    print(conn.execute(select(author.c.name, counts.c.n).join(counts, author.c.id == counts.c.author_id).order_by(author.c.id)).all())
    n_books = select(func.count(book.c.id)).where(book.c.author_id == author.c.id).scalar_subquery()
    print(conn.execute(select(author.c.name, n_books.label("books")).order_by(author.c.id)).all())
    print(conn.execute(select(author.c.name).where(~exists().where(book.c.author_id == author.c.id))).scalars().all())
    print(conn.execute(select(author.c.name).where(author.c.id.in_(select(book.c.author_id).where(book.c.pages > 260)))).scalars().all())
    big = select(book.c.id, book.c.pages).where(book.c.pages > 200).subquery()
    bigger = select(big.c.id).where(big.c.pages > 260).subquery()
    print(conn.execute(select(func.count()).select_from(bigger)).scalar())
