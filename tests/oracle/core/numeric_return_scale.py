# How Numeric, Float and Double return results on SQLite: Decimals at
# decimal_return_scale (else the type's scale, else 10) when asdecimal,
# the value as stored when not; also through functions and the ORM.
from decimal import Decimal
from sqlalchemy import MetaData, Table, Column, Integer, Numeric, Float, Double, create_engine, insert, select, cast, func

engine = create_engine("sqlite://")
metadata = MetaData()
t = Table(
    "t", metadata,
    Column("id", Integer, primary_key=True),
    Column("a", Numeric(10, 2, decimal_return_scale=4)),
    Column("b", Numeric(decimal_return_scale=3)),
    Column("c", Float(asdecimal=True)),
    Column("d", Float(asdecimal=True, decimal_return_scale=2)),
    Column("e", Numeric(asdecimal=False)),
    Column("f", Numeric(10, 3)),
)
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), {"a": Decimal("1.23456"), "b": 2.718281828, "c": 1.0 / 3, "d": 2.5678, "e": Decimal("1.5"), "f": 7})
    for row in conn.execute(select(t)):
        print(row)
    print(conn.execute(select(cast(t.c.f, Numeric(10, 1)), cast(t.c.c, Float))).all())
    print(repr(t.c.a.type), repr(t.c.c.type), repr(t.c.d.type))
    print(conn.execute(select(func.sum(t.c.a), func.max(t.c.e), func.min(t.c.d))).one())
    conn.execute(insert(t), {"a": 5, "e": 7, "f": 1.5, "c": 3, "d": 0})
    print(conn.execute(select(t.c.a, t.c.e, t.c.f, t.c.c, t.c.d).where(t.c.id == 2)).one())


from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Reading(Base):
    __tablename__ = "reading"
    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[float] = mapped_column(Numeric(8, 3, asdecimal=False))
    exact: Mapped[Decimal] = mapped_column(Double(asdecimal=True, decimal_return_scale=3))
    rounded: Mapped[Decimal] = mapped_column(Numeric(8, 1, decimal_return_scale=2))


Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Reading(value=1.25, exact=2.0 / 3, rounded=Decimal("1.26")), Reading(value=4, exact=1, rounded=3)])
    session.commit()
    for r in session.scalars(select(Reading).order_by(Reading.id)):
        print(repr(r.value), repr(r.exact), repr(r.rounded))
    print(session.execute(select(func.avg(Reading.value), func.sum(Reading.exact))).one())
