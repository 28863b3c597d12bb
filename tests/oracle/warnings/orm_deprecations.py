# Deprecations SQLAlchemy 2.1 warns of in ORM set-ups: lazy="noload" (at
# mapper configuration), the noload() option, and column_property()'s
# dataclass parameters.
from sqlalchemy import ForeignKey, create_engine, select, literal_column
from sqlalchemy.orm import DeclarativeBase, MappedAsDataclass, Mapped, mapped_column, relationship, Session, noload, column_property


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    addresses: Mapped[list["Address"]] = relationship(lazy="noload")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))


class DataBase(MappedAsDataclass, DeclarativeBase):
    pass


class Item(DataBase):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True, init=False)
    price: Mapped[int]
    qty: Mapped[int]
    total: Mapped[int] = column_property(literal_column("price * qty"), init=False)
    half: Mapped[int] = column_property(literal_column("price / 2"), default=None, kw_only=True)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
DataBase.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="a", addresses=[Address()]))
    session.add(Item(price=3, qty=4))
    session.commit()
    u = session.scalars(select(User).options(noload(User.addresses))).first()
    print(u.addresses, session.scalars(select(Item)).one())
