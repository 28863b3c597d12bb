# ORM queries that aggregate: group_by with having, a labelled count,
# distinct, a subquery joined back, and exists() in a where clause.
from sqlalchemy import create_engine, ForeignKey, String, select, func, exists
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    books: Mapped[list["Book"]] = relationship(back_populates="author")


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    genre: Mapped[str] = mapped_column(String(20))
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Author] = relationship(back_populates="books")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    le_guin = Author(name="Le Guin", books=[Book(title="Earthsea", genre="fantasy"), Book(title="Dispossessed", genre="sf")])
    herbert = Author(name="Herbert", books=[Book(title="Dune", genre="sf")])
    session.add_all([le_guin, herbert, Author(name="Nobody")])
    session.commit()

    n = func.count(Book.id).label("n")
    stmt = select(Author.name, n).join(Author.books).group_by(Author.name).having(n > 1)
    print(session.execute(stmt).all())
    print(session.scalars(select(Book.genre).distinct().order_by(Book.genre)).all())
    counts = select(Book.author_id, func.count().label("books")).group_by(Book.author_id).subquery()
    stmt = select(Author.name, counts.c.books).join(counts, Author.id == counts.c.author_id).order_by(counts.c.books.desc(), Author.name)
    print(session.execute(stmt).all())
    has_sf = exists().where(Book.author_id == Author.id, Book.genre == "sf")
    print(session.scalars(select(Author.name).where(has_sf).order_by(Author.name)).all())
    print(session.scalars(select(Author.name).where(~Author.books.any()).order_by(Author.name)).all())
