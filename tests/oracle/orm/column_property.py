# column_property(): SQL expressions mapped as read-only attributes, loaded
# with their object (an expression of the row's columns, a correlated
# scalar subquery), usable in queries; deferred ones load on access.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, column_property


class Base(DeclarativeBase):
    pass


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(50))
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    firstname: Mapped[str] = mapped_column(String(30))
    lastname: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[str] = column_property(firstname + " " + lastname)
    address_count: Mapped[int] = column_property(
        select(func.count(Address.id)).where(Address.user_id == id).correlate_except(Address).scalar_subquery(),
        deferred=True,
    )
    addresses: Mapped[List[Address]] = relationship()


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    u = User(firstname="Ada", lastname="Lovelace", addresses=[Address(email="a@x"), Address(email="b@x")])
    session.add_all([u, User(firstname="Bob", lastname="Smith")])
    print(u.fullname)
    session.commit()
    print(u.fullname)
    print(u.address_count)
    users = session.scalars(select(User).where(User.fullname.like("B%"))).all()
    print([x.fullname for x in users])
    print(session.scalars(select(User.fullname).order_by(User.fullname.desc())).all())
    u.lastname = "King"
    session.flush()
    print(u.fullname)
    session.expire(u)
    print(u.fullname, u.address_count)
    print(sorted(User.__mapper__.column_attrs.keys()))
    print(session.execute(select(User.firstname, User.address_count).order_by(User.id)).all())
