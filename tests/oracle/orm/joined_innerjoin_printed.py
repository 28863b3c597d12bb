from typing import List, Optional
from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, joinedload, load_only, mapped_column, relationship, selectinload


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")
    tags: Mapped[List["Tag"]] = relationship(lazy="joined")


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    address_id: Mapped[Optional[int]] = mapped_column(ForeignKey("address.id"))
    word: Mapped[str]


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([
        User(name="spongebob", addresses=[Address(email="sb@x", tags=[Tag(word="a")])]),
        User(name="sandy", addresses=[Address(email="s1@x", tags=[Tag(word="b"), Tag(word="c")]), Address(email="s2@x")]),
    ])
    session.commit()

    # innerjoin=True: JOIN rather than LEFT OUTER JOIN
    stmt = select(Address).options(joinedload(Address.user, innerjoin=True)).order_by(Address.id)
    print(stmt)
    try:
        session.execute(stmt).all()
    except Exception as e:
        print(type(e).__name__, e)
    print(session.execute(select(Address).where(Address.id < 0)).all())
    for row in session.execute(stmt).unique():
        print(row.Address.email, row.Address.user.name, [t.word for t in row.Address.tags])
    print(session.scalars(stmt).first().email)
    for fetch in ("one", "one_or_none", "fetchone", "all"):
        try:
            getattr(session.execute(stmt.where(Address.id == 1)), fetch)()
        except Exception as e:
            print(fetch, type(e).__name__)
    print(session.scalars(stmt).unique().first().email)
    session.close()
    # printed as it runs: an explicit join and a joined load of the same table
    stmt = select(Address).join(Address.user).where(User.name == "sandy").options(joinedload(Address.user)).order_by(Address.id)
    print(stmt)
    print([a.email for a in session.scalars(stmt).unique()])
    session.close()
    # a relationship's own lazy="joined" (innerjoin=True) shows in the printed statement
    print(select(Address))
    print(select(Address).options(load_only(Address.email)))
    print(select(User).options(joinedload(User.addresses, innerjoin=True).joinedload(Address.user, innerjoin=True)))
    stmt = select(User).options(joinedload(User.addresses, innerjoin=True)).order_by(User.id)
    print(stmt)
    for user in session.scalars(stmt).unique():
        print(user.name, [a.email for a in user.addresses])
    session.close()
    stmt = select(User).options(selectinload(User.addresses).joinedload(Address.user, innerjoin=True))
    for user in session.scalars(stmt):
        print(user.name, [a.user.name for a in user.addresses])
