# Session.merge(): copies a detached or transient object's state onto the
# session's own copy (loaded by primary key, or made new), and returns that
# copy; the object given stays outside the session. Cascades along
# relationships.
from sqlalchemy import create_engine, ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(50))
    addresses: Mapped[list["Address"]] = relationship(back_populates="user")

    def __repr__(self):
        return f"User({self.id}, {self.name!r}, {self.email!r})"


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    street: Mapped[str] = mapped_column(String(50))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped["User | None"] = relationship(back_populates="addresses")

    def __repr__(self):
        return f"Address({self.id}, {self.street!r})"


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(User(id=1, name="ada", email="ada@example.com"))
    session.commit()

# a detached copy, edited outside any session
detached = User(id=1, name="Ada Lovelace")
with Session(engine) as session:
    merged = session.merge(detached)
    print(merged is detached, merged, detached in session, merged in session)
    print(session.dirty, merged.email)
    session.commit()

# merging an object already in the identity map: no SELECT
with Session(engine) as session:
    ada = session.get(User, 1)
    m = session.merge(User(id=1, name="ada again", email=None))
    print(m is ada, ada)
    # a new primary key: a SELECT finds nothing, a new pending object
    new = session.merge(User(id=2, name="bob"))
    print(new, new in session.new)
    # no primary key at all: pending, no SELECT
    anon = session.merge(User(name="cy"))
    print(anon in session.new)
    # cascades to related objects
    u = User(id=3, name="dee", addresses=[Address(street="1 Main St")])
    mu = session.merge(u)
    print(mu.addresses, mu.addresses[0] is u.addresses[0], len(session.new))
    session.commit()
    print(session.scalars(select(User).order_by(User.id)).all())
    print(session.scalars(select(Address)).all())

with Session(engine) as session:
    m = session.merge(User(id=2, name="bob", email="bob@example.com"), load=True)
    session.flush()
    print(m)
    # load=False needs a clean object
    try:
        session.merge(User(id=5, name="x"), load=False)
    except Exception as e:
        print(type(e).__name__, e)
