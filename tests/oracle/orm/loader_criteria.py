# with_loader_criteria(): a class's extra criteria in every SELECT of it the
# statement makes (its WHERE, a JOIN's ON, selectin loads) and in the lazy
# loads of the objects it loaded; a lambda receives the class.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, selectinload, with_loader_criteria

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
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
    s.add_all([User(name="ada", addresses=[Address(email="a@x"), Address(email="foo")]), User(name="bob", addresses=[Address(email="foo")])])
    s.commit()
with Session(engine) as s:
    users = s.scalars(select(User).options(selectinload(User.addresses), with_loader_criteria(Address, Address.email != "foo")).order_by(User.id)).all()
    print([(u.name, [a.email for a in u.addresses]) for u in users])
with Session(engine) as s:
    users = s.scalars(select(User).options(with_loader_criteria(Address, Address.email != "foo")).order_by(User.id)).all()
    print([(u.name, [a.email for a in u.addresses]) for u in users])
    print(s.scalars(select(Address.email).options(with_loader_criteria(Address, Address.email != "foo"))).all())
    print(s.scalars(select(Address).options(with_loader_criteria(Address, Address.email != "foo"))).all() != [])
    print(s.scalars(select(User.name).join(User.addresses).options(with_loader_criteria(Address, Address.email != "foo"))).all())
with Session(engine) as s:
    addrs = s.scalars(select(Address).options(with_loader_criteria(User, User.name != "bob")).order_by(Address.id)).all()
    print([(a.email, a.user.name if a.user else None) for a in addrs])
    users = s.scalars(select(User).options(with_loader_criteria(Address, lambda cls: cls.email.like("%@x"))).order_by(User.id)).all()
    print([len(u.addresses) for u in users])
