from typing import List
from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, joinedload, selectinload, defer, deferred


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    books: Mapped[List["Book"]] = relationship(back_populates="owner", order_by="Book.id")


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    title: Mapped[str]
    summary: Mapped[str] = mapped_column(deferred=True)
    cover: Mapped[str]
    owner: Mapped[User] = relationship(back_populates="books")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="a", books=[Book(title="A", summary="sa", cover="ca"), Book(title="B", summary="sb", cover="cb")]), User(name="b")])
    session.commit()
    for u in session.scalars(select(User).options(joinedload(User.books))).unique():
        print(u.name, [b.title for b in u.books])
    print(u.books and u.books[0].summary)
    session.close()
    for u in session.scalars(select(User).options(joinedload(User.books).load_only(Book.title))).unique():
        print(u.name, [b.title for b in u.books])
    session.close()
    for u in session.scalars(select(User).order_by(User.id).options(joinedload(User.books).undefer(Book.summary).defer(Book.cover, raiseload=True))).unique():
        print(u.name, [(b.title, b.summary) for b in u.books])
    try:
        session.scalars(select(Book)).first().cover
    except Exception as e:
        print(type(e).__name__, e)
    session.close()
    books = session.scalars(select(Book).options(joinedload(Book.owner).load_only(User.id))).all()
    print([b.owner.id for b in books], books[0].owner.name)
    session.close()
    for u in session.scalars(select(User).order_by(User.id).options(selectinload(User.books).joinedload(Book.owner).load_only(User.id))):
        print(u.name, [(x.title, x.owner.id, "name" in x.owner.__dict__) for x in u.books])
