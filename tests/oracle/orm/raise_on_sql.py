# lazy="raise_on_sql" and raiseload(..., sql_only=True): a relationship
# that would need SQL raises; one the identity map can answer loads.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, raiseload


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[List["Address"]] = relationship(back_populates="user", lazy="raise_on_sql")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[Optional[User]] = relationship(back_populates="addresses", lazy="raise_on_sql")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="ada", addresses=[Address(email="a@x")]))
    session.commit()

with Session(engine) as session:
    a = session.scalars(select(Address)).one()
    try:
        a.user
    except InvalidRequestError as e:
        print("InvalidRequestError:", e)
    u = session.scalars(select(User)).one()
    print(a.user is u)
    try:
        u.addresses
    except InvalidRequestError as e:
        print("InvalidRequestError:", e)

with Session(engine) as session:
    u = session.scalars(select(User)).one()
    a = session.scalars(select(Address).options(raiseload(Address.user, sql_only=True))).one()
    print(a.user.name)
