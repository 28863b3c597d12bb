# Deferred columns and synonyms in everyday queries: ORDER BY a synonym,
# get(), an aliased() entity of a class with a deferred column, defer()
# beside selectinload(), the legacy Query filtering on a synonym.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, synonym, aliased, selectinload, load_only, defer

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    bio: Mapped[Optional[str]] = mapped_column(deferred=True)
    login = synonym("name")
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")

class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[Optional[User]] = relationship(back_populates="addresses")

engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([User(name="ada", bio="x", addresses=[Address(email="a@x")]), User(name="bob")])
    s.commit()
with Session(engine) as s:
    print(s.scalars(select(User.login).order_by(User.login.desc())).all())
    u = s.get(User, 1)
    print(u.name, "bio" in u.__dict__)
    ua = aliased(User)
    rows = s.execute(select(Address, ua).join(ua, Address.user)).all()
    print([(a.email, x.name) for a, x in rows])
    us = s.scalars(select(User).options(selectinload(User.addresses).load_only(Address.email)) if False else select(User).options(selectinload(User.addresses), defer(User.name))).all()
    print([(x.id, len(x.addresses)) for x in us])
    print(s.query(User).filter(User.login == "bob").one().id)
