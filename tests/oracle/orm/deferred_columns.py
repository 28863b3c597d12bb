# Deferred column loading: deferred() / mapped_column(deferred=True), and the
# load_only(), defer() and undefer() options; the deferred column loads
# alone, on first access.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, Text, select
from sqlalchemy.orm import (DeclarativeBase, Mapped, mapped_column, relationship, Session, deferred,
    load_only, defer, undefer, selectinload)


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    summary: Mapped[str] = mapped_column(Text, deferred=True)
    cover: Mapped[Optional[bytes]] = mapped_column(deferred=True)
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Optional["Author"]] = relationship(back_populates="books")

    def __repr__(self):
        return f"Book({self.title!r})"


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    bio: Mapped[Optional[str]] = mapped_column(Text)
    books: Mapped[List[Book]] = relationship(back_populates="author", order_by=Book.id)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Author(name="Le Guin", bio="wrote", books=[
        Book(title="Earthsea", summary="wizards", cover=b"\x01"), Book(title="Dispossessed", summary="anarchists")]))
    session.commit()

with Session(engine) as session:
    books = session.scalars(select(Book).order_by(Book.id)).all()
    print(books, "summary" in books[0].__dict__)
    print(books[0].summary)
    print(books[0].cover, books[1].cover)
    print(sorted(k for k in books[0].__dict__ if not k.startswith("_")))

with Session(engine) as session:
    b = session.scalars(select(Book).options(undefer(Book.summary)).where(Book.id == 1)).one()
    print(b.summary, "cover" in b.__dict__)

with Session(engine) as session:
    authors = session.scalars(select(Author).options(load_only(Author.name))).all()
    print([a.name for a in authors], "bio" in authors[0].__dict__)
    print(authors[0].bio)
    a = session.scalars(select(Author).options(defer(Author.bio))).one()
    print(a is authors[0], a.bio)

with Session(engine) as session:
    a = session.scalars(select(Author).options(defer(Author.bio))).one()
    books = a.books
    print(books, "summary" in books[0].__dict__)
    a.name = "Ursula K. Le Guin"
    session.commit()
    print(a.name, a.bio)
    b = books[0]
    print(b.title)
    print(b.summary)
    session.commit()
    print(b.summary, b.title)
    session.expire(b, ["summary", "title"])
    print(b.title)
    print(b.summary)

with Session(engine) as session:
    authors = session.scalars(select(Author).options(selectinload(Author.books), load_only(Author.id))).all()
    print([(a.id, [b.title for b in a.books]) for a in authors])
    print(session.execute(select(Book.title, Book.summary).order_by(Book.title)).all())
    row = session.execute(select(Author, Book).join(Author.books).options(load_only(Book.title), defer(Author.name)).order_by(Book.id)).first()
    print(row[1], row[0].name, row[1].author_id)
