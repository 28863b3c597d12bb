# A relationship join starts from the relationship's parent (an aliased
# class's alias), and a table a JOIN in the FROM list covers is not listed
# again (select_from() overridden, as SQLAlchemy's _hide_froms does).
from sqlalchemy import ForeignKey, create_engine, join, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, aliased, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    addresses: Mapped[list["Address"]] = relationship(back_populates="user")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    email: Mapped[str]
    user: Mapped[User] = relationship(back_populates="addresses")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="sandy", addresses=[Address(email="s@a")]), User(name="pat")])
    session.commit()
    stmt = select(Address).select_from(User).join(Address.user).where(User.name == "sandy")
    print(stmt)
    print(session.scalars(stmt).all()[0].email)
    user_table, address_table = User.__table__, Address.__table__
    j = address_table.join(user_table, user_table.c.id == address_table.c.user_id)
    core = select(address_table).select_from(user_table).select_from(j).where(user_table.c.name == "sandy")
    print(core)
    print(session.execute(core).all())
    ua = aliased(User)
    stmt = select(ua.name).join(ua.addresses)
    print(stmt)
    print(session.execute(stmt).all())
    stmt = select(User.name).join(User.addresses).join(Address.user.of_type(ua))
    print(stmt)
