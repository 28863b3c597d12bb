# MappedAsDataclass with the attributes added this session: a deferred
# column with a default, a column_property (init=False), a write-only
# collection; refresh() and a query of the expression.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select, func
from sqlalchemy.orm import DeclarativeBase, MappedAsDataclass, Mapped, mapped_column, relationship, Session, column_property, deferred, synonym, WriteOnlyMapped


class Base(MappedAsDataclass, DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    first: Mapped[str] = mapped_column(String(20))
    last: Mapped[str] = mapped_column(String(20))
    bio: Mapped[Optional[str]] = mapped_column(default=None, deferred=True)
    full: Mapped[str] = column_property(first + " " + last, init=False)
    books: WriteOnlyMapped["Book"] = relationship(init=False, repr=False)


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    title: Mapped[str]
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("author.id"), default=None)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    a = Author("Ursula", "Le Guin", bio="wrote")
    print(a)
    s.add(a)
    s.flush()
    a.books.add(Book("Earthsea"))
    s.commit()
    print(a)
    print(s.scalars(a.books.select()).all())
    s.refresh(a)
    print(a.full, "bio" in a.__dict__)
    print(s.scalars(select(Author.full).order_by(Author.last)).all())
