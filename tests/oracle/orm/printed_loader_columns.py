# print() of an ORM SELECT shows the columns it loads: a deferred column,
# load_only() and defer() leave theirs out, per entity
from sqlalchemy import ForeignKey, Text, select
from sqlalchemy.orm import DeclarativeBase, Mapped, defer, deferred, load_only, mapped_column, undefer


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    fullname: Mapped[str]


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    title: Mapped[str]
    summary: Mapped[str] = mapped_column(Text, deferred=True)


print(select(User, Book).join_from(User, Book).options(load_only(Book.title)))
print(select(User, Book).join_from(User, Book).options(load_only(User.name), load_only(Book.title)))
print(select(Book).options(defer(Book.title)))
print(select(Book))
print(select(Book).options(undefer(Book.summary)))
print(select(User.name, Book.title).join_from(User, Book))
