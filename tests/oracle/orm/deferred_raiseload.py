# raiseload=True on defer()/load_only() and mapped_column(deferred_raiseload=True):
# a left-out column raises instead of loading, until a query loads it or
# the object expires as a whole.
from typing import Optional
from sqlalchemy import create_engine, String, Text, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, defer, load_only, undefer


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    summary: Mapped[Optional[str]] = mapped_column(Text)
    cover: Mapped[Optional[bytes]] = mapped_column(deferred=True, deferred_raiseload=True)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Book(title="Earthsea", summary="wizards", cover=b"x"))
    session.commit()
with Session(engine) as session:
    b = session.scalars(select(Book).options(defer(Book.summary, raiseload=True))).one()
    for attr in ("summary", "cover"):
        try:
            getattr(b, attr)
        except InvalidRequestError as e:
            print("InvalidRequestError:", e)
    b2 = session.scalars(select(Book).options(load_only(Book.title, raiseload=True), undefer(Book.cover))).one()
    print(b2 is b, b2.cover)
    session.expire(b)
    print(b.title, b.summary)
