# Rows of several entities and columns; Row attributes by class name.
from typing import List
from sqlalchemy import create_engine, ForeignKey, String, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")

    def __repr__(self):
        return f"User({self.name!r})"


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")

    def __repr__(self):
        return f"Address({self.email!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([User(name="ann", addresses=[Address(email="a@x"), Address(email="a@y")]), User(name="bob")])
    s.commit()
    for row in s.execute(select(User, Address).join(User.addresses).order_by(Address.id)):
        print(row.User, row.Address, row.User is row[0])
    print(s.execute(select(User.name, func.count(Address.id)).outerjoin(User.addresses).group_by(User.id).order_by(User.name)).all())
    print(s.execute(select(User).where(User.name == "bob")).one())
    print(s.execute(select(User, User.name.label("n")).order_by(User.id)).all())
    print(s.scalars(select(Address).join(Address.user).where(User.name == "ann").order_by(Address.email.desc())).all())
