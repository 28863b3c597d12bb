# The legacy Query API: filter, filter_by, order_by, first, one, count, get, join.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session
from sqlalchemy.exc import NoResultFound, MultipleResultsFound


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    books: Mapped[List["Book"]] = relationship(back_populates="author")

    def __repr__(self):
        return f"Author({self.name})"


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(30))
    pages: Mapped[int]
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Optional[Author]] = relationship(back_populates="books")

    def __repr__(self):
        return f"Book({self.title})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    le, ha = Author(name="Le Guin"), Author(name="Herbert")
    s.add_all([Book(title="Earthsea", pages=200, author=le), Book(title="Dispossessed", pages=380, author=le),
               Book(title="Dune", pages=600, author=ha), Book(title="Anon", pages=10)])
    s.commit()
    print(s.query(Book).order_by(Book.title).all())
    print(s.query(Book).filter(Book.pages > 250).order_by(Book.pages.desc()).first())
    print(s.query(Book).filter_by(title="Dune").one())
    print(s.query(Book).count(), s.query(Book).filter(Book.author_id.is_(None)).count())
    print(s.query(Book).get(2))
    print(s.query(Book.title, Book.pages).filter(Book.pages < 300).order_by(Book.id).all())
    print(s.query(Book).join(Book.author).filter(Author.name == "Herbert").all())
    print(s.query(Author).join(Author.books).filter(Book.pages > 300).order_by(Author.name).all())
    print(s.query(Book).order_by(Book.id).limit(2).offset(1).all())
    print(s.query(Book).filter(Book.title == "zzz").one_or_none())
    try:
        s.query(Book).one()
    except MultipleResultsFound as e:
        print(type(e).__name__, e)
    try:
        s.query(Book).filter(Book.id == 99).one()
    except NoResultFound as e:
        print(type(e).__name__, e)
    print(s.query(func.count(Book.id)).scalar())
    print([b.title for b in s.query(Book).filter(Book.title.like("D%")).order_by(Book.title)])
