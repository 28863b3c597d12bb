# Numeric, Float and Double send what float() makes of their values
# (SQLAlchemy's to_float bind processor, as SQLite has no decimal type):
# text that is a number goes as a float, other text is a StatementError
# around float()'s ValueError, in Core and in a flush.
from decimal import Decimal
from sqlalchemy import MetaData, Table, Column, Integer, Numeric, Float, Double, String, create_engine, insert, select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session

engine = create_engine("sqlite://")
metadata = MetaData()
t = Table(
    "t", metadata,
    Column("id", Integer, primary_key=True),
    Column("price", Numeric(10, 2)),
    Column("ratio", Float),
    Column("big", Double),
)
metadata.create_all(engine)
with engine.begin() as conn:
    conn.execute(insert(t), {"price": "3.5", "ratio": " 0.25\n", "big": "1_000.5"})
    conn.execute(insert(t), [{"price": "-1e2", "ratio": Decimal("2.5"), "big": "+7"}, {"price": Decimal("2.25"), "ratio": 1, "big": "1E-3"}])
    conn.execute(insert(t), {"price": None, "ratio": "inf", "big": "-Infinity"})
    for row in conn.execute(select(t).order_by(t.c.id)):
        print(row)
    for bad in ["abc", "", "1_", "1__0", "_1", "0x10", "1,5", "it's"]:
        try:
            conn.execute(insert(t), {"price": bad, "ratio": 1.0, "big": 2})
        except StatementError as e:
            print(type(e).__name__, repr(e.orig), "|", str(e).splitlines()[0])
    try:
        conn.execute(insert(t), [{"price": 1, "ratio": 1, "big": 1}, {"price": 2, "ratio": "x", "big": 2}])
    except StatementError as e:
        print(type(e).__name__, e)


class Base(DeclarativeBase):
    pass


class Product(Base):
    __tablename__ = "product"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    price: Mapped[Decimal] = mapped_column(Numeric(8, 2))
    weight: Mapped[float]


Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Product(name="tea", price="4.10", weight="0.5"))
    session.commit()
    p = session.scalars(select(Product)).one()
    print(p.price, p.weight, type(p.price).__name__, type(p.weight).__name__)
    session.add(Product(name="cup", price="cheap", weight=1.0))
    try:
        session.commit()
    except StatementError as e:
        # (the flush's parameters come in an order that varies by run)
        print(type(e).__name__, repr(e.orig), str(e).splitlines()[:2])
        session.rollback()
    print(session.scalars(select(Product.name)).all())
