"""The performance lesson's tools: a lazy="dynamic" relationship (count, slices, filter, append), bulk INSERT by executemany, bulk UPDATE/DELETE, yield_per partitions, INSERT ... RETURNING of entities; partitions() sizes under yield_per and stream_results."""
from typing import List
import time
from sqlalchemy import *
from sqlalchemy.orm import *

class Base(DeclarativeBase):
    pass

class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    books: Mapped[List["Book"]] = relationship(back_populates="author", lazy="dynamic", order_by="Book.id")

class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Author] = relationship(back_populates="books")

engine = create_engine("sqlite://", echo=False)
Base.metadata.create_all(engine)
with Session(engine) as s:
    authors = [Author(name=f"a{i}") for i in range(3)]
    s.add_all(authors)
    s.flush()
    s.execute(insert(Book), [{"title": f"b{i}", "author_id": authors[i % 3].id} for i in range(9)])
    s.commit()
    a = s.get(Author, 1)
    print(a.books.count(), [b.title for b in a.books.limit(2)], a.books[1].title, [b.title for b in a.books.filter(Book.title > "b3").all()])
    a.books.append(Book(title="new"))
    print(a.books.count())
    s.commit()
    rows = s.execute(select(Author.name, func.count(Book.id)).join(Author.books).group_by(Author.id).order_by(Author.id)).all()
    print(rows)
    print(s.execute(update(Book).where(Book.author_id == 2).values(title=Book.title + "!")).rowcount)
    print(s.scalars(select(Book.title).where(Book.author_id == 2)).all())
    s.execute(delete(Book).where(Book.title.like("%!")), execution_options={"synchronize_session": "fetch"})
    print(s.scalar(select(func.count()).select_from(Book)))
    for chunk in s.scalars(select(Book).order_by(Book.id).execution_options(yield_per=4)).partitions():
        print([b.id for b in chunk])
    print([(b.id, b.title) for b in s.scalars(insert(Book).returning(Book), [{"title": "x", "author_id": 3}, {"title": "y", "author_id": 3}]).all()])
    s.commit()
e2 = create_engine("sqlite://")
m = MetaData()
t = Table("t", m, Column("id", Integer, primary_key=True))
m.create_all(e2)
with e2.begin() as c:
    c.execute(insert(t), [{"id": i} for i in range(1, 8)])
    print([len(p) for p in c.execute(select(t)).partitions()])
    print([len(p) for p in c.execute(select(t)).partitions(3)])
    print([len(p) for p in c.execution_options(yield_per=2).execute(select(t)).partitions()])
    print([len(p) for p in c.execute(select(t).execution_options(yield_per=3)).partitions()])
    print([len(p) for p in c.execute(select(t).execution_options(stream_results=True, max_row_buffer=2)).partitions()])
with Session(e2) as s:
    print([len(p) for p in s.execute(select(t)).partitions()])
    print([len(p) for p in s.execute(select(t).execution_options(yield_per=5)).partitions()])
    print([len(p) for p in s.scalars(select(t.c.id).execution_options(yield_per=5)).partitions()])
