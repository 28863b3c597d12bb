"""primaryjoin= written foreign key first: lazy loads, joins, EXISTS and
joinedload keep each term as written; learners' mistakes in a join condition."""
from typing import List, Optional

from sqlalchemy import ForeignKey, Integer, String, create_engine, select
from sqlalchemy.exc import ArgumentError, InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, joinedload, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    books: Mapped[List["Book"]] = relationship(primaryjoin="Book.author_id == Author.id", back_populates="author")

    def __repr__(self):
        return f"Author({self.name!r})"


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("author.id"))
    title: Mapped[str] = mapped_column(String(30))
    author: Mapped[Optional[Author]] = relationship(primaryjoin=lambda: Book.author_id == Author.id, back_populates="books")

    def __repr__(self):
        return f"Book({self.title!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Author(name="Le Guin", books=[Book(title="Earthsea"), Book(title="The Dispossessed")]))
    session.add(Book(title="Anonymous"))
    session.commit()
    a = session.scalars(select(Author)).one()
    print(a.books)
    b = session.get(Book, 3)
    print(b.author)
    print(session.scalars(select(Book).join(Book.author).order_by(Book.id)).all())
    print(session.scalars(select(Author).join(Author.books).where(Book.title.like("%sea"))).all())
    print(session.scalars(select(Author).where(Author.books.any(Book.title == "Earthsea"))).all())
    print(session.scalars(select(Book).where(Book.author == a)).all())
    print(session.scalars(select(Book).where(Book.author.has(Author.name == "Le Guin"))).all())
    session.expunge_all()
    print(session.scalars(select(Book).options(joinedload(Book.author)).order_by(Book.id)).all())
    print(session.scalars(select(Author).options(joinedload(Author.books))).unique().one().books)


class Base2(DeclarativeBase):
    pass


class Shop(Base2):
    __tablename__ = "shop"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(Integer)
    items: Mapped[List["Item"]] = relationship(primaryjoin="Shop.id == Item.shop_id")


class Item(Base2):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    shop_id: Mapped[int] = mapped_column(Integer)


try:
    Base2.registry.configure()
except ArgumentError as e:
    print(type(e).__name__, e)


class Base3(DeclarativeBase):
    pass


class Team(Base3):
    __tablename__ = "team"
    id: Mapped[int] = mapped_column(primary_key=True)
    players: Mapped[List["Player"]] = relationship(primaryjoin="Team.id == Playr.team_id")


class Player(Base3):
    __tablename__ = "player"
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))


try:
    Base3.registry.configure()
except InvalidRequestError as e:
    print(type(e).__name__, e)
