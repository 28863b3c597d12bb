# deferred_group= loads a group's columns together; undefer_group() and
# undefer("*"); query_expression() filled by with_expression() (also from a
# UNION through from_statement), None otherwise, or its default_expr.
from typing import Optional

from sqlalchemy import ForeignKey, LargeBinary, Text, create_engine, func, literal, select, union_all
from sqlalchemy.orm import (DeclarativeBase, Mapped, Session, mapped_column, query_expression, undefer,
                            undefer_group, with_expression)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    fullname: Mapped[Optional[str]]
    book_count: Mapped[int] = query_expression()


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    title: Mapped[str]
    summary: Mapped[str] = mapped_column(Text, deferred=True, deferred_group="book_attrs")
    cover_photo: Mapped[bytes] = mapped_column(LargeBinary, deferred=True, deferred_group="book_attrs")
    notes: Mapped[Optional[str]] = mapped_column(deferred=True)
    tag: Mapped[str] = query_expression(literal("plain"))


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="spongebob", fullname="Bob"), User(name="sandy", fullname="Sandy")])
    session.flush()
    session.add_all([Book(owner_id=1, title="a", summary="s1", cover_photo=b"x", notes="n"),
                     Book(owner_id=1, title="b", summary="s2", cover_photo=b"y"),
                     Book(owner_id=2, title="c", summary="s3", cover_photo=b"z")])
    session.commit()

with Session(engine) as session:
    book = session.scalar(select(Book).where(Book.id == 2))
    print(book.cover_photo, book.summary, book.notes, book.tag)
    book = session.scalar(select(Book).where(Book.id == 1).options(undefer_group("book_attrs")))
    print(book.summary, book.cover_photo)
    print(book.notes)
    book = session.scalar(select(Book).where(Book.id == 3).options(undefer("*")))
    print(book.summary, book.notes)

with Session(engine) as session:
    user = session.get(User, 1)
    print(user.book_count)
    session.expunge_all()
    stmt = (select(User).join_from(User, Book).group_by(Book.owner_id)
            .options(with_expression(User.book_count, func.count(Book.id))))
    print(stmt)
    for user in session.scalars(stmt):
        print(user.name, user.book_count)
    session.expunge_all()
    s1 = select(User, func.count(Book.id).label("book_count")).join_from(User, Book).where(User.name == "spongebob")
    s2 = select(User, func.count(Book.id).label("book_count")).join_from(User, Book).where(User.name == "sandy")
    u = union_all(s1, s2)
    orm_stmt = select(User).from_statement(u).options(with_expression(User.book_count, u.selected_columns.book_count))
    for user in session.scalars(orm_stmt):
        print(user.name, user.book_count)
print(select(func.count(Book.id).label(None), func.max(Book.id).label(None), (Book.id + 1).label(None)))
