# MappedAsDataclass: __init__, __repr__ and __eq__ generated from the mapped
# attributes as dataclasses does (init=False, default, default_factory,
# kw_only, repr=False), relationships included.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, MappedAsDataclass, Mapped, mapped_column, relationship, Session


class Base(MappedAsDataclass, DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[Optional[str]] = mapped_column(default=None)
    password: Mapped[str] = mapped_column(default="secret", repr=False)
    addresses: Mapped[List["Address"]] = relationship(default_factory=list, back_populates="user")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    email: Mapped[str]
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"), init=False)
    user: Mapped[Optional[User]] = relationship(default=None, back_populates="addresses")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
u = User("ada", fullname="Ada Lovelace")
print(u)
u2 = User(name="bob")
print(u2, u2.password)
a = Address("a@x", user=u)
print(a, u.addresses)
print(User("x") == User("x"), User("x") == User("y"))
try:
    User()
except TypeError as e:
    print("TypeError:", e)
try:
    User("x", id=5)
except TypeError as e:
    print("TypeError:", e)
with Session(engine) as session:
    session.add_all([u, u2])
    session.commit()
    print(u)
    found = session.scalars(select(User).order_by(User.id)).all()
    print(found)
    print(found[0] == u, found[0] is u)
import dataclasses
print([f.name for f in dataclasses.fields(User)])
print(dataclasses.is_dataclass(u))


class Tag(Base, kw_only=True):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(init=False, primary_key=True)
    label: Mapped[str] = mapped_column(String(20))
    weight: Mapped[int] = mapped_column(default_factory=lambda: 1)
    notes: Mapped[Optional[str]] = mapped_column(default=None, compare=False)


Base.metadata.create_all(engine)
t = Tag(label="x")
print(t, t == Tag(label="x", notes="different"), t == Tag(label="x", weight=2))
try:
    Tag("x")
except TypeError as e:
    print("TypeError:", e)
with Session(engine) as session:
    session.add_all([t, Tag(label="y", weight=3)])
    session.flush()
    print(session.scalars(select(Tag).order_by(Tag.id)).all())
    user = session.get(User, 1)
    extra = Address("z@x")
    user.addresses.append(extra)
    session.flush()
    user.addresses.remove(extra)
    session.delete(session.get(User, 2))
    session.commit()
    print(user, session.scalars(select(Address.email).order_by(Address.id)).all())
    print(session.scalars(select(Address).where(Address.user_id.is_(None))).all())
