# Many-to-many declared once with backref=.
from sqlalchemy import create_engine, Column, ForeignKey, Integer, String, Table, select
from sqlalchemy.orm import DeclarativeBase, relationship, Session


class Base(DeclarativeBase):
    pass


link = Table("author_book", Base.metadata, Column("author_id", ForeignKey("author.id"), primary_key=True), Column("book_id", ForeignKey("book.id"), primary_key=True))


class Author(Base):
    __tablename__ = "author"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    books = relationship("Book", secondary=link, backref="authors", order_by="Book.title")


class Book(Base):
    __tablename__ = "book"
    id = Column(Integer, primary_key=True)
    title = Column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    good = Book(title="Good Omens")
    s.add_all([Author(name="Pratchett", books=[good, Book(title="Mort")]), Author(name="Gaiman", books=[good])])
    s.commit()
    print(sorted(a.name for a in good.authors), [b.title for b in s.scalars(select(Author).where(Author.name == "Pratchett")).one().books])
    print(s.scalars(select(Book.title).where(Book.authors.any(Author.name == "Gaiman"))).all())
