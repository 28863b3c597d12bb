# Warnings the ORM gives a learner: legacy Query.get(), a backref'd child
# outside the session, unary distinct() in an ORM query, Row._t.
from sqlalchemy import ForeignKey, String, create_engine, select, distinct
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[list["Address"]] = relationship(back_populates="user", cascade="all, delete-orphan")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped["User"] = relationship(back_populates="addresses")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="ada"), User(name="bob"), User(name="ada")])
    session.commit()
    print(session.query(User).get(1).name)
    print(session.scalars(select(distinct(User.name)).order_by(User.name)).all())
    print(session.query(distinct(User.name)).count())
    row = session.execute(select(User.id, User.name)).first()
    print(row._t)
