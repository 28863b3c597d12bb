# The keys of an ORM select's rows: SQLAlchemy's naming convention (count,
# id_1, _no_label; an entity by its class), not the labels of its SQL;
# and row.count naming a column.
from sqlalchemy import ForeignKey, create_engine, select, func, literal_column
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session, aliased
class Base(DeclarativeBase):
    pass
class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([User(name="a"), Address(user_id=1)])
    s.commit()
    for stmt in [select(User.id, Address.id).join(Address), select(User.id, User.id), select(func.count(User.id)),
                 select(func.count(User.id), func.max(User.id), func.count()), select(User.id + 1, User.name),
                 select(User, Address.id).join(Address), select(User.name, func.count(Address.id)).join(Address).group_by(User.name),
                 select(User.name.label("n"))]:
        r = s.execute(stmt)
        rows = r.all()
        print(list(r.keys()), [tuple(type(v).__name__ if isinstance(v, (User, Address)) else v for v in row) for row in rows])
    row = s.execute(select(User.name, func.count(Address.id)).join(Address).group_by(User.name)).one()
    print(row.count, row._mapping["name"])
    print(s.scalars(select(func.count()).select_from(User)).one())
