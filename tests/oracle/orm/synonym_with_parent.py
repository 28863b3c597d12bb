# synonym(), with_parent() and the populate_existing execution option.
from typing import List, Optional
from sqlalchemy import create_engine, ForeignKey, String, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session, synonym, with_parent


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    username = synonym("name")
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[Optional[User]] = relationship(back_populates="addresses")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    u = User(username="ada", addresses=[Address(email="a@x"), Address(email="b@x")])
    session.add_all([u, User(name="bob", addresses=[Address(email="c@x")])])
    session.commit()
    print(u.username, u.name)
    u.username = "ada l."
    print(u.name, session.is_modified(u))
    session.flush()
    print(session.scalars(select(User.username).where(User.username.like("b%"))).all())
    print(session.scalars(select(User).where(User.username == "bob")).one().name)
    print([a.email for a in session.scalars(select(Address).where(with_parent(u, User.addresses)).order_by(Address.email))])
    print(session.execute(select(Address.email).where(with_parent(u, User.addresses))).all())
    bob = session.scalars(select(User).filter_by(username="bob")).one()
    print(bob.username)
    # populate_existing: loaded objects take the row's values again
    session.commit()
    session.execute(select(User)).all()
    u.name = "changed"
    print(u.name)
    session.flush()
    session.execute(update(User).where(User.id == u.id).values(name="from sql").execution_options(synchronize_session=False))
    print(u.name)
    users = session.scalars(select(User).order_by(User.id).execution_options(populate_existing=True)).all()
    print([x.name for x in users], session.is_modified(u))
    print(User.username == "x")
    print(repr(User.__mapper__.attrs.username) if False else sorted(User.__mapper__.attrs.keys()))
