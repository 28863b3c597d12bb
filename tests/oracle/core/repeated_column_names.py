# Columns of the same name in one SELECT: SQLAlchemy labels another
# table's column with its anonymous name (numbered with the binds: `a_1`,
# then `:a_2`), the same column again with a "dedupe" label (`a__1`), and
# a result's keys are those labels.
from sqlalchemy import MetaData, Table, Column, Integer, String, ForeignKey, create_engine, select, insert
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

metadata = MetaData()
t = Table("t", metadata, Column("id", Integer, primary_key=True), Column("a", Integer), Column("b", String(10)))
u = Table("u", metadata, Column("id", Integer, primary_key=True), Column("a", Integer), Column("t_id", ForeignKey("t.id")))
v = Table("v", metadata, Column("id", Integer, primary_key=True), Column("a", Integer))

engine = create_engine("sqlite://")
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}])
    conn.execute(insert(u), [{"a": 10, "t_id": 1}])
    conn.execute(insert(v), [{"a": 20}])
    for stmt in [
        select(t.c.a, t.c.a),
        select(t.c.a, t.c.a, t.c.a),
        select(t.c.id, u.c.id).join_from(t, u),
        select(t, u).join_from(t, u),
        select(t.c.a, u.c.a).join_from(t, u).where(t.c.a == 1).where(u.c.a > 5),
        select(t.c.a, u.c.a, v.c.a, t.c.a).join_from(t, u).join(v, v.c.id == u.c.id),
        select(t.c.a, u.c.a, u.c.a).join_from(t, u),
    ]:
        print(str(stmt))
        r = conn.execute(stmt)
        print(list(r.keys()), r.all())


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


Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([User(name="ada"), Address(user_id=1)])
    session.commit()
    r = session.execute(select(User.id, Address.id).join(Address))
    print(list(r.keys()), r.all())
    row = session.execute(select(User.name, Address.id, User.id).join(Address)).one()
    print(row._mapping["id"], row.id_1 if hasattr(row, "id_1") else None)
