# aliased(): the same mapped class twice in one query (a self-join), named
# or anonymous, in the 2.0 select() and in the legacy Query; joins along a
# relationship to an alias with of_type().
from sqlalchemy import create_engine, ForeignKey, String, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, aliased


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[list["Address"]] = relationship(back_populates="user")

    def __repr__(self):
        return f"User({self.name!r})"


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(50))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")

    def __repr__(self):
        return f"Address({self.email!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([
        User(name="ada", addresses=[Address(email="ada@a.org"), Address(email="ada@b.org")]),
        User(name="bob", addresses=[Address(email="bob@a.org")]),
        User(name="cy"),
    ])
    session.commit()

    u1 = aliased(User)
    u2 = aliased(User, name="u2")
    pairs = session.execute(
        select(u1.name, u2.name).join_from(u1, u2, u1.id < u2.id).order_by(u1.id, u2.id)
    ).all()
    print(pairs)
    print(session.scalars(select(u1).where(u1.name != "ada").order_by(u1.name)).all())
    row = session.execute(select(User, u2).join(u2, User.id == u2.id + 1).order_by(User.id)).first()
    print(row, row._fields)
    print(select(u2).where(u2.name == "x"))

    # two addresses per user: the Address table twice
    a1 = aliased(Address)
    a2 = aliased(Address)
    stmt = (
        select(User.name, a1.email, a2.email)
        .join(a1, User.addresses.of_type(a1))
        .join(a2, User.addresses.of_type(a2))
        .where(a1.email < a2.email)
    )
    print(stmt)
    print(session.execute(stmt).all())
    stmt = select(User).join(User.addresses.of_type(a1)).where(a1.email.like("%@b.org"))
    print(session.scalars(stmt).all())

    # the legacy Query
    print(session.query(u1).filter(u1.name.startswith("b")).all())
    print(session.query(u1.name, func.count(a1.id)).join(a1, a1.user_id == u1.id).group_by(u1.name).order_by(u1.name).all())
