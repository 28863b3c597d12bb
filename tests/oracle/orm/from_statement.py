# select(Entity).from_statement(): objects loaded from text, a TextualSelect,
# a UNION; options before and after; the ORM statement's cache key differs
# from the Core statement's of the same SQL.
from sqlalchemy import ForeignKey, String, create_engine, select, text, union_all
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, selectinload


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[str | None]
    addresses: Mapped[list["Address"]] = relationship(back_populates="user")

    def __repr__(self):
        return f"User(id={self.id!r}, name={self.name!r})"


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="sandy", fullname="Sandy", addresses=[Address(email="s@a")]),
                     User(name="pat", fullname="Pat"), User(name="spongebob", fullname="Bob")])
    session.commit()

with Session(engine) as session:
    plain = select(User).from_statement(text("SELECT * FROM user_account ORDER BY id DESC"))
    print(plain)
    print(session.scalars(plain).all())
    cols = text("SELECT id, name FROM user_account ORDER BY id").columns(User.id, User.name)
    users = session.execute(select(User).from_statement(cols)).scalars().all()
    print(users, [u.fullname for u in users])

    u_table = User.__table__
    core = union_all(select(u_table).where(u_table.c.name == "sandy"), select(u_table).where(u_table.c.name == "pat"))
    print(session.connection().execute(core).all())
    orm = union_all(select(User).where(User.name == "sandy"), select(User).where(User.name == "pat"))
    for user in session.execute(select(User).from_statement(orm)).scalars():
        print(user, [a.email for a in user.addresses])

with Session(engine) as session:
    stmt = select(User).options(selectinload(User.addresses)).from_statement(
        text("SELECT id, name, fullname FROM user_account WHERE id < :n ORDER BY id"))
    for user in session.scalars(stmt, {"n": 3}):
        print(user, [a.email for a in user.addresses])
    again = select(User).from_statement(text("SELECT * FROM user_account WHERE id = 1"))
    print(session.execute(again).scalar_one() is session.get(User, 1))
