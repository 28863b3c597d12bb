# contains_eager() (a join the query makes fills the relationship),
# immediateload() and subqueryload(): the other eager loaders.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import (DeclarativeBase, Mapped, mapped_column, relationship, Session, contains_eager,
    immediateload, subqueryload)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[List["Address"]] = relationship(back_populates="user", order_by="Address.id")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[Optional[User]] = relationship(back_populates="addresses")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="ada", addresses=[Address(email="a1@x"), Address(email="a2@x")]),
                     User(name="bob", addresses=[Address(email="b1@x")]), User(name="cy")])
    session.commit()

with Session(engine) as session:
    addrs = session.scalars(select(Address).join(Address.user).where(User.name != "cy").options(contains_eager(Address.user)).order_by(Address.id)).all()
    print([(a.email, a.user.name) for a in addrs])

with Session(engine) as session:
    users = session.scalars(select(User).join(User.addresses).where(Address.email.like("a%")).options(contains_eager(User.addresses))).unique().all()
    print([(u.name, [a.email for a in u.addresses]) for u in users])

with Session(engine) as session:
    users = session.scalars(select(User).options(immediateload(User.addresses)).order_by(User.id)).all()
    print([(u.name, len(u.addresses)) for u in users])

with Session(engine) as session:
    users = session.scalars(select(User).where(User.id < 3).options(subqueryload(User.addresses)).order_by(User.name)).all()
    print([(u.name, [a.email for a in u.addresses]) for u in users])
